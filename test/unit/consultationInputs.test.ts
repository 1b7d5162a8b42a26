// Bad collations lose only the bad row (issue #19): CSV rows with unpaired quotes, extra or
// missing fields, `;` and tab delimiters; JSON entries of the wrong types, with every comment
// still placed at its own line; a responses file answering comments that no longer exist;
// invisible characters inside a clause number in a comment.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { uriOf, workspaceOf } from '../helpers/fixtures';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

function modelOf(name: string, text: string, others: Record<string, string> = {}): ConsultationModel {
  const service = workspaceOf({ ...others, [name]: text });
  const model = workspaceIndexOf(service).model(uriOf(name));
  assert.equal(model?.kind, 'consultation');
  return model as ConsultationModel;
}

const rows = (m: ConsultationModel) => m.comments.map(c => `${c.range.start.line + 1} ${c.respondent}: ${c.text}`);
const problems = (m: ConsultationModel) => m.problems.map(p => `${p.range.start.line + 1} ${p.code}`);

test('CSV: a quote never closed loses only its own row', () => {
  const csv = [
    'question,respondent,category,response,text',
    '1,EDF,Large Supplier,Approve,"Fine by us."',
    '1,SSE,Large Supplier,Reject,"We disagree with G8.41',
    '1,Bryt,Small Supplier,Approve,"Quoted, and ""fine""."',
    '2,EDF,Large Supplier,,No more.',
    '',
  ].join('\n');
  const m = modelOf('responses.csv', csv);
  assert.deepEqual(rows(m), ['2 EDF: Fine by us.', '4 Bryt: Quoted, and "fine".', '5 EDF: No more.']);
  assert.deepEqual(problems(m), ['3 file-error']);
  assert.match(m.problems[0].message, /line 3 .*quote/);
});

test('CSV: text after a closing quote is a bad row, not a row swallowing the next ones', () => {
  const csv = 'question,respondent,text\n1,EDF,"We agree" mostly\n1,SSE,"Fine."\n';
  const m = modelOf('responses.csv', csv);
  assert.deepEqual(rows(m), ['3 SSE: Fine.']);
  assert.deepEqual(problems(m), ['2 file-error']);
});

test('CSV: semicolon- and tab-delimited files are read, with a BOM', () => {
  for (const d of [';', '\t']) {
    const csv = '\uFEFF' + ['question', 'respondent', 'category', 'response', 'text'].join(d) + '\n' + ['1', 'EDF', 'Large Supplier', 'Approve', 'We agree, on balance.'].join(d) + '\n';
    const m = modelOf(`responses${d === ';' ? '' : '-tab'}.csv`, csv);
    assert.deepEqual(m.comments.map(c => [c.respondent, c.category, c.response, c.text]), [['EDF', 'Large Supplier', 'Approve', 'We agree, on balance.']], JSON.stringify(d));
    assert.deepEqual(m.problems, []);
  }
});

test('CSV: extra fields are kept as the end of the text, and said; a short row is said', () => {
  const csv = 'question,respondent,category,response,text\n1,EDF,Large Supplier,Approve,We agree, but not with G8.41\n1,SSE,Large Supplier\n1,Bryt,Small Supplier,Approve,Yes.\n';
  const m = modelOf('responses.csv', csv);
  assert.deepEqual(rows(m), ['2 EDF: We agree, but not with G8.41', '3 SSE: ', '4 Bryt: Yes.']);
  assert.deepEqual(problems(m), ['2 file-error', '3 file-error']);
  assert.match(m.problems[0].message, /6 fields where the header has 5.*kept/);
  assert.match(m.problems[1].message, /3 fields where the header has 5/);
});

test('CSV found by content with semicolons', () => {
  const m = modelOf('consultation-responses.txt', 'question;respondent;text\n1;EDF;Fine.\n');
  assert.equal(m.format, 'csv');
  assert.deepEqual(rows(m), ['2 EDF: Fine.']);
});

