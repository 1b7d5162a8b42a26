import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dedent, uriOf, workspaceOf } from '../helpers/fixtures';
import { splitLines } from '../../server/src/service/text/lines';
import { parseTextCollation } from '../../server/src/service/model/consultation/text';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const REPO = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'secmp0059');

function read(text: string) {
  return parseTextCollation(splitLines(text));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('SECMP0059: every respondent of both questions, with name, category, response and full text as transcribed', () => {
  const parsed = read(fs.readFileSync(path.join(FIXTURES, 'consultation-responses.txt'), 'utf8'));
  const rows = parse(fs.readFileSync(path.join(FIXTURES, 'consultation-responses.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.questions.map(q => q.number), ['1', '2']);
  assert.match(parsed.questions[0].title, /^Do you believe that SECMPO0059 should be approved\?$/);
  for (const row of rows) {
    const c = parsed.comments.find(x => x.question === row.question && x.respondent === row.respondent);
    assert.ok(c, `missing Q${row.question} ${row.respondent}: got ${parsed.comments.map(x => `Q${x.question} ${x.respondent}`).join('; ')}`);
    assert.equal(c.category, row.category, `${row.respondent} Q${row.question} category`);
    assert.equal(c.response, row.response, `${row.respondent} Q${row.question} response`);
    assert.equal(squash(c.text), squash(row.text), `${row.respondent} Q${row.question} text`);
  }
  // Question 2 also lists the respondents who left the cell empty: all nine, in table order.
  const q2 = parsed.comments.filter(c => c.question === '2');
  assert.deepEqual(q2.map(c => c.respondent), ['EDF Energy', 'Bryt Energy Limited', 'Smart DCC', 'Haven Power Limited', 'Npower', 'N3rgy Limited', 'British Gas', 'SSE', 'E.ON']);
  assert.deepEqual(q2.filter(c => !c.text).map(c => c.respondent), ['EDF Energy', 'Smart DCC', 'Npower', 'N3rgy Limited', 'British Gas']);
  assert.equal(q2.find(c => c.respondent === 'Smart DCC')?.category, 'Other respondent');
  assert.equal(parsed.comments.length, 18);
});

test('SECMP0059: paragraphs kept where the respondent made them, page-break headers dropped', () => {
  const parsed = read(fs.readFileSync(path.join(FIXTURES, 'consultation-responses.txt'), 'utf8'));
  const edf = parsed.comments.find(c => c.id === 'q1-edf-energy')!;
  assert.equal(edf.text.split('\n\n').length, 3);
  const haven = parsed.comments.find(c => c.id === 'q1-haven-power-limited')!;
  assert.ok(!/Respondent|Rationale/.test(haven.text));
  assert.match(haven.text, /In our view, a threshold based on the number of meters/);
  const bryt = parsed.comments.find(c => c.id === 'q2-bryt-energy-limited')!;
  assert.match(bryt.text, /assessment-of-a-shared-resource\/\)/, 'a URL wrapped at a hyphen is joined without a space');
});

test('comment ids are stable across re-parsing and unique per question and respondent', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'consultation-responses.txt'), 'utf8');
  const a = read(text).comments.map(c => c.id);
  const b = read(text.replace('EDF Energy Large Supplier\n\nBryt', 'EDF Energy Large Supplier\n\n\nBryt')).comments.map(c => c.id);
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, a.length);
  assert.ok(a.includes('q2-e-on'));
});

