// The temporary files atomicWrite leaves beside a file while writing it, and clearing away
// the ones a killed run left behind. Only names of our own pattern whose writer is gone are
// removed: `.<file>.secdraft-<pid>-<random>.tmp`. Anyone else's temporary files, and ours
// while the process that writes them is alive, are never touched.
import * as fs from 'fs';
import * as path from 'path';

const OWN_TEMP = /^\..+\.secdraft-(\d+)-[0-9a-z]+\.tmp$/;
/** Versions before 0.2 named them `.<file>.<pid>.<Date.now() in base 36>.tmp`: recognised only beside that file. */
const EARLIER_TEMP = /^\.(.+)\.(\d+)\.[0-9a-z]{8}\.tmp$/;

/** A writer alive this long is taken to be another process that got the same id. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export function tempFileName(base: string): string {
  return `.${base}.secdraft-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
}

/** The id of the process that wrote this temporary file, if the name is of our pattern (`siblings`: the folder's names). */
export function ownTempWriter(name: string, siblings: ReadonlySet<string> = new Set()): number | undefined {
  const m = OWN_TEMP.exec(name);
  if (m) return Number(m[1]);
  const earlier = EARLIER_TEMP.exec(name);
  return earlier && siblings.has(earlier[1]) ? Number(earlier[2]) : undefined;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** Remove our own temporary files in `dir` whose writer has gone (killed mid-write); returns their names. */
export function removeStaleTempFiles(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const siblings = new Set(names);
  for (const name of names) {
    const pid = ownTempWriter(name, siblings);
    if (pid === undefined) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) continue;
      if (isRunning(pid) && now - stat.mtimeMs < ABANDONED_AFTER_MS) continue;
      fs.rmSync(file);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
