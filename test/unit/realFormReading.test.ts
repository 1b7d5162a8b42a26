// Reading legal text as it comes off the published PDF or Word document (issue 15): one test per
// thing the reader must understand, on inline fixtures in the real form (no `|`, no quotes on
// bracketed definitions, no blank lines, hard-wrapped lines), each with the trap beside it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseStructure } from '../../server/src/service/model/structure';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';
import { referencesOf } from '../../server/src/service/model/references';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';

const kindsOf = (text: string) => {
  const s = parseStructure(dedent(text));
  return s.lines.map(l => `${s.kinds[l.line]}`);
};
const termsOf = (text: string) => definitionsOf(buildLegalModel({ uri: uriOf('a.sec.txt'), version: 1, text: dedent(text) }))
  .map(d => `${d.term} (${d.form}${d.unmarked ? ', unmarked' : ''}${d.pointsTo ? ' → ' + d.pointsTo : ''})`);
/** The undefined terms reported in one file of a workspace, as their words. */
const undefinedIn = (files: Record<string, string>, name: string) => workspaceOf(Object.fromEntries(Object.entries(files).map(([f, t]) => [f, dedent(t)])))
  .getDiagnostics(uriOf(name)).filter(d => d.code === 'undefined-term').map(d => (d.data as { term: string }).term);

const SECTION_A = `
  SECTION A: DEFINITIONS AND INTERPRETATION
  A1 DEFINITIONS
  A1.1 In this Code, except where the context otherwise requires, the expressions in the left
  hand column below shall have the meanings given to them in the right hand column below:
  Affiliate means, in relation to a company, any company which is its subsidiary or its holding
  company.
  Assessment Year has the meaning given to that expression in Section G8.37 (Annual
  Assessments).
  Charges includes the Fixed Charges and any other charges payable under this Code.
  Allowed Revenue shall be construed in accordance with the DCC Licence.
  Charging Contact in relation to a Party, means the individual nominated by that Party.
  DCC User Interface Specification means the SEC Subsidiary Document of that name.
  SMETS1 Service Provider means a person which provides services to the DCC.
  Type 2 Device means a device of the second type.
  A1.2 The Panel means the body in Section C, and this sentence is not a row.
`;

test('Section A rows without a separator: means, has the meaning, includes, shall be construed, in relation to …, means', () => {
  assert.deepEqual(termsOf(SECTION_A), [
    'Affiliate (table)', 'Assessment Year (table-pointer → G8.37)', 'Charges (table)', 'Allowed Revenue (table)', 'Charging Contact (table)',
    'DCC User Interface Specification (table)', 'SMETS1 Service Provider (table)', 'Type 2 Device (table)',
  ]);
});

test('a row wraps over lines; its meaning is read whole, and the next row starts at the next term and verb', () => {
  const model = buildLegalModel({ uri: uriOf('a.sec.txt'), version: 1, text: dedent(SECTION_A) });
  const affiliate = definitionsOf(model)[0];
  assert.equal(affiliate.text, 'means, in relation to a company, any company which is its subsidiary or its holding company.');
  assert.deepEqual([affiliate.textRange.start.line, affiliate.textRange.end.line], [4, 5]);
});

test('outside the definitions part, "The Panel means …" in a sentence is not a row', () => {
  const text = `
    SECTION C: GOVERNANCE
    C1 THE PANEL
    C1.1 The functions of the Panel are set out below.
    Panel Member means a person appointed to the Panel, and this line continues C1.1.
  `;
  assert.deepEqual(termsOf(text), []);
  assert.ok(!kindsOf(text).includes('definition-row'));
});

test('Tab, several-space, | and Markdown-table separators keep working', () => {
  const text = 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nAffiliate\tmeans a company.\nAuthority    means the Gas and Electricity Markets Authority.\nCode | means this Code.\n| DCC | means the licensee. |\n';
  assert.deepEqual(termsOf(text), ['Affiliate (table)', 'Authority (table)', 'Code (table)', 'DCC (table)']);
});

