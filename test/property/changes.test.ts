// Comparing with a baseline never throws, and is exact where it must be: any SEC-like text
// compared with itself is all unchanged; compared with nothing, all added (or all deleted the
// other way round); and every current clause and every baseline clause is accounted for once.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { secText } from '../helpers/arbitraries';
import { buildLegalModel } from '../../server/src/service/model/document';
import { compareWithBaseline, wordDiff } from '../../server/src/service/features/changes';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const model = (text: string, uri: string) => buildLegalModel({ uri, version: 1, text });

test(`a text compared with itself is unchanged; every clause is accounted for once (${RUNS} runs)`, () => {
  fc.assert(fc.property(secText, secText, (a, b) => {
    const now = model(a, 'file:///now.sec');
    const before = model(b, 'file:///base.sec');
    const same = compareWithBaseline([now], [model(a, 'file:///copy.sec')]);
    assert.equal(same.counts.unchanged, now.structure.clauses.length);
    const changes = compareWithBaseline([now], [before]);
    const current = changes.clauses.filter(c => c.status !== 'deleted');
    assert.equal(current.length, now.structure.clauses.length);
    assert.equal(changes.clauses.filter(c => c.baseline).length, before.structure.clauses.length);
    assert.equal(compareWithBaseline([now], []).counts.added, now.structure.clauses.length);
    for (const c of changes.clauses) {
      if (!c.diff) continue;
      // The diff rebuilds both texts.
      assert.equal(c.diff.filter(p => p.kind !== 'added').map(p => p.text).join(''), c.baseline!.text);
      assert.equal(c.diff.filter(p => p.kind !== 'removed').map(p => p.text).join(''), c.current!.text);
    }
  }), { numRuns: RUNS, seed: 21 });
});

test('the word diff rebuilds both texts', () => {
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
    const parts = wordDiff(a, b);
    assert.equal(parts.filter(p => p.kind !== 'added').map(p => p.text).join(''), a);
    assert.equal(parts.filter(p => p.kind !== 'removed').map(p => p.text).join(''), b);
  }), { numRuns: 500, seed: 21 });
});
