// Soak: thousands of random edits and requests against the built server over JSON-RPC
// (bounded in count and time). At the end it must still answer, its diagnostics must equal a
// fresh analysis of the final texts, and its memory must not have kept growing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../helpers/lspClient';
import { createSecLanguageService } from '../../server/src/service';
import { toLspDiagnostic } from '../../server/src/service/features/codeActions';
import { secText, editOp } from '../helpers/arbitraries';

const EDITS = Number(process.env.SOAK_EDITS ?? 3000);
const TIME_LIMIT_MS = 90_000;

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

test('a failing request answers with an error and the server keeps serving', async () => {
  const client = await startServer();
  try {
    const uri = 'file:///ws/a.sec.txt';
    await client.open(uri, 'G8.1 One  two.\n');
    // Malformed params make the handler throw inside the server.
    await assert.rejects(client.request('textDocument/hover', {}), /hover failed/);
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: null }), /documentSymbol failed/);
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'G8.1');
    assert.equal(client.process.exitCode, null, 'still running');
  } finally {
    await client.close();
  }
});

/** The server adds each code's page (codeDescription.href, a file: URI of this checkout); the core does not. */
function withoutDocLinks(ds: Diagnostic[]): Diagnostic[] {
  return ds.map(d => {
    const copy = { ...d };
    delete copy.codeDescription;
    return copy;
  });
}

test('soak: random edits and requests, then correct answers and flat memory', { timeout: TIME_LIMIT_MS + 60_000 }, async () => {
  const client = await startServer();
  const started = Date.now();
  try {
    const seeds = fc.sample(secText, { numRuns: 3, seed: 42 });
    const docs = ['a.sec.txt', 'g8.sec.txt', 'consultation-responses.txt'].map((name, i) =>
      TextDocument.create(`file:///ws/${name}`, name.endsWith('.sec.txt') ? 'sec' : 'plaintext', 1, seeds[i]));
    for (const d of docs) await client.open(d.uri, d.getText(), d.languageId, d.version);
    const ops = fc.sample(fc.tuple(fc.nat({ max: 2 }), editOp, fc.nat({ max: 9 })), { numRuns: EDITS, seed: 7 });
    const pid = client.process.pid!;
    let rssQuarter = 0;
    let done = 0;
    for (const [which, op, request] of ops) {
      if (Date.now() - started > TIME_LIMIT_MS) break;
      const doc = docs[which];
      const text = doc.getText();
      const start = doc.positionAt(Math.min(op.start, text.length));
      const end = doc.positionAt(Math.min(Math.max(op.start, op.end), text.length));
      const change = { range: { start, end }, text: op.insert };
      const next = TextDocument.update(doc, [change], doc.version + 1);
      docs[which] = next;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: next.uri, version: next.version }, contentChanges: [change] });
      const position = next.positionAt(Math.floor(next.getText().length / 2));
      const textDocument = { uri: next.uri };
      const requests = [
        () => client.request('textDocument/hover', { textDocument, position }),
        () => client.request('textDocument/definition', { textDocument, position }),
        () => client.request('textDocument/documentSymbol', { textDocument }),
        () => client.request('textDocument/completion', { textDocument, position }),
        () => client.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
        () => client.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
        () => client.request('textDocument/codeLens', { textDocument }),
      ];
      if (request < requests.length) await requests[request]();
      done++;
      if (done === Math.floor(EDITS / 4)) rssQuarter = rssKb(pid);
    }
    assert.ok(done >= Math.min(EDITS, 200), `only ${done} edits ran`);

    // The server's final diagnostics equal a fresh analysis of the final texts.
    const fresh = createSecLanguageService();
    for (const d of docs) fresh.setDocument({ uri: d.uri, version: d.version, text: d.getText(), languageId: d.languageId });
    for (const d of docs) {
      const expected = fresh.getDiagnostics(d.uri).map(toLspDiagnostic);
      const got = await client.diagnostics(d.uri, (ds: Diagnostic[]) => JSON.stringify(withoutDocLinks(ds)) === JSON.stringify(expected), 15_000, true)
        .catch(e => { throw new Error(`${d.uri}: ${(e as Error).message}\nexpected: ${JSON.stringify(expected)}`); });
      assert.deepEqual(withoutDocLinks(got), expected);
    }
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: docs[1].uri } });
    assert.deepEqual(symbols, fresh.getDocumentSymbols(docs[1].uri));

    const rssEnd = rssKb(pid);
    if (rssQuarter > 0) {
      assert.ok(rssEnd < rssQuarter * 1.5 + 40_000, `memory grew from ${rssQuarter} kB at a quarter to ${rssEnd} kB at the end`);
    }
  } finally {
    await client.close();
  }
});
