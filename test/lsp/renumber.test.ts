// Protocol: threshold citations checked across files, and renumbering through the plain LSP
// requests any client has (prepareRename/rename, codeAction with edits, workspace/executeCommand
// with the edit applied through workspace/applyEdit).
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const G8 = (figure: string) => [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  `G8.44A A Supplier Party which supplies more than ${figure} Non-Domestic Premises shall be subject to a Full User Security Assessment.`,
  '',
  'G8.44B A Non-Domestic Supplier shall be subject to the cycle in Section G8.44A.',
  '',
  'G8.44C A Supplier Party to which Section G8.44B applies shall be assessed.',
  '',
  'G8.45 The Panel shall review Sections G8.44A to G8.44C.',
  '',
].join('\n');

const G10 = [
  'SECTION G: SECURITY',
  '',
  'G10 REVIEWS',
  '',
  'G10.1 The Panel shall review the threshold of 50,000 set out in Section G8.44A, and the operation of Section G8.44C(a), every three years.',
  '',
].join('\n');

let client: TestClient;
let dir: string;
let g8: string;
let g10: string;
let responses: string;
const texts = new Map<string, string>();
const applied: WorkspaceEdit[] = [];

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-renumber-'));
  client.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    applied.push(p.edit);
    return { applied: true };
  });
  g8 = fileUri(path.join(dir, 'g8.sec.txt'));
  g10 = fileUri(path.join(dir, 'g10.sec.txt'));
  responses = fileUri(path.join(dir, 'consultation-responses.csv'));
  const open = async (uri: string, text: string, languageId = 'sec') => {
    texts.set(uri, text);
    await client.open(uri, text, languageId);
  };
  await open(g8, G8('50,000'));
  await open(g10, G10);
  await open(responses, 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,"G8.44C is fine"\n', 'sec-consultation');
});
after(async () => {
  await client.close();
});

const thresholdFindings = (ds: Diagnostic[]) => ds.filter(d => d.code === 'inconsistent-threshold');

/** A file's text after an edit written as `changes` or as `documentChanges` (a created file starts empty). */
function apply(edit: WorkspaceEdit, uri: string): string {
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap(c => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, texts.get(uri) ?? ''), [...(edit.changes?.[uri] ?? []), ...fromDocumentChanges]);
}

test('the server offers rename, renumbering code actions and the renumbering commands', () => {
  const caps = client.initializeResult.capabilities as { executeCommandProvider?: { commands: string[] }; codeActionProvider?: { codeActionKinds: string[] } };
  for (const command of ['sec.insertClause', 'sec.renumberParagraphs', 'sec.renameClause', 'sec.renumberPart']) {
    assert.ok(caps.executeCommandProvider?.commands.includes(command), `${command} is a server command`);
  }
  assert.ok(caps.codeActionProvider?.codeActionKinds.includes('refactor.rewrite'));
});

test('a changed threshold is caught through the clause that cites it, and nothing is reported where they agree', async () => {
  assert.deepEqual(thresholdFindings(await client.diagnostics(g10, () => true, 10000, true)), []);
  texts.set(g8, G8('60,000'));
  await client.change(g8, 2, G8('60,000'));
  const [d] = thresholdFindings(await client.diagnostics(g10, ds => thresholdFindings(ds).length > 0));
  assert.match(d.message, /cites the threshold as 50,000/);
  assert.match(d.message, /Section G8\.44A states “more than 60,000 Non-Domestic Premises”/);
  assert.equal(d.relatedInformation?.[0].location.uri, g8);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: g10 }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions.find(a => a.title === 'Quote the cited value: 60,000');
  assert.ok(fix?.edit, actions.map(a => a.title).join());
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: g10 }, position: { line: 4, character: G10.split('\n')[4].indexOf('50,000') + 1 } });
  assert.match((hover?.contents as MarkupContent).value, /Cited threshold[\s\S]*more than 60,000 Non\\-Domestic Premises/);
  texts.set(g8, G8('50,000'));
  await client.change(g8, 3, G8('50,000'));
  await client.diagnostics(g10, ds => thresholdFindings(ds).length === 0);
});

test('rename of a clause number through textDocument/rename: references, ranges and paragraph references in both files', async () => {
  const position = { line: 8, character: 3 };
  const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: g8 }, position });
  assert.equal(prepared.placeholder, 'G8.44C');
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: g8 }, position, newName: 'G8.44D' });
  assert.match(apply(edit, g8), /^G8\.44D A Supplier Party/m);
  assert.match(apply(edit, g8), /review Sections G8\.44A to G8\.44D\./);
  assert.match(apply(edit, g10), /the operation of Section G8\.44D\(a\), every/);
  assert.equal(apply(edit, responses), texts.get(responses), 'consultation comments are not edited');
  // E.ON named G8.44C: the collation's responses file is created to record the rename, so the link follows.
  const recorded = fileUri(path.join(dir, 'consultation-responses.responses.json'));
  assert.ok(edit.documentChanges?.some(c => 'kind' in c && c.kind === 'create' && c.uri === recorded));
  assert.deepEqual(JSON.parse(apply(edit, recorded)).renamedClauses, { 'G8.44C': 'G8.44D' });
});

test('a colliding number is refused with the reason', async () => {
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: { uri: g8 }, position: { line: 8, character: 3 }, newName: 'G8.45' }),
    (e: Error) => /G8\.45 already exists/.test(e.message),
  );
});

test('insert a clause with "renumber the rest" through workspace/executeCommand, applied with workspace/applyEdit', async () => {
  const result = await client.request<{ applied: boolean; edit: WorkspaceEdit }>('workspace/executeCommand', { command: 'sec.insertClause', arguments: [{ uri: g8, clause: 'G8.44C', renumberRest: true }] });
  assert.equal(result.applied, true);
  assert.deepEqual(applied[applied.length - 1], result.edit);
  assert.match(apply(result.edit, g8), /shall be assessed\.\n\nG8\.45 \[Text of the new clause\]\n\nG8\.46 The Panel shall review/);
  await assert.rejects(
    client.request('workspace/executeCommand', { command: 'sec.insertClause', arguments: [{ clause: 'G8.44A' }] }),
    (e: Error) => /G8\.44B already exists/.test(e.message),
  );
});

test('code actions on a clause number carry the insertion edits', async () => {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: g8 }, range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, context: { diagnostics: [] } });
  const titles = actions.map(a => a.title);
  assert.ok(titles.includes('Insert clause after G8.44C (G8.44D)'), titles.join());
  const rest = actions.find(a => a.title.startsWith('Insert clause after G8.44C as G8.45'));
  assert.match(apply(rest!.edit!, g8), /\nG8\.46 The Panel/);
});
