// Words are conserved (issue #16): generated collations — random respondents and categories,
// wrapped at random column widths, page breaks with repeated headers inside rows, empty cells,
// `|` or not (test/helpers/collationTables.ts) — are read back as the table they were made
// from, word for word: every word in exactly one field of exactly one row, and no name guessed
// (everything a reader needs is in the document).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { collationArb, expectedRows, readRows, renderCollation } from '../helpers/collationTables';

const RUNS = Number(process.env.FC_RUNS ?? 3000);
// A fixed seed keeps the layer repeatable; FC_SEED=random explores new tables (see CHANGELOG).
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 16);

test(`generated collations read back word for word (${RUNS} runs)`, () => {
  fc.assert(fc.property(collationArb, collation => {
    const text = renderCollation(collation);
    assert.deepEqual(readRows(text), expectedRows(collation), text);
  }), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
});
