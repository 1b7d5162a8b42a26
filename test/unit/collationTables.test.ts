// The words-are-conserved property (issue #16) on a small, fixed sample of generated
// collations, so the unit layer catches a regression in seconds; test/property/ runs thousands.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { collationArb, expectedRows, readRows, renderCollation } from '../helpers/collationTables';

test('generated collations read back word for word (150 runs, fixed seed)', () => {
  fc.assert(fc.property(collationArb, collation => {
    const text = renderCollation(collation);
    assert.deepEqual(readRows(text), expectedRows(collation), text);
  }), { numRuns: 150, seed: 1916 });
});
