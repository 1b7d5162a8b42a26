// `secdraft renumber` on real files, through the built CLI.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, secdraft, tempDir as makeTempDir } from '../helpers/cli';

const G8 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'G8.44 Where a Supplier Party exceeds the threshold in Section G8.44A, it shall be assessed.',
  '',
  'G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises shall be assessed.',
  '',
  'G8.44B A Non-Domestic Supplier shall be assessed.',
  '',
  'G8.44C A Supplier Party to which Section G8.44B applies shall be assessed.',
  '',
  'G8.45 The Panel shall review Sections G8.44A to G8.44C.',
  '',
].join('\r\n');

const A1 = 'A1.1 A Supplier Party to which Section G8.44C applies, or Section G8.45(a), is a Small Supplier.\n';
const RESPONSES = 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,"G8.44C is fine"\n';

const tempDir = () => makeTempDir({ 'g8.sec.txt': '\uFEFF' + G8, 'a1.sec.txt': A1, 'consultation-responses.csv': RESPONSES }, 'secdraft-renumber-');
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

test('--rename changes the clause and every reference in every file, keeping CRLF and the BOM; comments untouched, their links follow', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--rename', 'G8.44C=G8.44D'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /renamed G8\.44C to G8\.44D: 4 edits in 3 files/);
  const g8 = read(dir, 'g8.sec.txt');
  assert.ok(g8.startsWith('\uFEFF'));
  assert.match(g8, /\r\nG8\.44D A Supplier Party to which Section G8\.44B applies shall be assessed\.\r\n/);
  assert.match(g8, /review Sections G8\.44A to G8\.44D\./);
  assert.equal(read(dir, 'a1.sec.txt'), A1.replace('G8.44C', 'G8.44D'));
  assert.equal(read(dir, 'consultation-responses.csv'), RESPONSES);
  assert.deepEqual(JSON.parse(read(dir, 'consultation-responses.responses.json')).renamedClauses, { 'G8.44C': 'G8.44D' });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a1.sec.txt', 'consultation-responses.csv', 'consultation-responses.responses.json', 'g8.sec.txt'], 'no temporary files left behind');
  const comments = JSON.parse(secdraft(['comments', '.', '--format', 'json'], dir).stdout);
  assert.deepEqual(comments.clauses.filter((c: { comments: { kind: string }[] }) => c.comments.some(x => x.kind === 'explicit')).map((c: { id: string }) => c.id), ['G8.44D'], 'E.ON’s link follows the clause');
  assert.doesNotMatch(secdraft(['check', '.'], dir).stdout, /unknown-clause/);
});

test('--dry-run shows the responses file a rename would create, and writes nothing', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--rename', 'G8.44C=G8.44D', '--dry-run'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\+\s*"renamedClauses": \{/);
  assert.ok(!fs.existsSync(path.join(dir, 'consultation-responses.responses.json')), '--dry-run writes nothing');
});

test('--rename to a number already taken is refused, and nothing is written', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--rename', 'G8.44C=G8.45'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /G8\.45 already exists \(g8\.sec\.txt line 13\)/);
  assert.equal(read(dir, 'g8.sec.txt'), '\uFEFF' + G8);
});

test('--insert-after with --renumber-rest inserts G8.45 and moves the rest, references following', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--insert-after', 'G8.44C', '--renumber-rest'], dir);
  assert.equal(r.code, 0, r.stderr);
  const g8 = read(dir, 'g8.sec.txt');
  assert.match(g8, /applies shall be assessed\.\r\n\r\nG8\.45 \[Text of the new clause\]\r\n\r\nG8\.46 The Panel shall review Sections G8\.44A to G8\.44C\.\r\n/);
  assert.match(read(dir, 'a1.sec.txt'), /or Section G8\.46\(a\), is a Small Supplier/);
});

test('--dry-run prints the diff and writes nothing; --insert-after alone takes the next letter', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--insert-after', 'G8.44C', '--dry-run'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\+G8\.44D \[Text of the new clause\]/m);
  assert.match(r.stderr, /would have inserted G8\.44D after G8\.44C/);
  assert.equal(read(dir, 'g8.sec.txt'), '\uFEFF' + G8);
});

test('--part renumbers the clauses of a Part in sequence, references following', () => {
  const dir = tempDir();
  const r = secdraft(['renumber', '.', '--part', 'G8'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /renumbered 4 clauses of G8 in sequence/);
  assert.match(read(dir, 'g8.sec.txt'), /\r\nG8\.48 The Panel shall review Sections G8\.45 to G8\.47\.\r\n/);
  assert.match(read(dir, 'a1.sec.txt'), /Section G8\.47 applies, or Section G8\.48\(a\)/);
});

test('usage errors: nothing to do, two things to do, a malformed --rename', () => {
  const dir = tempDir();
  assert.equal(secdraft(['renumber', '.'], dir).code, 2);
  assert.match(secdraft(['renumber', '.', '--rename', 'G8.44C=G8.44D', '--paragraphs', 'G8.45'], dir).stderr, /one of --rename/);
  assert.match(secdraft(['renumber', '.', '--rename', 'G8.44C'], dir).stderr, /FROM=TO/);
  assert.equal(read(dir, 'g8.sec.txt'), '\uFEFF' + G8);
});

test('a file changed on disk since it was read is refused, and no file is written', () => {
  const dir = tempDir();
  const hook = path.join(dir, 'hook.cjs');
  // Plays the other editor: rewrites a1 when the CLI reads it the second time (the check before writing).
  fs.writeFileSync(hook, `
    const fs = require('fs');
    const read = fs.readFileSync;
    let n = 0;
    fs.readFileSync = function (file, ...rest) {
      if (String(file).endsWith('a1.sec.txt') && ++n === 2) fs.writeFileSync(file, 'A1.1 Someone else edited this.\\n');
      return read.call(this, file, ...rest);
    };
  `);
  const r = spawnSync(process.execPath, ['--require', hook, CLI, 'renumber', 'g8.sec.txt', 'a1.sec.txt', '--rename', 'G8.44C=G8.44D'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /a1\.sec\.txt: changed on disk since it was read; nothing renumbered/);
  assert.equal(read(dir, 'a1.sec.txt'), 'A1.1 Someone else edited this.\n');
  assert.equal(read(dir, 'g8.sec.txt'), '\uFEFF' + G8, 'the other file is not renumbered alone');
});
