// inconsistent-threshold and number-format: each kind of finding, and the traps that must not be flagged.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import { RELATED_LIMIT } from '../../server/src/service/rules/context';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const HEAD = 'SECTION G: SECURITY\n\nG8 USER SECURITY ASSURANCE\n\n';

function g8(body: string): string {
  return HEAD + dedent(body);
}

const thresholdFindings = (files: Record<string, string>, name = 'g8.sec.txt') =>
  workspaceOf(files).getDiagnostics(uriOf(name)).filter(d => d.code === 'inconsistent-threshold');

test('the same threshold counted in premises in one clause and Smart Metering Systems in its counterpart', () => {
  const text = g8(`
    G8.39 For the purposes of Sections G8.40 to G8.42, the number of Domestic Premises supplied by a Supplier Party shall be the number of such premises which it supplies.

    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.

    G8.42 A Supplier Party which supplies 250,000 or fewer Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall be subject to the cycle in Section G8.43.
  `);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.clause, 'G8.42');
  assert.equal(d.range.start.line, 8);
  assert.equal(text.split('\n')[8].slice(d.range.start.character, d.range.end.character), '250,000 or fewer Smart Metering Systems');
  assert.match(d.message, /Smart Metering Systems/);
  assert.match(d.message, /Section G8\.40 counts it in Domestic Premises/);
  assert.match(d.message, /Section G8\.39 says/);
  assert.deepEqual(d.related?.map(r => r.range.start.line), [6]);
  assert.match(d.related![0].message, /^Section G8\.40: “more than 250,000 Domestic Premises”$/);
});

test('complementary tests on the same boundary are consistent', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.41 A Supplier Party whose Combined Premises Number exceeds 250,000 shall be subject to a Full User Security Assessment.

    G8.42 A Supplier Party which supplies 250,000 or fewer Domestic Premises shall follow the cycle.

    G8.44B A Supplier Party whose Combined Premises Number is 250,000 or less shall follow the cycle.

    G8.45 A Supplier Party which supplies at least 100,000 meters shall report; one which supplies fewer than 100,000 meters shall not.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': text }), []);
});

test('the same number counted in another unit in another Part is a different threshold', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    H9 DCC CAPACITY

    H9.1 The DCC shall report where it serves more than 250,000 Smart Metering Systems.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': text }), []);
});

test('comparison words that disagree at the boundary', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.45 A Supplier Party which supplies 250,000 or more Domestic Premises shall be subject to a Full User Security Assessment.
  `);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.clause), ['G8.45'], 'the later of two equal statements is the one to change');
  assert.match(found[0].message, /exactly 250,000 is caught by one test and not by the other/);
  assert.deepEqual(found[0].related?.map(r => r.range.start.line), [4]);
});

test('"more than N" against "fewer than N" leaves N itself under neither test', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.42 A Supplier Party which supplies fewer than 250,000 Domestic Premises shall follow the cycle.
  `);
  const [d] = thresholdFindings({ 'g8.sec.txt': text });
  assert.match(d.message, /exactly 250,000 falls under neither test/);
});

test('the same test with a different number in another clause', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.41 A Supplier Party which supplies more than 200,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.50 A Supplier Party which supplies more than 1,000,000 Domestic Premises shall pay the Additional Charge.
  `);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.clause), ['G8.41'], 'a different test (a different result) may use a different number');
  assert.match(found[0].message, /set at 250,000 there and 200,000 here/);
});

test('counterpart tests with different numbers leave a gap', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.42 A Supplier Party which supplies 200,000 or fewer Domestic Premises shall follow the cycle.
  `);
  const [d] = thresholdFindings({ 'g8.sec.txt': text });
  assert.equal(d.clause, 'G8.42');
  assert.match(d.message, /gap: from 200,001 to 250,000 Domestic Premises falls under neither/);
});

