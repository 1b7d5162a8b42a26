// Running the built `secdraft` (dist/cli.js) as CI does, and temporary workspaces for it
// (tempDir: removed when the test file's process ends).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export { tempDir } from './tempDir';

export const CLI = path.resolve(__dirname, '..', '..', 'cli.js');
export const REPO = path.resolve(__dirname, '..', '..', '..');

export function secdraft(args: string[], cwd = REPO, options: { maxBuffer?: number; timeout?: number; env?: NodeJS.ProcessEnv } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...options });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

