// Defined terms over real JSON-RPC: a Section A file and two Section G files on disk, as an
// editor sees them — diagnostics for each term code, hover, definition, references, rename,
// completion, semantic tokens, highlights and the quick fixes.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, Hover, Location, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const A = [
  'SECTION A: DEFINITIONS AND INTERPRETATION',
  '',
  'A1 DEFINITIONS',
  '',
  'A1.1 In this Code:',
  'Consumer | means a Customer which is a person.',
  'Customer | means a Consumer which buys.',
  'Domestic Premises | means premises used wholly for domestic purposes.',
  'Party | means a person which has acceded to this Code.',
  'Party | means any person bound by this Code.',
  'Risk Register | means the register kept by the Panel.',
  'Supplier Party | means a Party which holds a supply licence.',
  'User | means a Party which acts as a user.',
  '',
].join('\n');
const G1 = [
  'SECTION G: SECURITY',
  '',
  'G1 SUPPLIER DUTIES',
  '',
  'G1.1 Each Supplier Party shall tell the User about its domestic premises.',
  '',
  'G1.2 A Security Assurance Assessment shall be made of each Consumer and Customer.',
  '',
].join('\n');
const G2 = 'G2 OTHER DUTIES\n\nG2.1 Each User’s Supplier Parties shall tell the Party.\n';

let client: TestClient;
let dir: string;
const uri = (name: string) => fileUri(path.join(dir, name));

before(async () => {
  ({ dir, client } = await startServerIn({ 'section-a.sec.txt': A, 'section-g1.sec.txt': G1, 'section-g2.sec.txt': G2 }, 'sec-terms-'));
  await client.open(uri('section-g1.sec.txt'), G1);
  await client.open(uri('section-g2.sec.txt'), G2);
  await client.open(uri('section-a.sec.txt'), A);
});
after(async () => {
  await client.close();
});

const codesOf = (d: Diagnostic[], code: string) => d.filter(x => x.code === code).map(x => `${x.range.start.line}:${x.range.start.character}`);

test('each term code arrives as a diagnostic with source "sec"', async () => {
  const a = await client.diagnostics(uri('section-a.sec.txt'), d => d.some(x => x.code === 'duplicate-definition'));
  assert.deepEqual(codesOf(a, 'duplicate-definition'), ['9:0']);
  assert.deepEqual(codesOf(a, 'unused-definition'), ['7:0', '10:0'], 'a lower-case writing is not a use');
  assert.deepEqual(codesOf(a, 'circular-definition'), ['5:0', '6:0']);
  const dup = a.find(x => x.code === 'duplicate-definition')!;
  assert.equal(dup.source, 'sec');
  assert.equal(dup.relatedInformation![0].location.range.start.line, 8);
  const g1 = await client.diagnostics(uri('section-g1.sec.txt'), d => d.some(x => x.code === 'undefined-term'));
  assert.deepEqual(codesOf(g1, 'undefined-term'), ['6:7']);
  assert.deepEqual(codesOf(g1, 'lowercase-defined-term'), ['4:55']);
  assert.match(g1.find(x => x.code === 'undefined-term')!.message, /“Security Assurance Assessment”/);
});

test('hover, definition and references on a plural use in another file', async () => {
  const position = { line: 2, character: 23 }; // "Supplier Parties"
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('section-g2.sec.txt') }, position });
  assert.match((hover.contents as { value: string }).value, /\*\*Supplier Party\*\*[\s\S]*means a Party which holds a supply licence/);
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('section-g2.sec.txt') }, position });
  assert.deepEqual(defs.map(d => [d.uri, d.range.start.line]), [[uri('section-a.sec.txt'), 11]]);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('section-g2.sec.txt') }, position, context: { includeDeclaration: false } });
  assert.deepEqual(refs.map(r => path.basename(r.uri)).sort(), ['section-g1.sec.txt', 'section-g2.sec.txt']);
  const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: uri('section-g2.sec.txt') }, position });
  assert.equal(highlights.length, 1);
});

test('rename across the workspace keeps plurals and renames the definition row', async () => {
  const position = { line: 4, character: 12 };
  const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri('section-g1.sec.txt') }, position });
  assert.equal(prepared.placeholder, 'Supplier Party');
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri('section-g1.sec.txt') }, position, newName: 'Supplier Entity' });
  assert.deepEqual(edit.changes![uri('section-g2.sec.txt')].map(e => e.newText), ['Supplier Entities']);
  assert.deepEqual(edit.changes![uri('section-a.sec.txt')].map(e => e.newText), ['Supplier Entity']);
  assert.equal(edit.changes![uri('section-g1.sec.txt')].length, 1);
});

test('completion offers defined terms with their definitions', async () => {
  const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('section-g2.sec.txt') }, position: { line: 2, character: 5 } });
  const item = items.find(i => i.label === 'Risk Register')!;
  assert.ok(item);
  assert.match(JSON.stringify(item.documentation), /register kept by the Panel/);
});

test('semantic tokens are announced with a legend and returned for a legal file', async () => {
  const caps = client.initializeResult.capabilities as { semanticTokensProvider?: { legend: { tokenTypes: string[] } }; renameProvider?: unknown; documentHighlightProvider?: unknown };
  assert.deepEqual(caps.semanticTokensProvider!.legend.tokenTypes, ['variable', 'namespace']);
  assert.ok(caps.renameProvider && caps.documentHighlightProvider);
  const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('section-g2.sec.txt') } });
  assert.ok(tokens.data.length >= 15, 'three term uses at least');
});

test('undefined-term quick fixes: a definition stub in Section A and the workspace word list', async () => {
  const g1 = await client.diagnostics(uri('section-g1.sec.txt'), d => d.some(x => x.code === 'undefined-term'));
  const diag = g1.find(x => x.code === 'undefined-term')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('section-g1.sec.txt') }, range: diag.range, context: { diagnostics: [diag] } });
  const stub = actions.find(a => a.title.startsWith('Add a definition'))!;
  const stubEdit = stub.edit!.changes![uri('section-a.sec.txt')][0];
  assert.equal(stubEdit.newText, 'Security Assurance Assessment | means [definition to be drafted].\n');
  assert.equal(stubEdit.range.start.line, 11, 'before "Supplier Party", after "Risk Register"');
  const words = actions.find(a => a.title.includes('word list'))!;
  const changes = words.edit!.documentChanges as unknown as [{ kind: string; uri: string }, { textDocument: { uri: string } }];
  assert.equal(changes[0].kind, 'create');
  assert.equal(changes[0].uri, uri('sec-words.txt'));
  assert.equal(changes[1].textDocument.uri, uri('sec-words.txt'));
});

test('a word added to sec-words.txt silences undefined-term once the file changes', async () => {
  fs.writeFileSync(path.join(dir, 'sec-words.txt'), 'Security Assurance Assessment\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('sec-words.txt'), type: 1 }] });
  await client.diagnostics(uri('section-g1.sec.txt'), d => !d.some(x => x.code === 'undefined-term'));
});
