// Threshold extraction: number, comparison, counted subject, population, clause, equations.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import type { LegalModel } from '../../server/src/service/model/document';
import { cutOf, parseFormulaTerms, subjectKey, thresholdsOf } from '../../server/src/service/model/thresholds';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

function modelOf(text: string): LegalModel {
  const service = workspaceOf({ 'g8.sec.txt': text });
  const model = workspaceIndexOf(service).model(uriOf('g8.sec.txt'));
  assert.equal(model?.kind, 'legal');
  return model as LegalModel;
}

const brief = (m: LegalModel) => thresholdsOf(m).thresholds.map(t => `${t.clause} ${t.comparison} ${t.value} ${t.subjectKey ?? '?'} (${t.subjectSource})`);

test('a number bound to what it counts, with the comparison before or after it', () => {
  const m = modelOf(dedent(`
    G8 USER SECURITY ASSURANCE

    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.42 A Supplier Party which supplies 250,000 or fewer Smart Metering Systems shall be subject to the cycle.

    G8.43 A Supplier Party which supplies at least 1,000 meters, not more than 20 MPANs or 50,000 Non-Domestic Premises or more shall comply.
  `));
  assert.deepEqual(brief(m), [
    'G8.40 gt 250000 domestic premises (after)',
    'G8.42 le 250000 smart metering system (after)',
    'G8.43 ge 1000 meter (after)',
    'G8.43 le 20 mpan (after)',
    'G8.43 ge 50000 non-domestic premises (after)',
  ]);
  const [first] = thresholdsOf(m).thresholds;
  assert.equal(first.text, 'more than 250,000 Domestic Premises');
  assert.deepEqual(first.range.start, { line: 2, character: 38 });
});

test('a bare number takes its subject from the words before the comparison, or from the clause', () => {
  const m = modelOf(dedent(`
    G8 USER SECURITY ASSURANCE

    G8.41 A Supplier Party shall be subject to a Full User Security Assessment in each year in which its Combined Premises Number exceeds 250,000.

    G8.44B A Supplier Party whose Combined Premises Number is 250,000 or less shall follow the cycle.

    G8.45 Where a Supplier Party supplies Non-Domestic Premises and the total exceeds 50,000, it shall comply.
  `));
  assert.deepEqual(brief(m), [
    'G8.41 gt 250000 combined premises number (before)',
    'G8.44B le 250000 combined premises number (before)',
    'G8.45 gt 50000 non-domestic premises (context)',
  ]);
});

test('negated comparisons read the right way round', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.1 A Party which does not exceed 100 Domestic Premises, or supplies no fewer than 200 Domestic Premises, or not exceeding 300 Domestic Premises, shall comply.
  `));
  assert.deepEqual(thresholdsOf(m).thresholds.map(t => t.comparison), ['le', 'ge', 'le']);
});

test('the population a test applies to comes from its own part of the sentence', () => {
  const m = modelOf(dedent(`
    G8 USER SECURITY ASSURANCE

    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.

    G8.41 Where a Supplier Party supplies both Domestic Premises and Non-Domestic Premises, it shall be subject to a Full User Security Assessment in each year in which its Combined Premises Number exceeds 250,000.

    G8.44B A Supplier Party which supplies 50,000 or fewer Non-Domestic Premises and no Domestic Premises, and a Supplier Party whose Combined Premises Number is 250,000 or less, shall each follow the cycle.
  `));
  assert.deepEqual(thresholdsOf(m).thresholds.map(t => t.population.join(',')), [
    'not:non-domestic premises',
    'both:domestic premises+non-domestic premises',
    'not:domestic premises',
    '',
  ]);
  assert.deepEqual(thresholdsOf(m).thresholds[0].consequence, ['full user security assessment']);
});

test('years, dates, small counts without a comparison and clause numbers are not thresholds', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.38 For any Assessment Year beginning before 28 February 2019 the category under Section G8.41 applies, within 10 Working Days, in cycles of three.
  `));
  assert.deepEqual(thresholdsOf(m).thresholds, []);
});

test('thresholds in table cells stay in their cell', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.1 The categories are:
    | Category | Test |
    |---|---|
    | Large | more than 250,000 Domestic Premises |
  `));
  assert.deepEqual(brief(m), ['G8.1 gt 250000 domestic premises (after)']);
  assert.equal(thresholdsOf(m).thresholds[0].range.start.character, 10);
});

test('a formula with its where: legend is an equation over counted subjects', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.41 Its “Combined Premises Number” shall be calculated as follows:
    CPN = (5 × NDP) + DP
    where:
    (a) CPN is the Combined Premises Number;
    (b) NDP is the number of Non-Domestic Premises supplied by that Supplier Party; and
    (c) DP is the number of Domestic Premises supplied by that Supplier Party.
  `));
  const [e] = thresholdsOf(m).equations;
  assert.equal(e.defines, 'Combined Premises Number');
  assert.equal(e.form, 'formula');
  assert.deepEqual(e.terms.map(t => `${t.coefficient}×${t.subjectKey}`), ['5×non-domestic premises', '1×domestic premises']);
  assert.equal(e.clause, 'G8.41');
});

