// Properties of the consultation helpers of issue 18: blanking general remarks never throws,
// keeps the text's length and line breaks, and only ever blanks (never alters a character);
// the vote-only test and the copy detection never throw on any rows.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { withoutGeneralRemarks } from '../../server/src/service/model/consultation/generalRemarks';
import { isVoteOnlyText } from '../../server/src/service/model/consultation/votes';
import { createSecLanguageService } from '../../server/src/service';
import { collationCopies } from '../../server/src/service/model/consultation/copies';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const RUNS = Number(process.env.FC_RUNS ?? 150);

const WORDS = ['We', 'support', 'this', 'modification', 'the', 'change', 'SEC', 'objectives', '(a)', 'G8.41', 'as', 'which', 'and', 'therefore', 'implementation', 'date', 'N/A', '50,000', ',', '.', ';', '\n', '  ', 'Smart Metering Systems', 'agree', 'proposed', 'solution'];
const prose = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map(w => w.join(' ')));

test('withoutGeneralRemarks: same length, same line breaks, each character kept or blanked', () => {
  fc.assert(fc.property(prose, text => {
    const out = withoutGeneralRemarks(text);
    assert.equal(out.length, text.length);
    for (let i = 0; i < text.length; i++) assert.ok(out[i] === text[i] || (out[i] === ' ' && text[i] !== '\n'), `at ${i}`);
    assert.equal(typeof isVoteOnlyText(text), 'boolean');
  }), { numRuns: RUNS });
});

test('collationCopies: any two CSV collations are compared without throwing, and a file is never a copy of itself', () => {
  const row = fc.tuple(fc.constantFrom('1', '2'), fc.constantFrom('E.ON', 'SSE', 'Bryt Energy Limited'), prose);
  const csv = fc.array(row, { maxLength: 6 }).map(rows => ['question,respondent,category,response,text', ...rows.map(([q, r, t]) => `${q},${r},Large Supplier,Approve,"${t.replace(/"/g, '""')}"`)].join('\n') + '\n');
  fc.assert(fc.property(csv, csv, (a, b) => {
    const service = createSecLanguageService({});
    service.setDocument({ uri: 'file:///ws/a.csv', version: 1, text: a });
    service.setDocument({ uri: 'file:///ws/b.csv', version: 1, text: b });
    const copies = collationCopies(workspaceIndexOf(service));
    for (const [copy, kept] of copies) assert.notEqual(copy, kept);
    assert.ok(copies.size <= 1);
    // Counted once: the comments listed come from the files that are not copies.
    assert.ok(service.getComments().every(e => !copies.has(e.uri)));
  }), { numRuns: Math.max(20, RUNS / 5) });
});
