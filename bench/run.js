#!/usr/bin/env node
// `npm run bench`: runs the benchmark built by esbuild.js (bench/run.ts → <dist>/bench/run.js).
// SEC_DIST picks the build folder, as for the tests. Arguments pass through (--quick, --json FILE …).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const built = path.join(__dirname, '..', process.env.SEC_DIST || 'dist', 'bench', 'run.js');
if (!fs.existsSync(built)) {
  console.error(`bench/run.js: ${path.relative(process.cwd(), built)} is missing; run \`npm run build\` first`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', built, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
