// `secdraft … | head`: a reader that stops early closes the pipe. The CLI drops the rest of its
// output quietly (no stack trace) and still ends with the verb's own exit code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CLI, tempDir } from '../helpers/cli';

/** Many findings, so the output is far larger than one pipe buffer. */
const NOISY = 'G1.1 The  Panel  shall  act.\n'.repeat(4000);

function runAndCloseEarly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', d => (stderr += d));
    child.stdout.once('data', d => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('close', code => resolve({ code, stderr, read }));
  });
}

for (const format of ['stylish', 'json']) {
  test(`check --format ${format} into a pipe closed early: no error, exit code of the findings`, async () => {
    const dir = tempDir({ 'g1.sec.txt': NOISY });
    const r = await runAndCloseEarly(['check', '.', '--format', format], dir);
    assert.ok(r.read > 0);
    assert.equal(r.stderr, '', 'nothing on stderr (no EPIPE stack trace)');
    assert.equal(r.code, 1, 'findings at or above the failure severity');
  });
}
