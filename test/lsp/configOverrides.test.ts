// `.secdraft.json` "ignores" and "overrides" in the editor, as in `secdraft` (issue 18): the
// scan never reads ignored files, and a glob's severities apply to the files it matches.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';
import { tempDir } from '../helpers/tempDir';

const DOUBLE = 'G8.1 A Supplier  Party shall comply.\n';

test('the workspace scan passes over ignored files; overrides set severities per file, opened or not', async () => {
  const ws = tempDir({
    '.secdraft.json': '{\n  "ignores": ["archive/**"],\n  // drafts are checked strictly\n  "overrides": [{ "files": ["drafts/**"], "severity": { "double-space": "error" } }],\n}\n',
    'a.sec.txt': DOUBLE, 'archive/old.sec.txt': DOUBLE, 'drafts/d.sec.txt': DOUBLE, 'drafts/open.sec.txt': DOUBLE,
  }, 'sec-lsp-overrides-');
  const client = await startServer({ rootPath: ws });
  try {
    const severityOf = async (name: string) => (await client.diagnostics(fileUri(path.join(ws, name)), d => d.some(x => x.code === 'double-space'))).find(x => x.code === 'double-space')!.severity;
    assert.equal(await severityOf('a.sec.txt'), 2 /* Warning */);
    assert.equal(await severityOf('drafts/d.sec.txt'), 1 /* Error */);
    await client.open(fileUri(path.join(ws, 'drafts/open.sec.txt')), DOUBLE.replace('comply', 'comply fully'), 'sec', 2);
    assert.equal(await severityOf('drafts/open.sec.txt'), 1 /* Error */, 'an open document too');
    assert.deepEqual(await client.diagnostics(fileUri(path.join(ws, 'archive/old.sec.txt')), () => true, 1000, true), [], 'the ignored file was never read');
    // "ignores" gains a file already read: it is forgotten, its findings withdrawn.
    fs.writeFileSync(path.join(ws, '.secdraft.json'), '{ "ignores": ["archive/**", "a.sec.txt"] }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws, '.secdraft.json')), type: 2 }] });
    assert.deepEqual(await client.diagnostics(fileUri(path.join(ws, 'a.sec.txt')), d => d.length === 0), []);
  } finally {
    await client.close();
  }
});
