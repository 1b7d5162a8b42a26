// The defined-term checks, with the traps a drafting tool must not fall into.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import type { SecLanguageService } from '../../server/src/service';
import { abbreviates } from '../../server/src/service/rules/definedThingNames';

const SECTION_A = dedent(`
  SECTION A: DEFINITIONS AND INTERPRETATION

  A1 DEFINITIONS

  A1.1 In this Code, the expressions below have these meanings:
  Authority | means the Gas and Electricity Markets Authority established under section 1 of the Utilities Act 2000.
  Code | means this Smart Energy Code, as designated by the Secretary of State.
  Domestic Premises | means premises used wholly for domestic purposes.
  Non-Domestic Premises | means premises other than Domestic Premises.
  Other User | means a User other than a Supplier Party.
  Party | means a person which has acceded to this Code.
  Supplier Party | means a Party which holds a supply licence.
  User | means a Party which acts in a User Role.
  User Role | means each capacity in which a User may act.
  Working Day | means any day other than a Saturday, a Sunday or a bank holiday in England and Wales.
  Assessment Year | has the meaning given to that expression in Section G1.2 (Assessment Years).
`);

function ws(g: string, extra: Record<string, string> = {}, settings = {}): SecLanguageService {
  return workspaceOf({ 'section-a.sec.txt': SECTION_A, 'section-g.sec.txt': dedent(g), ...extra }, settings);
}

function messages(s: SecLanguageService, file: string, code: string): string[] {
  return s.getDiagnostics(uriOf(file)).filter(d => d.code === code).map(d => d.message);
}

const G = `
  SECTION G: SECURITY

  G1 SUPPLIER ASSURANCE

  Assessment Years

  G1.1 Each Supplier Party shall tell the Authority within 5 Working Days, and any other Users.

  G1.2 Each period of twelve months from 28 February 2019 shall be an “Assessment Year”, and each Other User’s Supplier Parties shall comply with this Code.
`;

test('undefined-term: a capitalised run defined nowhere, without its sentence-initial article', () => {
  const s = ws(G + '\nG1.3 A Non-Domestic Supplier shall notify the Panel Secretariat.\n');
  assert.deepEqual(findingsOf(s, 'section-g.sec.txt', 'undefined-term'), ['11:8 undefined-term', '11:47 undefined-term']);
  const [first] = messages(s, 'section-g.sec.txt', 'undefined-term');
  assert.match(first, /“Non-Domestic Supplier” is capitalised like a defined term but is defined nowhere/);
});

test('undefined-term traps: openings, headings, dates, statutes, proper names, plurals, possessives, acronyms', () => {
  const s = ws(G + dedent(`

    G1.3 In this Section G1, CPN = (5 × NDP) + DP, and the DCC shall act on Saturday.
    (a) CPN is the number; and
    (b) Where the Secretary of State so directs, see Section G1.2 (Assessment Years) and Section C (Governance).

    G1.4 [Not used]

    G1.5 Status shall be ‘Provisionally Approved’ or “Deferred Status” under the Electricity Act 1989.
  `));
  assert.deepEqual(findingsOf(s, 'section-g.sec.txt', 'undefined-term'), []);
  assert.deepEqual(findingsOf(s, 'section-a.sec.txt', 'undefined-term'), []);
});

test('undefined-term traps: the UK\'s capitals and the time standards are names, in both forms', () => {
  const tidy = dedent(`

    G1.3 Times are to Greenwich Mean Time or, when it applies, British Summer Time, and UTC is Coordinated Universal Time.

    G1.4 Each Party shall meet in London, Edinburgh, Cardiff or Belfast.
  `);
  const real = 'G1.3 Times are to Greenwich Mean Time or, when it applies, British Summer\nTime, and UTC is Coordinated Universal Time.\nG1.4 Each Party shall meet in London, Edinburgh, Cardiff or\nBelfast.\n';
  for (const text of [tidy, real]) assert.deepEqual(findingsOf(ws(G + text), 'section-g.sec.txt', 'undefined-term'), []);
});

test('undefined-term: the workspace word list silences a name; a heading never counts', () => {
  const g = G + '\nG1.3 The Panel Secretariat shall keep records.\n\nPanel Secretariat Duties\n\nG1.4 None.\n';
  assert.equal(findingsOf(ws(g), 'section-g.sec.txt', 'undefined-term').length, 1);
  assert.deepEqual(findingsOf(ws(g, {}, { words: ['Panel Secretariat'] }), 'section-g.sec.txt', 'undefined-term'), []);
});

