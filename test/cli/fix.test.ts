// `secdraft check --fix` and `--fix-dry-run` on real files, through the built CLI.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, secdraft, tempDir as makeTempDir } from '../helpers/cli';

const SLIPS = [
  'G8.19 Each User shall: ',
  '(a) give access\tas required;',
  '(b) provide information ,',
  '(c) respond  promptly; and',
  '(d) act on the the findings.',
  '',
].join('\r\n');

const FIXED = [
  'G8.19 Each User shall:',
  '(a) give access as required;',
  '(b) provide information;',
  '(c) respond promptly; and',
  '(d) act on the findings.',
  '',
].join('\r\n');

const tempDir = (files: Record<string, string | Buffer>) => makeTempDir(files, 'secdraft-fix-');

test('--fix applies every certain fix (in passes), keeps CRLF and the BOM, and reports what is left', () => {
  const dir = tempDir({ 'g8.sec.txt': '\uFEFF' + SLIPS, 'other.sec.txt': 'G8.20 Clean text (never closed.\n' });
  const r = secdraft(['check', '.', '--fix', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8'), '\uFEFF' + FIXED);
  assert.equal(fs.readFileSync(path.join(dir, 'other.sec.txt'), 'utf8'), 'G8.20 Clean text (never closed.\n', 'files without certain fixes are untouched');
  assert.match(r.stderr, /fixed \d+ findings in 1 file/);
  const report = JSON.parse(r.stdout);
  const left = report.files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map(d => d.code));
  assert.ok(left.includes('unbalanced-bracket'), 'uncertain findings remain');
  assert.ok(!left.some((c: string) => ['double-space', 'stray-tab', 'trailing-whitespace', 'space-before-punctuation', 'repeated-word', 'list-punctuation'].includes(c)), left.join());
  assert.deepEqual(fs.readdirSync(dir).sort(), ['g8.sec.txt', 'other.sec.txt'], 'no temporary files left behind');
});

test('--fix-dry-run prints a unified diff and writes nothing', () => {
  const dir = tempDir({ 'g8.sec.txt': SLIPS });
  const r = secdraft(['check', 'g8.sec.txt', '--fix-dry-run', '--fail-on', 'error'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8'), SLIPS);
  assert.equal(r.code, 0, 'the exit code is that of the text as it would be after fixing');
  assert.match(r.stdout, /^--- a\/g8\.sec\.txt/m);
  assert.match(r.stdout, /^\+\+\+ b\/g8\.sec\.txt/m);
  assert.match(r.stdout, /^-\(d\) act on the the findings\.\r?$/m);
  assert.match(r.stdout, /^\+\(d\) act on the findings\.\r?$/m);
  assert.match(r.stdout, /^@@ -1,5 \+1,5 @@/m);
  assert.match(r.stderr, /would fix \d+ findings in 1 file/);
});

test('--fix refuses a file that changed on disk since it was read, naming it', () => {
  // A preload hook plays the other editor: it rewrites the file when the CLI reads it the
  // second time, which is the check just before writing.
  const dir = tempDir({ 'g8.sec.txt': SLIPS });
  const hook = path.join(dir, 'hook.cjs');
  fs.writeFileSync(hook, `
    const fs = require('fs');
    const read = fs.readFileSync;
    let n = 0;
    fs.readFileSync = function (file, ...rest) {
      if (String(file).endsWith('g8.sec.txt') && ++n === 2) fs.writeFileSync(file, 'G8.19 Someone else edited this.\\n');
      return read.call(this, file, ...rest);
    };
  `);
  const r = spawnSync(process.execPath, ['--require', hook, CLI, 'check', 'g8.sec.txt', '--fix'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /g8\.sec\.txt: changed on disk since it was read; not fixed/);
  assert.equal(fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8'), 'G8.19 Someone else edited this.\n', 'the other edit survives');
});

test('--fix and --fix-dry-run together are a usage error', () => {
  const dir = tempDir({ 'g8.sec.txt': SLIPS });
  const r = secdraft(['check', '.', '--fix', '--fix-dry-run'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--fix or --fix-dry-run, not both/);
});

test('--fix never edits consultation responses', () => {
  const csv = 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,"We agree  with the the change ."\n';
  const dir = tempDir({ 'consultation-responses.csv': csv, 'g8.sec.txt': 'G8.1 Text.\n' });
  secdraft(['check', '.', '--fix'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'consultation-responses.csv'), 'utf8'), csv);
});
