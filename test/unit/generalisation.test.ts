// Minimal reproductions of what the unseen-text yardstick (unseen.test.ts) found: shapes of
// SEC text and collations that the SECMP0059 sample does not have. One test per finding of
// /work/notes/qa-findings.md, each failing before its fix.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, workspaceOf } from '../helpers/fixtures';

const DEFINITIONS = dedent(`
  A1 DEFINITIONS

  A1.1 In this Code:
  Code | means this Smart Energy Code.
  Consumer Prices Index | means the all items consumer prices index published by the Office for National Statistics.
  Incident | means any event which interrupts the services.
  Party | means a person which has acceded to this Code.
  DCC | means the holder of the licence.
`);

test('lowercase-defined-term: a definition may describe its own term in plain words', () => {
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'lowercase-defined-term'), []);
  // Elsewhere the lower-case words are still the term written in lower case.
  const other = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'b.sec.txt': 'B1 X\n\nB1.1 The DCC shall apply the consumer prices index.\n' });
  assert.deepEqual(findingsOf(other, 'b.sec.txt', 'lowercase-defined-term'), ['3:30 lowercase-defined-term']);
});

test('undefined-term: a public body named "Office for …" or "Ministry of …" is a name, not a term', () => {
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'b.sec.txt': 'B1 X\n\nB1.1 The Ministry of Justice and the Office for National Statistics publish figures for the Code.\n' });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'undefined-term'), []);
  assert.deepEqual(findingsOf(service, 'b.sec.txt', 'undefined-term'), []);
});

test('undefined-term: one word before a number is a label ("Category 1", "Release 2"), two undefined words are not', () => {
  const text = 'B1 X\n\nB1.1 The DCC shall resolve each Category 1 Incident within 4 hours, and apply Release 2 changes, and the Change Board 3 rules.\n';
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'b.sec.txt': text });
  assert.deepEqual(findingsOf(service, 'b.sec.txt', 'undefined-term'), ['3:106 undefined-term']);
});

test('inconsistent-threshold: two different sums of money are not one threshold; the same sum with clashing words is', () => {
  const text = dedent(`
    M2 LIABILITY

    M2.5 The liability of each Party under this Code shall not exceed £1,000,000 in respect of each Incident.

    M2.6 The DCC shall not, in any year, recover through its charges more than £12,500,000 in aggregate.

    M2.7 The DCC may suspend a Party where the amount which is unpaid exceeds £10,000.

    M2.8 The DCC shall not suspend a Party where the amount unpaid is less than £10,000.
  `);
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'm.sec.txt': text });
  assert.deepEqual(findingsOf(service, 'm.sec.txt', 'inconsistent-threshold'), ['9:67 inconsistent-threshold']);
});

test('broken-reference: a clause past the end of a Part reproduced whole is missing', () => {
  const text = dedent(`
    X1 GENERAL

    X1.1 The provisions listed in Appendix A apply.

    X1.1A Where a provision is varied under Section X1.2, it is published, and Section X2.4 applies.

    X2 CHARGES

    X2.3 The charges are set out in Schedule 3.

    SCHEDULE 3: CHARGES

    1. The charges are as set out here.
  `);
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'x.sec.txt': text });
  // X1 runs from X1.1 to its end (X2 follows); X2 is an excerpt from X2.3: X2.4 may exist.
  assert.deepEqual(findingsOf(service, 'x.sec.txt', 'broken-reference'), ['5:41 broken-reference']);
  assert.match(service.getDiagnostics('file:///ws/x.sec.txt').find(d => d.code === 'broken-reference')!.message, /X1\.1A is the last clause of X1/);
});

test('clause-numbering: one line "H4.6 to H4.8 [Not used]" stands for the whole range', () => {
  for (const dash of ['to', '–', '-']) {
    const text = `H4 USER ENTRY\n\nH4.5 The DCC shall comply.\n\nH4.6 ${dash} H4.8 [Not used]\n\nH4.9 Each Party shall comply.\n\nH4.11 Each Party shall comply.\n`;
    const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'h.sec.txt': text });
    assert.deepEqual(findingsOf(service, 'h.sec.txt', 'clause-numbering'), ['9:1 clause-numbering'], dash);
  }
});

function commentsOf(collation: string) {
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'x-consultation-responses.txt': collation });
  return service.getComments().map(e => [e.comment.question, e.comment.respondent, e.comment.category, e.comment.response, e.comment.text]);
}