test('bands whose every boundary is stated on both sides are consistent', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies fewer than 50,000 Domestic Premises shall be in band A.

    G8.41 A Supplier Party which supplies at least 50,000 Domestic Premises and fewer than 250,000 Domestic Premises shall be in band B.

    G8.42 A Supplier Party which supplies 250,000 or more Domestic Premises shall be in band C.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': text }), []);
});

const EQUATION = (ndp: string) => g8(`
  G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.

  G8.41 Where a Supplier Party supplies both Domestic Premises and Non-Domestic Premises, it shall be subject to a Full User Security Assessment in each year in which its Combined Premises Number exceeds 250,000, and its “Combined Premises Number” shall be calculated as follows:
  CPN = (5 × NDP) + DP
  where:
  (a) CPN is the Combined Premises Number;
  (b) NDP is the number of Non-Domestic Premises; and
  (c) DP is the number of Domestic Premises.

  G8.44A A Supplier Party which supplies more than ${ndp} Non-Domestic Premises, and which does not supply any Domestic Premises, shall be subject to a Full User Security Assessment.
`);

test('an equation agrees with the thresholds it combines (5 × 50,000 = 250,000)', () => {
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': EQUATION('50,000') }), []);
});

test('an equation that disagrees with a threshold it combines is flagged at that threshold', () => {
  const found = thresholdFindings({ 'g8.sec.txt': EQUATION('60,000') });
  assert.deepEqual(found.map(d => d.clause), ['G8.44A']);
  const [d] = found;
  assert.match(d.message, /counts each of the Non-Domestic Premises 5 times/);
  assert.match(d.message, /corresponds to 50,000 Non-Domestic Premises/);
  assert.match(d.message, /5 × 60,000 = 300,000/);
  assert.match(d.message, /between 50,000 and 60,000 Non-Domestic Premises/);
  const relatedLines = d.related!.map(r => r.range.start.line);
  assert.ok(relatedLines.includes(7), 'the formula line is related');
  assert.ok(relatedLines.includes(6), 'the combined threshold is related');
});

test('two definitions of the same count with different multipliers', () => {
  const text = g8(`
    G8.41 Its “Combined Premises Number” is the number of Non-Domestic Premises it supplies multiplied by five, added to the number of Domestic Premises it supplies.

    G8.52 Its “Combined Premises Number” is the number of Non-Domestic Premises it supplies multiplied by four, added to the number of Domestic Premises it supplies.
  `);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.clause), ['G8.52']);
  assert.match(found[0].message, /4 times .* but Section G8\.41 counts them 5 times/);
});

test('traps: years, dates, clause numbers, small counts and statutes are never thresholds in conflict', () => {
  const text = g8(`
    G8.38 For any Assessment Year beginning before 28 February 2019, Sections G8.39 to G8.51 apply, as does section 1159 of the Companies Act 2006.

    G8.46 Where a User acts in more than one User Role, a single assessment shall be carried out.

    G8.47 A User is a Party which has completed the process for at least one User Role, within 10 Working Days or more than 5 Working Days.
  `);
  const service = workspaceOf({ 'g8.sec.txt': text });
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'inconsistent-threshold'), []);
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'number-format'), []);
});

test('traps: percentages of different things and plain nouns are not one threshold', () => {
  const text = g8(`
    G8.1 A resolution passed by more than 50 per cent of the votes cast shall bind the Panel.

    G8.2 A company holding at least 50 per cent of the shares shall be an Affiliate.

    G8.3 Where a Supplier Party supplies Domestic Premises and notifies more than 20 persons, it shall report.

    G8.4 A Supplier Party which supplies 20 or more Domestic Premises shall report.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': text }), []);
});

test('a threshold and its counterpart in different files are related across files', () => {
  const a = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.
  `);
  const b = g8(`
    G8.42 A Supplier Party which supplies 250,000 or fewer meters, and which does not supply any Non-Domestic Premises, shall follow the cycle.

    G8.43 A Supplier Party whose Combined Premises Number is 250,000 or less shall follow the cycle.
  `);
  const [d] = thresholdFindings({ 'a.sec.txt': a, 'b.sec.txt': b }, 'b.sec.txt');
  assert.equal(d.clause, 'G8.42');
  assert.ok(d.related!.some(r => r.uri === uriOf('a.sec.txt')));
  assert.deepEqual(thresholdFindings({ 'a.sec.txt': a, 'b.sec.txt': b }, 'a.sec.txt'), []);
});

