// The SEC Consultation view shows whether each comment is answered, and lists only unanswered
// comments or only comments on changed clauses on demand (issues 18 and 21).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { SecCommentInfo } from '../../server/src/service/features/comments';
import { SHOW_ALL, answerPresentation, changedClauseIds, filterComments, filterMessage } from '../../client/src/commentFilter';

const at = { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } };

function comment(id: string, clauses: string[], state: Partial<Pick<SecCommentInfo, 'needsAnswer' | 'answered' | 'answer'>> = {}): SecCommentInfo {
  return {
    id, uri: 'file:///ws/consultation.txt', range: at, question: '1', questionTitle: '', respondent: 'E.ON',
    category: 'Large Supplier', response: 'Yes', text: `comment ${id}`, status: 'unanswered' as SecCommentInfo['status'],
    clauses, links: [], needsAnswer: true, answered: false, ...state,
  };
}

const answered = comment('c1', ['G8.41'], { answered: true, answer: { disposition: 'noted' as never, dispositionLabel: 'Noted, no change', response: 'The Working Group noted it.' } });
const open = comment('c2', ['G8.42']);
const vote = comment('c3', [], { needsAnswer: false });

test('an answered comment shows its disposition and response; an open one says so; a vote asks nothing', () => {
  assert.deepEqual(answerPresentation(answered), { short: 'answered: Noted, no change', icon: 'pass', detail: 'Response (Noted, no change): The Working Group noted it.' });
  assert.equal(answerPresentation(open).short, 'no response yet');
  assert.equal(answerPresentation(open).icon, 'comment-unresolved');
  assert.equal(answerPresentation(vote).short, 'vote only');
  const accepted = comment('c4', ['G8.43'], { answered: true, answer: { disposition: 'accepted' as never, dispositionLabel: 'Accepted', response: 'Changed.', clause: 'G8.43' } });
  assert.equal(answerPresentation(accepted).detail, 'Response (Accepted, G8.43): Changed.');
});

test('"unanswered only" keeps the comments that need an answer and have none: not the answered, not votes', () => {
  assert.deepEqual(filterComments([answered, open, vote], { ...SHOW_ALL, unansweredOnly: true }, new Set()).map(c => c.id), ['c2']);
  assert.deepEqual(filterComments([answered, open, vote], SHOW_ALL, new Set()).map(c => c.id), ['c1', 'c2', 'c3']);
});

test('"changed clauses only" keeps comments on a changed clause, by its number now or in the baseline', () => {
  const changed = changedClauseIds([
    { id: 'G8.42', status: 'changed', description: 'changed' },
    { id: 'G8.50', baselineId: 'G8.41', status: 'renumbered', description: 'renumbered from G8.41' },
  ]);
  assert.deepEqual([...changed].sort(), ['G8.41', 'G8.42', 'G8.50']);
  assert.deepEqual(filterComments([answered, open, vote], { ...SHOW_ALL, changedOnly: true }, changed).map(c => c.id), ['c1', 'c2']);
  assert.deepEqual(filterComments([answered, open, vote], { unansweredOnly: true, changedOnly: true }, changed).map(c => c.id), ['c2']);
  assert.deepEqual(filterComments([answered, open], { ...SHOW_ALL, changedOnly: true }, new Set()), []);
});

test('the view message says what a filter hides, and nothing without one', () => {
  assert.equal(filterMessage(SHOW_ALL, 3, 3, ''), '');
  assert.equal(filterMessage({ unansweredOnly: true, changedOnly: false }, 1, 3, ''), 'Showing 1 of 3 comments: unanswered only');
  assert.equal(filterMessage({ unansweredOnly: true, changedOnly: true }, 1, 3, 'git main'), 'Showing 1 of 3 comments: unanswered, on clauses changed since git main only');
  assert.match(filterMessage({ unansweredOnly: false, changedOnly: true }, 0, 3, ''), /no baseline set/);
});