test('JSON: wrong types are diagnostics at their entry, never silent', () => {
  const json = [
    '[',
    '  { "respondent": "EDF", "question": 1, "text": "Fine." },',
    '  { "respondent": "SSE", "question": { "n": 2 }, "text": { "body": "We object." } },',
    '  { "respondent": "Bryt", "question": "2", "text": ["One.", "Two."] }',
    ']',
  ].join('\n');
  const m = modelOf('responses.json', json);
  assert.deepEqual(rows(m), ['2 EDF: Fine.', '3 SSE: {"body":"We object."}', '4 Bryt: One.\n\nTwo.']);
  assert.deepEqual(m.comments.map(c => c.question), ['1', '1', '2']);
  assert.deepEqual(problems(m), ['3 file-error', '3 file-error', '4 file-error']);
  assert.match(m.problems[0].message, /"question" .* an object/);
  assert.match(m.problems[1].message, /"text" .* an object/);
});

test('JSON: after a skipped entry, later comments keep their own lines', () => {
  const json = [
    '[',
    '  { "respondent": "EDF", "text": "One." },',
    '  { "text": "No respondent: skipped." },',
    '  { "respondent": "SSE", "text": "Three." },',
    '  { "respondent": "Bryt",',
    '    "text": "Four." }',
    ']',
  ].join('\n');
  const m = modelOf('responses.json', json);
  assert.deepEqual(rows(m), ['2 EDF: One.', '4 SSE: Three.', '5 Bryt: Four.']);
  assert.deepEqual(problems(m), ['3 file-error']);
});

test('JSON: a syntax error is placed at its line', () => {
  const m = modelOf('responses.json', '[\n  { "respondent": "EDF", "text": "x" },\n  { "respondent": }\n]');
  assert.deepEqual(problems(m), ['3 file-error']);
});

const LEGAL = 'G8 USER SECURITY\n\nG8.41 A Supplier Party shall count premises.\n';

test('an invisible character inside a clause number in a comment is read through', () => {
  const csv = 'question,respondent,text\n1,EDF,We question G8.4\u200b1 and Section G8.\u20604\u00ad1(a).\n';
  const service = workspaceOf({ 'g8.sec.txt': LEGAL, 'responses.csv': csv });
  assert.deepEqual(service.getDiagnostics(uriOf('responses.csv')).map(d => d.code), []);
  const [entry] = service.getComments();
  assert.deepEqual(entry.links.map(l => `${l.clause} ${l.kind}`), ['G8.41 explicit']);
  // The comment's text is the respondent's, unchanged.
  assert.match(entry.comment.text, /G8\.4\u200b1/);
});

test('a responses file answering ids that match no comment reports each, as information', () => {
  const csv = 'question,respondent,text\n1,EDF,We question G8.41.\n';
  const responses = JSON.stringify({
    version: 1, consultation: 'consultation.csv',
    responses: {
      'q1-edf': { disposition: 'noted', response: 'Thank you.' },
      'q1-old-name': { disposition: 'noted', response: 'An answer to a comment read before.' },
    },
  }, null, 2);
  const service = workspaceOf({ 'g8.sec.txt': LEGAL, 'consultation.csv': csv, 'consultation.responses.json': responses });
  const d = service.getDiagnostics(uriOf('consultation.responses.json'));
  assert.deepEqual(d.map(x => `${x.range.start.line + 1} ${x.severity} ${x.code}`), ['9 information file-error']);
  assert.match(d[0].message, /q1-old-name.*no comment/);
});

test('a file taken for a collation with no response table says so, as information', () => {
  const service = workspaceOf({ 'consultation-responses.txt': 'Minutes of the Working Group meeting.\n\nThe group discussed the timetable.\n' });
  const d = service.getDiagnostics(uriOf('consultation-responses.txt'));
  assert.deepEqual(d.map(x => `${x.range.start.line + 1} ${x.severity} ${x.code}`), ['1 information file-error']);
  assert.match(d[0].message, /No response table found/);
  assert.deepEqual(service.getComments(), []);
  // A collation with a table says nothing of the kind.
  const ok = workspaceOf({ 'consultation-responses.txt': ' Question 1: Do you agree?\n\nRespondent Category Response Rationale\nEDF Energy Large Supplier Approve We agree.\n' });
  assert.deepEqual(ok.getDiagnostics(uriOf('consultation-responses.txt')).map(x => x.code), []);
});