test('inconsistent-threshold can be switched off or suppressed', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    <!-- sec-disable-next-line inconsistent-threshold -->
    G8.45 A Supplier Party which supplies 250,000 or more Domestic Premises shall be subject to a Full User Security Assessment.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': text }), []);
  const off = workspaceOf({ 'g8.sec.txt': text.replace('<!-- sec-disable-next-line inconsistent-threshold -->\n', '') }, { severity: { 'inconsistent-threshold': 'ignore' } });
  assert.deepEqual(findingsOf(off, 'g8.sec.txt', 'inconsistent-threshold'), []);
});

// number-format

const numberFindings = (files: Record<string, string>, name = 'g8.sec.txt') =>
  workspaceOf(files).getDiagnostics(uriOf(name)).filter(d => d.code === 'number-format');

test('250000 where the text elsewhere writes 250,000, with a certain fix', () => {
  const text = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall comply.

    G8.41 A Supplier Party whose Combined Premises Number exceeds 250,000 shall comply.

    G8.42 A Supplier Party which supplies 250000 or fewer Domestic Premises shall follow the cycle.
  `);
  const found = numberFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => `${d.clause} ${d.range.start.character}`), ['G8.42 38']);
  assert.equal(found[0].fixes?.[0].edits[0].newText, '250,000');
  assert.equal(found[0].fixes?.[0].certain, true);
  assert.match(found[0].message, /written “250000” here but “250,000” 2 times elsewhere/);
});

test('"fifty thousand" where the text elsewhere writes 50,000', () => {
  const text = g8(`
    G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises shall comply.

    G8.44B A Supplier Party which supplies 50,000 or fewer Non-Domestic Premises shall follow the cycle.

    G8.44C Fifty thousand Non-Domestic Premises is the threshold.
  `);
  const [d] = numberFindings({ 'g8.sec.txt': text });
  assert.equal(d.clause, 'G8.44C');
  assert.equal(d.fixes?.[0].edits[0].newText, '50,000');
  assert.equal(d.related?.length, 2);
});

test('words dominant: the figures are changed to words, keeping a capital', () => {
  const text = g8(`
    G8.1 Within twelve months the Panel shall decide.

    G8.2 Within twelve months the Party shall reply.

    G8.3 Within 12 months the DCC shall act.
  `);
  const [d] = numberFindings({ 'g8.sec.txt': text });
  assert.equal(d.clause, 'G8.3');
  assert.equal(d.fixes?.[0].edits[0].newText, 'twelve');
});

test('"five (6)": words and figures disagree, and the fix is not certain', () => {
  const text = g8(`
    G8.1 The Panel shall decide within five (6) Working Days and within ten (10) Working Days.
  `);
  const found = numberFindings({ 'g8.sec.txt': text });
  assert.equal(found.length, 1);
  assert.match(found[0].message, /says 5 in words but 6 in figures/);
  assert.equal(found[0].fixes?.[0].certain, false);
});

test('separators in the wrong places, and large numbers without separators', () => {
  const text = g8(`
    G8.1 A Supplier Party which supplies more than 25,0000 Domestic Premises shall comply.

    G8.2 A Supplier Party which supplies more than 50,000 Non-Domestic Premises or 1000000 Domestic Premises shall comply.
  `);
  const found = numberFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.data?.kind), ['malformed', 'grouping']);
  assert.equal(found[0].fixes?.[0].certain, false);
  assert.equal(found[1].fixes?.[0].edits[0].newText, '1,000,000');
  assert.equal(found[1].fixes?.[0].certain, true);
});

test('number-format traps: small numbers in words and figures, formulas, years, tables', () => {
  const text = g8(`
    G8.41 The number of Non-Domestic Premises is multiplied by five, in cycles of three, within 3 days:
    CPN = (5 × NDP) + DP
    where:
    (a) CPN is the Combined Premises Number.

    G8.42 Companies Act 2006, section 1159, 28 February 2019, Version 2019 and SECMP0044.

    | Year | Premises |
    |------|----------|
    | 2019 | 250,000 |
  `);
  assert.deepEqual(numberFindings({ 'g8.sec.txt': text }), []);
});

test('fix all replaces every certain number-format finding in the file', () => {
  const { text } = withCursor(g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall comply.

    G8.41 More than 250,000 and 250,000 again.

    G8.42 $$CURSOR$$Fewer than 250000 Domestic Premises or 250000 meters.
  `));
  const service = workspaceOf({ 'g8.sec.txt': text });
  const diagnostics = service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => d.code === 'number-format');
  assert.equal(diagnostics.length, 2);
  const actions = service.getCodeActions(uriOf('g8.sec.txt'), diagnostics[0].range);
  const all = actions.find(a => /Fix all 'number-format'/.test(a.title));
  assert.ok(all, 'a fix-all action is offered');
  assert.equal(all!.edit!.changes![uriOf('g8.sec.txt')].length, 2);
});

