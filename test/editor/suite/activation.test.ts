// The extension starts from its packaged bundle: opening legal text activates it, the client
// starts the server, and the server answers (diagnostics, outline).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openInEditor, pollUntil, sectionG8, waitForDiagnostics } from './helpers';

export function activationTests(): void {
  suite('Activation and the language server', () => {
    test('opening a .sec.txt file gives it the sec language and activates the extension', async () => {
      const editor = await openInEditor(sectionG8());
      assert.equal(editor.document.languageId, 'sec');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
      await pollUntil(async () => extension.isActive, active => active, `${EXTENSION_ID} to activate`);
    });

    test('the server started from the bundle publishes diagnostics with source "sec"', async () => {
      const uri = sectionG8();
      await openInEditor(uri);
      const diagnostics = await waitForDiagnostics(uri, ds => ds.length > 0, 'any diagnostic from the SEC server');
      assert.ok(diagnostics.every(d => d.source === 'sec'), `unexpected sources: ${diagnostics.map(d => d.source).join(', ')}`);
    });

    test('the outline lists Part G8 and its clauses, inserted ones included', async () => {
      const uri = sectionG8();
      await openInEditor(uri);
      const names = await pollUntil(async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        return flatten(symbols ?? []).map(s => s.name);
      }, ns => ns.length > 0, 'document symbols');
      for (const id of ['G8', 'G8.41', 'G8.44A', 'G8.44C']) {
        assert.ok(names.includes(id), `outline has no ${id}: ${JSON.stringify(names)}`);
      }
    });
  });
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap(s => [s, ...flatten(s.children ?? [])]);
}
