// The baseline in the editor, over LSP (`secdraft lsp --stdio`, as Neovim or Helix start it):
// diagnostics link to their page, "Suppress in baseline" writes .secdraft-baseline.json through
// the server and the finding goes; a baseline written by the CLI hides what it accepts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { CLI, secdraft, tempDir } from '../helpers/cli';
import { fileUri, startServer } from '../helpers/lspClient';

const TEXT = 'G8.1 The  notice is given.\nG8.2 The other  slip.\n';
const hasDoubleSpace = (n: number) => (d: Diagnostic[]) => d.filter(x => x.code === 'double-space').length === n;

test('diagnostics link to the code\'s page; "Suppress in baseline" writes the file and hides that finding only', async () => {
  const dir = tempDir({ 'g.sec.txt': TEXT });
  const uri = fileUri(path.join(dir, 'g.sec.txt'));
  const client = await startServer({ rootPath: dir, serverJs: CLI, args: ['lsp', '--stdio'] });
  try {
    assert.ok((client.initializeResult.capabilities.executeCommandProvider as { commands: string[] }).commands.includes('secDrafting.suppressInBaseline'));
    await client.open(uri, TEXT);
    const before = await client.diagnostics(uri, hasDoubleSpace(2));
    const first = before.find(d => d.code === 'double-space' && d.range.start.line === 0)!;
    assert.match(first.codeDescription!.href, /^file:\/\/\/.*\/docs\/rules\/double-space\.md$/);
    assert.ok(fs.existsSync(new URL(first.codeDescription!.href)), 'the link resolves');

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
    const suppress = actions.find(a => a.title.startsWith("Suppress 'double-space' in the baseline"))!;
    assert.ok(suppress?.command, `offered: ${actions.map(a => a.title).join(' | ')}`);
    const result = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', { command: suppress.command!.command, arguments: suppress.command!.arguments });
    assert.equal(result.ok, true, result.message);
    const file = JSON.parse(fs.readFileSync(path.join(dir, '.secdraft-baseline.json'), 'utf8'));
    assert.deepEqual(file.findings, [{ path: 'g.sec.txt', code: 'double-space', clause: 'G8.1', text: 'The  notice', count: 1 }]);
    const after = await client.diagnostics(uri, hasDoubleSpace(1));
    assert.equal(after.find(d => d.code === 'double-space')!.range.start.line, 1, 'the other finding is still shown');

    // An edit above the accepted finding keeps it accepted (matched by clause and text, not line).
    await client.change(uri, 2, 'G8.0 New clause.\n' + TEXT);
    const moved = await client.diagnostics(uri, d => hasDoubleSpace(1)(d) && d.some(x => x.code === 'double-space' && x.range.start.line === 2));
    assert.equal(moved.filter(d => d.code === 'double-space').length, 1);
  } finally {
    await client.close();
  }
  // The CLI agrees with the editor: one finding accepted, one reported.
  const cli = secdraft(['check', '.', '--format', 'json'], dir);
  assert.match(cli.stderr, /1 finding accepted in the baseline/);
});

test('in Restricted Mode (workspaceTrusted: false) nothing that writes the baseline is offered or run', async () => {
  const dir = tempDir({ 'g.sec.txt': TEXT });
  const uri = fileUri(path.join(dir, 'g.sec.txt'));
  const client = await startServer({ rootPath: dir, serverJs: CLI, args: ['lsp', '--stdio'], initializationOptions: { workspaceTrusted: false } });
  try {
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri, hasDoubleSpace(2));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.ok(!actions.some(a => a.title.includes('baseline')));
    const result = await client.request<{ ok: boolean }>('workspace/executeCommand', { command: 'secDrafting.suppressInBaseline', arguments: [{ path: 'g.sec.txt', code: 'double-space', clause: 'G8.1', text: 'The  notice' }] });
    assert.equal(result.ok, false);
    assert.equal(fs.existsSync(path.join(dir, '.secdraft-baseline.json')), false);
  } finally {
    await client.close();
  }
});

test('a broken baseline is never overwritten by "Suppress in baseline": the command says why and the file is kept', async () => {
  const broken = '{ "version": 1, "findings": [ { "path": "g.sec.txt" } ] }\n';
  const dir = tempDir({ 'g.sec.txt': TEXT, '.secdraft-baseline.json': broken });
  const uri = fileUri(path.join(dir, 'g.sec.txt'));
  const client = await startServer({ rootPath: dir, serverJs: CLI, args: ['lsp', '--stdio'] });
  try {
    await client.open(uri, TEXT);
    await client.diagnostics(uri, hasDoubleSpace(2)).catch(e => { throw new Error(`${(e as Error).message}\n${client.stderr()}`); }); // a broken baseline hides nothing
    const result = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', { command: 'secDrafting.suppressInBaseline', arguments: [{ path: 'g.sec.txt', code: 'double-space', clause: 'G8.1', text: 'The  notice' }] });
    assert.equal(result.ok, false);
    assert.match(result.message, /\.secdraft-baseline\.json: finding 1 needs .*never overwritten while broken/);
    assert.equal(fs.readFileSync(path.join(dir, '.secdraft-baseline.json'), 'utf8'), broken);
  } finally {
    await client.close();
  }
});
