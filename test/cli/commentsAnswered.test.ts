// `secdraft comments` carries the answered state in JSON, CSV and Markdown, and
// `--unanswered` lists only the comments still waiting for a response (votes alone never).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { secdraft, tempDir } from '../helpers/cli';

const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.41 The Combined Premises Number counts Non-Domestic Premises five times.\n\nG8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment.\n';
const CSV = [
  'question,respondent,category,response,text',
  '1,E.ON,Large Supplier,Approve,"We query why G8.41 multiplies Non-Domestic Premises by five."',
  '1,Haven Power Limited,Small Supplier,Approve,G8.44C should count meters rather than premises.',
  '1,SSE,Large Supplier,Approve,No comment',
].join('\n') + '\n';
const RESPONSES = JSON.stringify({ version: 1, consultation: 'consultation.csv', responses: { 'q1-e-on': { disposition: 'noted', response: 'The factor reflects risk.' } } });

const folder = () => tempDir({ 'g8.sec.txt': G8, 'consultation.csv': CSV, 'consultation.responses.json': RESPONSES });

test('comments --format json: needsAnswer, answered, disposition and answer on each comment', () => {
  const r = secdraft(['comments', '.', '--format', 'json'], folder());
  assert.equal(r.code, 0, r.stderr);
  const comments = JSON.parse(r.stdout).comments as { id: string; needsAnswer: boolean; answered: boolean; disposition: string | null; answer: string | null }[];
  assert.deepEqual(comments.map(c => [c.id, c.needsAnswer, c.answered, c.disposition, c.answer]), [
    ['q1-e-on', true, true, 'noted', 'The factor reflects risk.'],
    ['q1-haven-power-limited', true, false, null, null],
    ['q1-sse', false, false, null, null],
  ]);
});

test('comments --unanswered: only the comments still waiting for a response, in every format', () => {
  const dir = folder();
  const json = secdraft(['comments', '.', '--unanswered'], dir);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.deepEqual(report.comments.map((c: { id: string }) => c.id), ['q1-haven-power-limited']);
  assert.deepEqual(report.clauses.map((c: { id: string }) => c.id), ['G8.44C']);
  const csv = parse(secdraft(['comments', '.', '--unanswered', '--format', 'csv'], dir).stdout, { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(csv.map(r => [r.id, r.needs_answer, r.answered]), [['q1-haven-power-limited', 'yes', 'no']]);
  const md = secdraft(['comments', '.', '--unanswered', '--format', 'md'], dir).stdout;
  assert.match(md, /Haven Power Limited/);
  assert.doesNotMatch(md, /E\.ON|SSE/);
  // Without the flag the answer is shown in Markdown under the comment.
  assert.match(secdraft(['comments', '.', '--format', 'md'], dir).stdout, /Noted, no change: The factor reflects risk\./);
});