test('undefined-term quick fixes: nearest defined term, word list, definition stub in A1.1 order', () => {
  const s = ws(G + '\nG1.3 Each Suplier Party shall notify the Panel Secretariat.\n', {}, { wordListUri: uriOf('sec-words.txt') });
  const [typo, secretariat] = s.getDiagnostics(uriOf('section-g.sec.txt')).filter(d => d.code === 'undefined-term');
  const replace = typo.fixes!.find(f => f.title.startsWith('Replace'))!;
  assert.equal(replace.edits[0].newText, 'Supplier Party');
  const r = replace.edits[0].range;
  assert.equal(r.end.character - r.start.character, 'Suplier Party'.length, 'the slip and the matched word are replaced together');
  assert.equal(replace.certain, false);
  const words = secretariat.fixes!.find(f => f.title.includes('word list'))!;
  assert.equal(words.edits[0].uri, uriOf('sec-words.txt'));
  assert.match(words.edits[0].newText, /^\nPanel Secretariat\n$/);
  assert.equal(words.edits[0].createIfMissing, true);
  const stub = secretariat.fixes!.find(f => f.title.startsWith('Add a definition'))!;
  assert.equal(stub.edits[0].uri, uriOf('section-a.sec.txt'));
  // "Panel Secretariat" sorts after "Other User" and before "Party".
  assert.equal(stub.edits[0].range.start.line, SECTION_A.split('\n').findIndex(l => l.startsWith('Party |')));
  assert.equal(stub.edits[0].newText, 'Panel Secretariat | means [definition to be drafted].\n');
});

test('unused-definition: reported at the A1.1 row; a pointer row and its inline definition count as one', () => {
  const s = ws(G);
  const unused = s.getDiagnostics(uriOf('section-a.sec.txt')).filter(d => d.code === 'unused-definition').map(d => d.data?.term);
  // Assessment Year appears only at its sites and in a heading: headings are not uses.
  assert.deepEqual(unused, ['Non-Domestic Premises', 'Assessment Year']);
  assert.deepEqual(findingsOf(s, 'section-g.sec.txt', 'unused-definition'), []);
  assert.deepEqual(findingsOf(s, 'section-a.sec.txt', 'duplicate-definition'), []);
});

test('duplicate-definition: same term, different meaning, with the other site as related information', () => {
  const a = SECTION_A + 'Party | means any person bound by this Code.\nUser | means a Party which acts in a User Role.\n';
  const s = workspaceOf({ 'section-a.sec.txt': a, 'section-g.sec.txt': dedent(G) });
  const dups = s.getDiagnostics(uriOf('section-a.sec.txt')).filter(d => d.code === 'duplicate-definition');
  assert.equal(dups.length, 1, 'the identical second User row is not a conflict');
  assert.match(dups[0].message, /“Party” is defined twice with different meanings: here and at section-a\.sec\.txt line 11/);
  assert.equal(dups[0].related![0].range.start.line, 10);
});

test('duplicate-definition: a pointer whose inline definition is in another clause conflicts', () => {
  const g = G.replace('G1.2 Each period', 'G1.2 None.\n\n  G1.3 Each period');
  const s = ws(g);
  assert.equal(findingsOf(s, 'section-g.sec.txt', 'duplicate-definition').length, 1);
});

test('lowercase-defined-term: the longest term once; ordinary "other users" is not reported', () => {
  const s = ws(G + '\nG1.3 The number of non-domestic premises, and any other users and domestic premises.\n');
  const found = s.getDiagnostics(uriOf('section-g.sec.txt')).filter(d => d.code === 'lowercase-defined-term');
  assert.deepEqual(found.map(d => d.data?.term), ['Non-Domestic Premises', 'Domestic Premises']);
  assert.equal(found[0].range.start.character, 19);
  assert.equal(found[0].fixes![0].edits[0].newText, 'Non-Domestic Premises');
});

test('circular-definition: a cycle through the heads of definitions, named; qualifiers do not count', () => {
  const a = SECTION_A + 'Consumer | means a Customer which is a person.\nCustomer | means a Consumer which buys.\nData | means any Data held by the DCC.\n';
  const s = workspaceOf({ 'section-a.sec.txt': a, 'section-g.sec.txt': dedent(G) });
  const circular = s.getDiagnostics(uriOf('section-a.sec.txt')).filter(d => d.code === 'circular-definition');
  assert.deepEqual(circular.map(d => d.data?.term), ['Consumer', 'Customer', 'Data']);
  assert.match(circular[0].message, /“Consumer” → “Customer” → “Consumer”/);
  assert.match(circular[2].message, /uses the term itself/);
  // User ↔ User Role mention each other after "which": not circular. Authority's full name is not a self-use.
  assert.ok(!circular.some(d => ['User', 'User Role', 'Authority', 'Code'].includes(d.data?.term as string)));
});

