// Generalisation yardstick: SEC text and collations written independently of the SECMP0059
// sample (test/fixtures/unseen/: Sections A, H, M (Markdown) and X, two PDF-extracted
// collations shaped unlike the sample and a CSV). The clean files must give no warning or
// error, their clauses, definitions and comments must be read as written, and copies with
// one planted slip per diagnostic code must give exactly the planted findings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecLanguageService, type SecLanguageService } from '../../server/src/service';

const REPO = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(REPO, 'test', 'fixtures', 'unseen');
// The tidy twins of the real-form texts (test/unit/realForm.test.ts) are a workspace of their own.
const REAL_FORM_TWINS = new Set(['section-a-extra.sec.txt', 'section-k-charging.sec.txt']);
const FILES = fs.readdirSync(DIR).filter(f => !f.startsWith('.') && !REAL_FORM_TWINS.has(f)).sort();
const uri = (f: string) => `file:///unseen/${f}`;

type Texts = Record<string, string>;

function cleanTexts(): Texts {
  return Object.fromEntries(FILES.map(f => [f, fs.readFileSync(path.join(DIR, f), 'utf8')]));
}

function serviceOf(texts: Texts): SecLanguageService {
  const service = createSecLanguageService();
  for (const [f, text] of Object.entries(texts)) service.setDocument({ uri: uri(f), version: 1, text });
  return service;
}

interface Found { file: string; line: number; code: string; severity: string; message: string }

function findings(service: SecLanguageService, texts: Texts): Found[] {
  return Object.keys(texts).flatMap(file => service.getDiagnostics(uri(file)).map(d => ({
    file, line: d.range.start.line + 1, code: String(d.code), severity: d.severity, message: d.message,
  })));
}

const show = (f: Found) => `${f.file}:${f.line} ${f.severity} ${f.code}: ${f.message}`;

/**
 * Findings on the clean text that are right, with the reason. Everything else of warning or
 * error severity on these files is a false positive.
 */
const ALLOWED: { file: string; code: string; why: string }[] = [];

test('unseen clean text: no warning or error', () => {
  const texts = cleanTexts();
  const bad = findings(serviceOf(texts), texts)
    .filter(f => f.severity === 'warning' || f.severity === 'error')
    .filter(f => !ALLOWED.some(a => a.file === f.file && a.code === f.code));
  assert.deepEqual(bad.map(show), []);
});

test('unseen clean text: only the unused definitions are reported as information', () => {
  const texts = cleanTexts();
  const info = findings(serviceOf(texts), texts).filter(f => f.severity === 'information' || f.severity === 'hint');
  // Acceding Party, Designation Date and Shared Resource Provider are defined and never used in
  // these excerpts; Completion Conditions is only named as X3.1's heading.
  assert.deepEqual(info.map(f => `${f.file}:${f.line} ${f.code}`).sort(), [
    'section-a-definitions.sec.txt:22 unused-definition',
    'section-a-definitions.sec.txt:39 unused-definition',
    'section-a-definitions.sec.txt:6 unused-definition',
    'section-x-transition.sec.txt:53 unused-definition',
  ]);
});

test('unseen clean text: every clause and definition is read', () => {
  const service = serviceOf(cleanTexts());
  const ids = (file: string) => service.getDocumentSymbols(uri(file)).flatMap(function walk(s): string[] {
    return [s.name, ...(s.children ?? []).flatMap(walk)];
  }).map(n => /^([A-Z]\d+\.\d+[A-Z]?)\b/.exec(n)?.[1]).filter((x): x is string => !!x);
  assert.deepEqual(ids('section-h-user-entry.sec.txt'), ['H1.1', 'H1.2', 'H1.3', 'H1.4', 'H1.5', 'H1.6', 'H1.6A', 'H1.6B', 'H1.7', 'H1.8', 'H1.9', 'H1.10', 'H1.11', 'H2.1', 'H2.2', 'H2.3']);
  assert.deepEqual(ids('section-m-general.sec.md'), ['M2.1', 'M2.2', 'M2.3', 'M2.4', 'M2.5', 'M2.5A', 'M2.6', 'M2.7', 'M2.8', 'M2.9', 'M3.1', 'M3.2', 'M3.3']);
  assert.deepEqual(ids('section-x-transition.sec.txt'), ['X1.1', 'X1.2', 'X1.3', 'X1.4', 'X1.5', 'X1.6', 'X1.6A', 'X2.1', 'X2.2', 'X2.3', 'X2.4', 'X3.1', 'X3.2', 'X3.3']);
});

