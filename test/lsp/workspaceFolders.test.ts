// Workspace folders added and removed while the server runs (issue 18,
// workspace/didChangeWorkspaceFolders): a folder added is read and checked like the folders
// named at start-up, with its own .secdraft.json; a folder removed is forgotten — its findings
// cleared, its clauses no longer known — except the documents open in the editor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { fileUri, startServer } from '../helpers/lspClient';
import { makeWordLegalText } from '../helpers/wordLegal';
import { INDEX_CHANGED_NOTIFICATION, type IndexChangedParams } from '../../server/src/lsp/protocol';
import { makeTempDir, tempDir } from '../helpers/tempDir';

// Folder A refers to G8.32A, which only folder B has.
const SECTION_G8 = [
  'SECTION G: SECURITY',
  '',
  'G8 USER SECURITY ASSURANCE',
  '',
  'G8.30 The Panel shall set the status of the User.',
  '',
  'G8.31 Where the Panel acts under Section G8.32A, it shall give reasons.',
  '',
  'G8.33 Nothing else applies.',
  '',
].join('\n');
const REFERENCE = { line: 6, character: SECTION_G8.split('\n')[6].indexOf('G8.32A') + 2 };
const SECTION_G8_MORE = ['SECTION G: SECURITY', '', 'G8.32A The Panel may  defer a decision.', ''].join('\n');
const OPEN_IN_B = 'G8.40 A Supplier  Party shall comply.\n';

/** A new folder with these files. */
const folder = (files: Record<string, string>) => tempDir(files, 'sec-lsp-folders-');

const CAPABILITIES = { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } };
const has = (code: string) => (d: Diagnostic[]) => d.some(x => x.code === code);
const brokenTo = (target: string) => (d: Diagnostic[]) => d.some(x => x.code === 'broken-reference' && x.message.includes(target));

/** sec/indexChanged notifications as they come, and a way to wait for one after a given count. */
function indexChanges() {
  const seen: IndexChangedParams[] = [];
  const waiters: { count: number; resolve: (p: IndexChangedParams) => void }[] = [];
  return {
    seen,
    listener: (p: IndexChangedParams) => {
      seen.push(p);
      for (const w of waiters.filter(w => seen.length > w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(seen[w.count]);
      }
    },
    /** The first notification after the `count` already seen. */
    after: (count: number) => (seen.length > count ? Promise.resolve(seen[count]) : new Promise<IndexChangedParams>(resolve => waiters.push({ count, resolve }))),
  };
}

function changeFolders(client: { connection: { sendNotification: (method: string, params: unknown) => Promise<void> } }, added: string[], removed: string[]) {
  const named = (dirs: string[]) => dirs.map(d => ({ uri: fileUri(d), name: path.basename(d) }));
  return client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: named(added), removed: named(removed) } });
}

test('the server advertises that it follows workspace folder changes', async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const client = await startServer({ rootPath: a, capabilities: CAPABILITIES });
  try {
    assert.deepEqual((client.initializeResult.capabilities.workspace as { workspaceFolders: unknown }).workspaceFolders, { supported: true, changeNotifications: true });
  } finally {
    await client.close();
  }
});

