// Consultation comment threads change only when their comment or links change (issue 18: the
// client disposed and recreated every thread on each refresh, so none could be expanded).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { SecCommentInfo } from '../../server/src/service/features/comments';
import { planThreads, signature, threadSpecs } from '../../client/src/threadPlan';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
const legal = 'file:///ws/section-g8.sec.txt';

function comment(id: string, text: string, clauses: [string, number][]): SecCommentInfo {
  return {
    id, uri: 'file:///ws/consultation.txt', range: at(1), question: '1', questionTitle: '', respondent: 'E.ON',
    category: 'Large Supplier', response: 'Yes', text, status: 'unanswered' as SecCommentInfo['status'],
    clauses: clauses.map(([clause]) => clause), needsAnswer: true, answered: false,
    links: clauses.map(([clause, line]) => ({ clause, kind: 'explicit' as const, score: 1, quote: clause, target: { uri: legal, range: at(line) } })),
  };
}

const shownAfter = (comments: SecCommentInfo[]) => new Map(threadSpecs(comments).map(s => [s.key, signature(s)]));

test('the same comments twice touch no thread', () => {
  const comments = [comment('c1', 'multiply by five', [['G8.41', 10]]), comment('c2', 'double space', [['G8.44C', 20]])];
  const plan = planThreads(shownAfter(comments), threadSpecs(structuredClone(comments)));
  assert.deepEqual(plan, { create: [], change: [], remove: [] });
});

test('a changed text changes its thread only; a new comment creates one; a gone one is removed', () => {
  const before = [comment('c1', 'multiply by five', [['G8.41', 10]]), comment('c2', 'double space', [['G8.44C', 20]])];
  const after = [comment('c1', 'multiply by six', [['G8.41', 10]]), comment('c3', 'new', [['G8.42', 12]])];
  const plan = planThreads(shownAfter(before), threadSpecs(after));
  assert.deepEqual(plan.change.map(s => s.commentId), ['c1']);
  assert.deepEqual(plan.create.map(s => s.commentId), ['c3']);
  assert.equal(plan.remove.length, 1);
  assert.match(plan.remove[0], /#c2@/);
});

test('a moved clause changes the thread in place (same key), not a new thread', () => {
  const plan = planThreads(shownAfter([comment('c1', 't', [['G8.41', 10]])]), threadSpecs([comment('c1', 't', [['G8.41', 11]])]));
  assert.equal(plan.create.length, 0);
  assert.equal(plan.change.length, 1);
  assert.equal(plan.change[0].range.start.line, 11);
});

test('a comment on three clauses of one document is one thread naming them all, at the first', () => {
  const specs = threadSpecs([comment('c1', 't', [['G8.41', 10], ['G8.42', 12], ['G8.43', 14]])]);
  assert.equal(specs.length, 1);
  assert.equal(specs[0].label, 'G8.41, G8.42, G8.43: E.ON · no response yet');
  assert.equal(specs[0].range.start.line, 10);
  assert.match(specs[0].body, /^t\n\nNames G8\.41\.\nNames G8\.42\.\nNames G8\.43\.$/);
});

test('links to no clause in the workspace give no thread', () => {
  const c = comment('c1', 't', []);
  c.links.push({ clause: 'Z9.99', kind: 'explicit', score: 1, quote: 'Z9.99' });
  assert.deepEqual(threadSpecs([c]), []);
});

test('a recorded response changes its thread: the title says answered and the body shows the response', () => {
  const before = [comment('c1', 'multiply by five', [['G8.41', 10]])];
  const answered = [{ ...before[0], answered: true, answer: { disposition: 'noted' as const, dispositionLabel: 'Noted, no change', response: 'The factor stays five.' } }];
  const plan = planThreads(shownAfter(before), threadSpecs(answered));
  assert.equal(plan.change.length, 1);
  assert.match(plan.change[0].label, /G8\.41: E\.ON · answered$/);
  assert.match(plan.change[0].body, /Response \(Noted, no change\): The factor stays five\.$/);
  assert.match(threadSpecs(before)[0].label, /· no response yet$/);
});