/** [question, respondent, category, response, how the text starts ('' when empty)] */
type Row = [string, string, string, string, string];

const COMMENTS: Record<string, Row[]> = {
  'secmp0101-consultation-responses.txt': [
    ['1', 'Northern Powergrid', 'Network Party', 'Approve', 'We agree that the modification'],
    ['1', 'Electricity North West Limited', 'Network Party', 'Reject', 'We do not believe that removing'],
    ['1', 'Smart DCC Ltd', 'DCC', 'Neutral', 'The DCC is content to implement'],
    ['1', 'Utiligroup Limited', 'Shared Resource Provider', 'Approve', 'As a Shared Resource Provider we welcome'],
    ['1', 'Octopus Energy Limited', 'Large Supplier', 'Abstain', ''],
    ['1', 'Cadent Gas Limited', 'Network Party', 'Approve', 'We support the modification'],
    ['2', 'Northern Powergrid', 'Network Party', 'Yes', 'No comment.'],
    ['2', 'Electricity North West Limited', 'Network Party', 'No', 'Section H1.6B prevents'],
    ['2', 'Smart DCC Ltd', 'DCC', 'Yes', 'The DCC notes that H1.6A'],
    ['2', 'Utiligroup Limited', 'Shared Resource Provider', 'Yes', ''],
    ['2', 'Octopus Energy Limited', 'Large Supplier', 'Yes', 'We agree, but believe'],
    ['2', 'Cadent Gas Limited', 'Network Party', 'Yes', ''],
    ['3', 'Northern Powergrid', 'Network Party', 'Yes', ''],
    ['3', 'Electricity North West Limited', 'Network Party', 'Yes', 'An implementation date'],
    ['3', 'Smart DCC Ltd', 'DCC', 'No', 'The DCC would need six months'],
    ['3', 'Octopus Energy Limited', 'Large Supplier', 'Yes', ''],
    ['4', 'Northern Powergrid', 'Network Party', '', ''],
    ['4', 'Utiligroup Limited', 'Shared Resource Provider', '', 'The Incident categories in H2.1'],
    ['4', 'Smart DCC Ltd', 'DCC', '', 'The DCC notes that the resolution period'],
  ],
  'secmp0102-consultation-responses.txt': [
    ['1', 'Good Energy Limited', 'Small Supplier', 'Approve', 'We support the fixed charge'],
    ['1', 'Scottish and Southern Electricity Networks', 'Network Party', 'Reject', 'The cap of £12,500,000 in X2.3 is too high, and we do not see why'],
    ['1', 'Citizens Advice', 'Consumer Body', 'Abstain', 'Citizens Advice does not express'],
    ['1', 'Smart DCC Ltd', 'DCC', 'Neutral', 'The DCC has no view.'],
    ['2', 'Good Energy Limited', 'Small Supplier', '', 'The security forms'],
    ['2', 'Scottish and Southern Electricity Networks', 'Network Party', '', ''],
    ['2', 'Citizens Advice', 'Consumer Body', '', 'We welcome the Completion Conditions'],
    ['2', 'Smart DCC Ltd', 'DCC', '', 'The reference in paragraph 4'],
  ],
  'secmp0103-consultation-responses.csv': [
    ['1', 'Northern Powergrid', 'Network Party', 'Approve', 'We support the change to M2.5'],
    ['1', 'Utiligroup Limited', 'Shared Resource Provider', 'Reject', 'The Liability Cap should apply'],
    ['1', 'Smart DCC Ltd', 'DCC', 'Abstain', ''],
    ['2', 'Northern Powergrid', 'Network Party', '', 'Section M2.9 (Disputed Amounts)'],
    ['2', 'Octopus Energy Limited', 'Large Supplier', '', 'No further comments, "as stated"'],
  ],
};

