// `secdraft check` reports the threshold checks with their clause, and `--fix` applies the
// certain number-format fix (the uncertain "five (6)" pair is left for a person).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir } from '../helpers/tempDir';

const CLI = path.resolve(__dirname, '..', '..', 'cli.js');

const G8 = [
  'G8 USER SECURITY ASSURANCE',
  '',
  'G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall comply.',
  '',
  'G8.41 A Supplier Party whose Combined Premises Number exceeds 250,000 shall comply within five (6) Working Days.',
  '',
  'G8.42 A Supplier Party which supplies 250000 or fewer Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall follow the cycle.',
  '',
].join('\n');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = makeTempDir('secdraft-thresholds-');
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8);
  return dir;
}

test('check --format json lists inconsistent-threshold and number-format with clause and 1-based positions', () => {
  const dir = workspace();
  try {
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as { code: string; line: number; column: number; clause?: string }[];
    const mine = diagnostics.filter(d => d.code === 'inconsistent-threshold' || d.code === 'number-format')
      .map(d => `${d.line}:${d.column} ${d.code} ${d.clause}`);
    assert.deepEqual(mine, [
      '5:91 number-format G8.41',
      '7:39 number-format G8.42',
      '7:39 inconsistent-threshold G8.42',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('check --fix writes 250,000 and leaves the uncertain pair alone', () => {
  const dir = workspace();
  try {
    run(['check', '.', '--fix'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'g8.sec.txt'), 'utf8');
    assert.match(fixed, /supplies 250,000 or fewer Smart Metering Systems/);
    assert.match(fixed, /within five \(6\) Working Days/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