test('inline definitions without quote marks: a capitalised phrase in brackets after an article', () => {
  const text = `
    B1 ACCESSION
    B1.1 Any person who applies to be admitted as a Party (an Applicant) shall be admitted.
    B1.5 The Panel shall determine a fee from time to time (the Application Fee) to be paid.
    B1.6 The DCC shall prepare statements (each a Volume Statement) and the users (together, the
    Shared Resource Users) and objectives (such objectives being the General SEC Objectives).
    B1.7 A further assessment (a
    Follow-up Security Assessment) may be required, and (the approval of the Panel) is not one.
    B1.8 The Code Administrator shall keep a register of all proposals (the
    Modification Register).
    B1.9 The Parties (each Party) and (any Party) and (such Party) and (the DCC and each User) name
    no new term.
  `;
  assert.deepEqual(termsOf(text), [
    'Applicant (inline, unmarked)', 'Application Fee (inline, unmarked)', 'Volume Statement (inline, unmarked)',
    'Shared Resource Users (inline, unmarked)', 'General SEC Objectives (inline, unmarked)', 'Follow-up Security Assessment (inline, unmarked)',
    'Modification Register (inline, unmarked)',
  ]);
});

test('quoted definitions keep working with straight, curly, mismatched quotes, and split by a line break', () => {
  const text = `
    G8 ASSURANCE
    G8.37 Each period shall be an “Assessment
    Year” of that User, and its "Review Date" and ‘Review Period’ (a “Review Notice”) apply, and
    its “Review Body" acts.
  `;
  assert.deepEqual(termsOf(text), ['Assessment Year (inline)', 'Review Date (inline)', 'Review Notice (inline)', 'Review Body (inline)']);
});

test('Markdown bold marks a definition; a bold clause number does not', () => {
  const text = '## M2 Liability\n\n**M2.5** The liability of each Party shall not exceed the **Liability Cap**.\n';
  assert.deepEqual(termsOf(text), ['Liability Cap (inline)']);
});

test('an unmarked bracketed definition never makes a duplicate of a row that defines the same term', () => {
  const files = {
    'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nApplicant means a person which applies to be a Party.\nParty means a person bound by this Code.\n',
    'b.sec.txt': 'B1 ACCESSION\nB1.1 Any person who applies to be admitted as a Party (an Applicant) shall be admitted.\n',
  };
  const service = workspaceOf(files);
  assert.deepEqual([...findingsOf(service, 'a.sec.txt', 'duplicate-definition'), ...findingsOf(service, 'b.sec.txt', 'duplicate-definition')], []);
});

test('terms that hold acronyms and figures are read whole; a fragment is never reported on its own', () => {
  const files = {
    'a.sec.txt': SECTION_A,
    'h.sec.txt': `
      H1 SERVICES
      H1.1 The DCC shall publish the DCC User Interface Specification, and each SMETS1 Service Provider
      and each Type 2 Device shall comply with the DCC Gateway Connection Guide.
    `,
  };
  // DCC is not defined here: "DCC Gateway Connection Guide" is reported whole, not "Gateway Connection Guide".
  assert.deepEqual(undefinedIn(files, 'h.sec.txt'), ['DCC Gateway Connection Guide']);
});

test('hard-wrapped lines: a term, a hyphenated word and a reference split by a line break', () => {
  const files = {
    'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nEnd-to-End Testing means testing of systems.\nSecurity Sub-Committee means the sub-committee.\nParty means a person.\n',
    'k.sec.txt': `
      K3 EXPLICIT CHARGES
      K3.1 Each Party shall carry out End-to-
      End Testing as the Security Sub-
      Committee directs under Section
      K3.2.
      K3.2 Each Party shall pay the charges set out in Sections K3.1
      to K3.2.
    `,
  };
  assert.deepEqual(undefinedIn(files, 'k.sec.txt'), []);
  const service = workspaceOf(Object.fromEntries(Object.entries(files).map(([f, t]) => [f, dedent(t)])));
  assert.deepEqual(findingsOf(service, 'k.sec.txt', 'clause-numbering'), [], 'the wrapped "K3.2." is a reference, not a clause');
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'unused-definition'), []);
  const k = buildLegalModel({ uri: uriOf('k.sec.txt'), version: 1, text: dedent(files['k.sec.txt']) });
  assert.deepEqual(referencesOf(k).map(r => r.targets.map(t => t.id).join('–')), ['K3.2', 'K3.1–K3.2']);
});

test('a line starting with a clause number after "Section(s)", "and", "or", "to" or "," is a wrapped reference; after "; and" it is a clause', () => {
  assert.deepEqual(kindsOf(`
    G8 ASSURANCE
    G8.44 It exceeds the threshold in Section G8.40,
    G8.41 or G8.44A (as the case may be).
    G8.45 Each Network Party shall comply.
  `), ['part-heading', 'clause', 'continuation', 'clause', 'blank']);
});

