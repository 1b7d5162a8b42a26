#!/usr/bin/env node
// Runs the built test files with node's own test runner, so the output ends with its summary.
// Usage: node test/run.js [layer…]   layers: unit, corpus, lsp, cli, property, robustness, report, editor
// (default: all). Build first: `npm run build` (npm test does both).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', process.env.SEC_DIST || 'dist', 'test');
const layers = process.argv.slice(2);
if (!fs.existsSync(root)) {
  console.error('test/run.js: dist/test is missing; run `npm run build` first');
  process.exit(2);
}
const files = fs.readdirSync(root, { recursive: true })
  .map(String)
  .filter(f => f.endsWith('.test.js'))
  .filter(f => layers.length === 0 || layers.includes(f.split(path.sep)[0]))
  .sort()
  .map(f => path.join(root, f));
if (files.length === 0) {
  console.error(`test/run.js: no test files for ${layers.join(', ') || 'any layer'}`);
  process.exit(2);
}
// --test-force-exit: a test file's process ends once its tests have, even if a library left a
// timer behind (a closed JSON-RPC connection's, seen once holding a robustness file for minutes).
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', '--test-concurrency=2', '--test-force-exit', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