test('a folder added is read and checked, with progress, and its clauses are known across folders; removed, it is forgotten', { timeout: 60_000 }, async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const b = folder({ 'section-g8-more.sec.txt': SECTION_G8_MORE, 'open.sec.txt': OPEN_IN_B });
  const inA = fileUri(path.join(a, 'section-g8.sec.txt'));
  const inB = fileUri(path.join(b, 'section-g8-more.sec.txt'));
  const openInB = fileUri(path.join(b, 'open.sec.txt'));
  const events = indexChanges();
  let progressCreated = 0;
  const client = await startServer({
    rootPath: a,
    capabilities: CAPABILITIES,
    initializationOptions: { indexChangedNotification: true },
    notifications: { [INDEX_CHANGED_NOTIFICATION]: events.listener },
    handlers: {
      // Answered late, as a busy editor may: the scan of an added folder waits for it.
      'window/workDoneProgress/create': async () => {
        progressCreated++;
        await new Promise(resolve => setTimeout(resolve, 400));
        return null;
      },
    },
  });
  try {
    await client.diagnostics(inA, brokenTo('G8.32A'));
    await events.after(0);
    const progressAtStart = progressCreated;

    // B added: its slip is found, A's reference to G8.32A now resolves into B.
    let count = events.seen.length;
    await changeFolders(client, [b], []);
    assert.ok(has('double-space')(await client.diagnostics(inB, has('double-space'))), 'B\'s findings arrive');
    await client.diagnostics(inA, d => !brokenTo('G8.32A')(d), 10_000, true);
    assert.deepEqual(await events.after(count), { documents: 3 }, 'the client is told the index changed');
    assert.ok(progressCreated > progressAtStart, 'the scan of the added folder shows progress');
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: inA }, position: REFERENCE });
    assert.deepEqual(definition.map(l => l.uri), [inB]);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: inA }, position: REFERENCE });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /defer a decision/);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: inB }, position: { line: 2, character: 2 }, context: { includeDeclaration: false } });
    assert.deepEqual(references.map(l => l.uri), [inA]);

    // One of B's files is open in the editor when B is removed: it stays, as an open document.
    await client.open(openInB, OPEN_IN_B, 'sec', 1);
    await client.diagnostics(openInB, has('double-space'));
    count = events.seen.length;
    await changeFolders(client, [], [b]);
    assert.deepEqual(await client.diagnostics(inB, d => d.length === 0), [], 'B\'s findings are cleared');
    assert.ok(brokenTo('G8.32A')(await client.diagnostics(inA, brokenTo('G8.32A'))), 'A\'s reference into B is broken again');
    assert.deepEqual(await events.after(count), { documents: 2 }, 'A\'s file and the open one');
    assert.deepEqual(await client.request<Location[]>('textDocument/definition', { textDocument: { uri: inA }, position: REFERENCE }), []);
    assert.ok(has('double-space')(await client.diagnostics(openInB, has('double-space'), 1000)), 'the open document keeps its findings');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: openInB } });
    assert.ok(symbols.length > 0, 'the open document is still known');
    await client.change(openInB, 2, OPEN_IN_B.replace('comply', 'comply  fully'));
    const doubles = (d: Diagnostic[]) => d.filter(x => x.code === 'double-space').length;
    assert.equal(doubles(await client.diagnostics(openInB, d => doubles(d) === 2)), 2, 'the open document is still checked');
    // Closed, it goes as the rest of B went: its folder is no longer in the workspace.
    count = events.seen.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: openInB } });
    assert.deepEqual(await client.diagnostics(openInB, d => d.length === 0), [], 'closed, its findings are cleared');
    assert.deepEqual(await events.after(count), { documents: 1 });

    // A file of the removed folder changed on disk is not read back.
    count = events.seen.length;
    fs.writeFileSync(path.join(b, 'section-g8-more.sec.txt'), SECTION_G8_MORE.replace('may  defer', 'may defer'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: inB, type: 2 }] });
    assert.deepEqual(await events.after(count), { documents: 1 });
    assert.deepEqual(await client.request<Location[]>('textDocument/definition', { textDocument: { uri: inA }, position: REFERENCE }), []);
  } finally {
    await client.close();
  }
});

