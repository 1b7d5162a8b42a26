// sec/indexChanged (server/src/lsp/protocol.ts): the server tells a client that asked for it
// when the workspace's files changed other than by typing — once the start-up scan is read and
// its findings published, and again after a file changed on disk — so the client's comment
// views refresh then instead of after a guessed delay.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, type TestClient } from '../helpers/lspClient';
import { INDEX_CHANGED_NOTIFICATION, type IndexChangedParams } from '../../server/src/lsp/protocol';
import { makeTempDir } from '../helpers/tempDir';

const G8 = 'G8.41 A Supplier Party shall undergo a Full User Security Assessment.\n';
const G9 = 'G9.1 The DCC shall  publish the results.\n';

let client: TestClient | undefined;
after(async () => client?.close());

/** Notifications as they come, and a way to wait for the next one that satisfies a test. */
function recorder() {
  const seen: IndexChangedParams[] = [];
  const waiters: { accept: (p: IndexChangedParams) => boolean; resolve: (p: IndexChangedParams) => void }[] = [];
  const listener = (p: IndexChangedParams) => {
    seen.push(p);
    for (const w of waiters.slice()) {
      if (!w.accept(p)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  };
  const next = (accept: (p: IndexChangedParams) => boolean) => {
    const found = seen.find(accept);
    return found ? Promise.resolve(found) : new Promise<IndexChangedParams>(resolve => waiters.push({ accept, resolve }));
  };
  return { seen, listener, next };
}

test('a client that asks is told when the start-up scan is read, and when a file changes on disk', { timeout: 30_000 }, async () => {
  const dir = makeTempDir('sec-index-changed-');
  fs.writeFileSync(path.join(dir, 'section-g8.sec.txt'), G8);
  const events = recorder();
  client = await startServer({
    rootPath: dir,
    initializationOptions: { indexChangedNotification: true },
    notifications: { [INDEX_CHANGED_NOTIFICATION]: events.listener },
  });
  assert.deepEqual(await events.next(p => p.documents === 1), { documents: 1 });

  const g9 = path.join(dir, 'section-g9.sec.txt');
  fs.writeFileSync(g9, G9);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(g9), type: 1 }] });
  assert.deepEqual(await events.next(p => p.documents === 2), { documents: 2 });
  // The findings of the change are published by then.
  const found = await client.diagnostics(fileUri(g9), d => d.length > 0, 10_000);
  assert.ok(found.some(d => d.code === 'double-space'));
});
