// Words are conserved (issue #16): generated collations — random respondents and categories,
// wrapped at random column widths, page breaks with repeated headers inside rows, empty cells,
// `|` or not (test/helpers/collationTables.ts) — are read back as the table they were made
// from, word for word: every word in exactly one field of exactly one row.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { splitLines } from '../../server/src/service/text/lines';
import { parseTextCollation } from '../../server/src/service/model/consultation/text';
import { collationArb, expectedRows, renderCollation } from '../helpers/collationTables';

const RUNS = Number(process.env.FC_RUNS ?? 3000);

export function readRows(text: string): string[][] {
  return parseTextCollation(splitLines(text)).comments.map(c => [c.question, c.respondent, c.category, c.response, c.text.replace(/\s+/g, ' ').trim()]);
}

test(`generated collations read back word for word (${RUNS} runs)`, () => {
  fc.assert(fc.property(collationArb, collation => {
    const text = renderCollation(collation);
    assert.deepEqual(readRows(text), expectedRows(collation), text);
  }), { numRuns: RUNS });
});
