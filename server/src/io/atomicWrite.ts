// Writing a user's file without ever losing it: write a temporary file beside it, flush it to
// disk, then rename it over the original (atomic on POSIX and NTFS). A crash at any point
// leaves either the old file or the new one, never half of either. Refuses when the file on
// disk is no longer what the caller read, so an edit made meanwhile is never overwritten:
// the file is compared before the temporary file is written and again, content and identity
// (inode, size, modification time), once it is complete, right before the rename. A write that
// still lands in the microseconds between that check and the rename is seen on the old file
// afterwards, and the old file (with that write) is put back.
import * as fs from 'fs';
import * as path from 'path';
import { removeStaleTempFiles, tempFileName } from './tempFiles';

export class WriteConflictError extends Error {}

export interface AtomicWriteOptions {
  /**
   * The file's content when the caller read it (undefined: the file did not exist). The write
   * is refused if the file now differs: a string is compared with the file read as UTF-8, a
   * Buffer byte for byte. Omit the property to skip the check.
   */
  expected?: string | Buffer | undefined;
}

/** The file-system calls used, replaceable in tests to simulate a disk failing mid-write. */
export type AtomicIo = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/** What identifies one version of a file: a rename or a write changes at least one of these. */
interface Identity {
  dev: number;
  ino: number;
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

function identityOf(stat: fs.BigIntStats): Identity {
  return { dev: Number(stat.dev), ino: Number(stat.ino), size: Number(stat.size), mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs };
}

function sameIdentity(a: Identity | undefined, b: Identity | undefined): boolean {
  if (!a || !b) return a === b;
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** The file as it is now: its bytes and identity (both undefined when it does not exist). */
function snapshot(file: string): { bytes?: Buffer; identity?: Identity } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  try {
    const before = identityOf(fs.fstatSync(fd, { bigint: true }));
    const bytes = fs.readFileSync(fd);
    const after = identityOf(fs.fstatSync(fd, { bigint: true }));
    // Written to while being read: report it as changed (the identity never matches).
    return { bytes, identity: sameIdentity(before, after) ? after : undefined };
  } finally {
    fs.closeSync(fd);
  }
}

function matches(bytes: Buffer | undefined, expected: string | Buffer | undefined): boolean {
  if (bytes === undefined || expected === undefined) return bytes === expected;
  return typeof expected === 'string' ? bytes.toString('utf8') === expected : bytes.equals(expected);
}

function conflict(file: string): WriteConflictError {
  return new WriteConflictError(`${file}: changed on disk since it was read; not written (reload it and try again)`);
}

export function writeFileAtomic(file: string, content: string | Buffer, options: AtomicWriteOptions = {}, io: AtomicIo = fs): void {
  const checked = 'expected' in options;
  const first = checked ? snapshot(file) : undefined;
  if (first && !matches(first.bytes, options.expected)) throw conflict(file);
  const dir = path.dirname(file);
  removeStaleTempFiles(dir);
  const temp = path.join(dir, tempFileName(path.basename(file)));
  let fd: number | undefined;
  let watched: number | undefined;
  try {
    fd = io.openSync(temp, 'wx', existingMode(file));
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let done = 0; done < data.length; ) done += io.writeSync(fd, data, done, data.length - done);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    if (first) {
      // The temporary file is complete: check again, as late as possible before the rename,
      // holding the original open so a write racing the rename can be seen afterwards.
      watched = first.bytes === undefined ? undefined : openIfExists(file);
      const second = snapshot(file);
      const stillSame = sameIdentity(first.identity, second.identity) && matches(second.bytes, options.expected);
      const now = watched === undefined ? undefined : identityOf(fs.fstatSync(watched, { bigint: true }));
      if (!stillSame || !sameIdentity(now, second.identity)) throw conflict(file);
    }
    io.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    if (watched !== undefined) fs.closeSync(watched);
    io.rmSync(temp, { force: true });
    throw e;
  }
  if (watched !== undefined) putBackIfWrittenMeanwhile(file, watched, first!.identity, content);
}

/**
 * After the rename: if the replaced file was written to between the last check and the rename,
 * its content (with that write) goes back in place and the write is reported as a conflict.
 */
function putBackIfWrittenMeanwhile(file: string, fd: number, checked: Identity | undefined, written: string | Buffer): void {
  let replaced: Buffer | undefined;
  try {
    // A writer that opened the file just before the rename may write a moment after it (a
    // loaded machine can pause it between its open and its write): the old file is watched a
    // little longer, about 10 ms in all, before it is let go.
    for (const pause of GRACE_MS) {
      if (pause > 0) Atomics.wait(SLEEPER, 0, 0, pause);
      const now = identityOf(fs.fstatSync(fd, { bigint: true }));
      if (!sameIdentity({ ...now, ctimeNs: 0n }, checked && { ...checked, ctimeNs: 0n })) { // rename changes ctime only
        replaced = fs.readFileSync(fd);
        break;
      }
    }
    if (replaced === undefined) return;
  } finally {
    fs.closeSync(fd);
  }
  const ours = typeof written === 'string' ? Buffer.from(written, 'utf8') : written;
  try {
    writeFileAtomic(file, replaced, { expected: ours });
  } catch {
    const saved = `${file}.conflict-${Date.now().toString(36)}`;
    fs.writeFileSync(saved, replaced, { flag: 'wx' });
    throw new WriteConflictError(`${file}: changed on disk while it was written; the version with that change is kept in ${path.basename(saved)}`);
  }
  throw conflict(file);
}

/** Pauses between the looks at a replaced file (see putBackIfWrittenMeanwhile). */
const GRACE_MS = [0, 1, 2, 3, 4];
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

function openIfExists(file: string): number | undefined {
  try {
    return fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
}

function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}
