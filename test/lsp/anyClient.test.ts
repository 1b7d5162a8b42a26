// #18, any LSP editor: what a client that is not VS Code relies on, over real JSON-RPC —
// file watchers the server registers itself, settings from initializationOptions kept when
// workspace/configuration has nothing, warnings as notifications (never a request that waits),
// and the server's commands taking their answers as arguments where the client cannot be asked.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { fileUri, startServer, type TestClient } from '../helpers/lspClient';
import { tempDir } from '../helpers/tempDir';

const CSV = 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Why does Section G8.41 multiply by five?\n';
const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall  multiply by five.\n';

const clients: TestClient[] = [];
const workspace = (files: Record<string, string | Uint8Array>) => tempDir(files, 'sec-any-');

after(async () => {
  for (const c of clients) await c.close();
});

interface Registration { id: string; method: string; registerOptions: { watchers?: { globPattern: string }[] } }

test('the server asks the client to watch the files it reads, and a file changed on disk (not open) is re-read', async () => {
  const dir = workspace({ 'g8.sec.txt': G8 });
  const registrations: Registration[] = [];
  let registered!: () => void;
  const watching = new Promise<void>(resolve => (registered = resolve));
  const client = await startServer({
    rootPath: dir,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    handlers: {
      'client/registerCapability': (p: { registrations: Registration[] }) => {
        registrations.push(...p.registrations);
        if (p.registrations.some(r => r.method === 'workspace/didChangeWatchedFiles')) registered();
        return null;
      },
    },
  });
  clients.push(client);
  await Promise.race([watching, new Promise((_, reject) => setTimeout(() => reject(new Error('the server registered no file watchers within 10 s')), 10000))]);
  const globs = registrations.find(r => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions.watchers!.map(w => w.globPattern);
  for (const glob of ['**/.secdraft.json', '**/.secdraft-baseline.json', '**/*.{sec,txt,md,csv,json,docx,pdf}']) assert.ok(globs.includes(glob), `${glob} in ${globs.join(' ')}`);
  assert.ok(!registrations.some(r => r.method === 'workspace/didChangeConfiguration'), 'not registered where the client did not say it can');

  const uri = fileUri(path.join(dir, 'g8.sec.txt'));
  await client.diagnostics(uri, d => d.some(x => x.code === 'double-space'));
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8.replace('shall  multiply', 'shall multiply'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  await client.diagnostics(uri, d => !d.some(x => x.code === 'double-space'));

  // A .secdraft.json naming more legal files: the watchers are registered again, with its globs.
  const count = registrations.length;
  fs.writeFileSync(path.join(dir, '.secdraft.json'), JSON.stringify({ legalFiles: ['**/*.legal'] }));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, '.secdraft.json')), type: 1 }] });
  for (let tries = 0; tries < 100 && registrations.length === count; tries++) await new Promise(resolve => setTimeout(resolve, 50));
  const again = registrations.slice(count).find(r => r.method === 'workspace/didChangeWatchedFiles');
  assert.ok(again?.registerOptions.watchers!.some(w => w.globPattern === '**/*.legal'), JSON.stringify(registrations.slice(count)));
});

test('settings in initializationOptions (under secDrafting) hold when workspace/configuration answers null', async () => {
  const dir = workspace({ 'g8.sec.txt': G8 });
  const client = await startServer({
    rootPath: dir,
    initializationOptions: { secDrafting: { severity: { 'double-space': 'error' } } },
    handlers: { 'workspace/configuration': (p: { items: unknown[] }) => p.items.map(() => null) },
  });
  clients.push(client);
  const d = await client.diagnostics(fileUri(path.join(dir, 'g8.sec.txt')), x => x.some(y => y.code === 'double-space'));
  assert.equal(d.find(x => x.code === 'double-space')!.severity, 1, 'an error, as the start-up settings say');
  // A push without secDrafting (another tool's settings) pulls again; the start-up settings still hold.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { other: {} } });
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { secDrafting: { severity: { 'double-space': 'hint' } } } });
  const after = await client.diagnostics(fileUri(path.join(dir, 'g8.sec.txt')), x => x.some(y => y.code === 'double-space' && y.severity === 4));
  assert.ok(after.length > 0);
});

