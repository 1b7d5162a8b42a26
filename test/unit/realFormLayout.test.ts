// Legal text copied with its page layout kept (`pdftotext -layout`, or Word's table cells as
// tabs): Section A's two columns side by side, a term wrapped inside the left-hand column, and a
// footer that appears once. Each fixture has its trap beside it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseStructure } from '../../server/src/service/model/structure';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';

const termsOf = (text: string) => definitionsOf(buildLegalModel({ uri: uriOf('a.sec.txt'), version: 1, text })).map(d => `${d.term}: ${d.text}`);

// Two columns kept by spaces; two terms wrap inside the left-hand column, one of them beside the meaning's next words.
const COLUMNS = [
  'SECTION A – DEFINITIONS AND INTERPRETATION',
  'A1 DEFINITIONS',
  'A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand',
  'column below shall have the meanings given to them in the right hand column below:',
  'Certificate Policy          means the SMKI Device Certificate Policy or the IKI Certificate',
  '                            Policy.',
  'IKI Certificate Policy      means the document of that name set out in Appendix C.',
  'SMKI Device Certificate     means the document of that name set out in Appendix A.',
  'Policy',
  'Smart Metering Key          means the public key infrastructure established by the DCC in',
  'Infrastructure              accordance with this Section and the  Certificate Policy.',
  'DCC                         means the holder of the DCC Licence, which operates the Smart Metering Key Infrastructure.',
  'DCC Licence                 means the licence granted under section 6(1A) of the Gas Act.',
  '',
].join('\n');

test('Section A kept in two columns: terms wrapped in the left-hand column are read whole, with their meaning', () => {
  assert.deepEqual(termsOf(COLUMNS), [
    'Certificate Policy: means the SMKI Device Certificate Policy or the IKI Certificate Policy.',
    'IKI Certificate Policy: means the document of that name set out in Appendix C.',
    'SMKI Device Certificate Policy: means the document of that name set out in Appendix A.',
    'Smart Metering Key Infrastructure: means the public key infrastructure established by the DCC in accordance with this Section and the Certificate Policy.',
    'DCC: means the holder of the DCC Licence, which operates the Smart Metering Key Infrastructure.',
    'DCC Licence: means the licence granted under section 6(1A) of the Gas Act.',
  ]);
  const s = parseStructure(COLUMNS);
  assert.equal(s.kinds[8], 'definition-term', '"Policy" alone is the rest of a term, not text');
  assert.equal(s.kinds[10], 'continuation');
  assert.equal(s.contentColumn[10], 28, 'the meaning goes on where the right-hand column starts');
});

test('the gap between the columns is layout, not a double space; a double space inside the meaning still is', () => {
  const service = workspaceOf({ 'a.sec.txt': COLUMNS });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'double-space'), ['11:65 double-space']);
  assert.deepEqual(service.getDiagnostics(uriOf('a.sec.txt')).filter(d => d.code === 'undefined-term').map(d => (d.data as { term: string }).term), ['Code'], 'only “Code” of the introduction is undefined here');
});

test('structure reads each row once and keeps the reading: term, meaning column and the gap between the columns', () => {
  const rowsOf = (text: string) => [...parseStructure(text).definitionRows].map(([line, { row, gap }]) => `${line} ${row.term} @${row.meaningColumn}${gap ? ` gap ${gap.from}-${gap.to}${gap.tabbed ? ' tab' : ''}` : ''}`);
  assert.deepEqual(rowsOf(COLUMNS).slice(0, 3), ['4 Certificate Policy @28 gap 18-28', '6 IKI Certificate Policy @28 gap 22-28', '7 SMKI Device Certificate @28 gap 23-28']);
  assert.deepEqual(rowsOf('A1 DEFINITIONS\nA1.1 In this Code the expressions in the left hand column below shall have the meanings given to them:\nAffiliate\tmeans a company.\nParty means a party.\n'),
    ['2 Affiliate @10 gap 9-10 tab', '3 Party @6']);
});

test('Word table cells copied as tabs: the same terms', () => {
  const tabbed = [
    'A1 DEFINITIONS',
    'A1.1 In this Code the expressions in the left hand column below shall have the meanings given to them in the right hand column below:',
    'Smart Metering Key\tmeans the public key infrastructure established by the DCC in',
    'Infrastructure\taccordance with this Section.',
    'SMKI Device Certificate\tmeans the document of that name set out in Appendix A.',
    'Policy',
    '',
  ].join('\n');
  assert.deepEqual(termsOf(tabbed), [
    'Smart Metering Key Infrastructure: means the public key infrastructure established by the DCC in accordance with this Section.',
    'SMKI Device Certificate Policy: means the document of that name set out in Appendix A.',
  ]);
});

