// Protocol: inconsistent-threshold arrives with relatedInformation naming the other statements
// across files, hover on a threshold shows every statement of it, and the number-format
// quick fix edits the text through textDocument/codeAction.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const G8_40 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises, and which does not supply any Non-Domestic Premises, shall be subject to a Full User Security Assessment.',
  '',
].join('\n');

const G8_42 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'G8.41 A Supplier Party whose Combined Premises Number is 250000 or less shall follow the cycle.',
  '',
  'G8.42 A Supplier Party which supplies 250,000 or fewer Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall follow the cycle.',
  '',
].join('\n');

let client: TestClient;
let dir: string;
let uri40: string;
let uri42: string;

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-thresholds-'));
  uri40 = fileUri(path.join(dir, 'g8-40.sec.txt'));
  uri42 = fileUri(path.join(dir, 'g8-42.sec.txt'));
  await client.open(uri40, G8_40);
  await client.open(uri42, G8_42);
});
after(async () => {
  await client.close();
});

const hasCode = (code: string) => (ds: Diagnostic[]) => ds.some(d => d.code === code);

test('inconsistent-threshold carries relatedInformation pointing at the other file', async () => {
  const diags = await client.diagnostics(uri42, hasCode('inconsistent-threshold'));
  const d = diags.find(x => x.code === 'inconsistent-threshold')!;
  assert.equal(d.source, 'sec');
  assert.deepEqual(d.range.start, { line: 6, character: 38 });
  assert.match(d.message, /Smart Metering Systems/);
  const related = d.relatedInformation ?? [];
  const to40 = related.find(r => r.location.uri === uri40);
  assert.ok(to40, 'G8.40 in the other file is related');
  assert.equal(to40.location.range.start.line, 4);
  assert.match(to40.message, /Section G8\.40/);
});

test('hover on a threshold lists every statement of it with its clause', async () => {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri40 }, position: { line: 4, character: 50 } });
  assert.ok(hover, 'a hover is returned');
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /Threshold: more than 250,000 Domestic Premises/);
  assert.match(value, /\| Clause \| File \| Statement \|/);
  for (const clause of ['G8.40', 'G8.41', 'G8.42']) assert.match(value, new RegExp(`\\| ${clause.replace('.', '\\.')} \\|`));
  assert.match(value, /Smart Metering Systems/);
});

test('the number-format quick fix writes 250,000 through textDocument/codeAction', async () => {
  const diags = await client.diagnostics(uri42, hasCode('number-format'));
  const d = diags.find(x => x.code === 'number-format')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri42 }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions.find(a => a.kind === 'quickfix' && a.isPreferred && a.title === 'Write 250,000');
  assert.ok(fix, 'a preferred quick fix is offered');
  const edited = TextDocument.applyEdits(TextDocument.create(uri42, 'sec', 1, G8_42), fix.edit!.changes![uri42] as TextEdit[]);
  assert.match(edited, /Combined Premises Number is 250,000 or less/);
  await client.change(uri42, 2, edited);
  await client.diagnostics(uri42, ds => !ds.some(x => x.code === 'number-format'));
});
