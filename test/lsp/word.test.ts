// A Word legal text in the workspace over the protocol (issue 21): the server finds the .docx
// at start-up, publishes its findings under the .docx's URI (lines of its converted text), and
// its clauses and terms join the workspace; a rename never edits the Word document.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';
import { makeWordLegalText } from '../helpers/wordLegal';

let client: TestClient;
let docxUri: string;
let otherUri: string;
const OTHER = 'SECTION H: SERVICES\n\nH1.1 Each Supplier Party shall pay the Assessment Fee in accordance with Section G8.40.\n';

before(async () => {
  const started = await startServerIn({ 'Section G modification.docx': await makeWordLegalText(), 'section-h.sec.md': OTHER }, 'sec-lsp-word-');
  client = started.client;
  docxUri = fileUri(path.join(started.dir, 'Section G modification.docx'));
  otherUri = fileUri(path.join(started.dir, 'section-h.sec.md'));
});

after(async () => {
  await client?.close();
});

test('the Word document\'s findings are published under its URI, at the lines of its converted text', async () => {
  const d = await client.diagnostics(docxUri, x => x.some(y => y.code === 'broken-reference'));
  const broken = d.find(x => x.code === 'broken-reference')!;
  assert.equal(broken.range.start.line, 36);
  assert.match(broken.message, /^G8\.40: Section G8\.39A does not exist/, 'the clause first: Word shows no line numbers');
  assert.ok(!d.some(x => x.message.includes('G8.40A')), 'deleted text is not checked');
});

test('its clauses and terms join the workspace: definition from another file goes to the .docx', async () => {
  await client.open(otherUri, OTHER);
  const diags = await client.diagnostics(otherUri, undefined, undefined, true);
  assert.ok(!diags.some(d => d.code === 'undefined-term' || d.code === 'broken-reference'), JSON.stringify(diags));
  const character = OTHER.split('\n')[2].indexOf('Assessment Fee') + 2;
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: otherUri }, position: { line: 2, character } });
  assert.deepEqual(defs.map(l => [l.uri, l.range.start.line]), [[docxUri, 36]]);
});

test('a rename started elsewhere never edits the Word document (read-only)', async () => {
  const character = OTHER.split('\n')[2].indexOf('Assessment Fee') + 2;
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: otherUri }, position: { line: 2, character }, newName: 'Annual Fee' });
  const uris = [...Object.keys(edit?.changes ?? {}), ...(edit?.documentChanges ?? []).map(c => ('textDocument' in c ? c.textDocument.uri : ''))];
  assert.ok(uris.includes(otherUri), JSON.stringify(edit));
  assert.ok(!uris.includes(docxUri), 'no edit to the .docx');
});

test('opening the .docx as text (VS Code\'s "open anyway") and closing it keeps its extracted text checked', async () => {
  await client.open(docxUri, 'PK\u0003\u0004 binary garbage G8.99', 'plaintext');
  await client.request('textDocument/hover', { textDocument: { uri: docxUri }, position: { line: 0, character: 0 } });
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: docxUri } });
  const character = OTHER.split('\n')[2].indexOf('Assessment Fee') + 2;
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: otherUri }, position: { line: 2, character } });
  assert.deepEqual(defs.map(l => [l.uri, l.range.start.line]), [[docxUri, 36]], 'the Word document is still in the workspace');
  const d = await client.diagnostics(docxUri, x => x.some(y => y.code === 'broken-reference'));
  assert.ok(d.length > 0);
});