test('sub-headings with no blank line around them title the clauses below, and are never term uses', () => {
  const text = `
    G8 USER SECURITY ASSURANCE
    Categories of Assessment
    G8.14 Each assessment shall fall within one category.
    Assurance Status
    G8.30 The Panel shall set the status of the User.
    G8.31 The Panel shall give reasons under Section G8.30 (Assurance Status) and the User may refer the
    Decision Review
    matter to the Authority.
  `;
  const s = parseStructure(dedent(text));
  assert.deepEqual(s.clauses.map(c => `${c.id}: ${c.heading}`), ['G8.14: Categories of Assessment', 'G8.30: Assurance Status', 'G8.31: Assurance Status']);
  // "Decision Review" stands inside an unfinished sentence: not a heading (and, once only, not furniture either).
  assert.equal(s.kinds[7], 'continuation');
  const files = { 'g.sec.txt': text, 'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nPanel means the panel.\nUser means a user.\nAuthority means the authority.\n' };
  assert.deepEqual(undefinedIn(files, 'g.sec.txt'), ['Decision Review']);
  const service = workspaceOf(Object.fromEntries(Object.entries(files).map(([f, t]) => [f, dedent(t)])));
  assert.deepEqual(findingsOf(service, 'g.sec.txt', 'reference-heading-mismatch'), []);
});

test('page furniture: a running header that cuts sentences, "Page N of M" and a bare page number are read as nothing', () => {
  const text = `
    K1 CHARGES
    K1.1 Each Party shall pay the charges for each Charging Year in accordance with this Section
    SEC Section K – Charging Methodology v4.2
    K1, and the DCC shall invoice them.
    Page 1 of 3
    K1.2 The DCC shall publish the charges before the start of
    12
    each Charging Year.
    SEC Section K – Charging Methodology v4.2
    K1.3 The DCC shall keep records.
    SEC Section K – Charging Methodology v4.2
  `;
  const s = parseStructure(dedent(text));
  assert.deepEqual(s.lines.filter(l => s.kinds[l.line] === 'furniture').map(l => l.line + 1), [3, 5, 7, 9, 11]);
  assert.deepEqual(s.clauses.map(c => c.id), ['K1.1', 'K1.2', 'K1.3']);
  const files = { 'k.sec.txt': text, 'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nParty means a person.\nCharging Year means a year.\nDCC means the licensee.\n' };
  assert.deepEqual(undefinedIn(files, 'k.sec.txt'), []);
  const service = workspaceOf(Object.fromEntries(Object.entries(files).map(([f, t]) => [f, dedent(t)])));
  assert.deepEqual(findingsOf(service, 'k.sec.txt'), [], 'no finding at all: the sentence runs on across the furniture');
});

test('a running header that carries a version or a date is furniture even where it never cuts a sentence', () => {
  const text = 'K1 CHARGES\nK1.1 Each Party shall pay.\nSEC Section K v4.2\nK1.2 The DCC shall invoice.\nSEC Section K v4.2\nK1.3 A Party may dispute.\n';
  const s = parseStructure(text);
  assert.deepEqual(s.lines.filter(l => s.kinds[l.line] === 'furniture').map(l => l.line + 1), [3, 5]);
});

test('a title "Definitions" opens a definitions table anywhere', () => {
  assert.deepEqual(termsOf('X1 TRANSITION\nX1.1 This Section applies until the end of transition.\nDefinitions\nTransition Period means the period before go-live.\n'), ['Transition Period (table)']);
});

test('a sub-heading that recurs is not furniture: repetition alone proves nothing', () => {
  const text = 'K1 CHARGES\nGeneral\nK1.1 Each Party shall pay.\nK2 INVOICES\nGeneral\nK2.1 The DCC shall invoice.\nK3 DISPUTES\nGeneral\nK3.1 A Party may dispute.\n';
  const s = parseStructure(text);
  assert.deepEqual(s.clauses.map(c => c.heading), ['General', 'General', 'General']);
});

test('lists of terms across a wrap are separate terms, never one run joined by "and"', () => {
  const files = {
    'k.sec.txt': 'K1 CHARGES\nK1.1 The charges are the Fixed Charges, the Explicit Charges and\nElective Charges, under the Banking and Financial Dealings Act 1971.\n',
  };
  assert.deepEqual(undefinedIn(files, 'k.sec.txt'), ['Fixed Charges', 'Explicit Charges', 'Elective Charges']);
});

