// What the modification changes, in the editor over real JSON-RPC: the secDrafting.compareTo
// setting names a baseline folder inside the workspace (left out of the workspace itself), the
// hover on a changed clause shows the word diff, the outline marks it, sec/changes lists the
// changed clauses, and secDrafting.changedOnly hides findings of unchanged clauses.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-types';
import { fileUri, startServer, startServerIn, type TestClient } from '../helpers/lspClient';
import { makeTempDir } from '../helpers/tempDir';

const CURRENT = `G8 USER SECURITY ASSESSMENTS

G8.1 The Panel shall  appoint the assessor.

G8.2 Each User shall pay the charges within ten days.

G8.3 The Security Sub-Committee may set procedures.

G8.4 A User shall notify the Panel of any change.
`;

const MODIFIED = `G8 USER SECURITY ASSESSMENTS

G8.1 The Panel shall  appoint the assessor.

G8.2 Each User shall pay the charges within twenty  days.

G8.3 A User shall notify the Panel of any change.
`;

let client: TestClient;
let dir: string;
const g8 = () => fileUri(path.join(dir, 'g8.sec.md'));

before(async () => {
  ({ dir, client } = await startServerIn({ 'g8.sec.md': MODIFIED, 'current/g8.sec.md': CURRENT }, 'sec-lsp-changes-', { initializationOptions: { compareTo: 'current', changedOnly: true } }));
});
after(async () => {
  await client.close();
});

test('sec/changes lists the changed clauses; the baseline folder is not read as the workspace', async () => {
  let result: { baseline: string; clauses: { id: string; status: string; uri?: string; baselineId?: string }[] } = { baseline: '', clauses: [] };
  for (let i = 0; i < 100 && result.clauses.length === 0; i++) {
    result = await client.request('sec/changes', {});
    if (result.clauses.length === 0) await new Promise(resolve => setTimeout(resolve, 100));
  }
  assert.equal(result.baseline, 'folder current');
  assert.deepEqual(result.clauses.map(c => `${c.id} ${c.status}${c.baselineId && c.baselineId !== c.id ? ` ${c.baselineId}` : ''}`), ['G8.2 changed', 'G8.3 renumbered G8.4', 'G8.3 deleted']);
  assert.ok(result.clauses.every(c => !c.uri || c.uri === g8()), 'no clause of current/ is read as the workspace’s');
});

test('hover on a changed clause number shows the baseline words beside the new as a word diff', async () => {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: g8() }, position: { line: 4, character: 2 } });
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /\*\*G8\.2\*\* changed since folder current/);
  assert.match(value, /~~ten~~ \*\*twenty\*\*/);
});

test('the outline marks changed and renumbered clauses', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: g8() } });
  const details = symbols.flatMap(s => [s, ...(s.children ?? [])]).map(s => `${s.name}: ${s.detail}`);
  assert.ok(details.some(d => d.startsWith('G8.2:') && d.endsWith('· changed')), details.join('\n'));
  assert.ok(details.some(d => d.startsWith('G8.3:') && d.endsWith('· renumbered from G8.4')), details.join('\n'));
});

test('changedOnly: the double space of changed G8.2 is shown, that of unchanged G8.1 is not', async () => {
  const found = await client.diagnostics(g8(), d => d.some(x => x.code === 'double-space' && x.range.start.line === 4) && !d.some(x => x.code === 'double-space' && x.range.start.line === 2));
  assert.ok(found.every((d: Diagnostic) => d.range.start.line !== 2), JSON.stringify(found));
});

test('a compareTo that is neither a folder nor a revision is a warning; the server keeps serving', async () => {
  const other = makeTempDir('sec-lsp-changes-bad-');
  fs.writeFileSync(path.join(other, 'g8.sec.md'), MODIFIED);
  const messages: string[] = [];
  const bad = await startServer({ rootPath: other, initializationOptions: { compareTo: 'no-such-rev' }, handlers: { 'window/showMessage': (p: { message: string }) => void messages.push(p.message) } });
  try {
    const uri = fileUri(path.join(other, 'g8.sec.md'));
    await bad.diagnostics(uri, d => d.some(x => x.code === 'double-space'));
    for (let i = 0; i < 100 && !messages.some(m => /cannot compare with "no-such-rev"/.test(m)); i++) await new Promise(resolve => setTimeout(resolve, 50));
    assert.ok(messages.some(m => /cannot compare with "no-such-rev": .*(not in a git repository|neither a folder nor a revision)/.test(m)), messages.join('\n'));
    const result = await bad.request<{ baseline: string; clauses: unknown[] }>('sec/changes', {});
    assert.deepEqual(result, { baseline: '', clauses: [] });
  } finally {
    await bad.close();
  }
});

test('compareTo a git revision: the clauses changed since the commit', async () => {
  const repo = makeTempDir('sec-lsp-changes-git-');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', ...args], { cwd: repo, stdio: 'pipe' });
  fs.writeFileSync(path.join(repo, 'g8.sec.md'), CURRENT);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'current');
  fs.writeFileSync(path.join(repo, 'g8.sec.md'), MODIFIED);
  const server = await startServer({ rootPath: repo, initializationOptions: { compareTo: 'HEAD' } });
  try {
    let result: { baseline: string; clauses: { id: string; status: string }[] } = { baseline: '', clauses: [] };
    for (let i = 0; i < 100 && result.clauses.length === 0; i++) {
      result = await server.request('sec/changes', {});
      if (result.clauses.length === 0) await new Promise(resolve => setTimeout(resolve, 100));
    }
    assert.equal(result.baseline, 'git HEAD');
    assert.deepEqual(result.clauses.map(c => `${c.id} ${c.status}`), ['G8.2 changed', 'G8.3 renumbered', 'G8.3 deleted']);
  } finally {
    await server.close();
  }
});
