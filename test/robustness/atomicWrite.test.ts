// Nothing a user wrote is lost: an interrupted write leaves the old file intact, and a file
// that changed since it was read is not overwritten.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic, WriteConflictError } from '../../server/src/io/atomicWrite';
import { makeTempDir } from '../helpers/tempDir';

// Child mode: write a very large file slowly enough to be killed part-way.
if (process.env.ATOMIC_CHILD_TARGET) {
  const chunk = 'G8.1 replacement text that must never appear half-written.\n'.repeat(1 << 16);
  writeFileAtomic(process.env.ATOMIC_CHILD_TARGET, chunk.repeat(64));
  process.exit(0);
}

function tempFile(content: string): string {
  const dir = makeTempDir('atomic-');
  const file = path.join(dir, 'section-g8.sec.txt');
  fs.writeFileSync(file, content);
  return file;
}

test('writes the new content and keeps the file mode', () => {
  const file = tempFile('old\n');
  fs.chmodSync(file, 0o640);
  writeFileAtomic(file, 'new\n', { expected: 'old\n' });
  assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['section-g8.sec.txt'], 'no temporary file left');
});

test('refuses when the file changed since it was read, naming the file', () => {
  const file = tempFile('edited meanwhile\n');
  assert.throws(() => writeFileAtomic(file, 'mine\n', { expected: 'what I read\n' }), (e: unknown) =>
    e instanceof WriteConflictError && /section-g8\.sec\.txt: changed on disk/.test((e as Error).message));
  assert.equal(fs.readFileSync(file, 'utf8'), 'edited meanwhile\n');
});

test('a failure part-way (disk full, power cut) leaves the old file intact and no temp file', () => {
  const file = tempFile('precious\n');
  const failingDisk = {
    ...fs,
    fsyncSync: () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    },
  };
  assert.throws(() => writeFileAtomic(file, 'x'.repeat(100_000), {}, failingDisk), /ENOSPC/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'precious\n');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['section-g8.sec.txt']);
});

test('a process killed in the middle of writing leaves the old file intact', async () => {
  const file = tempFile('precious\n');
  const child = spawn(process.execPath, [__filename], { env: { ...process.env, ATOMIC_CHILD_TARGET: file }, stdio: 'ignore' });
  // Kill as soon as the temporary file appears (the write is under way).
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const poll = () => {
      if (fs.readdirSync(path.dirname(file)).some(n => n.endsWith('.tmp'))) {
        child.kill('SIGKILL');
        resolve();
      } else if (child.exitCode !== null || Date.now() > deadline) reject(new Error('the child finished before it could be interrupted'));
      else setImmediate(poll);
    };
    poll();
  });
  await new Promise(resolve => child.once('exit', resolve));
  assert.equal(fs.readFileSync(file, 'utf8'), 'precious\n');
});

test('a write that lands between the last check and the rename is put back, not lost', () => {
  const file = tempFile('line 1\n');
  // The other program appends in the very last moment: after every check, just before the rename.
  const racing = {
    ...fs,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      fs.appendFileSync(file, 'line 2\n');
      fs.renameSync(from, to);
    },
  };
  assert.throws(() => writeFileAtomic(file, 'mine\n', { expected: 'line 1\n' }, racing), WriteConflictError);
  assert.equal(fs.readFileSync(file, 'utf8'), 'line 1\nline 2\n', 'the appended line survives');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['section-g8.sec.txt'], 'no temporary or conflict file left');
});

test('a file that changes while the temporary file is written is not replaced', () => {
  const file = tempFile('line 1\n');
  const slowDisk = {
    ...fs,
    fsyncSync: (fd: number) => {
      fs.appendFileSync(file, 'line 2\n');
      fs.fsyncSync(fd);
    },
  };
  assert.throws(() => writeFileAtomic(file, 'mine\n', { expected: 'line 1\n' }, slowDisk), WriteConflictError);
  assert.equal(fs.readFileSync(file, 'utf8'), 'line 1\nline 2\n');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['section-g8.sec.txt']);
});