test('ordinary capitals: a sentence opening after a heading with no full stop, "The DCC", and a term defined by another instrument', () => {
  const files = {
    'a.sec.txt': 'SECTION A: DEFINITIONS AND INTERPRETATION\nThe following definitions are amended as shown\nDCC means the licensee.\nDCC Licence means its licence.\n',
    'k.sec.txt': 'K2 NETWORKS\nK2.1 The DCC shall serve each Distribution System (as defined in the Electricity Act 1989) and\neach Energy Network (as defined in the DCC Licence).\n',
  };
  assert.deepEqual(undefinedIn(files, 'a.sec.txt'), []);
  assert.deepEqual(undefinedIn(files, 'k.sec.txt'), []);
});

test('a document title at the top, before the Section heading, is a heading and holds no terms', () => {
  const text = 'SEC – Consolidated Document – 26 Jan 2015 (Clean)\nSECTION B: ACCESSION\nB1 ACCESSION\nEligibility for Admission\nB1.1 An Applicant shall apply.\n';
  assert.deepEqual(kindsOf(text).slice(0, 4), ['sub-heading', 'section-heading', 'part-heading', 'sub-heading']);
});

test('a word labelling a quoted name, and the words of an excerpt cut off mid-sentence, are not judged', () => {
  const files = {
    'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nDCC Gateway means the document identified as the Specification \'DCC User Gateway Interface Specification\'.\n',
    'b.sec.txt': 'B1 ACCESSION\nB1.1 The DCC Gateway shall apply, and the Code Administrator shall publish it.\nB1.2 The Code Administra',
  };
  assert.deepEqual(undefinedIn(files, 'a.sec.txt'), []);
  // "Code Administrator" is undefined and reported where it is whole; the cut-off words at the end are not.
  assert.deepEqual(undefinedIn(files, 'b.sec.txt'), ['Code Administrator']);
});

test('a list item whose "; and" is carried onto the next line by a wrap ends with "; and"', () => {
  const text = 'H1 USERS\nH1.4 The DCC shall send to that Party:\n(a) a description of the tests;\n(b) details of the requirements with which that Party must demonstrate compliance;\nand\n(c) a copy of any form.\n';
  assert.deepEqual(findingsOf(workspaceOf({ 'h.sec.txt': text }), 'h.sec.txt', 'list-punctuation'), []);
  assert.deepEqual(findingsOf(workspaceOf({ 'h.sec.txt': text.replace('compliance;\nand', 'compliance;\nfor now') }), 'h.sec.txt', 'list-punctuation'), ['4:1 list-punctuation']);
});

test('a code with a hyphen and figures ("EUI-64") belongs to the run around it', () => {
  const files = { 'h.sec.txt': 'H1 USERS\nH1.6 Each User ID shall be an EUI-64\nCompliant identifier.\n', 'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nUser ID means an identifier.\nUser means a person.\n' };
  assert.deepEqual(undefinedIn(files, 'h.sec.txt'), ['EUI-64 Compliant']);
});

test('ligatures a PDF copy leaves in words (ﬁ, ﬂ) do not change the word', () => {
  const files = {
    'a.sec.txt': 'SECTION A: DEFINITIONS\nA1 DEFINITIONS\nCertificate Authority means the authority.\nUser means a person.\n',
    'h.sec.txt': 'H1 USERS\nH1.1 Each User shall trust the Certiﬁcate Authority.\n',
  };
  assert.deepEqual(undefinedIn(files, 'h.sec.txt'), []);
  const service = workspaceOf(files);
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'unused-definition'), []);
});

test('an invisible character inside a clause number in legal text is read through, at the place written (issue 19)', () => {
  const text = 'G8 ASSURANCE\nG8.41 A Supplier Party shall comply.\nG8.42 The threshold in Section G8.4\u200b1 applies.\n';
  const model = buildLegalModel({ uri: uriOf('g.sec.txt'), version: 1, text });
  const [ref] = referencesOf(model);
  assert.equal(ref.targets[0].id, 'G8.41');
  assert.deepEqual([ref.targets[0].idRange.start.character, ref.targets[0].idRange.end.character], [31, 37]);
  assert.deepEqual(findingsOf(workspaceOf({ 'g.sec.txt': text }), 'g.sec.txt', 'broken-reference'), []);
});
