// Bundles the three programs (client, server, CLI) and the test suites into dist/.
// tsc only type-checks (`npm run typecheck`); esbuild does all emitting.
// Flags: --watch rebuilds on change, --production minifies and drops source maps.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
// SEC_DIST lets several people (or agents) build side by side without sharing dist/.
const outRoot = process.env.SEC_DIST || 'dist';
const watch = process.argv.includes('--watch');

/** Every *.test.ts below a folder, so a new test file needs no registration. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter(f => f.endsWith('.test.ts'))
    .map(f => path.join(dir, f));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser) hide requires from the bundler.
  mainFields: ['module', 'main'],
  // `secdraft --version` and SARIF's tool version: the package's own version.
  define: { SECDRAFT_VERSION: JSON.stringify(require('./package.json').version) },
};

/**
 * The .docx/.pdf readers (pdf.js, mammoth: ~4 of the server's 5 MB) are their own bundle,
 * dist/extract.js, which the server and the CLI load only when they meet such a file: start-up
 * parses a fifth of the code and the idle server holds less memory.
 */
const originalsApart = {
  name: 'originals-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/originals$/ }, () => ({ path: './extract.js', external: true }));
  },
};

const programs = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/main.ts' }, plugins: [originalsApart] },
  { entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [originalsApart] },
  { entryPoints: { extract: 'server/src/io/extract/originals.ts' } },
].map(o => ({ ...common, outdir: outRoot, ...o }));

// Tests keep node_modules external: they run from the repository, never from the .vsix.
const tests = production ? [] : [
  {
    ...common,
    entryPoints: ['test/unit', 'test/corpus', 'test/lsp', 'test/cli', 'test/property', 'test/robustness', 'test/report', 'test/editor']
      .flatMap(testEntries)
      // The editor suite runs inside VS Code (bundled by its index.ts below), not under node:test.
      .filter(f => !f.startsWith(path.join('test', 'editor', 'suite') + path.sep)),
    outdir: `${outRoot}/test`,
    outbase: 'test',
    packages: 'external',
  },
  {
    ...common,
    entryPoints: fs.existsSync('test/editor/suite/index.ts') ? ['test/editor/suite/index.ts'] : [],
    outdir: `${outRoot}/test/editor/suite`,
    external: ['vscode', 'mocha'],
  },
].filter(o => o.entryPoints.length > 0);

// The benchmark (`npm run bench` → bench/run.js); like the tests, never shipped.
const bench = production ? [] : [
  { ...common, entryPoints: { run: 'bench/run.ts', generate: 'bench/generate.ts' }, outdir: `${outRoot}/bench`, packages: 'external' },
];

async function main() {
  const configs = [...programs, ...tests, ...bench];
  if (watch) {
    for (const config of configs) {
      const ctx = await esbuild.context(config);
      await ctx.watch();
    }
    console.log('esbuild: watching for changes');
    return;
  }
  await Promise.all(configs.map(c => esbuild.build(c)));
  fs.chmodSync(path.join(outRoot, 'cli.js'), 0o755);
}

main().catch(err => {
  console.error(err.message || err);
  process.exit(1);
});
