// A file named on the command line is checked whatever its name: naming it is asking for it.
// Files met while walking a folder are still chosen by name and content.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { secdraft, tempDir } from '../helpers/cli';

const LEGAL = 'G8.1 The  party shall pay.\n';
const COLLATION = 'question,respondent,category,response,text\n1,Acme Ltd,Supplier,Agree,We agree with G8.1.\n';

test('check reads a named file that is not legal text by its name as legal text, and says so', () => {
  const dir = tempDir({ 'A.md': LEGAL });
  const r = secdraft(['check', path.join(dir, 'A.md'), '--format', 'json']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.files.length, 1);
  assert.equal(report.files[0].kind, 'legal');
  assert.deepEqual(report.files[0].diagnostics.map((d: { code: string }) => d.code), ['double-space']);
  // The note names the file, why it was read so, and how the editor and folder runs would read it too.
  assert.match(r.stderr, /A\.md: read as legal text because it was named/);
  assert.match(r.stderr, /"legalFiles" in \.secdraft\.json/);
});

test('check in stylish: the named file\'s findings and a summary in the singular', () => {
  const dir = tempDir({ 'A.md': LEGAL, 'B.md': 'G8.2 Clean text.\n' });
  const r = secdraft(['check', 'A.md'], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^A\.md:1:9 +warning .*double-space/m);
  assert.match(r.stdout, /^1 finding in 1 file: /m);
  const clean = secdraft(['check', 'B.md'], dir);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /^No findings in 1 file\.$/m);
  assert.match(secdraft(['check', 'A.md', 'B.md'], dir).stdout, /^1 finding in 1 file \(2 files checked\): /m);
});

test('a folder is still walked by name: its .md files are not legal text', () => {
  const dir = tempDir({ 'A.md': LEGAL, 'b.sec.txt': 'G8.2 Clean text.\n' });
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => path.basename(f.path)), ['b.sec.txt']);
  assert.doesNotMatch(r.stderr, /read as legal text/);
});

test('a named file that is legal text by name, by a legalFiles glob, a collation or the responses file is read as before, with no note', () => {
  const dir = tempDir({
    'a.sec.md': LEGAL,
    'drafts/G.md': LEGAL,
    '.secdraft.json': JSON.stringify({ legalFiles: ['drafts/*.md'] }),
    'answers.md': COLLATION,
    'answers.responses.json': '{}\n',
  });
  const r = secdraft(['check', 'a.sec.md', 'drafts/G.md', 'answers.md', 'answers.responses.json', '--format', 'json'], dir);
  const kinds = Object.fromEntries(JSON.parse(r.stdout).files.map((f: { path: string; kind: string }) => [f.path.split(path.sep).join('/'), f.kind]));
  assert.deepEqual(kinds, { 'a.sec.md': 'legal', 'drafts/G.md': 'legal', 'answers.md': 'consultation', 'answers.responses.json': 'other' });
  assert.doesNotMatch(r.stderr, /read as legal text/);
});

test('index lists the clauses of a named file that is not legal text by its name', () => {
  const dir = tempDir({ 'A.md': LEGAL });
  const r = secdraft(['index', 'A.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).clauses.map((c: { id: string; path: string }) => [c.id, c.path]), [['G8.1', 'A.md']]);
  assert.match(r.stderr, /A\.md: read as legal text because it was named/);
});

test('comments says that a named file is neither a collation nor legal text by its name (it reads it as legal text)', () => {
  const dir = tempDir({ 'notes.md': 'Our thoughts on G8.1.\n', 'answers.md': COLLATION });
  const r = secdraft(['comments', 'notes.md', 'answers.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /notes\.md: read as legal text because it was named/);
  assert.doesNotMatch(r.stderr, /answers\.md/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['answers.md']);
});

test('report reads a named file as legal text, and counts one file, one warning in the singular', () => {
  const dir = tempDir({ 'A.md': LEGAL });
  const r = secdraft(['report', 'A.md', '--out', 'report.md'], dir);
  assert.equal(r.code, 1, r.stderr);
  const text = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
  assert.match(text, /^1 file checked: 0 errors, 1 warning, 0 information, 0 hints; 0 consultation comments, 0 without a response\.$/m, text);
});

test('a named word list or config is not read as legal text, and the note says what it is', () => {
  const dir = tempDir({ 'sec-words.txt': 'Smart Energy Code Company\n', '.secdraft.json': '{}\n', 'A.md': LEGAL });
  const r = secdraft(['check', 'sec-words.txt', '.secdraft.json', 'A.md', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const kinds = JSON.parse(r.stdout).files.map((f: { path: string; kind: string; diagnostics: unknown[] }) => [f.path, f.kind, f.diagnostics.length]);
  assert.deepEqual(kinds, [['sec-words.txt', 'other', 0], ['.secdraft.json', 'other', 0], ['A.md', 'legal', 1]]);
  assert.match(r.stderr, /sec-words\.txt: not checked: it is a word list, not legal text/);
  assert.match(r.stderr, /\.secdraft\.json: not checked: it is the configuration, not legal text/);
});
