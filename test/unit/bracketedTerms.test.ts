// Defined terms whose name holds a bracketed part ("SMKI PMA (Supplier) Member", "Panel (Elected)
// Member"), in both forms of the text: the tidy one (`|` rows, quoted or bold definitions, blank
// lines) and the real one (flattened `Term means …` rows, hard-wrapped lines, no blank lines).
// Such a term is read where Section A defines it and matched where it is used; the brackets of
// anything else (inline definitions, list labels, references, asides) stay as they were.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';
import { dedent, findingsOf, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import { termMatches as matches } from '../helpers/termMatches';

// ---------------------------------------------------------------------------------------
// Fixtures: the same definitions and uses in the two forms

const REAL_A = `
  SECTION A: DEFINITIONS AND INTERPRETATION
  A1 DEFINITIONS
  A1.1 In this Code, except where the context otherwise requires, the expressions in the left
  hand column below shall have the meanings given to them in the right hand column below:
  Code means this Smart Energy Code.
  Panel means the body established under Section L1.1 to oversee this Code.
  Panel (Elected) Member means a member of the Panel elected by the Parties under
  Section L1.4.
  Party means a person which has acceded to this Code.
  SMKI PMA means the sub-committee of the Panel established under Section L1.1.
  SMKI PMA Chair means the person who chairs the SMKI PMA.
  SMKI PMA (Supplier) Member means a SMKI PMA Member appointed in accordance
  with Section L1.3(c).
  SMKI PMA Member means a member of the SMKI PMA.
  Supplier Party means a Party which holds a supply licence.
`;

const TIDY_A = `
  SECTION A: DEFINITIONS AND INTERPRETATION

  A1 DEFINITIONS

  A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand column below shall have the meanings given to them in the right hand column below:
  Code | means this Smart Energy Code.
  Panel | means the body established under Section L1.1 to oversee this Code.
  **Panel (Elected) Member** means a member of the Panel elected by the Parties under Section L1.4.
  Party | means a person which has acceded to this Code.
  SMKI PMA | means the sub-committee of the Panel established under Section L1.1.
  SMKI PMA Chair | means the person who chairs the SMKI PMA.
  "SMKI PMA (Supplier) Member" means a SMKI PMA Member appointed in accordance with Section L1.3(c).
  SMKI PMA Member | means a member of the SMKI PMA.
  Supplier Party | means a Party which holds a supply licence.
`;

/** Uses, hard-wrapped (one wraps between the name and its bracketed part), with the traps beside them. */
const REAL_L = `
  SECTION L: SMART METERING KEY INFRASTRUCTURE
  L1 SMKI POLICY MANAGEMENT AUTHORITY
  L1.1 There shall be a sub-committee of the Panel to be known as the SMKI Policy Management
  Authority (the SMKI PMA).
  L1.2 Any person may be admitted as a Party (an Applicant) once each Applicant has signed.
  L1.3 The SMKI PMA shall comprise:
  (a) the SMKI PMA Chair, appointed by the Panel (acting reasonably);
  (b) one SMKI PMA (Supplier) Member appointed by each Supplier Party, and each SMKI PMA
  (Supplier) Member shall serve for two years; and
  (c) the SMKI PMA (Supplier) Members appointed under paragraph (b).
  L1.4 The Panel (Elected) Members shall meet the SMKI PMA (Supplier) Member’s deputy under
  Section L1.3(c).
`;

const TIDY_L = `
  SECTION L: SMART METERING KEY INFRASTRUCTURE

  L1 SMKI POLICY MANAGEMENT AUTHORITY

  L1.1 There shall be a sub-committee of the Panel to be known as the SMKI Policy Management Authority (the SMKI PMA).

  L1.2 Any person may be admitted as a Party (an Applicant) once each Applicant has signed.

  L1.3 The SMKI PMA shall comprise:

  (a) the SMKI PMA Chair, appointed by the Panel (acting reasonably);

  (b) one SMKI PMA (Supplier) Member appointed by each Supplier Party, and each SMKI PMA (Supplier) Member shall serve for two years; and

  (c) the SMKI PMA (Supplier) Members appointed under paragraph (b).

  L1.4 The Panel (Elected) Members shall meet the SMKI PMA (Supplier) Member’s deputy under Section L1.3(c).
`;

const FORMS = { real: { a: REAL_A, l: REAL_L }, tidy: { a: TIDY_A, l: TIDY_L } };

const termsOf = (text: string) => definitionsOf(buildLegalModel({ uri: uriOf('a.sec.txt'), version: 1, text: dedent(text) })).map(d => d.term);

function service(a: string, l: string, extra: Record<string, string> = {}) {
  return workspaceOf({ 'a.sec.txt': dedent(a), 'l.sec.txt': dedent(l), ...Object.fromEntries(Object.entries(extra).map(([f, t]) => [f, dedent(t)])) });
}

/** The undefined terms reported in one file, as their words. */
const undefinedIn = (s: ReturnType<typeof workspaceOf>, name: string) => s.getDiagnostics(uriOf(name)).filter(d => d.code === 'undefined-term').map(d => (d.data as { term: string }).term);

// ---------------------------------------------------------------------------------------
// The matcher


test('matcher: a term with a bracketed part matches where the text writes the same brackets, singular, plural and possessive', () => {
  const terms = ['SMKI PMA', 'SMKI PMA (Supplier) Member', 'SMKI PMA Member'];
  assert.deepEqual(matches(terms, 'one SMKI PMA (Supplier) Member, two SMKI PMA (Supplier) Members and a SMKI PMA (Supplier) Member’s deputy'), [
    'SMKI PMA (Supplier) Member=SMKI PMA (Supplier) Member',
    'SMKI PMA (Supplier) Members=SMKI PMA (Supplier) Member',
    'SMKI PMA (Supplier) Member’s=SMKI PMA (Supplier) Member',
  ]);
  assert.deepEqual(matches(terms, 'a SMKI PMA ( Supplier )  Member'), ['SMKI PMA ( Supplier )  Member=SMKI PMA (Supplier) Member']);
});

test('matcher: other punctuation, no brackets or other words do not make the bracketed term', () => {
  const terms = ['SMKI PMA', 'SMKI PMA (Supplier) Member', 'SMKI PMA Member'];
  assert.deepEqual(matches(terms, 'the SMKI PMA Supplier Member'), ['SMKI PMA=SMKI PMA']);
  assert.deepEqual(matches(terms, 'the SMKI PMA (Supplier Member)'), ['SMKI PMA=SMKI PMA']);
  assert.deepEqual(matches(terms, 'the SMKI PMA [Supplier] Member'), ['SMKI PMA=SMKI PMA']);
  assert.deepEqual(matches(terms, 'the SMKI PMA (Network) Member'), ['SMKI PMA=SMKI PMA']);
  assert.deepEqual(matches(terms, 'the SMKI PMA. Supplier) Member'), ['SMKI PMA=SMKI PMA']);
  assert.deepEqual(matches(terms, 'the SMKI PMA Member'), ['SMKI PMA Member=SMKI PMA Member']);
});

// ---------------------------------------------------------------------------------------
// Reading the definitions

test('real form: a flattened Section A row whose term holds a bracketed part is a definition, wrapped or not', () => {
  assert.deepEqual(termsOf(REAL_A), [
    'Code', 'Panel', 'Panel (Elected) Member', 'Party', 'SMKI PMA', 'SMKI PMA Chair', 'SMKI PMA (Supplier) Member', 'SMKI PMA Member', 'Supplier Party',
  ]);
  const model = buildLegalModel({ uri: uriOf('a.sec.txt'), version: 1, text: dedent(REAL_A) });
  const site = definitionsOf(model).find(d => d.term === 'SMKI PMA (Supplier) Member')!;
  assert.equal(site.form, 'table');
  assert.equal(site.text, 'means a SMKI PMA Member appointed in accordance with Section L1.3(c).');
  assert.deepEqual(site.range, { start: { line: 11, character: 0 }, end: { line: 11, character: 26 } });
});

test('tidy form: the bracketed term in a | row, in quotes and in bold', () => {
  assert.deepEqual(termsOf(TIDY_A), [
    'Code', 'Panel', 'Panel (Elected) Member', 'Party', 'SMKI PMA', 'SMKI PMA Chair', 'SMKI PMA (Supplier) Member', 'SMKI PMA Member', 'Supplier Party',
  ]);
  assert.deepEqual(termsOf(TIDY_A.replace('"SMKI PMA (Supplier) Member" means', 'SMKI PMA (Supplier) Member | means')).filter(t => t.includes('(')),
    ['Panel (Elected) Member', 'SMKI PMA (Supplier) Member']);
});

test('a bracketed aside or label that is not part of a term is no term: "Review Board (acting reasonably) means", "(A)", "(2)"', () => {
  const text = REAL_A + '  Review Board (acting reasonably) means a board, and this line goes on the row before.\n'
    + '  Review Board (A) means a label, and so does\n  Review Board (2) means this.\n';
  assert.equal(termsOf(text).filter(t => /acting|Review/.test(t)).length, 0);
});

// ---------------------------------------------------------------------------------------
// Uses: no undefined words around the brackets, in either form

for (const [form, { a, l }] of Object.entries(FORMS)) {
  test(`${form} form: the uses of a bracketed term (singular, plural, possessive, wrapped) are uses, not undefined words`, () => {
    const s = service(a, l);
    assert.deepEqual(undefinedIn(s, 'l.sec.txt'), []);
    assert.deepEqual(undefinedIn(s, 'a.sec.txt'), []);
    assert.deepEqual(findingsOf(s, 'a.sec.txt', 'unused-definition'), []);
    assert.deepEqual(findingsOf(s, 'l.sec.txt', 'unbalanced-bracket'), []);
    assert.deepEqual(findingsOf(s, 'l.sec.txt', 'broken-reference'), []);
  });

  test(`${form} form: the traps around brackets stay as they were`, () => {
    const s = service(a, l);
    const lTerms = definitionsOf(workspaceIndexOf(s).legalModels().find(m => m.uri === uriOf('l.sec.txt'))!).map(d => `${d.term}${d.unmarked ? ' (unmarked)' : ''}`);
    // "(an Applicant)" defines Applicant inline after a use of Party; "(the SMKI PMA)" abbreviates the name before it.
    assert.deepEqual(lTerms, ['SMKI PMA (unmarked)', 'Applicant (unmarked)']);
    const refs = s.getReferences(uriOf('a.sec.txt'), { line: 8, character: 2 }, false);
    assert.ok(refs.some(r => r.uri === uriOf('l.sec.txt') && r.range.start.line === (form === 'real' ? 4 : 6)), 'admitted as a Party: a use of Party');
  });
}

test('a bracketed term defined nowhere is reported as today: its capitalised undefined words', () => {
  for (const { a, l } of Object.values(FORMS)) {
    const s = service(a, l.replace('(c) the SMKI PMA (Supplier) Members', '(c) the SMKI PMA (Network) Members'));
    assert.deepEqual(undefinedIn(s, 'l.sec.txt'), ['Network', 'Members']);
  }
});

test('a bracketed aside does not hide an undefined name before it, and makes no term', () => {
  for (const { a, l } of Object.values(FORMS)) {
    const s = service(a, l.replace('appointed by the Panel (acting reasonably)', 'appointed by the Review Board (acting reasonably)'));
    assert.deepEqual(undefinedIn(s, 'l.sec.txt'), ['Review Board']);
  }
});

test('unbalanced-bracket is unchanged beside a bracketed term', () => {
  for (const { a, l } of Object.values(FORMS)) {
    const s = service(a, l.replace('(c) the SMKI PMA (Supplier) Members', '(c) the SMKI PMA (Supplier Members'));
    assert.equal(findingsOf(s, 'l.sec.txt', 'unbalanced-bracket').length, 1);
    assert.deepEqual(undefinedIn(s, 'l.sec.txt'), ['Supplier Members']);
  }
});

// ---------------------------------------------------------------------------------------
// Editor features on a use

function atUse(fixture: string) {
  const { text, position } = withCursor(fixture);
  const s = workspaceOf({ 'a.sec.txt': dedent(REAL_A), 'l.sec.txt': dedent(REAL_L), 'm.sec.txt': text });
  return { s, uri: uriOf('m.sec.txt'), position };
}

test('hover on a bracketed term, on its bracketed word and on the word after it', () => {
  for (const cursor of ['SMKI P$$CURSOR$$MA (Supplier) Member', 'SMKI PMA (Supp$$CURSOR$$lier) Member', 'SMKI PMA (Supplier) Mem$$CURSOR$$bers']) {
    const { s, uri, position } = atUse(`M1 OTHER\nM1.1 The ${cursor} shall act.\n`);
    const hover = s.getHover(uri, position)!;
    assert.match((hover.contents as { value: string }).value, /\*\*SMKI PMA \\\(Supplier\\\) Member\*\* \(defined term\)/, cursor);
    assert.deepEqual([hover.range!.start.character, hover.range!.end.character], [9, cursor.endsWith('bers') ? 36 : 35], cursor);
    assert.match((hover.contents as { value: string }).value, /Used 5 times in 2 files/, cursor);
  }
});

test('go to definition and references on a use of a bracketed term', () => {
  const { s, uri, position } = atUse('M1 OTHER\nM1.1 The SMKI PMA (Supplier) Mem$$CURSOR$$ber shall act.\n');
  assert.deepEqual(s.getDefinition(uri, position).map(d => [d.uri, d.range.start.line, d.range.start.character]), [[uriOf('a.sec.txt'), 11, 0]]);
  const texts = s.getReferences(uri, position, false).map(r => TextDocument.create(r.uri, 'sec', 1, workspaceIndexOf(s).document(r.uri)!.text).getText(r.range));
  assert.deepEqual(texts.sort(), [
    'SMKI PMA (Supplier) Member', 'SMKI PMA (Supplier) Member', 'SMKI PMA (Supplier) Member’s', 'SMKI PMA (Supplier) Members', 'SMKI PMA\n(Supplier) Member',
  ].sort());
});

test('real form: a bracketed term wrapped in its row, before its verb', () => {
  const text = REAL_A.replace('  SMKI PMA Member means', '  SMKI PMA (Network)\n  Member means a SMKI PMA Member appointed by the Network Parties.\n  SMKI PMA Member means');
  assert.ok(termsOf(text).includes('SMKI PMA (Network) Member'), termsOf(text).join(', '));
});

test('adding or removing a bracketed term in Section A re-reads the files that use it (the matcher\'s change probes)', () => {
  const without = REAL_A.replace(/ {2}SMKI PMA \(Supplier\) Member means[^\n]*\n[^\n]*\n/, '');
  const s = service(without, REAL_L);
  assert.deepEqual(undefinedIn(s, 'l.sec.txt'), ['Supplier', 'Member', 'Supplier', 'Member', 'Supplier', 'Members', 'Supplier', 'Member']);
  s.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: dedent(REAL_A) });
  assert.deepEqual(undefinedIn(s, 'l.sec.txt'), []);
  s.setDocument({ uri: uriOf('a.sec.txt'), version: 3, text: dedent(without) });
  assert.equal(undefinedIn(s, 'l.sec.txt').length, 8);
});

test('an inline definition records where the bracket it opens stands; one outside brackets records none', () => {
  const text = 'G1 X\nG1.1 The Data and Communications Company (the DCC), a body (each a “Service Provider”), the fee (the **Charge**), an “Assessment Year”.\n';
  const sites = definitionsOf(buildLegalModel({ uri: uriOf('g.sec.txt'), version: 1, text }));
  assert.deepEqual(sites.map(s => [s.term, s.bracketAt && text.split('\n')[s.bracketAt.line].slice(s.bracketAt.character, s.range.start.character)]), [
    ['DCC', '(the '], ['Service Provider', '(each a “'], ['Charge', '(the **'], ['Assessment Year', undefined],
  ]);
});