test('another shape: three questions, pipes, Reject/Abstain, network and shared-resource categories, wrapped names', () => {
  const parsed = read(dedent(`
    SECMP0123 Modification Report Consultation responses

    Question 1: Do you agree with the solution?
    | Respondent | Category | Response | Rationale |
    | Western Power | Network Party | Reject | The threshold in G7.3 is too low for
    | Distribution plc | | | distribution networks and would double our costs.
    | Acme Shared Services Ltd | Shared Resource Provider | Abstain | |
    | Citizens Advice | Other SEC Party | Approve | We support it.
    Page 2 of 4
    | Respondent | Category | Response | Rationale |
    | Octopus Energy | Large Supplier | Neutral | No view.

    Question 2 - Do you agree with the implementation date?
    Respondent Category Response Rationale
    Western Power Distribution plc Network Party Approve November is fine.
    Octopus Energy Large Supplier Disagree We need six months
    to update our systems.

    Question 3: Any other comments?
    Respondent Category Comments
    Citizens Advice Other SEC Party Consumers must be told.
    Western Power Distribution plc Network Party
  `));
  const got = parsed.comments.map(c => `${c.id}|${c.respondent}|${c.category}|${c.response}|${c.text}`);
  assert.deepEqual(got, [
    'q1-western-power-distribution-plc|Western Power Distribution plc|Network Party|Reject|The threshold in G7.3 is too low for distribution networks and would double our costs.',
    'q1-acme-shared-services-ltd|Acme Shared Services Ltd|Shared Resource Provider|Abstain|',
    'q1-citizens-advice|Citizens Advice|Other SEC Party|Approve|We support it.',
    'q1-octopus-energy|Octopus Energy|Large Supplier|Neutral|No view.',
    'q2-western-power-distribution-plc|Western Power Distribution plc|Network Party|Approve|November is fine.',
    'q2-octopus-energy|Octopus Energy|Large Supplier|Disagree|We need six months to update our systems.',
    'q3-citizens-advice|Citizens Advice|Other SEC Party||Consumers must be told.',
    'q3-western-power-distribution-plc|Western Power Distribution plc|Network Party||',
  ]);
  assert.deepEqual(parsed.questions.map(q => `${q.number}: ${q.title}`), [
    '1: Do you agree with the solution?', '2: Do you agree with the implementation date?', '3: Any other comments?',
  ]);
});

test('another shape: one cell per line after a page break, a name known from another table, a category wrapped', () => {
  const parsed = read(dedent(`
    Question 1: Should the change be approved?
    Respondent Category Response Rationale
    ScottishPower Energy Large Supplier Approve We agree.
    Retail Limited
    Utilita Energy Small Supplier Reject The costs fall on small suppliers
    Limited and are not justified.

    Question 2: Any further comments?
     Respondent

    Category

    Comments

    ScottishPower Energy

    Large Supplier

    We have nothing to add beyond our
    Retail Limited

    earlier answer.

    Utilita Energy Limited Small Supplier The Small Supplier cost estimate is
    missing.
  `));
  const got = parsed.comments.map(c => `${c.question}|${c.respondent}|${c.category}|${c.response}|${c.text}`);
  assert.deepEqual(got, [
    '1|ScottishPower Energy Retail Limited|Large Supplier|Approve|We agree.',
    '1|Utilita Energy Limited|Small Supplier|Reject|The costs fall on small suppliers and are not justified.',
    '2|ScottishPower Energy Retail Limited|Large Supplier||We have nothing to add beyond our earlier answer.',
    '2|Utilita Energy Limited|Small Supplier||The Small Supplier cost estimate is missing.',
  ]);
});

test('a comment line that merely starts with a category word is not a new respondent', () => {
  const parsed = read(dedent(`
    Question 1: Comments?
    Respondent Category Comments
    EDF Energy Large Supplier We think that each
    Large Supplier should be treated alike, and
    Other Users too.
  `));
  assert.equal(parsed.comments.length, 1);
  assert.equal(parsed.comments[0].text, 'We think that each Large Supplier should be treated alike, and Other Users too.');
});

test('a very long comment line (a paragraph unwrapped) naming categories is read whole, as one comment', () => {
  const sentence = 'Each Large Supplier and Other respondent | Network Party Approve the  change as   drafted. ';
  const long = sentence.repeat(200).trim();
  const parsed = read(`Question 1: Comments?\nRespondent Category Comments\nEDF Energy Large Supplier ${long}\nSSE Small Supplier Fine.\n`);
  assert.deepEqual(parsed.comments.map(c => c.respondent), ['EDF Energy', 'SSE']);
  assert.equal(parsed.comments[0].text, long.replace(/\s+/g, ' '));
});