test('an edit of one file re-reads only that file, and its findings equal a fresh workspace\'s', async () => {
  const { thresholdsOf } = await import('../../server/src/service/model/thresholds');
  const a = g8(`
    G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.

    G8.41 A Supplier Party which supplies 250000 Domestic Premises or more shall be subject to a Full User Security Assessment.
  `);
  const b = 'SECTION H: OTHER\n\n' + dedent(`
    H1.1 A Supplier Party which supplies fewer than 50,000 Smart Metering Systems shall be subject to a Verification User Security Assessment.
  `);
  const edited = b.replace('fewer than 50,000 Smart Metering Systems', 'more than 250,000 Smart Metering Systems');
  const service = workspaceOf({ 'g8.sec.txt': a, 'h1.sec.txt': b });
  const codes = ['inconsistent-threshold', 'number-format'];
  const diagnostics = (s: typeof service, name: string) => s.getDiagnostics(uriOf(name)).filter(d => codes.includes(d.code));
  for (const name of ['g8.sec.txt', 'h1.sec.txt']) diagnostics(service, name);
  const unchanged = workspaceIndexOf(service).model(uriOf('g8.sec.txt'));
  const before = thresholdsOf(unchanged as never);
  service.setDocument({ uri: uriOf('h1.sec.txt'), version: 2, text: edited });
  assert.equal(workspaceIndexOf(service).model(uriOf('g8.sec.txt')), unchanged);
  assert.equal(thresholdsOf(workspaceIndexOf(service).model(uriOf('g8.sec.txt')) as never), before, 'the unchanged file keeps its statements');
  const fresh = workspaceOf({ 'g8.sec.txt': a, 'h1.sec.txt': edited });
  for (const name of ['g8.sec.txt', 'h1.sec.txt']) assert.deepEqual(diagnostics(service, name), diagnostics(fresh, name));
  assert.ok(diagnostics(fresh, 'g8.sec.txt').some(d => d.code === 'number-format'), 'the fixture has number findings to compare');
});

/** `count` clauses G8.1… stating `statement`, then the clauses of `rest`, as one file. */
function manyClauses(count: number, statement: string, rest: string[]): string {
  const clauses = Array.from({ length: count }, (_, i) => `G8.${i + 1} A Supplier Party which supplies ${statement} shall be subject to a Full User Security Assessment.`);
  return HEAD + [...clauses, ...rest.map((s, i) => `G8.${count + i + 1} A Supplier Party which supplies ${s} shall be subject to a Full User Security Assessment.`)].join('\n\n') + '\n';
}

