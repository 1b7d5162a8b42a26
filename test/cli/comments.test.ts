// `secdraft comments` as DESIGN.md §5 fixes it: the built dist/cli.js in a child process.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collationPdf } from '../helpers/pdf';
import { parse } from 'csv-parse/sync';

import { REPO, secdraft, tempDir } from '../helpers/cli';
const COLLATION = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.txt'), 'utf8');

const G8 = `G8 USER SECURITY ASSURANCE

G8.41 A Supplier Party supplying both Domestic Premises and Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year in which its Combined Premises Number exceeds 250,000.

G8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment in the second Assessment Year of each cycle.

G8.46 A User acting in more than one User Role shall undergo a single User Security Assessment covering all its User Roles.

G8.48 Where an Other User is also a Supplier Party, Section G8.46 applies and it shall not undergo a separate assessment as an Other User.
`;



test('comments --format json: comments with their clauses, and clauses with their comments', () => {
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const r = secdraft(['comments', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report), ['comments', 'clauses', 'files']);
  assert.deepEqual(report.files, [{ path: 'consultation-responses.txt', format: 'text', comments: 18 }]);
  assert.equal(report.comments.length, 18);
  const eon = report.comments.find((c: { id: string }) => c.id === 'q2-e-on');
  // DESIGN.md §5's fields first and in order; the answered state is added after them.
  assert.deepEqual(Object.keys(eon), ['id', 'path', 'line', 'question', 'respondent', 'category', 'response', 'text', 'clauses', 'needsAnswer', 'answered', 'disposition', 'answer']);
  assert.equal(eon.path, 'consultation-responses.txt');
  assert.equal(eon.line, 124);
  assert.deepEqual(eon.clauses, [{ id: 'G8.41', kind: 'explicit', score: 1 }, { id: 'G8.44C', kind: 'explicit', score: 1 }]);
  const g841 = report.clauses.find((c: { id: string }) => c.id === 'G8.41');
  assert.deepEqual(Object.keys(g841), ['id', 'path', 'line', 'comments']);
  assert.equal(g841.path, 'g8.sec.txt');
  assert.equal(g841.line, 3);
  assert.ok(g841.comments.some((c: { id: string; kind: string }) => c.id === 'q2-e-on' && c.kind === 'explicit'));
  // Every comment is listed, linked or not (empty cells included).
  const edf = report.comments.find((c: { id: string }) => c.id === 'q2-edf-energy');
  assert.deepEqual([edf.text, edf.clauses], ['', []]);
});

test('comments --format md and csv', () => {
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const md = secdraft(['comments', '--format', 'md'], dir);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^## G8\.41$/m);
  assert.match(md.stdout, /\*\*E\.ON\*\* \(Large Supplier\), question 2, names the clause/);
  const csv = secdraft(['comments', '--format', 'csv'], dir);
  assert.equal(csv.code, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\uFEFFid,'), 'a BOM, then the header');
  const rows = parse(csv.stdout, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(rows.length, 18);
  assert.equal(rows.find(r => r.id === 'q2-e-on')!.clauses, 'G8.41 explicit 1; G8.44C explicit 1');
});

test('comments --format csv neutralises cells a spreadsheet would run as formulas', () => {
  const collation = 'question,respondent,category,response,text\n1,=HYPERLINK("http://x"),Large Supplier,Approve,"+1 and G8.41"\n1,@SUM(A1),-Other,Reject,"=1+2"\n1,Plain Ltd,Small Supplier,Approve,A - B = C\n';
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.csv': collation });
  const r = secdraft(['comments', '--format', 'csv'], dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(rows.map(x => [x.respondent, x.category, x.text]), [
    ["'=HYPERLINK(\"http://x\")", 'Large Supplier', "'+1 and G8.41"],
    ["'@SUM(A1)", "'-Other", "'=1+2"],
    ['Plain Ltd', 'Small Supplier', 'A - B = C'],
  ]);
  for (const row of rows) for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
});

test('comments says how many comments each collation gave; one with no table is said, not a failure', () => {
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION, 'old-responses.txt': 'Minutes of the meeting.\n' });
  const r = secdraft(['comments', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /old-responses\.txt:1: No response table found/);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.files, [{ path: 'consultation-responses.txt', format: 'text', comments: 18 }, { path: 'old-responses.txt', format: 'text', comments: 0 }]);
  const md = secdraft(['comments', '.', '--format', 'md'], dir);
  assert.match(md.stdout, /^- consultation-responses\.txt: 18 comments$/m);
  assert.match(md.stdout, /^- old-responses\.txt: 0 comments$/m);
});

test('comments --format md quotes what each respondent said, escaped, under the comment (#18)', () => {
  const collation = 'question,respondent,category,response,text\n'
    + '1,E.ON,Large Supplier,Approve,"Why does G8.41 multiply by *five*?\nA second line."\n'
    + '1,Bryt,Small Supplier,Reject,We disagree with the whole proposal.\n';
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation.csv': collation });
  const md = secdraft(['comments', '--format', 'md'], dir);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\*\*E\.ON\*\*.*\n {2}> Why does G8\.41 multiply by \\\*five\\\*\? A second line\.\n {2}- \*No response recorded\*/, md.stdout);
  assert.match(md.stdout, /\*\*Bryt\*\*.*\n {2}> We disagree with the whole proposal\./, 'general comments too');
});

test('comments reads a PDF collation through the bundled pdf.js, and a broken one is exit 2 naming it', async () => {
  const pdf = await collationPdf([
    ['E.ON', 40, 225], ['Large Supplier', 150, 225], ['We note that G8.41 seems to multiply the number of', 250, 225],
    ['Non-Domestic Premises by five.', 250, 213],
    ['Haven Power', 40, 190], ['Small Supplier', 150, 190], ['No further comments.', 250, 190],
    ['Limited', 40, 178],
  ]);
  const dir = tempDir({ 'g8.sec.txt': G8, 'consultation-responses.pdf': pdf });
  const r = secdraft(['comments', '.'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.comments.map((c: { respondent: string; text: string }) => `${c.respondent}: ${c.text}`), [
    'E.ON: We note that G8.41 seems to multiply the number of Non-Domestic Premises by five.',
    'Haven Power Limited: No further comments.',
  ]);
  assert.deepEqual(report.comments[0].clauses, [{ id: 'G8.41', kind: 'explicit', score: 1 }]);
  // check reads the same original: the PDF appears in its report as a consultation file.
  const checked = secdraft(['check', '.', '--format', 'json'], dir);
  assert.ok(JSON.parse(checked.stdout).files.some((f: { path: string; kind: string }) => f.path.endsWith('consultation-responses.pdf') && f.kind === 'consultation'), checked.stderr);
  fs.writeFileSync(path.join(dir, 'broken-responses.pdf'), '%PDF-1.7\n garbage');
  const bad = secdraft(['comments', '.'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /broken-responses\.pdf: /);
  assert.equal(JSON.parse(bad.stdout).comments.length, 2, 'the other files still load');
});

test('comments with an unknown format is a usage error', () => {
  const r = secdraft(['comments', '--format', 'xml'], tempDir({}));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown format "xml"/);
});