test('a collation with no readable rows gives one file-error problem, never a throw', () => {
  const parsed = read(dedent(`
    Question 1: Comments?
    Respondent Category Comments
    this is not a table at all, just prose
  `));
  assert.equal(parsed.comments.length, 0);
  assert.equal(parsed.problems.length, 1);
  assert.equal(parsed.problems[0].code, 'file-error');
  for (const junk of ['', '\u0000\u0001', 'Question', 'Question 1:\n|||\n| Respondent |', 'Respondent\nCategory\n'.repeat(50)]) {
    assert.doesNotThrow(() => read(junk));
  }
});

test('the workspace reads a .txt collation into its model with format "text"', () => {
  const service = workspaceOf({ 'consultation-responses.txt': fs.readFileSync(path.join(FIXTURES, 'consultation-responses.txt'), 'utf8') });
  const model = workspaceIndexOf(service).model(uriOf('consultation-responses.txt')) as ConsultationModel;
  assert.equal(model.kind, 'consultation');
  assert.equal(model.format, 'text');
  assert.equal(model.comments.length, 18);
  assert.equal(service.getComments().length, 18);
});

test('a wrapped line carrying the end of the name and of the category; a name that starts like a sentence', () => {
  const parsed = read(dedent(`
    Question 1: Should it be approved?
    Respondent Category Response Rationale
    SSE Networks Other | Approve We are concerned that the threshold
    Retail Limited respondent is not clearly defined.
    So Energy Small Supplier Reject It adds cost.
    British Gas Network Party Neutral Fine.
  `));
  assert.deepEqual(parsed.comments.map(c => `${c.respondent}|${c.category}|${c.response}|${c.text}`), [
    'SSE Networks Retail Limited|Other respondent|Approve|We are concerned that the threshold is not clearly defined.',
    'So Energy|Small Supplier|Reject|It adds cost.',
    'British Gas|Network Party|Neutral|Fine.',
  ]);
});

test('a name seen once, whose next line opens with a capitalised word, is marked unsure (and read as written)', () => {
  const parsed = read([
    ' Question 1: Do you agree?',
    '',
    'Respondent Category Response Rationale',
    'Caledonia Gas Network Party Approve We agree that the change will reduce the cost of',
    'Networks reporting for transporters.',
    '',
    'EDF Energy Large Supplier Approve We agree that the change will help',
    'suppliers.',
    '',
  ].join('\n'));
  const [caledonia, edf] = parsed.comments;
  assert.equal(caledonia.respondent, 'Caledonia Gas');
  assert.equal(caledonia.text, 'We agree that the change will reduce the cost of Networks reporting for transporters.');
  assert.equal(caledonia.confidence, 'unsure');
  assert.match(caledonia.unsure ?? '', /"Networks"/);
  assert.equal(edf.confidence, undefined);
});

test('the same name whole in another table settles it: nothing unsure', () => {
  const parsed = read([
    ' Question 1: Do you agree?',
    '',
    'Respondent Category Response Rationale',
    'Caledonia Gas Network Party Approve We agree that the change will reduce the cost of',
    'Networks reporting for transporters.',
    '',
    ' Question 2: Any other comments?',
    '',
    'Respondent Category Comments',
    'Caledonia Gas Networks Network Party None.',
    '',
  ].join('\n'));
  assert.deepEqual(parsed.comments.map(c => [c.respondent, c.text, c.confidence ?? 'sure']), [
    ['Caledonia Gas Networks', 'We agree that the change will reduce the cost of reporting for transporters.', 'sure'],
    ['Caledonia Gas Networks', 'None.', 'sure'],
  ]);
});
