import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, workspaceOf, uriOf } from '../helpers/fixtures';

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  Categories of Assessment

  G8.14 Each assessment falls within Sections G8.15 to G8.16.

  G8.15 A "Full Assessment" is an examination.

  G8.16 A review, which shall:
  (a) look; and
  (b) report, either:
  (i) in writing; or
  (ii) orally.

  […]

  Supplier Parties

  G8.40 A Supplier Party shall comply with Section G8.16(b)(ii).

  G8.41 [Not used]

  G8.42 Text.

  G8.43 Text.

  G8.44 Where Section G8.40, G8.41 or G8.44A (as the case may be) applies.

  G8.44A Inserted clause.

  G8.45 Last clause.
`);

function findings(files: Record<string, string>, name: string, code: string) {
  return workspaceOf(files).getDiagnostics(uriOf(name)).filter(d => d.code === code);
}

const brokenIn = (text: string) => findings({ 'g8.sec.txt': G8, 'a.sec.txt': text }, 'a.sec.txt', 'broken-reference');
const mismatchIn = (text: string) => findings({ 'g8.sec.txt': G8, 'a.sec.txt': text }, 'a.sec.txt', 'reference-heading-mismatch');

test('the G8 fixture itself is clean', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8 });
  const mine = ['clause-numbering', 'broken-reference', 'reference-heading-mismatch'];
  assert.deepEqual(service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => mine.includes(d.code)).map(d => d.message), []);
});

test('broken-reference: a missing clause inside the reproduced range, across files', () => {
  const [d, ...rest] = brokenIn('A1.1 See Section G8.44D and Section G8.44B.\n');
  assert.equal(rest.length, 1);
  assert.equal(d.message, 'Section G8.44D does not exist: G8.44A is followed by G8.45.');
  assert.deepEqual(d.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 23 } });
  assert.equal(rest[0].message, 'Section G8.44B does not exist: G8.44A is followed by G8.45.');
});

test('broken-reference is silent where absence cannot be shown', () => {
  // Before or after the excerpt, another Part, another Section, a whole Part or Section.
  assert.deepEqual(brokenIn('A1.1 See Section G8.1, Section G8.52, Section G7.19(a), Section H1, Section C (Governance) and Sections G3 to G6.\n'), []);
  // Inside an elision ("[…]") between G8.16 and G8.40 nothing is known.
  assert.deepEqual(brokenIn('A1.1 See Section G8.30.\n'), []);
  // A clause of a file with no other clauses of its Part is its own excerpt.
  assert.deepEqual(brokenIn('A1.1 See Section A1.2.\n'), []);
});

test('broken-reference: a paragraph that does not exist, and range ends', () => {
  assert.deepEqual(brokenIn('A1.1 Under Section G8.16(b)(iii) and Section G8.16(c) but Section G8.16(b)(i).\n').map(d => d.message),
    ['G8.16 has no paragraph (b)(iii).', 'G8.16 has no paragraph (c).']);
  assert.deepEqual(brokenIn('A1.1 Sections G8.14 to G8.44B apply.\n').map(d => d.message), ['Section G8.44B (the end of the range) does not exist: G8.44A is followed by G8.45.']);
  assert.deepEqual(brokenIn('A1.1 Sections G8.44A to G8.40 apply.\n').map(d => d.message), ['The range G8.44A to G8.40 runs backwards.']);
});

test('broken-reference: one of several targets is reported on its own', () => {
  const [d] = brokenIn('A1.1 Section G8.40, G8.44B or G8.44A applies.\n');
  assert.equal(d.message, 'Section G8.44B does not exist: G8.44A is followed by G8.45.');
  assert.deepEqual(d.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 26 } });
});

test('inline paragraph labels in a clause without line-start paragraphs count', () => {
  const text = G8 + '\nG8.46 A User shall (a) wait; and (b) see.\n\nG8.47 See Section G8.46(b).\n';
  assert.deepEqual(findings({ 'g8.sec.txt': text }, 'g8.sec.txt', 'broken-reference'), []);
});

test('reference-heading-mismatch against a sub-heading, with a certain fix', () => {
  const [d, ...rest] = mismatchIn('A1.1 Defined in Section G8.15 (Categories of User Assessment) and Section G8.40 (supplier  parties).\n');
  assert.equal(rest.length, 0, 'case and extra spaces are ignored');
  assert.equal(d.message, 'The heading "Categories of User Assessment" does not match G8.15\'s heading "Categories of Assessment".');
  assert.equal(d.range.start.character, 16);
  const fix = d.fixes![0];
  assert.equal(fix.certain, true);
  assert.equal(fix.edits[0].newText, 'Categories of Assessment');
  assert.deepEqual(fix.edits[0].range, { start: { line: 0, character: 31 }, end: { line: 0, character: 60 } });
});

test('reference-heading-mismatch against a Part heading in capitals: an uncertain title-cased fix', () => {
  assert.deepEqual(mismatchIn('A1.1 Under Section G8 (User Security Assurance).\n'), []);
  const [d] = mismatchIn('A1.1 Under Section G8 (User Security Assessments).\n');
  assert.equal(d.fixes![0].edits[0].newText, 'User Security Assurance');
  assert.equal(d.fixes![0].certain, false);
});

test('a clause may also be titled by its Part or Section heading, a Part by its Section', () => {
  assert.deepEqual(mismatchIn('A1.1 Under Section G8.40 (User Security Assurance).\n'), []);
  assert.deepEqual(mismatchIn('A1.1 Under Section G8 (Security) and Section G8.40 (Security).\n'), [], 'or by its Section');
  assert.equal(mismatchIn('A1.1 Under Section G8.40 (Safety).\n').length, 1);
});

test('no mismatch for parentheticals, unknown targets, or a range whose start matches', () => {
  assert.deepEqual(mismatchIn('A1.1 Section G8.40 (as the case may be) and Section G7.19 (Duties) and Sections G8.14 to G8.16 (Categories of Assessment).\n'), []);
});
