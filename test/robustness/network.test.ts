// The extension makes no network requests: the CLI and the language server run with every
// outbound network call recorded and refused, and none is attempted.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';
import { makeTempDir } from '../helpers/tempDir';

const DIST = path.resolve(__dirname, '..', '..');
const REPO = path.resolve(DIST, '..');
const BLOCK = path.join(REPO, 'test', 'helpers', 'blockNetwork.js');

function networkLog(): string {
  const file = path.join(makeTempDir('net-'), 'attempts.log');
  fs.writeFileSync(file, '');
  return file;
}

test('secdraft check on the examples attempts no network access', () => {
  const log = networkLog();
  const r = spawnSync(process.execPath, ['--require', BLOCK, path.join(DIST, 'cli.js'), 'check', 'examples/', '--format', 'json'],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, NETWORK_LOG: log } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.equal(fs.readFileSync(log, 'utf8'), '');
});

test('the language server, serving the example workspace, attempts no network access', async () => {
  const log = networkLog();
  const prev = process.env.NETWORK_LOG;
  process.env.NETWORK_LOG = log;
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${BLOCK}`;
  const client = await startServer({ rootPath: path.join(REPO, 'examples') });
  try {
    const g8 = fileUri(path.join(REPO, 'examples', 'secmp0059', 'section-g8.sec.txt'));
    await client.diagnostics(g8, d => d.length > 0, 20_000);
    await client.request('textDocument/hover', { textDocument: { uri: g8 }, position: { line: 18, character: 2 } });
  } finally {
    await client.close();
    process.env.NETWORK_LOG = prev;
    process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS ?? '').replace(` --require ${BLOCK}`, '');
  }
  assert.equal(fs.readFileSync(log, 'utf8'), '');
});

test('the network blocker itself works (so the tests above can fail)', () => {
  const log = networkLog();
  const r = spawnSync(process.execPath, ['--require', BLOCK, '-e', "require('https').get('https://example.invalid/')"],
    { encoding: 'utf8', env: { ...process.env, NETWORK_LOG: log } });
  assert.notEqual(r.status, 0);
  assert.match(fs.readFileSync(log, 'utf8'), /https\.request/);
});