test('a related list holds the first RELATED_LIMIT other statements, in document order, never the finding\'s own', () => {
  // The one "200,000" test is the minority; its list draws on the 55 "250,000" statements.
  const text = manyClauses(55, 'more than 250,000 Domestic Premises', ['more than 200,000 Domestic Premises']);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.clause), ['G8.56']);
  const lines = found[0].related!.map(r => r.range.start.line);
  assert.equal(lines.length, RELATED_LIMIT);
  assert.ok(!lines.includes(found[0].range.start.line), 'not its own statement');
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'in document order');
  assert.equal(found[0].related![0].message, 'Section G8.1: “more than 250,000 Domestic Premises”');
  assert.equal(found[0].related![RELATED_LIMIT - 1].message, `Section G8.${RELATED_LIMIT}: “more than 250,000 Domestic Premises”`);
});

test('a statement past the first RELATED_LIMIT of its value still lists RELATED_LIMIT others, not itself', () => {
  // "more than 200,000" (the boundary minority) comes after 55 "200,000 or more" of the same value.
  const text = manyClauses(55, '200,000 or more Domestic Premises', ['more than 200,000 Domestic Premises']);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.deepEqual(found.map(d => d.clause), ['G8.56']);
  assert.match(found[0].message, /exactly 200,000 is caught by one test and not by the other/);
  const lines = found[0].related!.map(r => r.range.start.line);
  assert.equal(lines.length, RELATED_LIMIT);
  assert.ok(!lines.includes(found[0].range.start.line));
  assert.equal(found[0].related![RELATED_LIMIT - 1].message, `Section G8.${RELATED_LIMIT}: “200,000 or more Domestic Premises”`);
});

test('a test is compared with a cut stated more often on the other side, and the majority is left alone', () => {
  const text = manyClauses(3, 'more than 250,000 Domestic Premises', ['fewer than 200,000 Domestic Premises', 'fewer than 200,000 Domestic Premises', 'fewer than 100,000 Domestic Premises']);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  // 250,000 (three statements) outweighs 200,000 (two), which outweighs 100,000 (one): each lighter
  // cut is flagged against every cut stated at least as often, never the other way round.
  assert.deepEqual(found.map(d => d.clause), ['G8.4', 'G8.5', 'G8.6']);
  assert.match(found[0].message, /gap: from 200,000 to 250,000 Domestic Premises falls under neither/);
  assert.match(found[2].message, /Section G8\.1 says “more than 250,000 Domestic Premises”: the two tests are counterparts but leave a gap: from 100,000 to 250,000/);
  assert.match(found[2].message, /Section G8\.4 says “fewer than 200,000 Domestic Premises”: the same test with the same result is set at 200,000 there and 100,000 here/);
  assert.doesNotMatch(found[0].message, /100,000/, 'a cut stated less often is not compared against');
});

test('the limbs of one clause are tests of their own: an overlap between (a) and (b) is found', () => {
  const text = g8(`
    G8.40 A Supplier Party shall pay the Charges as follows:
    (a) where it supplies fewer than 250,000 Domestic Premises, the Standard Charge; and
    (b) where it supplies 200,000 or more Domestic Premises, the Additional Charge.
  `);
  const found = thresholdFindings({ 'g8.sec.txt': text });
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 6, 'on limb (b), the later of two equally stated tests');
  assert.match(found[0].message, /overlap: from 200,000 to 249,999 Domestic Premises falls under both/);
  // Two statements in one limb ("at least 50,000 and fewer than 250,000") are one band, not two tests.
  const band = g8(`
    G8.41 A Supplier Party shall pay the Charges as follows:
    (a) where it supplies at least 50,000 and fewer than 250,000 Domestic Premises, the Standard Charge; and
    (b) in any other case, the Additional Charge.
  `);
  assert.deepEqual(thresholdFindings({ 'g8.sec.txt': band }), []);
});
