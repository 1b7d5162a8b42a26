// Clauses and cross-references over real JSON-RPC: a Section A file and two Section G files
// on disk, read by the server's workspace scan, then asked what an editor asks.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, FoldingRange, Hover, Location, MarkupContent, WorkspaceSymbol } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const SECTION_A = [
  'SECTION A: DEFINITIONS AND INTERPRETATION',
  '',
  'A1 DEFINITIONS',
  '',
  'A1.1 In this Code the expressions below have these meanings:',
  'Assurance Status | has the meaning given to that expression in Section G8.30 (Assurance Review).',
  'Panel | means the body established under Section C (Governance).',
  '',
].join('\n');

const SECTION_G8 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'Assurance Status',
  '',
  'G8.30 The Panel shall set the status of the User (its “Assurance Status”) as one of:',
  '(a) approved;',
  '(b) deferred; or',
  '(d) refused.',
  '',
  'G8.31 Where the Panel sets an Assurance Status under Section G8.30, it shall give reasons.',
  '',
  'G8.33 Nothing in Section G8.32A applies.',
  '',
].join('\n');

const SECTION_G9 = [
  'SECTION G: SECURITY',
  '',
  'G9 OTHER MATTERS',
  '',
  'G9.1 This Section G9 applies alongside Sections G8.30 to G8.31.',
  '',
  'G9.2 Nothing else.',
  '',
].join('\n');

let client: TestClient;
let dir: string;
const uri = (name: string) => fileUri(path.join(dir, name));
let diagnostics: Record<string, Diagnostic[]> = {};

before(async () => {
  ({ dir, client } = await startServerIn({ 'section-a.sec.txt': SECTION_A, 'section-g8.sec.txt': SECTION_G8, 'section-g9.sec.txt': SECTION_G9 }, 'sec-lsp-clauses-'));
  const has = (code: string) => (d: Diagnostic[]) => d.some(x => x.code === code);
  diagnostics = {
    a: await client.diagnostics(uri('section-a.sec.txt'), has('reference-heading-mismatch')),
    g8: await client.diagnostics(uri('section-g8.sec.txt'), d => has('clause-numbering')(d) && has('broken-reference')(d)),
  };
});
after(async () => {
  await client.close();
});

const mine = (ds: Diagnostic[]) => ds.filter(d => ['clause-numbering', 'broken-reference', 'reference-heading-mismatch'].includes(String(d.code)))
  .map(d => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

test('capabilities include workspace symbols and folding', () => {
  const caps = client.initializeResult.capabilities;
  assert.ok(caps.workspaceSymbolProvider);
  assert.ok(caps.foldingRangeProvider);
});

test('each clause and reference code arrives on the files on disk', () => {
  assert.deepEqual(mine(diagnostics.a), ['5:63 reference-heading-mismatch']);
  assert.deepEqual(mine(diagnostics.g8), ['9:0 clause-numbering', '13:0 clause-numbering', '13:17 broken-reference']);
  assert.match(diagnostics.g8.find(d => d.range.start.line === 13 && d.code === 'clause-numbering')!.message, /expected G8\.32/);
});

test('quick fixes: the real heading, and a paragraph renumbered', async () => {
  const mismatch = diagnostics.a.find(d => d.code === 'reference-heading-mismatch')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('section-a.sec.txt') }, range: mismatch.range, context: { diagnostics: [mismatch] } });
  const edit = actions.find(a => a.isPreferred)?.edit?.changes?.[uri('section-a.sec.txt')]?.[0];
  assert.equal(edit?.newText, 'Assurance Status');
  const para = diagnostics.g8.find(d => d.range.start.line === 9)!;
  const paraActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('section-g8.sec.txt') }, range: para.range, context: { diagnostics: [para] } });
  assert.equal(paraActions.find(a => a.isPreferred)?.edit?.changes?.[uri('section-g8.sec.txt')]?.[0].newText, '(c)');
});

test('hover on a reference shows the target heading and opening text', async () => {
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('section-g9.sec.txt') }, position: { line: 4, character: 62 } });
  const md = (hover.contents as MarkupContent).value;
  assert.match(md, /\*\*G8\.31\*\* — Assurance Status/);
  assert.match(md, /Where the Panel sets an Assurance Status/);
});

test('definition goes from a reference in one file to the clause in another', async () => {
  const locs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('section-a.sec.txt') }, position: { line: 5, character: 72 } });
  assert.deepEqual(locs, [{ uri: uri('section-g8.sec.txt'), range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } } }]);
});

test('references on a clause number list every incoming reference in the workspace', async () => {
  const locs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('section-g8.sec.txt') }, position: { line: 6, character: 2 }, context: { includeDeclaration: false } });
  assert.deepEqual(locs.map(l => `${path.basename(l.uri)}:${l.range.start.line}`).sort(), ['section-a.sec.txt:5', 'section-g8.sec.txt:11', 'section-g9.sec.txt:4']);
});

test('workspace symbols find a clause by number and by heading word', async () => {
  const byNumber = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'G8.31' });
  assert.deepEqual(byNumber.map(s => s.name), ['G8.31 Assurance Status']);
  const byWord = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'matters' });
  assert.deepEqual(byWord.map(s => s.name), ['G9 OTHER MATTERS', 'G9.1 OTHER MATTERS', 'G9.2 OTHER MATTERS']);
});

test('folding ranges by Part and clause', async () => {
  const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri('section-g8.sec.txt') } });
  assert.deepEqual(ranges.map(r => [r.startLine, r.endLine]), [[2, 13], [6, 9]]);
});

test('completion after "Section " offers clause numbers with their headings', async () => {
  const draft = uri('draft.sec.txt');
  await client.open(draft, 'G9.3 As required by Section G8.3');
  const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: draft }, position: { line: 0, character: 32 } });
  const items = Array.isArray(result) ? result : result.items;
  const clauses = items.filter(i => /^G8\.3/.test(i.label));
  assert.deepEqual(clauses.map(i => i.label), ['G8.30', 'G8.31', 'G8.33']);
  assert.equal(clauses[0].detail, 'Assurance Status');
});
