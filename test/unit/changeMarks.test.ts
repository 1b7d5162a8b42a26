// The editor marks the lines of each changed clause in the gutter, by kind (issue 21).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { markedUris, planMarks, sameUri } from '../../client/src/changeMarks';
import type { SecChangesResult } from '../../server/src/lsp/protocol';

const g8 = 'file:///ws/section-g8.sec.txt';
const result: SecChangesResult = {
  baseline: 'git main',
  clauses: [
    { id: 'G8.44', status: 'changed', description: 'changed', uri: g8, line: 30, lastLine: 33 },
    { id: 'G8.41', status: 'added', description: 'added', uri: g8, line: 10, lastLine: 10 },
    { id: 'G8.50', status: 'renumbered', description: 'renumbered from G8.6, words changed', baselineId: 'G8.6', uri: g8, line: 40 },
    { id: 'G8.7', status: 'deleted', description: 'deleted', baselineId: 'G8.7' },
    { id: 'H1.1', status: 'changed', description: 'changed', uri: 'file:///ws/section-h.sec.txt', line: 2, lastLine: 3 },
  ],
};

test('each changed clause of the document is marked over its lines, by kind; deleted clauses and other files are not', () => {
  const plan = planMarks(result, g8);
  assert.deepEqual(plan.added.map(s => [s.id, s.first, s.last]), [['G8.41', 10, 10]]);
  assert.deepEqual(plan.changed.map(s => [s.id, s.first, s.last]), [['G8.44', 30, 33]]);
  assert.deepEqual(plan.renumbered.map(s => [s.id, s.first, s.last]), [['G8.50', 40, 40]]);
});

test('no baseline or no answer: nothing is marked', () => {
  assert.deepEqual(planMarks(undefined, g8), { added: [], changed: [], renumbered: [] });
  assert.deepEqual(planMarks({ baseline: '', clauses: [] }, g8), { added: [], changed: [], renumbered: [] });
});

test('a URI spelt differently by the editor and the server is the same document', () => {
  assert.ok(sameUri('file:///c%3A/ws/a%20b.sec.txt', 'file:///C:/ws/a b.sec.txt'));
  assert.ok(!sameUri('file:///ws/a.sec.txt', 'file:///ws/b.sec.txt'));
  assert.deepEqual(planMarks(result, 'file:///ws/section%2Dg8.sec.txt').changed.map(s => s.id), ['G8.44']);
  assert.deepEqual(markedUris(result).sort(), [g8, 'file:///ws/section-h.sec.txt']);
});
