// The editor finds .secdraft.json as `secdraft` does: the nearest at or above the folder it
// opens (issue 18: a folder opened inside a repository ignored the repository's config), and
// the file may carry comments.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';
import { makeTempDir } from '../helpers/tempDir';

const TEXT = 'G8 USER SECURITY ASSURANCE\n\nG8.1 A Supplier  Party shall comply.\n\nG8.2 The the Supplier Party shall comply.\n';

test('a .secdraft.json with comments in the folder above the workspace sets the severities', async () => {
  const repo = makeTempDir('sec-lsp-nearest-');
  const folder = path.join(repo, 'legal', 'section-g');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(repo, '.secdraft.json'), '{\n  // house style: double spaces are fixed at publication\n  "severity": { "double-space": "ignore", },\n}\n');
  const client = await startServer({ rootPath: folder });
  try {
    const uri = fileUri(path.join(folder, 'g8.sec.txt'));
    await client.open(uri, TEXT, 'sec');
    const diagnostics = await client.diagnostics(uri, d => d.some(x => x.code === 'repeated-word'));
    assert.deepEqual(diagnostics.filter(d => d.code === 'double-space'), [], 'double-space is ignored by the config above');
  } finally {
    await client.close();
  }
});
