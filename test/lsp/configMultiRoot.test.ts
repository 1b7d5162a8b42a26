// A multi-root workspace (issue 18): each workspace folder's nearest .secdraft.json applies to
// the files under that folder — its severities, its overrides and its ignores.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';
import { tempDir } from '../helpers/tempDir';

const DOUBLE = 'G8.1 A Supplier  Party shall comply.\n';

const folder = (files: Record<string, string>) => tempDir(files, 'sec-lsp-multiroot-');

test('each workspace folder\'s own .secdraft.json applies to its files', async () => {
  const first = folder({ '.secdraft.json': '{ "severity": { "double-space": "error" } }', 'a.sec.txt': DOUBLE });
  const second = folder({
    '.secdraft.json': '{ "severity": { "trailing-whitespace": "error" }, "ignores": ["old/**"], "overrides": [{ "files": ["strict/**"], "severity": { "double-space": "hint" } }] }',
    'b.sec.txt': DOUBLE, 'strict/c.sec.txt': DOUBLE, 'old/d.sec.txt': DOUBLE,
  });
  const third = folder({ 'e.sec.txt': DOUBLE });
  const client = await startServer({ rootPath: first, moreFolders: [second, third] });
  try {
    const severityOf = async (file: string) => (await client.diagnostics(fileUri(file), d => d.some(x => x.code === 'double-space'))).find(x => x.code === 'double-space')!.severity;
    assert.equal(await severityOf(path.join(first, 'a.sec.txt')), 1 /* Error: the first folder's config */);
    assert.equal(await severityOf(path.join(second, 'b.sec.txt')), 2 /* Warning: the default, not the first folder's error */);
    assert.equal(await severityOf(path.join(second, 'strict/c.sec.txt')), 4 /* Hint: the second folder's override */);
    // A folder with no config of its own (none above it either) has the defaults, not the first folder's.
    assert.equal(await severityOf(path.join(third, 'e.sec.txt')), 2);
    assert.deepEqual(await client.diagnostics(fileUri(path.join(second, 'old/d.sec.txt')), () => true, 1000, true), [], 'the second folder\'s ignores');
  } finally {
    await client.close();
  }
});
