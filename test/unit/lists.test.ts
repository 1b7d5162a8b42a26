import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { applyFixes } from '../helpers/applyFixes';

const listOf = (text: string) => findingsOf(workspaceOf({ 'a.sec.txt': text }), 'a.sec.txt', 'list-punctuation');

test('a comma ending a non-final item is found at the item, with a certain fix (G8.19(b))', () => {
  const t = dedent(`
    G8.19 Each User shall:
    (a) give access as it may reasonably require;
    (b) provide such information as may reasonably be requested,
    (c) procure equivalent access; and
    (d) respond promptly.
  `);
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'list-punctuation'), ['3:1 list-punctuation']);
  const d = service.getDiagnostics(uriOf('a.sec.txt')).find(x => x.code === 'list-punctuation')!;
  assert.match(d.message, /\(b\) ends with ','; it should end with ';'/);
  assert.equal(d.fixes?.[0].certain, true);
  assert.match(applyFixes(service, 'a.sec.txt', 'list-punctuation'), /be requested;\n\(c\)/);
});

test('the last but one item needs "; and" or "; or", the last a full stop', () => {
  const t = dedent(`
    G8.30 The Panel shall set the status as one of the following:
    (a) approved;
    (b) provisionally approved;
    (c) deferred;
    G8.31 The User shall:
    (a) act, and
    (b) report.
  `);
  assert.deepEqual(listOf(t), ['3:1 list-punctuation', '4:1 list-punctuation', '6:1 list-punctuation']);
  const service = workspaceOf({ 'a.sec.txt': t });
  const fixed = applyFixes(service, 'a.sec.txt', 'list-punctuation');
  assert.match(fixed, /\(a\) act; and\n/, '", and" becomes "; and" with certainty');
  assert.match(fixed, /\(c\) deferred;\n/, 'a missing full stop is left to the drafter');
});

test('an item ending ":" hands its punctuation to its last sub-paragraph (G8.22)', () => {
  const good = dedent(`
    G8.22 The Provider shall prepare a report which shall:
    (a) record its findings;
    (b) where the assessment is a Full User Security Assessment:
    (i) identify each instance of non-compliance; and
    (ii) describe the evidence; and
    (c) in any other case, identify any material increase in risk.
  `);
  assert.deepEqual(listOf(good), []);
  const bad = good.replace('describe the evidence; and', 'describe the evidence;').replace('non-compliance; and', 'non-compliance;');
  assert.deepEqual(listOf(bad), ['4:1 list-punctuation', '5:1 list-punctuation']);
  const lastSub = workspaceOf({ 'a.sec.txt': bad }).getDiagnostics(uriOf('a.sec.txt')).find(d => d.range.start.line === 4)!;
  assert.match(lastSub.message, /carries the punctuation of \(b\)/);
});

test('a formula legend after "where:" is a list', () => {
  const good = dedent(`
    G8.41 The number shall be calculated as follows:
    CPN = (5 × NDP) + DP
    where:
    (a) CPN is the Combined Premises Number;
    (b) NDP is the number of Non-Domestic Premises; and
    (c) DP is the number of Domestic Premises.
  `);
  assert.deepEqual(listOf(good), []);
  assert.deepEqual(listOf(good.replace('Combined Premises Number;', 'Combined Premises Number')), ['4:1 list-punctuation']);
});

test('wrapped items are judged by their last line; quotes after the mark do not count', () => {
  const t = dedent(`
    G8.1 The Panel shall set the status as:
    (a) ‘approved’;
    (b) ‘approved, subject to the User taking
    the steps in its response’; or
    (c) ‘deferred.’
  `);
  assert.deepEqual(listOf(t), []);
});

test('paragraphs that are sentences of their own, and lists in table rows, are not lists', () => {
  const t = dedent(`
    G8.1 The following applies.
    (a) The Panel shall meet monthly.
    (b) The Panel may meet more often.
    G8.2 Each of the following:
    | (a) first, | (b) second |
  `);
  assert.deepEqual(listOf(t), []);
});

test('flush-out words after the last item end the sentence; whole-sentence items are not a list', () => {
  const t = dedent(`
    G8.1 Where a User:
    (a) fails to act; or
    (b) acts late,
    the Panel may direct it.
    G8.2 The following rules apply:
    (a) The Panel shall meet monthly.
    (b) The Panel may meet more often.
  `);
  assert.deepEqual(listOf(t), []);
});

test('a second list in one clause starts again at (a)', () => {
  const t = dedent(`
    G8.1 The User shall:
    (a) act; and
    (b) report.
    The Panel shall:
    (a) review; and
    (b) decide,
  `);
  assert.deepEqual(listOf(t), ['6:1 list-punctuation']);
});