test('a folder added with a broken .secdraft.json is read with the defaults and the message names the file, once', { timeout: 60_000 }, async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const c = folder({ '.secdraft.json': '{ "severity": { "double-space": ', 'c.sec.txt': OPEN_IN_B });
  const d = folder({ 'd.sec.txt': OPEN_IN_B });
  const messages: string[] = [];
  const requests: string[] = [];
  const client = await startServer({
    rootPath: a,
    capabilities: CAPABILITIES,
    handlers: {
      'window/showMessage': (p: { message: string }) => void messages.push(p.message),
      'window/showMessageRequest': (p: { message: string }) => {
        requests.push(p.message);
        return null;
      },
    },
  });
  try {
    await client.diagnostics(fileUri(path.join(a, 'section-g8.sec.txt')), brokenTo('G8.32A'));
    assert.equal(messages.length, 0, 'nothing to say before C is added');
    await changeFolders(client, [c], []);
    const found = await client.diagnostics(fileUri(path.join(c, 'c.sec.txt')), has('double-space'));
    assert.equal(found.find(d => d.code === 'double-space')!.severity, 2 /* Warning: the default */);
    const configFile = path.join(c, '.secdraft.json');
    assert.ok(messages.some(m => m.includes(configFile)), `a message names ${configFile}: ${JSON.stringify(messages)}`);
    assert.deepEqual(requests, [], 'a notification, never a request that waits for an answer');

    // Another folder added: what is wrong with C's config is not said again.
    await changeFolders(client, [d], []);
    await client.diagnostics(fileUri(path.join(d, 'd.sec.txt')), has('double-space'));
    assert.equal(messages.filter(m => m.includes(configFile)).length, 1, JSON.stringify(messages));
  } finally {
    await client.close();
  }
});

test('an added folder\'s own .secdraft.json applies to its files', { timeout: 60_000 }, async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const d = folder({ '.secdraft.json': '{ "severity": { "double-space": "error" } }', 'd.sec.txt': OPEN_IN_B });
  const client = await startServer({ rootPath: a, capabilities: CAPABILITIES });
  try {
    await client.diagnostics(fileUri(path.join(a, 'section-g8.sec.txt')), brokenTo('G8.32A'));
    await changeFolders(client, [d], []);
    const found = await client.diagnostics(fileUri(path.join(d, 'd.sec.txt')), has('double-space'));
    assert.equal(found.find(x => x.code === 'double-space')!.severity, 1 /* Error: D's own config */);
  } finally {
    await client.close();
  }
});

interface Registration { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }

test('an added folder is watched: the globs of its .secdraft.json are registered, and its files changed on disk are read', { timeout: 60_000 }, async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const d = folder({ '.secdraft.json': JSON.stringify({ legalFiles: ['**/*.legal'] }), 'x.legal': OPEN_IN_B });
  const registrations: Registration[] = [];
  const client = await startServer({
    rootPath: a,
    capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
    handlers: {
      'client/registerCapability': (p: { registrations: Registration[] }) => {
        registrations.push(...p.registrations);
        return null;
      },
    },
  });
  const watchedGlobs = (from: number) => registrations.slice(from).filter(r => r.method === 'workspace/didChangeWatchedFiles').flatMap(r => r.registerOptions?.watchers?.map(w => w.globPattern) ?? []);
  try {
    await client.diagnostics(fileUri(path.join(a, 'section-g8.sec.txt')), brokenTo('G8.32A'));
    for (let tries = 0; tries < 100 && watchedGlobs(0).length === 0; tries++) await new Promise(resolve => setTimeout(resolve, 50));
    // Watchers are plain "**/" globs, not relative to a folder: they cover any folder added.
    assert.ok(watchedGlobs(0).every(g => g.startsWith('**/')), watchedGlobs(0).join(' '));
    const count = registrations.length;
    await changeFolders(client, [d], []);
    const legal = fileUri(path.join(d, 'x.legal'));
    await client.diagnostics(legal, has('double-space'));
    for (let tries = 0; tries < 100 && !watchedGlobs(count).includes('**/*.legal'); tries++) await new Promise(resolve => setTimeout(resolve, 50));
    assert.ok(watchedGlobs(count).includes('**/*.legal'), `registered again with the added folder's globs: ${watchedGlobs(count).join(' ')}`);

    fs.writeFileSync(path.join(d, 'x.legal'), OPEN_IN_B.replace('Supplier  Party', 'Supplier Party'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: legal, type: 2 }] });
    await client.diagnostics(legal, x => !has('double-space')(x));
  } finally {
    await client.close();
  }
});

