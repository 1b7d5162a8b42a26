// The tests clean up after themselves: a test file run with TMPDIR pointed at a fresh folder
// leaves that folder empty (test/helpers/tempDir.ts removes every folder it made at exit).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { makeTempDir } from '../helpers/tempDir';

const DIST_TEST = path.resolve(__dirname, '..');

/** Run one built test file in its own test runner with its own TMPDIR; what is left there. */
function leftBehind(file: string): string[] {
  const tmp = makeTempDir('secdraft-tmpdir-');
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
  delete env.NODE_TEST_CONTEXT; // a test runner of its own, not a child reporting to this one
  const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-force-exit', path.join(DIST_TEST, file)], { env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${file} failed:\n${r.stdout}\n${r.stderr}`);
  return fs.readdirSync(tmp);
}

test('a CLI test file (temporary workspaces through helpers/cli.ts tempDir) leaves no folder behind', () => {
  assert.deepEqual(leftBehind('cli/votes.test.js'), []);
});

test('a robustness test file (its own temporary folders) leaves no folder behind', () => {
  assert.deepEqual(leftBehind('robustness/atomicWrite.test.js'), []);
});
