// The tracked changes of a Word legal text are the changes of that document, in the editor
// (issue 21): with no secDrafting.compareTo, sec/changes lists them, the hover shows the word
// diff, and changedOnly hides the findings of the other (unchanged) legal files.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';
import { makeWordLegalText } from '../helpers/wordLegal';

let client: TestClient;
let dir: string;
let docxUri: string;
let otherUri: string;
const OTHER = 'H1 OTHER SECTION\n\nH1.1 The Panel shall meet.\n';

before(async () => {
  ({ dir, client } = await startServerIn({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': OTHER }, 'sec-lsp-tracked-', { initializationOptions: { changedOnly: true } }));
  docxUri = fileUri(path.join(dir, 'Section G.docx'));
  otherUri = fileUri(path.join(dir, 'h1.sec.md'));
});

after(async () => {
  await client?.close();
});

test('sec/changes lists the tracked changes of the Word Section, with no compareTo set', async () => {
  let result: { baseline: string; clauses: { id: string; status: string; uri?: string }[] } = { baseline: '', clauses: [] };
  for (let i = 0; i < 100 && result.clauses.length === 0; i++) {
    result = await client.request('sec/changes', {});
    if (result.clauses.length === 0) await new Promise(resolve => setTimeout(resolve, 100));
  }
  assert.equal(result.baseline, 'the text before the tracked changes of Section G.docx');
  assert.deepEqual(result.clauses.map(c => `${c.id} ${c.status}`), ['G8.39 changed', 'G8.40 changed']);
  assert.ok(result.clauses.every(c => c.uri === docxUri));
});

test('hover on a changed clause of the Word Section shows the words before and after', async () => {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: docxUri }, position: { line: 34, character: 2 } });
  const value = (hover?.contents as MarkupContent).value;
  assert.match(value, /\*\*G8\.39\*\* changed since the text before the tracked changes of Section G\\?\.docx/);
  assert.match(value, /~~250~~ \*\*300\*\*/);
});

test('changedOnly: the changed G8.40 keeps its finding; the unchanged other file shows none', async () => {
  const word = await client.diagnostics(docxUri, d => d.some(x => x.code === 'broken-reference'));
  assert.ok(word.every(d => /^G8\.(39|40): /.test(d.message)), word.map(d => d.message).join('\n'));
  // Opened, h1.sec.md is published again: its "Panel" (defined nowhere) is a finding of an unchanged clause.
  await client.open(otherUri, OTHER);
  await new Promise(resolve => setTimeout(resolve, 1000));
  assert.deepEqual(await client.diagnostics(otherUri, () => true, 1000, true), []);
});
