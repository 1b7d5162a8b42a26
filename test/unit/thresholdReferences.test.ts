// inconsistent-threshold through references: a citation of a threshold stated in another clause
// ("the threshold of 150,000 set out in Sections G10.7 and G10.8") must quote what it cites.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, uriOf, workspaceOf } from '../helpers/fixtures';
import { citingPhrase } from '../../server/src/service/model/thresholdReferences';

const G10 = (seven: string, eight = '150,000') => dedent(`
  SECTION G: SECURITY

  G10 SMALL SUPPLIERS

  G10.7 A Supplier Party which supplies more than ${seven} Domestic Premises shall appoint a Security Officer.

  G10.8 A Supplier Party which supplies ${eight} or fewer Domestic Premises shall not be required to appoint a Security Officer.

  G10.9 A Supplier Party shall publish its supply figures each year.
`);

const citing = (sentence: string) => dedent(`
  SECTION G: SECURITY

  G11 REVIEWS

  G11.1 ${sentence}
`);

const referenceFindings = (files: Record<string, string>, name = 'g11.sec.txt') =>
  workspaceOf(files).getDiagnostics(uriOf(name)).filter(d => d.code === 'inconsistent-threshold');

const REVIEW = 'The Panel shall review the threshold of 150,000 set out in Sections G10.7 and G10.8 every three years.';

test('a citation that quotes the cited figure is not reported', () => {
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(REVIEW) }), []);
});

test('a changed threshold is caught through the clause that cites it, with the cited statement and a fix', () => {
  const files = { 'g10.sec.txt': G10('200,000', '200,000'), 'g11.sec.txt': citing(REVIEW) };
  const found = referenceFindings(files);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.severity, 'warning');
  assert.equal(d.clause, 'G11.1');
  const line = citing(REVIEW).split('\n')[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), 'the threshold of 150,000 set out in Sections G10.7 and G10.8');
  assert.match(d.message, /cites the threshold as 150,000/);
  assert.match(d.message, /Section G10\.7 states “more than 200,000 Domestic Premises”/);
  assert.deepEqual(d.related?.map(r => r.message), ['Section G10.7: “more than 200,000 Domestic Premises”', 'Section G10.8: “200,000 or fewer Domestic Premises”']);
  const fix = d.fixes?.[0];
  assert.equal(fix?.certain, false);
  assert.equal(fix?.edits[0].newText, '200,000');
  assert.equal(line.slice(fix!.edits[0].range.start.character, fix!.edits[0].range.end.character), '150,000');
});

test('no fix when the cited clauses disagree with each other', () => {
  const [d] = referenceFindings({ 'g10.sec.txt': G10('200,000', '175,000'), 'g11.sec.txt': citing(REVIEW) });
  assert.ok(d);
  assert.deepEqual(d.fixes, []);
});

test('one cited clause of an "and" list that disagrees is enough', () => {
  const [d] = referenceFindings({ 'g10.sec.txt': G10('200,000', '150,000'), 'g11.sec.txt': citing(REVIEW) });
  assert.match(d.message, /Section G10\.7 states/);
  assert.doesNotMatch(d.message, /Section G10\.8 states/);
});

test('alternatives ("or … as the case may be") agree when one of them states the figure', () => {
  const sentence = 'A Supplier Party which exceeds the threshold of 150,000 in Section G10.7 or G10.8 (as the case may be) shall notify the Panel.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('200,000', '150,000'), 'g11.sec.txt': citing(sentence) }), []);
});

test('a citation without a figure ("exceeds the threshold in Section …") is not compared', () => {
  const sentence = 'Where a Supplier Party exceeds the threshold in Section G10.7 or G10.8 (as the case may be), it shall notify the Panel.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('200,000', '175,000'), 'g11.sec.txt': citing(sentence) }), []);
});

test('a different counted subject is reported', () => {
  const sentence = 'The number of Smart Metering Systems specified in Section G10.7 shall be reviewed annually.';
  const [d] = referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(sentence) });
  assert.ok(d);
  assert.match(d.message, /counted in Smart Metering Systems/);
  assert.match(d.message, /counts Domestic Premises/);
});

test('the same counted subject is not reported', () => {
  const sentence = 'The number of Domestic Premises specified in Section G10.7 shall be reviewed annually.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(sentence) }), []);
});

test('a paragraph reference is compared with that paragraph only', () => {
  const g8 = dedent(`
    G8.40 A Supplier Party shall be subject to a Full User Security Assessment where it supplies:
    (a) more than 250,000 Domestic Premises; or
    (b) more than 50,000 Non-Domestic Premises.
  `);
  const ok = 'The number of Non-Domestic Premises specified in Section G8.40(b) shall be reviewed.';
  const wrong = 'The number of Non-Domestic Premises specified in Section G8.40(a) shall be reviewed.';
  assert.deepEqual(referenceFindings({ 'g8.sec.txt': g8, 'g11.sec.txt': citing(ok) }), []);
  const [d] = referenceFindings({ 'g8.sec.txt': g8, 'g11.sec.txt': citing(wrong) });
  assert.match(d.message, /counts Domestic Premises/);
});

