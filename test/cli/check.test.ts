// The `secdraft` command line as CI runs it: the built dist/cli.js in a child process.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CLI, secdraft, tempDir } from '../helpers/cli';



test('check --format json on examples/ reports the planted double space in G8.44C', () => {
  const r = secdraft(['check', 'examples/', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 1);
  const g8 = report.files.find((f: { path: string }) => f.path.endsWith('section-g8.sec.txt'));
  assert.equal(g8.kind, 'legal');
  const ds = g8.diagnostics.find((d: { code: string }) => d.code === 'double-space');
  assert.deepEqual(Object.keys(ds).sort(), ['clause', 'code', 'column', 'endColumn', 'endLine', 'line', 'message', 'severity']);
  assert.equal(ds.clause, 'G8.44C');
  assert.equal(ds.severity, 'warning');
  assert.equal(ds.endColumn - ds.column, 2);
  assert.ok(report.summary.warning >= 1);
  assert.ok(report.files.some((f: { kind: string }) => f.kind === 'consultation'), 'the consultation collation is found by the folder search');
});

test('stylish output names file:line:col, code and clause; exit 0 when clean', () => {
  const dir = tempDir({ 'a.sec.txt': 'G8.1 One  two.\n', 'clean/b.sec.txt': 'G8.2 Clean text.\n' });
  const r = secdraft(['check', dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /a\.sec\.txt:1:9 +warning +2 spaces between 'One' and 'two'; use one\. +double-space +\(G8\.1\)/);
  assert.equal(secdraft(['check', path.join(dir, 'clean')]).code, 0);
});

test('the stylish summary counts the files with findings, and the files checked (#18)', () => {
  const dir = tempDir({ 'a.sec.txt': 'G8.1 One  two.\n\nG8.2 Three  four.\n\nG8.3 Five  six.\n', 'b.sec.txt': 'G8.4 Clean.\n', 'c.sec.txt': 'G8.5 Clean.\n' });
  const r = secdraft(['check', dir]);
  assert.match(r.stdout, /^3 findings in 1 file \(3 files checked\): 0 error, 3 warning, 0 information, 0 hint\.$/m, r.stdout);
  assert.match(secdraft(['check', path.join(dir, 'b.sec.txt')]).stdout, /^No findings in 1 file\.$/m);
});

test('--fail-on error lets warnings pass; config severities apply', () => {
  const dir = tempDir({ 'a.sec.txt': 'G8.1 One  two.\n' });
  assert.equal(secdraft(['check', dir, '--fail-on', 'error']).code, 0);
  fs.writeFileSync(path.join(dir, '.secdraft.json'), JSON.stringify({ severity: { 'double-space': 'ignore' } }));
  const r = secdraft(['check', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).summary.warning, 0);
});

test('bad input: one line on stderr, exit 2, no stack trace, other files still checked', () => {
  const dir = tempDir({ 'good.sec.txt': 'G8.1 One  two.\n', 'bin.sec.txt': Buffer.from([0, 1, 2, 0, 255]) });
  const cases: [string[], RegExp][] = [
    [['check', path.join(dir, 'missing.sec.txt')], /missing\.sec\.txt: no such file or folder/],
    [['check', dir, '--bogus'], /Unknown option '--bogus'/],
    [['check', dir, '--format', 'xml'], /unknown format "xml"/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [args, message] of cases) {
    const r = secdraft(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  const r = secdraft(['check', dir, '--format', 'json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bin\.sec\.txt: binary file/);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].code, 'double-space', 'the good file is still checked');
});

test('a broken .secdraft.json is a usage error naming the file', () => {
  const dir = tempDir({ 'a.sec.txt': 'G8.1 x\n', '.secdraft.json': '{ not json' });
  const r = secdraft(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.secdraft\.json: not valid JSON/);
});

test('lsp --stdio answers initialize', async () => {
  const { startServer } = await import('../helpers/lspClient');
  const client = await startServer({ serverJs: CLI, args: ['lsp', '--stdio'] });
  try {
    assert.ok(client.initializeResult.capabilities.documentSymbolProvider);
  } finally {
    await client.close();
  }
});
