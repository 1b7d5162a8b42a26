// CONTRIBUTING's map of the code (its "Layout" block) matches the tree (issue 17): every folder
// and file it names exists where it says, and every folder of the server and the core, and every
// file of the server's lsp/ and io/ folders, is on the map. A newcomer reads the map first.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Entry { folder: string; names: string[]; description: string }

/** The map's entries: each names one or more paths (nested by indentation) and describes them. */
export function mapEntries(contributing: string): Entry[] {
  const block = /## Layout\n\n```\n([\s\S]*?)\n```/.exec(contributing);
  if (!block) throw new Error('CONTRIBUTING.md: no "## Layout" block');
  const entries: Entry[] = [];
  const stack: { indent: number; dir: string }[] = [];
  for (const line of block[1].split('\n')) {
    const head = /^( {0,6})(\S+(?:, \S+)*)(?: {2,}(.*))?$/.exec(line);
    if (!head) {
      if (entries.length > 0) entries[entries.length - 1].description += ' ' + line.trim();
      continue;
    }
    const indent = head[1].length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const folder = stack.map(s => s.dir).join('');
    const names = head[2].split(', ');
    entries.push({ folder, names, description: head[3] ?? '' });
    const dir = names.find(n => n.endsWith('/'));
    if (dir) stack.push({ indent, dir });
  }
  return entries;
}

/** Libraries the map names by their own names, not files of ours. */
const LIBRARIES = new Set(['pdf.js']);

/** Where a name in a description is found: beside the entry or a folder above it, below it, or from the root. */
function exists(folder: string, name: string): boolean {
  if (LIBRARIES.has(name)) return true;
  for (let f = folder; f.endsWith('/'); f = f.replace(/[^/]+\/$/, '')) if (fs.existsSync(path.join(root, f, name))) return true;
  if (fs.existsSync(path.join(root, name))) return true;
  if (fs.existsSync(path.join(root, 'server/src', name))) return true;
  const dir = path.join(root, folder);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() && fs.readdirSync(dir, { recursive: true }).some(f => String(f).endsWith(`/${name}`) || f === name);
}

const entries = mapEntries(fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8'));

test('every path the map names exists where the map puts it', () => {
  const missing: string[] = [];
  for (const e of entries) {
    for (const n of e.names) if (!fs.existsSync(path.join(root, e.folder, n))) missing.push(`${e.folder}${n}`);
    const base = e.names.find(n => n.endsWith('/')) ?? '';
    for (const m of e.description.matchAll(/[\w./-]+\.(?:ts|js|lua)\b/g)) {
      if (!exists(e.folder + base, m[0])) missing.push(`${e.folder}${base}: ${m[0]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every folder of the server and the core, and every file of lsp/ and io/, is on the map', () => {
  const mapped = new Set(entries.flatMap(e => e.names.map(n => `${e.folder}${n}`)));
  const text = entries.map(e => `${e.names.join(' ')} ${e.description}`).join(' ');
  const absent: string[] = [];
  for (const parent of ['server/src/', 'server/src/service/', 'server/src/io/', 'test/']) {
    for (const d of fs.readdirSync(path.join(root, parent), { withFileTypes: true })) {
      if (d.isDirectory() && d.name !== 'fixtures' && !mapped.has(`${parent}${d.name}/`)) absent.push(`${parent}${d.name}/`);
    }
  }
  for (const dir of ['server/src/lsp', 'server/src/io']) {
    for (const f of fs.readdirSync(path.join(root, dir))) {
      if (f.endsWith('.ts') && !new RegExp(`\\b${f.replace('.', '\\.')}\\b`).test(text)) absent.push(`${dir}/${f}`);
    }
  }
  assert.deepEqual(absent, []);
});

test('the map reader nests by indentation and reads a description over several lines', () => {
  const e = mapEntries('## Layout\n\n```\nserver/src/\n  lsp/             the server:\n                   start.ts (transport)\n  main.ts          entry\n```\n');
  assert.deepEqual(e.map(x => `${x.folder}${x.names.join(',')}`), ['server/src/', 'server/src/lsp/', 'server/src/main.ts']);
  assert.match(e[1].description, /start\.ts/);
});
