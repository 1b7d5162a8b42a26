// One respondent row (service/features/respondentRows.ts) behind `secdraft comments`, the
// report and sec/unansweredComments, reached through the facade; and the report's data built in
// the core (features/report.ts) with no file system and no renderer.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { emptyResponses, linkedClauses, serialiseResponses, withResponse } from '../../server/src/service';
import { uriOf, workspaceOf } from '../helpers/fixtures';

const CSV = [
  'question,respondent,category,response,text',
  '1,E.ON,Large Supplier,Approve,Why does Section G8.41 multiply by five? And G8.41(a)?',
  '1,Bryt,Small Supplier,Reject,We disagree.',
  '',
].join('\n');
const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.40 A party shall comply.\n\nG8.41 A party shall multiply by five.\n';
const ANSWERED = serialiseResponses(withResponse(emptyResponses('consultation.csv'), 'q1-e-on', { disposition: 'accepted', clause: 'G8.41', response: 'Explained.' }));

test('a row carries the collation row, its links and the recorded response; unanswered rows leave the answered out', () => {
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8, 'consultation.responses.json': ANSWERED });
  const rows = service.getRespondentRows();
  assert.deepEqual(rows.map(r => [r.id, r.line, r.question, r.respondent, r.category, r.response]), [
    ['q1-e-on', 1, '1', 'E.ON', 'Large Supplier', 'Approve'],
    ['q1-bryt', 2, '1', 'Bryt', 'Small Supplier', 'Reject'],
  ]);
  assert.equal(rows[0].uri, uriOf('consultation.csv'));
  assert.deepEqual(rows[0].answer, { disposition: 'accepted', clause: 'G8.41', response: 'Explained.' });
  assert.equal(rows[1].answer, undefined);
  assert.deepEqual(linkedClauses(rows[0]), ['G8.41'], 'each clause once, however often it is named');
  assert.deepEqual(service.getUnansweredRows().map(r => r.id), ['q1-bryt']);
});

test('the report data: clauses with their comments and answers, the question summary, the verdict', () => {
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8, 'consultation.responses.json': ANSWERED });
  const data = service.getReportData(uri => uri.slice(uri.lastIndexOf('/') + 1), { title: 'T', failOn: 'warning' });
  const g841 = data.clauses.find(c => c.id === 'G8.41')!;
  assert.deepEqual(g841.comments.map(c => [c.id, c.path, c.line, c.position, c.answer?.disposition]), [['q1-e-on', 'consultation.csv', 2, 'Approve', 'accepted']]);
  assert.deepEqual(data.generalComments.map(c => c.id), ['q1-bryt']);
  assert.deepEqual(data.unanswered.map(c => c.id), ['q1-bryt']);
  assert.deepEqual(data.questions.map(q => [q.question, q.total, q.totals.Approve, q.totals.Reject]), [['1', 2, 1, 1]]);
  assert.equal(data.counts.unanswered, 1);
  assert.deepEqual(data.verdict, { ready: false, text: 'Not ready: 1 unanswered comment' });
});
