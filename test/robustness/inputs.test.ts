// The inputs people really feed the checker, through the built CLI: each gets a clear message
// naming the file and the reason (or is simply checked), and every other file is still checked.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../../server/src/io/files';
import { secdraft, tempDir } from '../helpers/cli';

const GOOD = 'G8.1 One  two.\n';

function run(args: string[]) {
  return secdraft(args, undefined, { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
}

function workspace(files: Record<string, string | Buffer>): string {
  return tempDir(files, 'secdraft-robust-');
}

interface JsonReport {
  files: { path: string; diagnostics: { code: string; line: number; column: number; message: string }[] }[];
}

/** Check a folder holding `good.sec.txt` plus the given file; return the report and stderr. */
function checkBeside(name: string, content: string | Buffer) {
  const dir = workspace({ 'good.sec.txt': GOOD, [name]: content });
  const r = run(['check', dir, '--format', 'json']);
  assert.notEqual(r.stdout, '', `no JSON output; stderr: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  const good = report.files.find(f => f.path.endsWith('good.sec.txt'));
  assert.ok(good?.diagnostics.some(d => d.code === 'double-space'), `the other file is still checked (${name})`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  const file = report.files.find(f => f.path.endsWith(name));
  return { ...r, report, file };
}

test('CRLF, lone CR and a UTF-8 BOM give the same findings at the same places', () => {
  const text = 'SECTION G: SECURITY\n\nG8 USER SECURITY\n\nG8.1 One  two.\n(a) x;\n';
  const expected = checkBeside('lf.sec.txt', text).file!.diagnostics;
  assert.ok(expected.length > 0);
  for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), '\uFEFF' + text]) {
    assert.deepEqual(checkBeside('v.sec.txt', variant).file!.diagnostics, expected);
  }
});

test('UTF-16 with and without a byte-order mark is read as text', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  for (const bytes of [le, be, Buffer.from(GOOD, 'utf16le')]) {
    const { file } = checkBeside('utf16.sec.txt', bytes);
    assert.deepEqual(file!.diagnostics.filter(d => d.code === 'double-space').map(d => [d.line, d.column]), [[1, 9]]);
  }
});

test('invalid UTF-8 is checked and reported as file-error naming the reason', () => {
  // UTF-8 (é) mixed with a byte that is not: no one encoding fits, so U+FFFD stands in for it.
  const bytes = Buffer.concat([Buffer.from('G8.1 Café, caf'), Buffer.from([0xe9]), Buffer.from(' two  three.\n')]);
  const { file } = checkBeside('latin1.sec.txt', bytes);
  const codes = file!.diagnostics.map(d => d.code);
  assert.ok(codes.includes('file-error'));
  assert.match(file!.diagnostics.find(d => d.code === 'file-error')!.message, /not valid UTF-8/);
  assert.ok(codes.includes('double-space'), 'the rest of the file is still checked');
});

test('binary content with a legal-text extension: exit 2, one line naming the file', () => {
  const r = checkBeside('image.sec.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /image\.sec\.txt: binary file/);
});

test('Word whitespace (non-breaking, zero-width), tabs, empty files and odd text never crash', () => {
  for (const [name, text] of Object.entries({
    'nbsp.sec.txt': 'G8.1 One\u00a0\u00a0two\u200b three\tfour.\n',
    'empty.sec.txt': '',
    'blank.sec.txt': '\n\n\n',
    'brackets.sec.txt': 'G8.1 ' + '('.repeat(5000) + 'deep' + ')'.repeat(4999) + '.\n',
    'quotes.sec.txt': 'G8.1 A “Term that never ends shall be\n(a) “another; and\n(b) ‘one.\n',
    'circular.sec.txt': 'A1.1 Definitions:\nAlpha Term | means a Beta Term.\nBeta Term | means an Alpha Term.\nSelf Term | means a Self Term.\n',
    'broken-table.sec.txt': 'A1.1 Definitions:\n| means nothing\nNo Meaning |\n|||\nTerm | means | twice |\n',
  })) {
    const r = checkBeside(name, text);
    assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}, stderr ${r.stderr}`);
    assert.ok(r.file, `${name} is in the report`);
  }
});

test('a 10 MB file, a 1 MB single line and 100,000 clauses are checked to the end', () => {
  const clause = (i: number) => `G8.${i} A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment.\n`;
  let big = 'SECTION G: SECURITY\n\nG8 USER SECURITY ASSURANCE\n\n';
  for (let i = 1; big.length < 10 * 1024 * 1024; i++) big += clause(i) + '\n';
  big += 'G8.999999 Last  clause.\n';
  const lastLine = big.split('\n').length - 1;
  const r1 = checkBeside('big.sec.txt', big);
  assert.ok(r1.file!.diagnostics.some(d => d.code === 'double-space' && d.line === lastLine), 'a finding on the very last line');

  const longLine = 'G8.1 ' + 'word '.repeat(200_000) + 'end  here.\n';
  const r2 = checkBeside('long.sec.txt', longLine);
  assert.ok(r2.file!.diagnostics.some(d => d.code === 'double-space' && d.column > 1_000_000));

  let many = 'G8 USER SECURITY ASSURANCE\n\n';
  for (let i = 1; i <= 100_000; i++) many += `G8.${i} Text.\n`;
  const r3 = checkBeside('many.sec.txt', many);
  assert.ok(r3.code === 0 || r3.code === 1, r3.stderr);
});

test('a symlink loop in a folder is reported once and the walk finishes', () => {
  const dir = workspace({ 'good.sec.txt': GOOD });
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  fs.symlinkSync(path.join(dir, 'self.sec.txt'), path.join(dir, 'self.sec.txt'));
  const r = run(['check', dir, '--format', 'json']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /self\.sec\.txt: symbolic link loop/);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.files.filter(f => f.path.endsWith('good.sec.txt')).length, 1, 'each file once');
});

test('an unreadable file is named with the reason', { skip: process.getuid?.() === 0 ? 'root can read every file' : false }, () => {
  const dir = workspace({ 'good.sec.txt': GOOD, 'secret.sec.txt': GOOD });
  fs.chmodSync(path.join(dir, 'secret.sec.txt'), 0);
  const r = run(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /secret\.sec\.txt: permission denied/);
});

test('decodeText: binary refused, U+FFFD written in the file is not an error', () => {
  assert.match(decodeText(Buffer.from([1, 0, 2, 0, 0, 0, 9, 0xff, 0, 0])).reason ?? '', /binary/);
  assert.equal(decodeText(Buffer.from('G8.1 a \uFFFD b', 'utf8')).warning, undefined);
  assert.match(decodeText(Buffer.from([0x80, 0x81, 0x82, 0x83].concat(...Array(100).fill([0xfe, 0xc0])))).reason ?? '', /not valid UTF-8/);
});
