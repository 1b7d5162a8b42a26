// `--fix` against the unlucky: another program appending to the file while it is fixed, and
// a kill in the middle of writing. Nothing the other program wrote is lost, and the temporary
// files a killed run leaves are cleared by the next run (only ours, only stale ones).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, tempDir } from '../helpers/cli';
import { loadWorkspace } from '../../server/src/cli/load';
import { applyCertainFixes } from '../../server/src/cli/fix';
import { makeTempDir } from '../helpers/tempDir';

// Child mode: the other program. Appends numbered lines (each with a slip for --fix to find)
// until told to stop, then records how many it wrote.
if (process.env.FIX_RACE_WRITER) {
  const file = process.env.FIX_RACE_WRITER;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let n = 0;
  while (!fs.existsSync(`${file}.stop`) && n < 5_000) {
    fs.appendFileSync(file, `G9.${++n} Appended  line ${n}.\n`);
    Atomics.wait(pause, 0, 0, Math.random() * 40); // an irregular pace, not a timing assumption: any pace must lose nothing
  }
  fs.writeFileSync(`${file}.count`, String(n));
  process.exit(0);
}

const RUNS = 300;

test(`--fix racing a program that appends to the file loses none of its lines (${RUNS} runs)`, async () => {
  const body = Array.from({ length: 50 }, (_, i) => `G8.${i + 1} The User shall  comply with Section G8.${i + 1} in full.`).join('\n') + '\n';
  const dir = tempDir({ 'g8.sec.txt': body }, 'secdraft-race-');
  const file = path.join(dir, 'g8.sec.txt');
  const writer = spawn(process.execPath, [__filename], { env: { ...process.env, FIX_RACE_WRITER: file }, stdio: 'inherit' });
  const exited = new Promise<number | null>(resolve => writer.once('exit', resolve));
  while (!fs.readFileSync(file, 'utf8').includes('G9.1 ')) await new Promise(resolve => setTimeout(resolve, 5));
  let written = 0;
  let refused = 0;
  const reasons = new Set<string>();
  for (let run = 0; run < RUNS; run++) {
    const ws = loadWorkspace([file]);
    const { files, failures } = applyCertainFixes(ws, "write", s => reasons.add(s.replace(/^.*: /, "")));
    written += files.length;
    refused += failures;
  }
  fs.writeFileSync(`${file}.stop`, '');
  assert.equal(await exited, 0);
  const appended = Number(fs.readFileSync(`${file}.count`, 'utf8'));
  const final = fs.readFileSync(file, 'utf8');
  const lost = Array.from({ length: appended }, (_, i) => i + 1).filter(n => !new RegExp(`^G9\\.${n} Appended +line ${n}\\.$`, 'm').test(final));
  assert.deepEqual(lost.slice(0, 20), [], `${lost.length} of ${appended} appended lines lost (${written} writes, ${refused} refused: ${[...reasons].join("; ")})`);
  assert.ok(written > 0, 'some runs did write');
  assert.ok(final.includes('G8.1 The User shall comply'), 'the fixes were applied');
  assert.deepEqual(fs.readdirSync(dir).filter(n => n.endsWith('.tmp') || n.includes('.conflict-')), [], 'no temporary or conflict file left');
});

test('a --fix killed while writing leaves a temporary file that the next run removes, and nobody else\'s', async () => {
  const slips = 'G8.1 The User shall  comply.\n';
  const dir = tempDir({ 'g8.sec.txt': slips }, 'secdraft-kill-');
  // A preload hook holds the CLI inside its fsync of the temporary file, so the kill always
  // lands mid-write. It lies in a folder of its own, so that the workspace's listing is the CLI's doing.
  const hook = path.join(makeTempDir('secdraft-kill-hook-'), 'hook.cjs');
  fs.writeFileSync(hook, `
    const fs = require('fs');
    const fsync = fs.fsyncSync;
    fs.fsyncSync = function (fd) { for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); };
  `);
  const child = spawn(process.execPath, ['--require', hook, CLI, 'check', '.', '--fix'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise(resolve => child.once('exit', resolve));
  const ownTemp = (n: string) => /^\.g8\.sec\.txt\..*\.tmp$/.test(n);
  const deadline = Date.now() + 60_000;
  while (!fs.readdirSync(dir).some(ownTemp)) {
    assert.ok(child.exitCode === null && Date.now() < deadline, 'the CLI never started writing');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  await exited;
  const stale = fs.readdirSync(dir).filter(ownTemp);
  assert.equal(stale.length, 1, 'the kill left our temporary file');
  assert.equal(fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8'), slips, 'the file itself is intact');

  // Others' files that look alike, and one of ours whose writer (this process) is alive.
  const others = ['.g8.sec.txt.tmp', '.g8.sec.txt.12345.tmp', 'notes.tmp', `.g8.sec.txt.secdraft-${process.pid}-abc.tmp`, '.other.secdraft-x-1.tmp', `.gone.sec.txt.${child.pid}.mh3k2j1a.tmp`];
  for (const name of others) fs.writeFileSync(path.join(dir, name), 'not ours to remove');
  // One left by an earlier version (named `.<file>.<pid>.<time>.tmp`), beside its file, by a process now gone.
  fs.writeFileSync(path.join(dir, `.g8.sec.txt.${child.pid}.mh3k2j1a.tmp`), 'stale');
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--fix'], { cwd: dir, encoding: 'utf8' });
  assert.match(r.stderr, /fixed 1 finding/, r.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8'), 'G8.1 The User shall comply.\n');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['g8.sec.txt', ...others].sort(), 'the stale temporary file is gone; the others are kept');
});
