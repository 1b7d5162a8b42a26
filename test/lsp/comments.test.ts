// Consultation comments over the protocol: hover on a clause shows who said what (escaped),
// code lenses count the comments, `sec/comments` lists them, unknown-clause is published.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { collationPdf } from '../helpers/pdf';
import { fileUri, startServer, startServerIn, type TestClient } from '../helpers/lspClient';
import { makeTempDir } from '../helpers/tempDir';

const REPO = path.resolve(__dirname, '..', '..', '..');
const EVIL = 'Evil Corp Ltd Other Party We think G8.41 is [fine](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold** and G8.99 too.\n';
const COLLATION = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.txt'), 'utf8') + EVIL;

const G8 = [
  'G8 USER SECURITY ASSURANCE',
  '',
  'Supplier Parties',
  '',
  'G8.41 A Supplier Party supplying both Domestic Premises and Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year in which its Combined Premises Number exceeds 250,000.',
  '',
  'G8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment in the second Assessment Year of each cycle.',
  '',
].join('\n');

let client: TestClient;
let dir: string;
let legalUri: string;
let collationUri: string;

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-lsp-comments-'));
  legalUri = fileUri(path.join(dir, 'section-g8.sec.txt'));
  collationUri = fileUri(path.join(dir, 'consultation-responses.txt'));
  await client.open(legalUri, G8, 'sec');
  await client.open(collationUri, COLLATION, 'plaintext');
  await client.diagnostics(collationUri, d => d.some(x => x.code === 'unknown-clause'));
});
after(async () => {
  await client.close();
});

test('unknown-clause is published on the collation at the mention', async () => {
  const d = await client.diagnostics(collationUri, x => x.some(y => y.code === 'unknown-clause'));
  const unknown = d.filter(x => x.code === 'unknown-clause');
  assert.equal(unknown.length, 1);
  const line = COLLATION.split('\n').length - 2;
  assert.equal(unknown[0].range.start.line, line);
  assert.equal(COLLATION.split('\n')[line].slice(unknown[0].range.start.character, unknown[0].range.end.character), 'G8.99');
  assert.equal(unknown[0].source, 'sec');
});

test('hover on G8.41 shows E.ON\'s comment: respondent, category, question, the sentence, explicit, a file link', async () => {
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: legalUri }, position: { line: 4, character: 2 } });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /consultation comments? on G8\\\.41/);
  assert.match(value, /\*\*E\\\.ON\*\* \(Large Supplier\)/);
  assert.match(value, /Question 2: Please provide any further comments you may have\\\. · names this clause/);
  assert.match(value, /We note that G8\\\.41 seems to multiple the number of Non\\-Domestic Premises by five/);
  const link = /\[Open the full comment\]\((file:[^)]+#L124)\)/.exec(value);
  assert.ok(link, 'a plain file link to the comment\'s line');
  assert.ok(link[1].startsWith(collationUri));
});

test('hover escapes respondent text: no markdown links, no command links, no HTML', async () => {
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: legalUri }, position: { line: 4, character: 2 } });
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /Evil Corp Ltd/);
  assert.ok(!/\]\(command:/.test(value), 'no command link');
  assert.ok(!value.includes('<img'), 'no raw HTML');
  assert.ok(value.includes('&lt;img'), 'the text is still shown, escaped');
  assert.ok(!/(^|[^\\])\*\*bold/.test(value), 'no emphasis from the respondent');
  assert.ok(!/\]\((?!file:)/.test(value), 'every link is a file link');
});

test('code lens above each clause with comments, opening them in a peek', async () => {
  const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: legalUri } });
  const on41 = lenses.find(l => l.range.start.line === 4 && /consultation comment/.test(l.command?.title ?? ''));
  assert.ok(on41, JSON.stringify(lenses));
  const count = Number(/^(\d+)/.exec(on41.command!.title)![1]);
  const locations = on41.command!.arguments![2] as Location[];
  assert.equal(on41.command!.command, 'secDrafting.lsp.showLocations', 'the server\'s own command, which any client can run');
  assert.equal(locations.length, count);
  assert.ok(count >= 2, 'E.ON and Evil Corp name G8.41');
  assert.ok(locations.every(l => l.uri === collationUri));
  const on44c = lenses.find(l => l.range.start.line === 6 && /consultation comment/.test(l.command?.title ?? ''));
  assert.ok(on44c);
});

test('sec/comments lists every comment with its links, or those of one legal document', async () => {
  const all = await client.request<{ comments: { id: string; respondent: string; status: string; links: { clause: string; kind: string; target?: { uri: string } }[] }[] }>('sec/comments', {});
  assert.equal(all.comments.length, 19);
  const eon = all.comments.find(c => c.id === 'q2-e-on')!;
  assert.deepEqual(eon.links.map(l => `${l.clause} ${l.kind}`), ['G8.41 explicit', 'G8.44C explicit']);
  assert.equal(eon.links[0].target?.uri, legalUri);
  assert.ok(all.comments.some(c => c.status === 'general'));
  const forLegal = await client.request<{ comments: { id: string; links: { clause: string }[] }[] }>('sec/comments', { uri: legalUri });
  assert.ok(forLegal.comments.length < all.comments.length);
  assert.ok(forLegal.comments.every(c => c.links.length > 0));
});

test('in the collation, a clause number goes to the clause and hover shows its text', async () => {
  const lines = COLLATION.split('\n');
  const line = lines.findIndex(l => l.startsWith('E.ON Large Supplier | We note that G8.41'));
  const character = lines[line].indexOf('G8.41') + 2;
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: collationUri }, position: { line, character } });
  assert.deepEqual(defs.map(d => [d.uri, d.range.start.line]), [[legalUri, 4]]);
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: collationUri }, position: { line, character } });
  assert.match((hover.contents as MarkupContent).value, /\*\*G8\\\.41\*\* — Supplier Parties[\s\S]*Combined Premises Number exceeds 250,000/);
});

test('a PDF collation in the workspace folder is read at start-up and its comments are served', async () => {
  const root = makeTempDir('sec-lsp-pdf-');
  const pdf = await collationPdf([['E.ON', 40, 225], ['Large Supplier', 150, 225], ['G8.41 multiplies by five; G8.99 is missing.', 250, 225]]);
  fs.writeFileSync(path.join(root, 'consultation-responses.pdf'), pdf);
  fs.writeFileSync(path.join(root, 'section-g8.sec.txt'), G8);
  const pdfClient = await startServer({ rootPath: root });
  try {
    const pdfUri = fileUri(path.join(root, 'consultation-responses.pdf'));
    const d = await pdfClient.diagnostics(pdfUri, x => x.some(y => y.code === 'unknown-clause'));
    assert.equal(d.filter(x => x.code === 'unknown-clause').length, 1);
    const result = await pdfClient.request<{ comments: { respondent: string; uri: string; links: { clause: string; kind: string }[] }[] }>('sec/comments', {});
    assert.deepEqual(result.comments.map(c => [c.respondent, c.uri, c.links.map(l => `${l.clause} ${l.kind}`)]), [['E.ON', pdfUri, ['G8.41 explicit']]]);
  } finally {
    await pdfClient.close();
  }
});