test('severity ignore switches a term check off; suppression comments work', () => {
  const g = G + '\n// sec-disable-next-line undefined-term\nG1.3 The Panel Secretariat acts.\n';
  assert.deepEqual(findingsOf(ws(g), 'section-g.sec.txt', 'undefined-term'), []);
  const g2 = G + '\nG1.3 The Panel Secretariat acts.\n';
  assert.deepEqual(findingsOf(ws(g2, {}, { severity: { 'undefined-term': 'ignore' } }), 'section-g.sec.txt', 'undefined-term'), []);
});

test('undefined-term traps: companies, EU regulations, Markdown tables and emphasis', () => {
  const s = ws(G + dedent(`

    G1.3 The DCC shall publish any report of Smart DCC Ltd under the General Data Protection Regulation and **each Supplier Party** shall read it.

    G1.4 As set out in Schedule 11 (Transition Arrangements) and Appendix A (Forms of Notice).

    | Column | Value |
    | --- | --- |
    | Panel Chair | Supplier Party |
  `));
  assert.deepEqual(s.getDiagnostics(uriOf('section-g.sec.txt')).filter(d => d.code === 'undefined-term').map(d => d.data?.term), ['Panel Chair']);
});

test('circular-definition: a definition naming a longer name that starts with its own term is not circular (Electricity Act 1989)', () => {
  const tidy = SECTION_A + 'Electricity Act | means the Electricity Act 1989.\nGas Act | means the Gas Act 1986.\nPanel | means the Panel Secretariat.\nLoop | means a Loop established under the Code.\n';
  const real = 'SECTION A – DEFINITIONS AND INTERPRETATION\nA1 DEFINITIONS\nA1.1 In this Code, except where the context otherwise requires, the expressions in the left-hand column below shall have the meanings given to them in the right-hand column below:\n'
    + 'Code means this Smart Energy Code.\nElectricity Act means the Electricity Act 1989.\nGas Act means the Gas Act 1986.\nLoop means a Loop established under the Code.\nPanel means the Panel Secretariat.\nParty means a person that is a party to this Code.\n';
  for (const [form, a] of [['tidy', tidy], ['real', real]]) {
    const s = workspaceOf({ 'section-a.sec.txt': a });
    const circular = s.getDiagnostics(uriOf('section-a.sec.txt')).filter(d => d.code === 'circular-definition').map(d => d.data?.term);
    // "the Loop established" is still the term itself; "Panel Secretariat" and "Electricity Act 1989" name something longer.
    assert.deepEqual(circular, ['Loop'], form);
  }
});

test('undefined-term: the long name a bracketed definition right after it abbreviates is named there, not used', () => {
  const real = 'L1 SMKI POLICY MANAGEMENT AUTHORITY\nL1.1 The Authority shall establish a committee, to be known as the SMKI Policy Management Authority (the SMKI PMA).\n'
    + 'L1.2 The SMKI PMA shall report to each Party; the Data and Communications Company (the DCC) shall pay its costs.\nL1.3 The Policy Review Group shall admit a Member (an Applicant).\n';
  const tidy = real.replace('(the SMKI PMA)', '(the "SMKI PMA")').replace('(the DCC)', '(the "DCC")').replace('(an Applicant)', '(an "Applicant")');
  for (const [form, text] of [['real', real], ['tidy', tidy]]) {
    const s = workspaceOf({ 'section-a.sec.txt': SECTION_A, 'section-l.sec.txt': text });
    const undefinedTerms = s.getDiagnostics(uriOf('section-l.sec.txt')).filter(d => d.code === 'undefined-term').map(d => d.data?.term);
    // Named by the definitions after them: not reported. A name with no definition after it, or
    // one the definition after it does not abbreviate ("a Member (an Applicant)"), still is.
    assert.deepEqual(undefinedTerms, ['Policy Review Group', 'Member'], form);
  }
});

test('abbreviates: a short form by its last word or by initials and acronyms in order', () => {
  assert.ok(abbreviates('SMKI Policy Management Authority', 'SMKI PMA'));
  assert.ok(abbreviates('Data and Communications Company', 'DCC'));
  assert.ok(abbreviates('Gas and Electricity Markets Authority', 'Authority'));
  assert.ok(abbreviates('Smart Energy Code Company', 'SECCo'));
  assert.ok(!abbreviates('Party', 'Applicant'), 'one word names nothing longer');
  assert.ok(!abbreviates('Retail Prices Index', 'Applicant'));
  assert.ok(!abbreviates('Retail Prices Index', 'PRI'), 'initials out of order');
});
