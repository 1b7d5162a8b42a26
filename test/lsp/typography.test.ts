// Quick fixes for typography findings over real JSON-RPC: one instance, and "fix all" of a code.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const TEXT = [
  'G8.19 Each User shall:',
  '(a) give access;',
  '(b) provide information,',
  '(c) procure access,',
  '(d) respond to the the Panel; and',
  '(e) act.',
  '',
].join('\n');

let client: TestClient;
let dir: string;

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-lsp-typo-'));
});
after(async () => {
  await client.close();
});

function apply(uri: string, text: string, action: CodeAction): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, text), action.edit!.changes![uri] as TextEdit[]);
}

test('the quick fix of a repeated word deletes one, and the finding goes', async () => {
  const uri = fileUri(path.join(dir, 'words.sec.txt'));
  await client.open(uri, TEXT);
  const diags = await client.diagnostics(uri, d => d.some(x => x.code === 'repeated-word'));
  const rw = diags.find(d => d.code === 'repeated-word') as Diagnostic;
  assert.deepEqual(rw.range.start, { line: 4, character: 15 });
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rw.range, context: { diagnostics: [rw] } });
  const fix = actions.find(a => a.kind === 'quickfix' && a.isPreferred && a.title.includes('repeated'))!;
  assert.ok(fix, JSON.stringify(actions.map(a => a.title)));
  const edited = apply(uri, TEXT, fix);
  assert.match(edited, /\(d\) respond to the Panel; and/);
  await client.change(uri, 2, edited);
  await client.diagnostics(uri, d => !d.some(x => x.code === 'repeated-word'));
});

test('"fix all list-punctuation in this file" turns both commas into semicolons', async () => {
  const uri = fileUri(path.join(dir, 'lists.sec.txt'));
  await client.open(uri, TEXT);
  const diags = await client.diagnostics(uri, d => d.filter(x => x.code === 'list-punctuation').length === 2);
  const first = diags.find(d => d.code === 'list-punctuation') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
  const fixAll = actions.find(a => a.title.startsWith("Fix all 'list-punctuation'"))!;
  assert.ok(fixAll, JSON.stringify(actions.map(a => a.title)));
  const edited = apply(uri, TEXT, fixAll);
  assert.match(edited, /\(b\) provide information;\n\(c\) procure access;\n/);
  assert.match(edited, /the the/, 'fix all of one code leaves other codes alone');
});

test('source.fixAll.sec fixes every certain finding at once', async () => {
  const uri = fileUri(path.join(dir, 'all.sec.txt'));
  const text = 'G8.1 The Panel  shall act ,\tpromptly. \n';
  await client.open(uri, text);
  await client.diagnostics(uri, d => d.length >= 4);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.equal(actions.length, 1);
  assert.equal(apply(uri, text, actions[0]), 'G8.1 The Panel shall act, promptly.\n');
});