test('unseen collations: every comment with respondent, category, response and its own text', () => {
  const service = serviceOf(cleanTexts());
  const all = service.getComments();
  for (const [file, rows] of Object.entries(COMMENTS)) {
    const got = all.filter(e => e.uri === uri(file)).map(e => e.comment);
    const summary = (c: { question: string; respondent: string; category: string; response: string; text: string }): Row =>
      [c.question, c.respondent, c.category, c.response, c.text];
    assert.deepEqual(got.map(c => summary(c).slice(0, 4)), rows.map(r => r.slice(0, 4)), file);
    rows.forEach((row, i) => {
      const text = got[i].text.replace(/\s+/g, ' ');
      assert.ok(row[4] === '' ? text === '' : text.startsWith(row[4]), `${file} Q${row[0]} ${row[1]}: text ${JSON.stringify(text.slice(0, 80))}`);
      // No other row's respondent, category or table rule leaks into a comment's text.
      assert.doesNotMatch(text, /\|/, `${file} Q${row[0]} ${row[1]}: a column separator in the text`);
    });
  }
});

test('unseen collations: clause numbers in comments are explicit links to those clauses', () => {
  const service = serviceOf(cleanTexts());
  const explicit = service.getComments()
    .map(e => `${e.comment.id}: ${e.links.filter(l => l.kind === 'explicit').map(l => l.clause).sort().join(' ')}`)
    .filter(s => !s.endsWith(': '));
  assert.deepEqual(explicit.sort(), [
    'q1-anonymous: H1.8',
    'q1-electricity-north-west-limited: H1.5',
    'q1-northern-powergrid: M2.5',
    'q1-scottish-and-southern-electricity-networks: X2.1 X2.3',
    'q1-utiligroup-limited: M2.5A',
    'q2-citizens-advice: X3.1',
    'q2-electricity-north-west-limited: H1.6B',
    'q2-fenland-consumer-forum: X3.2',
    'q2-good-energy-limited: X2.4',
    'q2-harbourside-energy-services: X1.4',
    'q2-northern-powergrid: M2.9',
    'q2-northfleet-gas-distribution: H1.6A',
    'q2-octopus-energy-limited: H1.9',
    'q2-smart-dcc-ltd: H1.6A',
    'q2-thornbury-energy-supply: H1.5',
    'q4-utiligroup-limited: H2.1',
  ]);
});

/**
 * One real slip per diagnostic code, each made on one line of a copy of the clean text:
 * `find` is replaced by `replace`; the finding must stand on that line (or on the line of
 * `orAt`, for findings that may be reported at either of two places).
 */
interface Plant { file: string; code: string; find: string; replace: string; orAt?: string }

const H = 'section-h-user-entry.sec.txt';
const M = 'section-m-general.sec.md';
const X = 'section-x-transition.sec.txt';
const A = 'section-a-definitions.sec.txt';

