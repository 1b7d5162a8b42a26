import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanLine, scanReferences, referencesOf, targetAt, rangeCovers, referenceNames } from '../../server/src/service/model/references';
import { buildLegalModel } from '../../server/src/service/model/document';

/** Compact view: the text of each reference, its target ids and heading. */
function scan(text: string) {
  return scanLine(text, 0).map(r => ({
    text: text.slice(r.range.start.character, r.range.end.character),
    ids: r.targets.map(t => t.id + (t.paragraphPath ?? '')),
    ...(r.isRange ? { range: true } : {}),
    ...(r.heading ? { heading: r.heading } : {}),
  }));
}

test('a clause reference, with and without a bracketed heading', () => {
  assert.deepEqual(scan('as set out in Section G8.41.'), [{ text: 'Section G8.41', ids: ['G8.41'] }]);
  assert.deepEqual(scan('under Section G8.30 (Assurance Status) and'), [{ text: 'Section G8.30 (Assurance Status)', ids: ['G8.30'], heading: 'Assurance Status' }]);
});

test('paragraph paths belong to the target', () => {
  const [ref] = scanLine('identified under Section G8.22(b)(i) has', 0);
  assert.equal(ref.targets[0].id, 'G8.22');
  assert.equal(ref.targets[0].paragraphPath, '(b)(i)');
  assert.deepEqual(ref.targets[0].idRange, { start: { line: 0, character: 25 }, end: { line: 0, character: 30 } });
  assert.equal(ref.targets[0].range.end.character, 36);
});

test('ranges of clauses and of Parts keep their two ends', () => {
  assert.deepEqual(scan('in Sections G8.44A to G8.44C apply'), [{ text: 'Sections G8.44A to G8.44C', ids: ['G8.44A', 'G8.44C'], range: true }]);
  assert.deepEqual(scan('under Sections G3 to G6 in each'), [{ text: 'Sections G3 to G6', ids: ['G3', 'G6'], range: true }]);
  const [ref] = scanLine('Sections G8.16 to G8.18', 0);
  assert.deepEqual(ref.targets.map(t => t.rangeEnd), ['start', 'end']);
});

test('a list shares one "Section"; a lower-case bracketed phrase is not a heading', () => {
  assert.deepEqual(scan('the threshold in Section G8.40, G8.41 or G8.44A (as the case may be), it'),
    [{ text: 'Section G8.40, G8.41 or G8.44A', ids: ['G8.40', 'G8.41', 'G8.44A'] }]);
});

test('Parts and whole Sections, with their headings', () => {
  assert.deepEqual(scan('carried out under Section G8 (User Security Assurance), being'), [{ text: 'Section G8 (User Security Assurance)', ids: ['G8'], heading: 'User Security Assurance' }]);
  assert.deepEqual(scan('in accordance with Section C (Governance) to oversee'), [{ text: 'Section C (Governance)', ids: ['C'], heading: 'Governance' }]);
  const [c] = scanLine('Section C', 0);
  assert.equal(c.targets[0].kind, 'section');
});

test('statutes and non-references are not references', () => {
  assert.deepEqual(scan('given to it by section 1159 of the Companies Act 2006.'), []);
  assert.deepEqual(scan('under section 6(1)(c) of the Electricity Act 1989'), []);
  assert.deepEqual(scan('SECTION G: SECURITY'), []);
  assert.deepEqual(scan('the Sections Committee'), []);
  // A bare letter after a clause id is an article, not Section A.
  assert.deepEqual(scan('under Section G8.4 and A User shall'), [{ text: 'Section G8.4', ids: ['G8.4'] }]);
  assert.deepEqual(scan('as required by this Section A Party shall'), []);
  assert.deepEqual(scan('Sections C and D apply'), [{ text: 'Sections C and D', ids: ['C', 'D'] }]);
  // An acronym in brackets is not a heading.
  assert.deepEqual(scan('Section G8.41 (CPN) applies'), [{ text: 'Section G8.41', ids: ['G8.41'] }]);
});

test('several references on a line, and text cut from a larger file keeps its position', () => {
  assert.deepEqual(scan('Section G8.43 and Section G8.44B').map(r => r.ids), [['G8.43'], ['G8.44B']]);
  const refs = scanReferences('see\nfirst Section G8.41 and', { line: 10, character: 4 });
  assert.equal(refs[0].range.start.line, 11);
  assert.equal(refs[0].range.start.character, 6);
  const same = scanReferences('Section G8.41', { line: 3, character: 4 });
  assert.deepEqual(same[0].targets[0].idRange.start, { line: 3, character: 12 });
});

test('referencesOf skips the Section heading and is memoised per model', () => {
  const model = buildLegalModel({ uri: 'file:///g.sec.txt', version: 1, text: 'SECTION G: SECURITY\n\nG8.1 See Section G8.2.\n' });
  const refs = referencesOf(model);
  assert.deepEqual(refs.map(r => r.targets[0].id), ['G8.2']);
  assert.equal(referencesOf(model), refs);
});

test('referencesOf skips inline code, code fences and comments, and reads Markdown emphasis', () => {
  const text = 'G8.1 See `Section G8.9` and **Section G8.2** and <!-- Section G8.8 -->.\n\n```\nSection G8.7\n```\n';
  const model = buildLegalModel({ uri: 'file:///g.sec.md', version: 1, text });
  assert.deepEqual(referencesOf(model).map(r => r.targets[0].id), ['G8.2']);
});

test('targetAt, rangeCovers and referenceNames', () => {
  const refs = scanLine('see Sections G8.40 to G8.44C (Supplier Parties) now', 0);
  assert.equal(targetAt(refs, { line: 0, character: 24 })?.target.id, 'G8.44C');
  assert.equal(targetAt(refs, { line: 0, character: 5 })?.target.id, 'G8.40');
  assert.equal(targetAt(refs, { line: 0, character: 1 }), undefined);
  assert.ok(rangeCovers(refs[0], 'G8.44A'));
  assert.ok(!rangeCovers(refs[0], 'G8.45'));
  assert.ok(!rangeCovers(refs[0], 'G9.41'));
  assert.ok(referenceNames(refs[0], 'G8.40'));
  const parts = scanLine('Sections G3 to G6', 0);
  assert.ok(rangeCovers(parts[0], 'G4.2'));
  assert.ok(!rangeCovers(parts[0], 'G8.2'));
});