test('the trap: in the flattened form (one space between the columns) a line under a row is the meaning going on', () => {
  const flat = [
    'A1 DEFINITIONS',
    'A1.1 In this Code the expressions in the left hand column below shall have the meanings given to them in the right hand column below:',
    'Smart Metering Key means the public key infrastructure established by the DCC in',
    'Accordance With Schedule 3 and the DCC Licence.',
    '',
  ].join('\n');
  assert.deepEqual(termsOf(flat), ['Smart Metering Key: means the public key infrastructure established by the DCC in Accordance With Schedule 3 and the DCC Licence.']);
  // And a continuation that starts in the term column but is a sentence, not a term, stays text.
  const sentence = COLUMNS.replace('Policy\n', 'Policy. It is published on the Website.\n');
  assert.ok(termsOf(sentence).includes('SMKI Device Certificate: means the document of that name set out in Appendix A. Policy. It is published on the Website.'));
});

test('a footer that appears once ("… Page 2 of 40") is furniture, and the sub-heading after it is a heading', () => {
  const text = dedent(`
    L1 SMKI POLICY MANAGEMENT AUTHORITY
    L1.7 The SMKI PMA (Network) Member shall be appointed by the Network Parties.
                                                                        SEC – Section L – Page 2 of 40
    Duties of the SMKI PMA
    L1.8 The SMKI PMA shall review the Certificate Policy.
  `);
  const s = parseStructure(text);
  assert.deepEqual([s.kinds[2], s.kinds[3]], ['furniture', 'sub-heading']);
  assert.equal(s.clauses.find(c => c.id === 'L1.8')?.heading, 'Duties of the SMKI PMA');
  // The trap: a sentence that names a page is text.
  assert.notEqual(parseStructure('L1.9 The form is set out on Page 2 of 40.\n').kinds[0], 'furniture');
});

test('a footer with a version and a page number, once, is furniture; a clause citing a version and a page is not', () => {
  const text = [
    'H9 INCIDENT MANAGEMENT',
    'H9.4 Each User shall be entitled to view the entries that relate to Incidents it reported, within 2 Working Days',
    'SEC Section H v5.0                                                                          Page 41',
    'of a request.',
    'H9.5 The form in version 2 of the guidance, page 3, shall be used.',
    '',
  ].join('\n');
  const s = parseStructure(text);
  assert.deepEqual(s.kinds.slice(2, 5), ['furniture', 'continuation', 'clause']);
  assert.deepEqual(findingsOf(workspaceOf({ 'h.sec.txt': text }), 'h.sec.txt', 'double-space'), []);
});

test('rows qualified before their verb: in respect of, with respect to, for the purposes of', () => {
  const text = [
    'A1 DEFINITIONS',
    'A1.1 In this Code the expressions in the left hand column below shall have the meanings given to them in the right hand column below:',
    'Effective Date, in respect of a Modification Proposal, means the date on which the modification takes effect.',
    'Relevant Panel Member with respect to a decision, means a member entitled to vote on it.',
    'Qualifying Day for the purposes of Section D, means a Working Day.',
    'Proposer means, in respect of a Modification Proposal, the person that raised it.',
    '',
  ].join('\n');
  assert.deepEqual(termsOf(text).map(t => t.split(':')[0]), ['Effective Date', 'Relevant Panel Member', 'Qualifying Day', 'Proposer']);
});

test('flattened: a term wrapped in the left-hand column comes before its row and is read whole; the trap is a sentence', () => {
  const text = [
    'A1 DEFINITIONS',
    'A1.1 In this Code the expressions in the left hand column below shall have the meanings given to them in the right hand column below:',
    'SMKI Device Certificate',
    'Policy means the SEC Subsidiary Document of that name set out in Appendix A.',
    'Smart Metering Key',
    'Infrastructure means the public key infrastructure established by the DCC.',
    'DCC means the holder of the DCC Licence, set out in',
    'Schedule Three',
    'Panel means the panel established under Section C2.',
    '',
  ].join('\n');
  assert.deepEqual(termsOf(text).map(t => t.split(':')[0]), ['SMKI Device Certificate Policy', 'Smart Metering Key Infrastructure', 'DCC', 'Panel']);
  // "Schedule Three" follows a line that did not finish what it said: the DCC row goes on.
  assert.ok(termsOf(text).includes('DCC: means the holder of the DCC Licence, set out in Schedule Three'));
  const undefinedTerms = workspaceOf({ 'a.sec.txt': text }).getDiagnostics(uriOf('a.sec.txt')).filter(d => d.code === 'undefined-term').map(d => (d.data as { term: string }).term);
  assert.deepEqual(undefinedTerms.filter(t => /SMKI|Smart Metering|Infrastructure|Policy/.test(t)), []);
});
