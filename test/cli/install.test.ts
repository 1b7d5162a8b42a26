// `npm pack` gives a package that installs and runs `secdraft` with no checkout: the tarball
// is installed into an empty folder with no registry and an empty npm cache (every runtime
// dependency is bundled, so there is nothing to fetch), then `check` (a .pdf collation
// included, read by the bundled pdf.js), `report`, `explain` and `lsp --stdio` run from there.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempDir } from '../helpers/cli';
import { collationPdf } from '../helpers/pdf';
import { startServer } from '../helpers/lspClient';
import { makeTempDir } from '../helpers/tempDir';

const BUILT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; files: string[]; scripts: Record<string, string>; dependencies?: Record<string, string>; bin: Record<string, string> };

/** npm with no registry it could reach and a cache of its own: anything it tried to fetch would fail. */
function npm(args: string[], cwd: string, cache: string) {
  const r = spawnSync('npm', [...args, '--cache', cache, '--registry', 'http://127.0.0.1:9/', '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

test('the tarball holds the bundles, the rule pages and the manifest, and nothing else; it needs no dependency', () => {
  const cache = makeTempDir('secdraft-npm-cache-');
  const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO, cache)) as [{ files: { path: string }[] }];
  const names = files.map(f => f.path);
  for (const f of ['package.json', 'README.md', 'LICENSE', 'docs/rules/double-space.md', 'syntaxes/sec.tmLanguage.json']) assert.ok(names.includes(f), `${f} is packed`);
  const stray = names.filter(f => /^(server|client|test|bench|node_modules|examples|\.ci)\/|\.map$|\.ts$/.test(f) || (f.startsWith('dist/') && !/^dist\/(cli|extract|server|client)\.js$/.test(f)));
  assert.deepEqual(stray, []);
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'esbuild bundles every runtime dependency into dist/');
  assert.match(manifest.scripts.prepack, /npm run build -- --production/, '`npm pack` builds first');
});

test('the packed tarball installs offline into an empty folder and runs check, report, explain and lsp --stdio', async () => {
  const cache = makeTempDir('secdraft-npm-cache-');
  // Pack what this build made (SEC_DIST or dist/), with the repository's manifest and files list.
  const stage = makeTempDir('secdraft-stage-');
  for (const name of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'docs', 'syntaxes']) fs.cpSync(path.join(REPO, name), path.join(stage, name), { recursive: true });
  fs.mkdirSync(path.join(stage, 'dist'));
  for (const bundle of ['cli.js', 'extract.js', 'server.js', 'client.js']) fs.copyFileSync(path.join(BUILT, bundle), path.join(stage, 'dist', bundle));
  fs.chmodSync(path.join(stage, 'dist', 'cli.js'), 0o755);
  const tarball = path.join(stage, npm(['pack', '--ignore-scripts', '--silent'], stage, cache).trim().split('\n').at(-1)!);
  assert.ok(fs.existsSync(tarball), tarball);

  const home = tempDir({ 'package.json': '{ "name": "consumer", "version": "1.0.0", "private": true }\n' }, 'secdraft-install-');
  npm(['install', '--offline', tarball], home, cache);
  const bin = path.join(home, 'node_modules', '.bin', 'secdraft');
  assert.ok(fs.existsSync(bin), 'the secdraft command is installed');
  const run = (args: string[], cwd: string) => spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 60_000 });

  assert.equal(run(['--version'], home).stdout.trim(), manifest.version);

  const ws = tempDir({ 'g.sec.txt': 'G8.41 The  notice is given.\nG8.42 Other text.\n' }, 'secdraft-ws-');
  fs.writeFileSync(path.join(ws, 'consultation-responses.pdf'), await collationPdf([['Acme Energy', 40, 225], ['Large Supplier', 150, 225], ['We query G8.99 here.', 250, 225]]));
  const check = run(['check', '.', '--format', 'json'], ws);
  assert.equal(check.status, 1, check.stderr);
  const report = JSON.parse(check.stdout) as { files: { path: string; kind: string; diagnostics: { code: string }[] }[] };
  assert.ok(report.files.find(f => f.path === 'g.sec.txt')!.diagnostics.some(d => d.code === 'double-space'));
  const pdf = report.files.find(f => f.path.endsWith('.pdf'));
  assert.equal(pdf?.kind, 'consultation', 'the .pdf reader (dist/extract.js) is in the package');
  assert.ok(pdf!.diagnostics.some(d => d.code === 'unknown-clause'), 'and its comments are checked');

  const out = path.join(ws, 'report.md');
  const rep = run(['report', '.', '--out', out], ws);
  assert.ok(rep.status === 0 || rep.status === 1, rep.stderr);
  assert.match(fs.readFileSync(out, 'utf8'), /G8\.41/);

  const explain = run(['explain', 'double-space'], ws);
  assert.equal(explain.status, 0, explain.stderr);
  assert.ok(explain.stdout.includes(path.join(home, 'node_modules')), 'the page comes from the installed package');

  const client = await startServer({ rootPath: ws, serverJs: path.join(home, 'node_modules', 'sec-drafting', manifest.bin.secdraft), args: ['lsp', '--stdio'] });
  try {
    assert.ok(client.initializeResult.capabilities.hoverProvider, 'initialize answered');
  } finally {
    await client.close();
  }
});
