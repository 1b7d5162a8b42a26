// The editor tests (test/editor/run.js: the suite and UI checks in a real VS Code) as one
// node:test, so that `npm test` runs them and their result shows in the runner's summary.
// Without code-server they are skipped locally, and fail under CI, which must have installed it
// (.ci/install-system-deps).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// This file runs as <root>/<dist>/test/editor/editor.test.js.
const DIST = path.resolve(__dirname, '..', '..');
const ROOT = path.resolve(DIST, '..');
const CODE_SERVER = path.join(ROOT, '.code-server', 'node_modules', '.bin', 'code-server');
const VSIX = path.join(DIST, 'sec-drafting.vsix');
const MINUTE = 60_000;

function runNode(script: string, args: string[], timeoutMinutes: number): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, SEC_DIST: path.relative(ROOT, DIST), SEC_VSIX: VSIX },
    encoding: 'utf8',
    timeout: timeoutMinutes * MINUTE,
    killSignal: 'SIGINT', // run.js stops code-server and chromium on its way out
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ok: result.status === 0, output };
}

const tail = (text: string, lines = 80): string => text.trimEnd().split('\n').slice(-lines).join('\n');

test('the extension in a real VS Code (code-server): editor suite and UI checks from the .vsix', { timeout: 45 * MINUTE }, t => {
  if (!fs.existsSync(CODE_SERVER)) {
    const message = `code-server is not installed in ${path.relative(ROOT, path.dirname(path.dirname(path.dirname(CODE_SERVER))))}/: run test/editor/install-code-server.sh`;
    if (process.env.CI) assert.fail(`${message} (CI must run .ci/install-system-deps first)`);
    t.skip(message);
    return;
  }
  const packaged = runNode('test/editor/packageVsix.js', [VSIX], 10);
  assert.ok(packaged.ok, `packaging the .vsix failed:\n${tail(packaged.output)}`);
  const run = runNode('test/editor/run.js', [], 40);
  for (const line of run.output.split('\n').filter(l => /\] (suite|ui|RESULT)/.test(l))) t.diagnostic(line.trim());
  assert.ok(run.ok, `npm run test:editor failed:\n${tail(run.output)}`);
});