const PLANTS: Plant[] = [
  { file: H, code: 'double-space', find: 'shall not be entitled', replace: 'shall not  be entitled' },
  { file: H, code: 'repeated-word', find: 'and to the Code Administrator that', replace: 'and to the the Code Administrator that' },
  { file: H, code: 'unbalanced-bracket', find: '(c) a copy of any form which', replace: '(c) a copy of any form (including any annex which' },
  { file: M, code: 'list-punctuation', find: '(a) loss of profit, revenue, use or goodwill;', replace: '(a) loss of profit, revenue, use or goodwill,' },
  { file: M, code: 'space-before-punctuation', find: 'mitigate its effect; and', replace: 'mitigate its effect ; and' },
  { file: H, code: 'unbalanced-quote', find: 'Party (its “Assurance Status”) as one', replace: 'Party (its “Assurance Status) as one' },
  { file: H, code: 'clause-numbering', find: 'H2.3 The DCC', replace: 'H2.4 The DCC' },
  { file: X, code: 'broken-reference', find: 'varied under Section X1.6 (Transitional Variations)', replace: 'varied under Section X1.7 (Transitional Variations)' },
  { file: H, code: 'reference-heading-mismatch', find: 'Section H1.6 (User IDs);', replace: 'Section H1.6 (User Identifiers);' },
  { file: H, code: 'undefined-term', find: 'shall publish, and keep up to date, a list', replace: 'shall publish in the Central Register, and keep up to date, a list' },
  { file: M, code: 'lowercase-defined-term', find: 'interest on that amount at the Default Interest Rate', replace: 'interest on that amount at the default interest rate' },
  { file: A, code: 'duplicate-definition', find: 'Designation Date | means 23 September 2013.', replace: 'Enrolment | means the process by which a Smart Metering System becomes enrolled with the DCC.', orAt: 'Enrolment | means the enrolment' },
  { file: X, code: 'number-format', find: 'a fixed charge of £2,500 together with', replace: 'a fixed charge of £2500 together with' },
  { file: X, code: 'inconsistent-threshold', find: 'in aggregate.', replace: 'in aggregate, and a Supplier Party with 200,000 or more Smart Metering Systems enrolled with the DCC shall pay the variable charge.', orAt: 'fewer than 250,000 Smart Metering Systems' },
  { file: 'secmp0101-consultation-responses.txt', code: 'unknown-clause', find: 'The DCC notes that the resolution period', replace: 'The DCC notes that H2.7 and the resolution period' },
];

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture text not found: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** Slips between the limbs of one clause, each limb a test of its own (once a known gap, see CHANGELOG Fixed). */
const LIMB_PLANTS: Plant[] = [
  // Limbs (a) and (b) of one clause that overlap: 200,000 to 249,999 falls under both.
  { file: X, code: 'inconsistent-threshold', find: '(b) in any other case, a fixed charge', replace: '(b) where the Supplier Party has 200,000 or more Smart Metering Systems enrolled with the DCC, a fixed charge', orAt: 'fewer than 250,000 Smart Metering Systems' },
];

test('unseen planted slips: each planted slip is found, and nothing else is new', () => checkPlants(PLANTS));

test('unseen planted slips in the limbs of one clause', () => checkPlants(LIMB_PLANTS));

function checkPlants(plants: Plant[]): void {
  const clean = cleanTexts();
  const planted: Texts = { ...clean };
  for (const p of plants) {
    assert.equal(planted[p.file].split(p.find).length, 2, `plant text must occur once: ${p.find}`);
    planted[p.file] = planted[p.file].replace(p.find, p.replace);
  }
  const key = (f: Found) => `${f.file}:${f.line} ${f.code}`;
  const before = new Set(findings(serviceOf(clean), clean).map(key));
  const fresh = findings(serviceOf(planted), planted).filter(f => !before.has(key(f)));
  const places = (p: Plant) => [lineOf(planted[p.file], p.replace), ...(p.orAt ? [lineOf(planted[p.file], p.orAt)] : [])];
  const isPlanted = (f: Found) => plants.some(p => p.file === f.file && p.code === f.code && places(p).includes(f.line));
  const missed = plants.filter(p => !fresh.some(f => f.file === p.file && f.code === p.code && places(p).includes(f.line)));
  assert.deepEqual(
    { falseNegatives: missed.map(p => `${p.file}:${places(p)[0]} ${p.code}`), unplanted: fresh.filter(f => !isPlanted(f)).map(show) },
    { falseNegatives: [], unplanted: [] });
}
