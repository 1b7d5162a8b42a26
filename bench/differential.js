#!/usr/bin/env node
// The differential check (issue 17): the findings, comment links, hovers and the CLI's JSON of
// this checkout compared with those of an earlier commit, on the bench workspace, the corpora in
// ../shared/corpus, test/fixtures and examples/. A refactoring of the core must change none of them.
//
//   npm run build && node bench/differential.js [--before REF] [--before-dir DIR] [--after-dist DIR] [--only TEXT] [--keep]
//
// REF (default d0b9ae4) is checked out with `git worktree` into a temporary folder and built
// there (node_modules linked to this checkout's); --before-dir uses a checkout already built;
// --after-dist a copy of this checkout's dist/ (so that rebuilding during the run changes nothing);
// --only compares only the targets whose path contains TEXT.
// For each target it runs `secdraft check --format json` and `secdraft comments --format json`
// with both builds, and asks both cores (bundled in-process from server/src/service) for the
// hover at a sample of positions in every file. Exit 0 when everything is identical, 1 otherwise
// (the first differences are printed).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const arg = name => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const beforeRef = arg('--before') ?? 'd0b9ae4';
const keep = argv.includes('--keep');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** A built checkout of the earlier commit: its dist/cli.js and its core's sources. */
function beforeCheckout() {
  const given = arg('--before-dir');
  if (given) return { dir: path.resolve(given), cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdraft-before-'));
  fs.rmSync(dir, { recursive: true });
  const add = run('git', ['worktree', 'add', '--detach', dir, beforeRef], { cwd: REPO });
  if (add.status !== 0) throw new Error(`git worktree add ${beforeRef}: ${add.stderr}`);
  fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules')), path.join(dir, 'node_modules'));
  const build = run(process.execPath, ['esbuild.js'], { cwd: dir });
  if (build.status !== 0) throw new Error(`building ${beforeRef}: ${build.stderr}`);
  return { dir, cleanup: () => { if (!keep) run('git', ['worktree', 'remove', '--force', dir], { cwd: REPO }); } };
}

/** The core of a checkout as one CommonJS module, loaded in this process. */
function loadCore(checkout, name) {
  const out = path.join(os.tmpdir(), `secdraft-core-${name}-${process.pid}.js`);
  require('esbuild').buildSync({
    entryPoints: [path.join(checkout, 'server/src/service/index.ts')],
    bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error', mainFields: ['module', 'main'],
  });
  const core = require(out);
  fs.rmSync(out, { force: true });
  return core;
}

/** The folders compared: each is checked as a whole, with the folder as the working directory. */
function targets(scratch) {
  const { generateWorkspace, writeWorkspace } = require(path.join(REPO, 'dist/bench/generate.js'));
  const bench = path.join(scratch, 'bench-workspace');
  writeWorkspace(bench, generateWorkspace({ seed: 59, scale: 1 }));
  const shared = path.resolve(REPO, '..', 'shared', 'corpus');
  if (!fs.existsSync(shared)) throw new Error(`${shared} is missing: the corpora are part of the comparison`);
  const list = [bench, shared];
  for (const d of fs.readdirSync(shared)) if (fs.statSync(path.join(shared, d)).isDirectory()) list.push(path.join(shared, d));
  for (const d of ['test/fixtures', 'examples']) {
    list.push(path.join(REPO, d));
    for (const e of fs.readdirSync(path.join(REPO, d))) if (fs.statSync(path.join(REPO, d, e)).isDirectory()) list.push(path.join(REPO, d, e));
  }
  return list;
}

function filesUnder(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (/\.(txt|csv|md|sec)$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Hovers at a sample of positions: the start of every word that starts with a capital or a
 * digit (terms, clause references, thresholds) and of the line, on every line for the first
 * 150 lines of a file, then on every 25th line (the bench workspace is 3 MB); each hover is
 * compared by its digest.
 */
function hovers(core, dir) {
  const service = core.createSecLanguageService();
  const files = filesUnder(dir);
  for (const f of files) service.setDocument({ uri: `file://${f}`, version: 1, text: fs.readFileSync(f, 'utf8') });
  const out = [];
  for (const f of files) {
    const uri = `file://${f}`;
    const lines = fs.readFileSync(f, 'utf8').split(/\r?\n/);
    lines.forEach((text, line) => {
      if (line >= 150 && line % 25 !== 0) return;
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}\p{N}]/gu)) {
        const h = service.getHover(uri, { line, character: m.index });
        if (h) out.push(`${path.relative(dir, f)}:${line}:${m.index} ${digest(h)}`);
      }
      const h = service.getHover(uri, { line, character: 0 });
      if (h) out.push(`${path.relative(dir, f)}:${line}:0 ${digest(h)}`);
    });
  }
  return out;
}

const digest = value => require('node:crypto').createHash('sha1').update(JSON.stringify(value)).digest('hex');

function firstDifference(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  before: ${(la[i] ?? '<end>').slice(0, 300)}\n  after:  ${(lb[i] ?? '<end>').slice(0, 300)}`;
  }
  return '';
}

function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'secdraft-differential-'));
  const before = beforeCheckout();
  let differences = 0;
  try {
    const cores = { before: loadCore(before.dir, 'before'), after: loadCore(REPO, 'after') };
    const clis = { before: path.join(before.dir, 'dist/cli.js'), after: path.join(path.resolve(arg('--after-dist') ?? path.join(REPO, 'dist')), 'cli.js') };
    const only = arg('--only');
    for (const dir of targets(scratch).filter(d => !only || d.includes(only))) {
      const name = path.relative(path.resolve(REPO, '..'), dir) || dir;
      for (const verb of ['check', 'comments']) {
        const [a, b] = ['before', 'after'].map(side => {
          const r = run(process.execPath, [clis[side], verb, '.', '--format', 'json'], { cwd: dir });
          return `exit ${r.status}\n${r.stdout}\n${r.stderr}`;
        });
        const same = a === b;
        if (!same) differences++;
        console.log(`${same ? 'same' : 'DIFFERENT'}  ${verb.padEnd(8)} ${name}  (${a.length} bytes)${same ? '' : '\n' + firstDifference(a, b)}`);
      }
      const [ha, hb] = ['before', 'after'].map(side => hovers(cores[side], dir).join('\n'));
      const same = ha === hb;
      if (!same) differences++;
      console.log(`${same ? 'same' : 'DIFFERENT'}  hovers   ${name}  (${ha.split('\n').length} hovers)${same ? '' : '\n' + firstDifference(ha, hb)}`);
    }
  } finally {
    before.cleanup();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(differences === 0 ? '\nidentical' : `\n${differences} difference(s)`);
  process.exitCode = differences === 0 ? 0 : 1;
}

main();
