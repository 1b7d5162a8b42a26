// The .vsix ships what the extension runs and what `secdraft` runs: the bundles, the manifest,
// the grammar and the rule pages (the Problems panel links to them), and nothing else (no
// sources, tests, maps or node_modules). One "files" list in package.json serves vsce and npm.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../helpers/cli';

/** What `vsce package` would put in the .vsix, as vsce itself lists it (offline). */
function packagedFiles(): string[] {
  const vsce = path.join(REPO, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `vsce ls failed: ${r.stderr}`);
  return r.stdout.split('\n').map(s => s.trim()).filter(Boolean);
}

test('the .vsix holds the client, server and CLI bundles, the .docx/.pdf readers, the manifest, the grammar and the rule pages, and nothing else', () => {
  const files = packagedFiles();
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/extract.js', 'syntaxes/sec.tmLanguage.json', 'docs/rules/double-space.md']) {
    assert.ok(files.includes(f), `${f} is not packaged: ${files.join(', ')}`);
  }
  const stray = files.filter(f => /^(server|client|test|bench|node_modules|examples)\/|\.map$|\.ts$/.test(f));
  assert.deepEqual(stray, []);
});

test('the manifest\'s `secdraft` command is the packaged CLI bundle, runnable as a script', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; main: string };
  assert.equal(path.normalize(manifest.bin.secdraft), path.normalize('dist/cli.js'));
  assert.equal(path.normalize(manifest.main), path.normalize('dist/client.js'));
  assert.match(fs.readFileSync(path.join(REPO, 'dist', 'cli.js'), 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/);
});