test('warnings are notifications: a broken .secdraft.json and a binary legal file send no request', async () => {
  const dir = workspace({ 'g8.sec.txt': G8, 'bin.sec.txt': Buffer.from([0, 1, 2, 0, 255]), '.secdraft.json': '{ broken' });
  const requests: string[] = [];
  const warnings: string[] = [];
  let warned!: () => void;
  const twoWarnings = new Promise<void>(resolve => (warned = resolve));
  const client = await startServer({
    rootPath: dir,
    handlers: {
      'window/showMessageRequest': (p: { message: string }) => { requests.push(p.message); return null; },
      'window/showMessage': (p: { type: number; message: string }) => { if (p.type === 2) warnings.push(p.message); if (warnings.length >= 2) warned(); },
    },
  });
  clients.push(client);
  await Promise.race([twoWarnings, new Promise((_, reject) => setTimeout(() => reject(new Error(`two warnings expected within 10 s; requests: ${requests.join(' | ')}`)), 10000))]);
  await client.diagnostics(fileUri(path.join(dir, 'g8.sec.txt')), d => d.some(x => x.code === 'double-space'));
  assert.deepEqual(requests, []);
  assert.ok(warnings.some(w => /\.secdraft\.json/.test(w)), warnings.join('\n'));
  assert.ok(warnings.some(w => /could not be read/.test(w)), warnings.join('\n'));
});

test('"Record response…" in a client that cannot be asked: the answer comes in the arguments', async () => {
  const dir = workspace({ 'g8.sec.txt': G8, 'consultation.csv': CSV });
  const requests: string[] = [];
  const client = await startServer({
    rootPath: dir,
    capabilities: { workspace: { configuration: true } },
    handlers: { 'window/showMessageRequest': (p: { message: string }) => { requests.push(p.message); return null; } },
  });
  clients.push(client);
  const csvUri = fileUri(path.join(dir, 'consultation.csv'));
  // The collation is read in the background after start-up: ask until its action is there.
  let actions: CodeAction[] = [];
  for (let tries = 0; tries < 100 && !actions.some(a => a.command); tries++) {
    if (tries) await new Promise(resolve => setTimeout(resolve, 100));
    actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: csvUri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] as Diagnostic[] },
    });
  }
  const record = actions.find(a => a.command?.command === 'secDrafting.lsp.recordResponse')!;
  assert.ok(record, JSON.stringify(actions));
  const args = record.command!.arguments![0] as Record<string, string>;
  const missing = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', { command: record.command!.command, arguments: [{ ...args, response: 'Noted.' }] });
  assert.equal(missing.ok, false);
  assert.match(missing.message, /give "disposition" \(accepted, noted, rejected, out-of-scope\)/);
  const noText = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', { command: record.command!.command, arguments: [args] });
  assert.match(noText.message, /give its text/);
  const accepted = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
    command: record.command!.command, arguments: [{ ...args, disposition: 'accepted', response: 'The multiplier is now two.' }],
  });
  assert.equal(accepted.ok, true, accepted.message);
  const file = JSON.parse(fs.readFileSync(path.join(dir, 'consultation.responses.json'), 'utf8')) as { responses: Record<string, { disposition: string; clause?: string }> };
  assert.deepEqual(Object.values(file.responses).map(r => [r.disposition, r.clause]), [['accepted', 'G8.41']], 'the only clause the comment names');
  assert.deepEqual(requests, [], 'nothing asked');
});

test('with no text and no responses file yet, the draft creates it in the editor (nothing on disk) and shows it', async () => {
  const dir = workspace({ 'g8.sec.txt': G8, 'consultation.csv': CSV });
  const edits: { label?: string; edit: { documentChanges?: ({ kind?: string; uri?: string; edits?: { newText: string }[] })[] } }[] = [];
  const shown: { uri: string; selection?: { start: { line: number } } }[] = [];
  const client = await startServer({
    rootPath: dir,
    capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { resourceOperations: ['create'] } }, window: { showDocument: { support: true } } },
    handlers: {
      'workspace/applyEdit': (p: (typeof edits)[number]) => { edits.push(p); return { applied: true }; },
      'window/showDocument': (p: (typeof shown)[number]) => { shown.push(p); return { success: true }; },
    },
  });
  clients.push(client);
  const csvUri = fileUri(path.join(dir, 'consultation.csv'));
  let result: { ok: boolean; drafted?: boolean; message: string } | undefined;
  for (let tries = 0; tries < 100 && !result?.drafted; tries++) {
    if (tries) await new Promise(resolve => setTimeout(resolve, 100));
    result = await client.request('workspace/executeCommand', { command: 'secDrafting.lsp.recordResponse', arguments: [{ commentId: 'q1-e-on', consultationUri: csvUri, disposition: 'rejected' }] });
  }
  assert.equal(result?.drafted, true, JSON.stringify(result));
  assert.equal(fs.existsSync(path.join(dir, 'consultation.responses.json')), false, 'nothing written to disk');
  const [create, insert] = edits[0].edit.documentChanges!;
  assert.equal(create.kind, 'create');
  const draft = JSON.parse(insert.edits![0].newText) as { responses: Record<string, unknown> };
  assert.deepEqual(draft.responses['q1-e-on'], { disposition: 'rejected', response: '', respondent: 'E.ON' });
  assert.equal(shown[0]?.uri, fileUri(path.join(dir, 'consultation.responses.json')));
  const line = insert.edits![0].newText.split('\n')[shown[0].selection!.start.line];
  assert.match(line, /"response": ""/, 'the cursor where the text goes');
});