test('the first folder removed: the next one is the workspace, its .secdraft.json the workspace\'s', { timeout: 60_000 }, async () => {
  const a = folder({ '.secdraft.json': '{ "severity": { "double-space": "hint" } }', 'section-g8.sec.txt': SECTION_G8 });
  const b = folder({ '.secdraft.json': '{ "severity": { "double-space": "error" } }', 'open.sec.txt': OPEN_IN_B });
  const inA = fileUri(path.join(a, 'section-g8.sec.txt'));
  const inB = fileUri(path.join(b, 'open.sec.txt'));
  const client = await startServer({ rootPath: a, moreFolders: [b], capabilities: CAPABILITIES });
  try {
    await client.diagnostics(inA, brokenTo('G8.32A'));
    const severity = (d: Diagnostic[]) => d.find(x => x.code === 'double-space')?.severity;
    await client.diagnostics(inB, d => severity(d) === 1 /* Error: B's own config */);
    await changeFolders(client, [], [a]);
    assert.deepEqual(await client.diagnostics(inA, d => d.length === 0), []);
    // B's file changed on disk: read, and checked with B's config, now the workspace's.
    fs.writeFileSync(path.join(b, 'open.sec.txt'), `${OPEN_IN_B}\nG8.41 Each  Party shall comply.\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: inB, type: 2 }] });
    const found = await client.diagnostics(inB, d => d.filter(x => x.code === 'double-space').length === 2);
    assert.deepEqual(found.filter(x => x.code === 'double-space').map(x => x.severity), [1, 1]);
  } finally {
    await client.close();
  }
});

test('a client without workspace folders (a rootUri only) has its root read; a folder change it should not send is ignored', { timeout: 60_000 }, async () => {
  const a = folder({ 'section-g8.sec.txt': SECTION_G8 });
  const b = folder({ 'open.sec.txt': OPEN_IN_B });
  const client = await startServer({ rootPath: a, rootUriOnly: true });
  try {
    await client.diagnostics(fileUri(path.join(a, 'section-g8.sec.txt')), brokenTo('G8.32A'));
    // Sent all the same by a client that did not say it has workspace folders: ignored, the server serves on.
    await changeFolders(client, [b], []);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri(path.join(a, 'section-g8.sec.txt')) } });
    assert.ok(symbols.length > 0);
    assert.deepEqual(await client.diagnostics(fileUri(path.join(b, 'open.sec.txt')), () => true, 500, true), []);
  } finally {
    await client.close();
  }
});

test('a removed folder\'s Word tracked changes are no longer the workspace\'s changes', { timeout: 60_000 }, async () => {
  const a = folder({ 'h1.sec.md': 'H1 OTHER SECTION\n\nH1.1 The Panel shall meet.\n' });
  const b = makeTempDir('sec-lsp-folders-');
  fs.writeFileSync(path.join(b, 'Section G.docx'), await makeWordLegalText());
  const client = await startServer({ rootPath: a, moreFolders: [b], capabilities: CAPABILITIES });
  type Changes = { baseline: string; clauses: { id: string; status: string }[] };
  const changesWhen = async (accept: (c: Changes) => boolean) => {
    let result: Changes = { baseline: '', clauses: [] };
    for (let i = 0; i < 100; i++) {
      result = await client.request<Changes>('sec/changes', {});
      if (accept(result)) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    return result;
  };
  try {
    const before = await changesWhen(c => c.clauses.length > 0);
    assert.deepEqual(before.clauses.map(c => `${c.id} ${c.status}`), ['G8.39 changed', 'G8.40 changed']);
    const docx = fileUri(path.join(b, 'Section G.docx'));
    await client.diagnostics(docx, d => d.length > 0, 20_000);
    await changeFolders(client, [], [b]);
    await client.diagnostics(docx, d => d.length === 0);
    const after = await changesWhen(c => c.clauses.length === 0);
    assert.deepEqual(after, { baseline: '', clauses: [] });
  } finally {
    await client.close();
  }
});
