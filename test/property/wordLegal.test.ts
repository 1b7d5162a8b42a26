// Word legal text (issue 21): for any paragraphs of runs — bold or not, inserted, deleted or
// untouched, with XML-special characters — the text after the changes is exactly the runs that
// were not deleted and the text before them exactly the runs that were not inserted, paragraph
// by paragraph; the bold markers only ever add "**" around words.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { legalTextOfParts } from '../../server/src/io/extract/wordLegal';

const RUNS = Number(process.env.FC_RUNS ?? 500);
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 21);

interface GenRun { text: string; bold: boolean; change: 'ins' | 'del' | 'none' }

const wordArb = fc.constantFrom('Supplier', 'Party', 'shall', 'pay', 'the', 'Fee', '(the', 'Charge)', '250,000', '“Term”', 'a&b', '<x>', 'G8.41', '(a)', ';');
const runArb: fc.Arbitrary<GenRun> = fc.record({
  text: fc.array(wordArb, { minLength: 1, maxLength: 4 }).chain(words => fc.constantFrom(words.join(' '), words.join(' ') + ' ', ' ' + words.join(' '))),
  bold: fc.boolean(),
  change: fc.constantFrom('ins', 'del', 'none'),
});
const paragraphsArb = fc.array(fc.array(runArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const REV = 'w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"';

function documentXml(paragraphs: GenRun[][]): string {
  const run = (r: GenRun) => {
    const inner = `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:${r.change === 'del' ? 'delText' : 't'} xml:space="preserve">${escape(r.text)}</w:${r.change === 'del' ? 'delText' : 't'}></w:r>`;
    return r.change === 'none' ? inner : `<w:${r.change} ${REV}>${inner}</w:${r.change}>`;
  };
  return `<w:document xmlns:w="w"><w:body>${paragraphs.map(p => `<w:p>${p.map(run).join('')}</w:p>`).join('')}</w:body></w:document>`;
}

function expected(paragraphs: GenRun[][], keep: (r: GenRun) => boolean): string[] {
  return paragraphs.map(p => p.filter(keep).map(r => r.text).join('').trim()).filter(Boolean);
}

const paragraphsOf = (text: string | undefined) => (text ?? '').split('\n\n').map(s => s.trim()).filter(Boolean).map(s => s.replace(/\*\*/g, ''));

test(`any runs with any tracked changes read back exactly, after and before (${RUNS} runs)`, () => {
  fc.assert(fc.property(paragraphsArb, paragraphs => {
    const read = legalTextOfParts({ document: documentXml(paragraphs) });
    assert.deepEqual(paragraphsOf(read.after), expected(paragraphs, r => r.change !== 'del'));
    const changed = paragraphs.some(p => p.some(r => r.change !== 'none'));
    assert.equal(read.before === undefined, !changed);
    if (changed) assert.deepEqual(paragraphsOf(read.before), expected(paragraphs, r => r.change !== 'ins'));
  }), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
});
