#!/usr/bin/env node
// Packages the extension exactly as `npm run package` does (production bundles, vsce with the
// manifest's "files" list, no dependencies), but from a staging folder, so that it never
// rewrites dist/ under tests that are running from it. Usage: node test/editor/packageVsix.js OUT.vsix
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SHIPPED = ['package.json', 'README.md', 'README.marketplace.md', 'CHANGELOG.md', 'LICENSE', 'docs', 'syntaxes', 'schemas', 'images', 'media'];

/** vsce's options as the `package` script gives them (minus --out), so both package alike. */
function vsceOptions() {
  const script = require(path.join(ROOT, 'package.json')).scripts.package;
  const words = (script.split('vsce package')[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const out = words.indexOf('--out');
  if (out >= 0) words.splice(out, 2);
  return words;
}

function packageVsix(out) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-vsix-'));
  try {
    const run = (file, args, env = {}, cwd = ROOT) =>
      execFileSync(file, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
    run(process.execPath, ['esbuild.js', '--production'], { SEC_DIST: path.join(stage, 'dist') });
    for (const name of SHIPPED) {
      const from = path.join(ROOT, name);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, name), { recursive: true });
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', ...vsceOptions(), '--out', out], {}, stage);
    return out;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] || path.join(ROOT, 'dist', 'sec-drafting.vsix'));
  packageVsix(out);
  console.log(`packaged ${path.relative(ROOT, out)}`);
}
module.exports = { packageVsix };