test('an equation in words: "multiplied by five, added to the number of"', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.41 Its “Combined Premises Number” is the number of Non-Domestic Premises it supplies multiplied by five, added to the number of Domestic Premises it supplies.
  `));
  const [e] = thresholdsOf(m).equations;
  assert.equal(e.form, 'words');
  assert.deepEqual(e.terms.map(t => `${t.coefficient}×${t.subjectKey}`), ['5×non-domestic premises', '1×domestic premises']);
  assert.match(e.text, /^“Combined Premises Number” is the number of .* Domestic Premises$/);
});

test('formula terms', () => {
  assert.deepEqual(parseFormulaTerms(' (5 × NDP) + DP'), [{ coefficient: 5, symbol: 'NDP' }, { coefficient: 1, symbol: 'DP' }]);
  assert.deepEqual(parseFormulaTerms('NDP x 3 + 2 * DP'), [{ coefficient: 3, symbol: 'NDP' }, { coefficient: 2, symbol: 'DP' }]);
  assert.equal(parseFormulaTerms('NDP × DP'), undefined);
});

test('subjects are normalised and cuts put complementary tests on the same boundary', () => {
  assert.equal(subjectKey('Smart Metering Systems'), 'smart metering system');
  assert.equal(subjectKey('non-domestic  premises'), 'non-domestic premises');
  assert.equal(subjectKey('Supplier Parties'), 'supplier party');
  assert.equal(cutOf({ value: 250000, comparison: 'gt' }), cutOf({ value: 250000, comparison: 'le' }));
  assert.equal(cutOf({ value: 250000, comparison: 'ge' }), cutOf({ value: 250000, comparison: 'lt' }));
  assert.notEqual(cutOf({ value: 250000, comparison: 'gt' }), cutOf({ value: 250000, comparison: 'ge' }));
});

test('per cent of something, and plain nouns, are what the number counts (no guess from the clause)', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.1 A Supplier Party supplying Domestic Premises shall notify more than 10 persons, and shall hold more than 50 per cent of the votes, or more than 20% in any year.
  `));
  assert.deepEqual(brief(m), [
    'G8.1 gt 10 person (after)',
    'G8.1 gt 50 per cent of vote (after)',
    'G8.1 gt 20 per cent (after)',
  ]);
});

test('a bare number in a table cell counts what its column header names, not what the clause names', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.1 A Supplier Party supplying Domestic Premises shall be categorised as follows:

    | Category | Domestic Premises | Non-Domestic Premises | Months |
    |---|---|---|---|
    | Large | more than 250,000 | more than 50,000 | at least 12 |
    | Small | 250,000 or fewer | 50,000 or fewer | |
  `));
  assert.deepEqual(brief(m), [
    'G8.1 gt 250000 domestic premises (context)',
    'G8.1 gt 50000 non-domestic premises (context)',
    'G8.1 ge 12 ? (none)',
    'G8.1 le 250000 domestic premises (context)',
    'G8.1 le 50000 non-domestic premises (context)',
  ]);
});

test('hover on a formula lists the thresholds it combines; hover on a threshold lists its other statements', () => {
  const { text, position } = withCursor(dedent(`
    G8 X

    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall comply.

    G8.41 A Supplier Party whose Combined Premises Number exceeds 250,000 shall comply, and its “Combined Premises Number” shall be calculated as follows:
    CPN = (5 × N$$CURSOR$$DP) + DP
    where:
    (a) CPN is the Combined Premises Number;
    (b) NDP is the number of Non-Domestic Premises; and
    (c) DP is the number of Domestic Premises.

    G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises, and which does not supply any Domestic Premises, shall comply.
  `));
  const service = workspaceOf({ 'g8.sec.txt': text });
  const value = (service.getHover(uriOf('g8.sec.txt'), position)?.contents as { value: string }).value;
  assert.match(value, /\*\*Combined Premises Number\*\* \(Section G8\.41\): the thresholds it combines/);
  for (const clause of ['G8.40', 'G8.41', 'G8.44A']) assert.ok(value.includes(`| ${clause} |`), clause);
  assert.match(value, /= 5 × Non\\-Domestic Premises \\\+ Domestic Premises/);

  const onThreshold = service.getHover(uriOf('g8.sec.txt'), { line: 2, character: 45 });
  const table = (onThreshold?.contents as { value: string }).value;
  assert.match(table, /Threshold: more than 250,000 Domestic Premises/);
  assert.match(table, /\| G8\.41 \|.*exceeds 250,000/);
  assert.match(table, /no non\\-domestic premises/);
});

test('money, "or equal to" comparisons and "the number of X … exceeds"', () => {
  const m = modelOf(dedent(`
    G8 X

    G8.1 Where the charge exceeds £5,000 the Panel shall decide.

    G8.2 A Party whose aggregate number of Domestic Premises supplied together with its Affiliates exceeds 250,000 shall comply, as shall one with greater than or equal to 300 meters, or less than or equal to 400 meters, or up to and including 500 meters.
  `));
  assert.deepEqual(brief(m), [
    'G8.1 gt 5000 pound (after)',
    'G8.2 gt 250000 domestic premises (before)',
    'G8.2 ge 300 meter (after)',
    'G8.2 le 400 meter (after)',
    'G8.2 le 500 meter (after)',
  ]);
  assert.equal(thresholdsOf(m).thresholds[0].text, 'exceeds £5,000');
});
