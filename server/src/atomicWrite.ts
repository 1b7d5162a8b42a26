// Writing a user's file without ever losing it: write a temporary file beside it, flush it to
// disk, then rename it over the original (atomic on POSIX and NTFS). A crash at any point
// leaves either the old file or the new one, never half of either. Refuses when the file on
// disk is no longer what the caller read, so an edit made meanwhile is never overwritten.
import * as fs from 'fs';
import * as path from 'path';

export class WriteConflictError extends Error {}

export interface AtomicWriteOptions {
  /**
   * The file's content when the caller read it (undefined: the file did not exist). The write
   * is refused if the file now differs. Omit the property to skip the check.
   */
  expected?: string | undefined;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The file-system calls used, replaceable in tests to simulate a disk failing mid-write. */
export type AtomicIo = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

export function writeFileAtomic(file: string, content: string, options: AtomicWriteOptions = {}, io: AtomicIo = fs): void {
  if ('expected' in options) {
    const now = readIfExists(file);
    if (now !== options.expected) {
      throw new WriteConflictError(`${file}: changed on disk since it was read; not written (reload it and try again)`);
    }
  }
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx', existingMode(file));
    io.writeSync(fd, content);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    io.rmSync(temp, { force: true });
    throw e;
  }
}

function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}
