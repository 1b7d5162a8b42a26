// Numbers in prose: what counts as a quantity, and what is a year, date, clause or label.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findNumbersInLine, formatGrouped, isFormulaLine, numbersOf, parseNumberWords } from '../../server/src/service/model/numbers';
import type { LegalModel } from '../../server/src/service/model/document';
import { uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const values = (line: string) => findNumbersInLine(line, 0).map(n => `${n.form}:${n.value}`);

test('number words are read as numbers', () => {
  assert.equal(parseNumberWords('fifty thousand'), 50_000);
  assert.equal(parseNumberWords('two hundred and fifty thousand'), 250_000);
  assert.equal(parseNumberWords('twenty-five'), 25);
  assert.equal(parseNumberWords('twelve'), 12);
  assert.equal(parseNumberWords('one million'), 1_000_000);
  assert.equal(parseNumberWords('five five'), undefined);
  assert.equal(parseNumberWords('twenty twelve'), undefined);
});

test('digits with and without separators, words and pairs', () => {
  assert.deepEqual(values('more than 250,000 Domestic Premises'), ['grouped:250000']);
  assert.deepEqual(values('more than 250000 Domestic Premises'), ['plain:250000']);
  assert.deepEqual(values('more than fifty thousand Non-Domestic Premises'), ['words:50000']);
  assert.deepEqual(values('within five (5) Working Days'), ['pair:5']);
  assert.deepEqual(values('within 5 (five) Working Days'), ['pair:5']);
  assert.deepEqual(values('within 10 Working Days'), ['plain:10']);
  assert.deepEqual(values('cycles of three, each of twelve months'), ['words:3', 'words:12']);
  assert.deepEqual(values('between two and five years'), ['words:2', 'words:5']);
});

test('a percentage restated in words is one pair, either way round: "10% (ten per cent)", "ten per cent (10%)"', () => {
  assert.deepEqual(values('up to 10% (ten per cent) of any charge'), ['pair:10']);
  assert.deepEqual(values('up to ten per cent (10%) of any charge'), ['pair:10']);
  assert.deepEqual(values('up to 10 per cent (ten per cent) of any charge'), ['pair:10']);
  assert.deepEqual(values('up to 10% of any charge (ten of them)'), ['plain:10', 'words:10']);
  const service = workspaceOf({ 'k.sec.txt': 'K1.1 The DCC may waive up to 10% (ten per cent) of a charge, and 10 days apply.\n' });
  assert.deepEqual(service.getDiagnostics(uriOf('k.sec.txt')).filter(d => d.code === 'number-format'), []);
});

test('a pair keeps what its words and its figures each say', () => {
  const [pair] = findNumbersInLine('within five (6) Working Days', 3);
  assert.equal(pair.wordsValue, 5);
  assert.equal(pair.digitsValue, 6);
  assert.equal(pair.text, 'five (6)');
  assert.deepEqual(pair.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 15 } });
});

test('years, dates, clause and statute numbers, labels, versions and identifiers are not quantities', () => {
  assert.deepEqual(values('section 1159 of the Companies Act 2006'), []);
  assert.deepEqual(values('section 6(1)(c) of the Electricity Act 1989'), []);
  assert.deepEqual(values('beginning before 28 February 2019, the category'), []);
  assert.deepEqual(values('in accordance with Sections G8.39 to G8.51 and 8.41'), []);
  assert.deepEqual(values('SEC SCF V1 V1.15 and SECMP0044'), []);
  assert.deepEqual(values('paragraph (1) and sections 3 and 4 of Schedule 2'), []);
  assert.deepEqual(values('on 1 April, at 10:30, on 28/02/2019, the 5th'), []);
  assert.deepEqual(values('In 2019 the Panel decided'), []);
  assert.deepEqual(values('one of the following'), []);
  assert.deepEqual(values('in line with ISO 27001, BS 7671 and ISO/IEC 62056'), []);
});

test('a four-digit number that counts something is a quantity, not a year', () => {
  assert.deepEqual(values('more than 2000 Domestic Premises'), ['plain:2000']);
});

test('separators in the wrong places are kept and marked', () => {
  const [n] = findNumbersInLine('more than 25,0000 Domestic Premises', 0);
  assert.equal(n.malformed, true);
});

test('numbers inside URLs and inline code are not prose', () => {
  assert.deepEqual(values('see https://example.org/250000 and `250000`'), []);
});

test('formula lines are recognised', () => {
  assert.equal(isFormulaLine('CPN = (5 × NDP) + DP'), true);
  assert.equal(isFormulaLine('A Supplier Party shall = comply'), false);
  assert.ok(findNumbersInLine('CPN = (5 × NDP) + DP', 0).every(n => n.inFormula));
});

test('grouping', () => {
  assert.equal(formatGrouped(250000), '250,000');
  assert.equal(formatGrouped(1000000), '1,000,000');
  assert.equal(formatGrouped(999), '999');
});

test('numbers next to text beyond ASCII read as the regexes read them', () => {
  assert.deepEqual(values('the café 250,000 premises'), ['grouped:250000']); // the word before is café, not a reference
  assert.deepEqual(values('Sección 5 applies and é5 and 5é'), ['plain:5']); // letters beyond ASCII touch the last two
  assert.deepEqual(values('the Party’s 12 meters and “10” more'), ['plain:12', 'plain:10']);
  assert.deepEqual(values('SECTION 12 and Sections 3, 4 and 5'), []); // reference words in any case, and their chains
  assert.deepEqual(values('more than 1,000, and 2,500,'), ['grouped:1000', 'grouped:2500']); // trailing commas are not the number's
  assert.deepEqual(values('within 5\u00a0(five) days'), ['pair:5']); // a no-break space before the words of a pair
});

test('a document\'s numbers: words found on the lines one scan of the document marks, at either end of a line and never across one', () => {
  const text = 'SECTION G: SECURITY\r\n\r\nG8 X\r\n\r\nG8.1 Within Twelve\r\nmonths, and fifty\rthousand more, 250,000 or five (5) Working Days.\r\n';
  const model = workspaceIndexOf(workspaceOf({ 'g8.sec.txt': text })).model(uriOf('g8.sec.txt')) as LegalModel;
  const found = numbersOf(model).map(n => `${n.line}:${n.text}`);
  // "fifty" and "thousand" sit on two lines (a lone CR ends a line): not 50,000; "thousand" alone is no number.
  assert.deepEqual(found, ['4:Twelve', '5:fifty', '6:250,000', '6:five (5)']);
});
