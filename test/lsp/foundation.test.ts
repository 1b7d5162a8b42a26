// Protocol tests: the built server over real JSON-RPC, as an editor speaks to it.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServer, startServerIn, type TestClient } from '../helpers/lspClient';

const G8 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'Supplier Parties',
  '',
  'G8.44 A Supplier Party shall:',
  '(a) tell the Panel; and',
  '(b) wait.',
  '',
  'G8.44C A Verification User  Security Assessment shall follow.',
  '',
].join('\n');

let client: TestClient;
let dir: string;

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-lsp-'));
});
after(async () => {
  await client.close();
});

test('initialize announces the capabilities the extension relies on', () => {
  const caps = client.initializeResult.capabilities;
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.codeActionProvider);
  assert.equal(caps.textDocumentSync, 2 /* incremental */);
});

test('documentSymbol returns the outline Section → Part → clause → paragraph', async () => {
  const uri = fileUri(path.join(dir, 'g8.sec.txt'));
  await client.open(uri, G8);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, 'Section G');
  const part = symbols[0].children![0];
  assert.equal(part.name, 'G8');
  assert.deepEqual(part.children!.map(c => c.name), ['G8.44', 'G8.44C']);
  assert.deepEqual(part.children![0].children!.map(c => c.name), ['(a)', '(b)']);
  assert.equal(part.children![0].detail, 'Supplier Parties');
});

test('diagnostics arrive with source and code, and the quick fix removes the double space', async () => {
  const uri = fileUri(path.join(dir, 'fix.sec.txt'));
  await client.open(uri, G8);
  const diags = await client.diagnostics(uri, d => d.length > 0);
  const ds = diags.find(d => d.code === 'double-space') as Diagnostic;
  assert.ok(ds, 'double-space reported');
  assert.equal(ds.source, 'sec');
  assert.equal(ds.range.start.line, 10);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ds.range, context: { diagnostics: [ds] } });
  const fix = actions.find(a => a.kind === 'quickfix' && a.isPreferred)!;
  assert.ok(fix, 'a preferred quick fix is offered');
  const doc = TextDocument.create(uri, 'sec', 1, G8);
  const edited = TextDocument.applyEdits(doc, fix.edit!.changes![uri] as TextEdit[]);
  assert.match(edited, /Verification User Security Assessment/);
  await client.change(uri, 2, edited);
  await client.diagnostics(uri, d => !d.some(x => x.code === 'double-space'));
});

test('files in the workspace folder are checked without being opened', async () => {
  const onDisk = path.join(dir, 'later.sec.txt');
  fs.writeFileSync(onDisk, 'G8.1 One  two.\n');
  const other = await startServer({ rootPath: dir });
  try {
    const diags = await other.diagnostics(fileUri(onDisk), d => d.length > 0);
    assert.equal(diags[0].code, 'double-space');
  } finally {
    await other.close();
  }
});