test('a quoted comparison at another boundary is reported once', () => {
  // "at least" is no threshold statement of its own here (no counted subject after the number),
  // so only the citation can see that it moves the boundary of "more than 150,000".
  const sentence = 'The Panel shall review the threshold of at least 150,000 set out in Section G10.7.';
  const found = referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(sentence) });
  assert.equal(found.length, 1);
  assert.match(found[0].message, /exactly 150,000 is treated differently/);
  // Quoted as a statement of its own, the boundary check of the statements reports it (and only it).
  const statement = 'The threshold of 150,000 or more Domestic Premises set out in Section G10.7 shall be reviewed.';
  const again = referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(statement) });
  assert.equal(again.length, 1);
  assert.match(again[0].message, /caught by one test and not by the other/);
});

test('a citation of a clause that states no number points nowhere (information)', () => {
  const sentence = 'The Panel shall review the threshold set out in Section G10.9 every three years.';
  const [d] = referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(sentence) });
  assert.ok(d);
  assert.equal(d.severity, 'information');
  assert.match(d.message, /no number: the citation points nowhere/);
});

test('a clause merely mentioned near a number is not a citation of a threshold', () => {
  const sentence = 'The liability of each Party under Section G10.7 shall not exceed £1,000,000 in respect of each Incident.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('200,000'), 'g11.sec.txt': citing(sentence) }), []);
  const counting = 'For the purposes of Sections G10.7 to G10.9, the number of Domestic Premises shall be counted on the first day.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('200,000'), 'g11.sec.txt': citing(counting) }), []);
});

test('a figure of another kind (a time limit) is not compared with the cited clause’s threshold', () => {
  const sentence = 'The Panel shall decide within the period of 5 Working Days referred to in Section G10.7.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(sentence) }), []);
  const money = 'The Panel shall review the amount of £2,000,000 specified in Section G10.7.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(money) }), []);
});

test('an amount of money cited with another sum is reported', () => {
  const m2 = dedent(`
    M2 LIABILITY

    M2.5 The liability of each Party shall not exceed £1,000,000 in respect of each Incident.
  `);
  const sentence = 'The Panel shall review the amount of £2,000,000 specified in Section M2.5.';
  const [d] = referenceFindings({ 'm2.sec.txt': m2, 'g11.sec.txt': citing(sentence) });
  assert.ok(d);
  assert.match(d.message, /cites the threshold as £2,000,000/);
  assert.equal(d.fixes?.[0].edits[0].newText, '£1,000,000');
});

test('an unknown cited clause is left to broken-reference', () => {
  const sentence = 'The Panel shall review the threshold of 150,000 set out in Section G10.20.';
  assert.deepEqual(referenceFindings({ 'g10.sec.txt': G10('200,000'), 'g11.sec.txt': citing(sentence) }), []);
});

test('the citing phrases the reader understands', () => {
  assert.equal(citingPhrase('review the threshold of 150,000 set out in ')?.valueText, '150,000');
  assert.equal(citingPhrase('the figure referred to in ')?.word, 'figure');
  assert.equal(citingPhrase('the number of Non-Domestic Premises specified in ')?.subject, 'Non-Domestic Premises');
  assert.equal(citingPhrase('the threshold in ')?.form, 'word');
  assert.equal(citingPhrase('the 250,000 Domestic Premises threshold in ')?.valueText, '250,000');
  assert.equal(citingPhrase('the threshold of more than 250,000 Domestic Premises in ')?.comparison, 'gt');
  assert.equal(citingPhrase('£1,000,000 specified in ')?.valueText, '£1,000,000');
  // Not citations: a bare "in" after a count or a number, a clause merely mentioned.
  assert.equal(citingPhrase('the number of Domestic Premises in '), undefined);
  assert.equal(citingPhrase('the liability of each Party under '), undefined);
  assert.equal(citingPhrase('250,000 Domestic Premises in '), undefined);
});

test('hover on the citing figure shows the cited statements', () => {
  const text = citing(REVIEW);
  const service = workspaceOf({ 'g10.sec.txt': G10('200,000', '200,000'), 'g11.sec.txt': text });
  const line = text.split('\n').findIndex(l => l.includes('150,000'));
  const hover = service.getHover(uriOf('g11.sec.txt'), { line, character: text.split('\n')[line].indexOf('150,000') + 2 });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /Cited threshold/);
  assert.match(value, /more than 200,000 Domestic Premises/);
  assert.match(value, /G10\.8/);
});

test('editing the cited clause alone updates the citing file (the family reads the other files)', () => {
  const service = workspaceOf({ 'g10.sec.txt': G10('150,000'), 'g11.sec.txt': citing(REVIEW) });
  const findings = () => service.getDiagnostics(uriOf('g11.sec.txt')).filter(d => d.code === 'inconsistent-threshold');
  assert.deepEqual(findings(), []);
  service.setDocument({ uri: uriOf('g10.sec.txt'), version: 2, text: G10('200,000', '200,000') });
  assert.equal(findings().length, 1);
  service.setDocument({ uri: uriOf('g10.sec.txt'), version: 3, text: G10('150,000') });
  assert.deepEqual(findings(), []);
  // The cited clause loses its figure: the citation now points nowhere.
  service.setDocument({ uri: uriOf('g10.sec.txt'), version: 4, text: G10('150,000').replace(/G10\.7 .*/, 'G10.7 A Supplier Party shall appoint a Security Officer.').replace(/G10\.8 .*/, 'G10.8 [Not used]') });
  assert.equal(findings()[0]?.severity, 'information');
});