test('collation text: a category wrapped over two lines ("Shared Resource / Provider"), on the row or one cell per line', () => {
  assert.deepEqual(commentsOf(dedent(`
    Question 1: Do you agree?

    Respondent Category Response Rationale
    Smart DCC Ltd DCC Neutral The DCC has no view.

    Utiligroup Limited Shared Resource | Approve As a Shared Resource Provider we welcome
    Provider the change.

    Cadent Gas Limited Network Party Approve We support it.
  `)), [
    ['1', 'Smart DCC Ltd', 'DCC', 'Neutral', 'The DCC has no view.'],
    ['1', 'Utiligroup Limited', 'Shared Resource Provider', 'Approve', 'As a Shared Resource Provider we welcome the change.'],
    ['1', 'Cadent Gas Limited', 'Network Party', 'Approve', 'We support it.'],
  ]);
  assert.deepEqual(commentsOf(dedent(`
    Question 1: Do you agree with the proposed solution?

    Respondent

    Category

    Response

    Rationale

    Western Power

    Network Party

    Disagree

    We do not agree because it places
    Distribution plc

    an unreasonable burden on Network Parties.

    Calvin Capital

    Other SEC

    Agree

    We agree.
    Limited

    Party
  `)), [
    ['1', 'Western Power Distribution plc', 'Network Party', 'Disagree', 'We do not agree because it places an unreasonable burden on Network Parties.'],
    ['1', 'Calvin Capital Limited', 'Other SEC Party', 'Agree', 'We agree.'],
  ]);
});

test('collation text: a "|" table row whose name wraps onto a row of empty cells', () => {
  assert.deepEqual(commentsOf(dedent(`
    Question 1: Do you agree?

    Respondent | Category | Response | Rationale
    Scottish and Southern | Network Party | Reject | The cap is too high, and we do not
    Electricity Networks | | | see why it was chosen.

    Smart DCC Ltd | DCC | Neutral | The DCC has no view.

    Question 2: Any comments?

    Respondent | Category | Comments
    Scottish and Southern | Network Party |
    Electricity Networks

    Smart DCC Ltd | DCC | None.
  `)), [
    ['1', 'Scottish and Southern Electricity Networks', 'Network Party', 'Reject', 'The cap is too high, and we do not see why it was chosen.'],
    ['1', 'Smart DCC Ltd', 'DCC', 'Neutral', 'The DCC has no view.'],
    ['2', 'Scottish and Southern Electricity Networks', 'Network Party', '', ''],
    ['2', 'Smart DCC Ltd', 'DCC', '', 'None.'],
  ]);
});

test('reference-heading-mismatch: a clause set as a Markdown heading with a title is titled by it', () => {
  const text = dedent(`
    ## D1 Raising Modification Proposals

    ### D1.1 Who may raise

    Any Party may raise a proposal.

    ### D1.2 Form of proposals

    A proposal shall be in the published form.

    #### D1.3 The DCC shall publish each proposal.

    ## D2 Panel Decisions

    **D2.1** The DCC shall decide, having regard to Section D1.2 (Form of proposals) and Section D1.3 (Raising Modification Proposals), not Section D1.1 (Form of proposals).
  `);
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'd.sec.md': text });
  assert.deepEqual(findingsOf(service, 'd.sec.md', 'reference-heading-mismatch'), ['15:137 reference-heading-mismatch']);
});

test('undefined-term: an acronym joined by a hyphen to a lower-case word is not a term', () => {
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'b.sec.txt': 'B1 X\n\nB1.1 Each Party’s SMETS-compliant and DCC-owned devices are covered by this Code, unlike Smart-Ready ones.\n' });
  assert.deepEqual(findingsOf(service, 'b.sec.txt', 'undefined-term'), ['3:90 undefined-term']);
});

test('undefined-term: the term is named without the possessive of its last word', () => {
  const service = workspaceOf({ 'a.sec.txt': DEFINITIONS, 'b.sec.txt': 'B1 X\n\nB1.1 Each Party shall provide its Affiliates’ licences and the Good Industry Practice\'s rules.\n' });
  const found = service.getDiagnostics('file:///ws/b.sec.txt').filter(d => d.code === 'undefined-term');
  assert.deepEqual(found.map(d => (d.data as { term: string }).term), ['Affiliates', 'Good Industry Practice']);
  assert.match(found[0].message, /^“Affiliates” is capitalised/);
});
