// `secdraft report` and `check` on a collation whose rows are partly votes alone: the votes are
// counted in the per-question summary, but are not comments to answer or list.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { secdraft, tempDir } from '../helpers/cli';

const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.41 The Combined Premises Number counts Non-Domestic Premises five times.\n';
const TEXT = [
  'Question 1: Do you believe that SECMP0059 should be approved?',
  '| Respondent | Category | Response | Rationale |',
  '| E.ON | Large Supplier | Approve | We query why G8.41 multiplies Non-Domestic Premises by five. |',
  '| SSE | Large Supplier | Approve | |',
  '| Npower | Large Supplier | Reject | N/A |',
  '| British Gas | Large Supplier | Approve | No comment. |',
].join('\n') + '\n';

test('report: votes alone are counted as votes, not as comments without a response', () => {
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.txt': TEXT });
  const r = secdraft(['report', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /1 consultation comment, 1 without a response/);
  assert.doesNotMatch(r.stdout, /Comments not linked to a clause/, 'no vote is listed as a general comment');
  assert.doesNotMatch(r.stdout, /N\/A|No comment/);
  // Every respondent still votes in the question's summary: 3 Approve, 1 Reject.
  const summary = r.stdout.split('\n').find(l => /^\| Large Supplier \|/.test(l)) ?? '';
  assert.match(summary, /\| 3 \|[^|]*\| 1 \|/, summary);
});

test('check with the gate on: only the row with a comment is unanswered', () => {
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.txt': TEXT, '.secdraft.json': JSON.stringify({ severity: { 'unanswered-comment': 'error' } }) });
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  const file = (JSON.parse(r.stdout).files as { path: string; diagnostics: { code: string; line: number }[] }[]).find(f => f.path === 'consultation-responses.txt');
  assert.deepEqual(file?.diagnostics.filter(d => d.code === 'unanswered-comment').map(d => d.line), [3]);
});
