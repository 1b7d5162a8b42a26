// Temporary folders for tests, removed when the test file's process ends (node --test runs each
// file in its own process), however its tests ended: passed, failed or threw half-way. Removal is
// best effort: a folder that cannot be removed is left behind, never a failed test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];
let removedAtExit = false;

function removeAll(): void {
  for (const dir of made.splice(0)) removeQuietly(dir);
}

/** Remove a folder and everything in it; a failure (a file still held open on Windows) is ignored. */
export function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Left behind: the operating system's temporary folder is cleared in time.
  }
}

/** A new empty folder in the system's temporary folder, removed when this process exits. */
export function makeTempDir(prefix = 'secdraft-'): string {
  // 'exit' handlers run synchronously, after node:test's own after() hooks and --test-force-exit.
  if (!removedAtExit) process.once('exit', removeAll);
  removedAtExit = true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temporary folder holding the given files (relative name → content), removed at exit. */
export function tempDir(files: Record<string, string | Uint8Array>, prefix = 'secdraft-'): string {
  const dir = makeTempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
