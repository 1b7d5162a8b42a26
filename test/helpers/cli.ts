// Running the built `secdraft` (dist/cli.js) as CI does, and temporary workspaces for it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'cli.js');
export const REPO = path.resolve(__dirname, '..', '..', '..');

export function secdraft(args: string[], cwd = REPO, options: { maxBuffer?: number; timeout?: number; env?: NodeJS.ProcessEnv } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...options });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding the given files (relative name → content). */
export function tempDir(files: Record<string, string | Uint8Array>, prefix = 'secdraft-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
