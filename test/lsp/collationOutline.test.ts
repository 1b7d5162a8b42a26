// A collation has an outline of its questions and their respondents (issue 18: it opened as
// Plain Text with no outline), read from its own language id or from its file name.
import { test, after, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const REPO = path.resolve(__dirname, '..', '..', '..');
const COLLATION = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.txt'), 'utf8');
const lines = COLLATION.split('\n');

let client: TestClient;
let dir: string;

before(async () => {
  ({ dir, client } = await startServerIn({}, 'sec-lsp-outline-'));
});
after(async () => {
  await client.close();
});

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character))
  && (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

async function outline(name: string, languageId: string): Promise<DocumentSymbol[]> {
  const uri = fileUri(path.join(dir, name));
  await client.open(uri, COLLATION, languageId);
  return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

for (const [name, languageId] of [['collated-responses.txt', 'sec-consultation'], ['consultation-responses.txt', 'plaintext']]) {
  test(`the outline of ${name} (${languageId}) lists each question with its respondents`, async () => {
    const symbols = await outline(name, languageId);
    assert.ok(symbols.length >= 2, JSON.stringify(symbols.map(s => s.name)));
    assert.equal(symbols[0].name, 'Question 1');
    assert.match(symbols[0].detail ?? '', /Do you believe that SECMPO0059 should be approved\?/);
    const respondents = symbols[0].children!.map(c => c.name);
    assert.ok(respondents.includes('EDF Energy'), JSON.stringify(respondents));
    const edf = symbols[0].children!.find(c => c.name === 'EDF Energy')!;
    assert.match(edf.detail ?? '', /Large Supplier · Approve · We agree that the SECMP0059/);
    assert.match(lines[edf.selectionRange.start.line], /^EDF Energy/);
    // VS Code rejects a symbol whose selection lies outside its range, or a child outside its parent.
    for (const q of symbols) {
      assert.ok(contains(q.range, q.selectionRange), q.name);
      for (const r of q.children ?? []) assert.ok(contains(q.range, r.range) && contains(r.range, r.selectionRange), `${q.name} › ${r.name}`);
    }
  });
}
