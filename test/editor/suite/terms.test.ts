// Defined terms across files: the hover on a term used in Section G8 shows its definition from
// Section A, and go-to-definition lands on that row.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { hoverTextMatching, openInEditor, pollUntil, positionOf, sectionG8 } from './helpers';

export function termsTests(): void {
  suite('Defined terms', () => {
    test("hovering 'Non-Domestic Premises' in G8.41 shows its definition from Section A", async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const use = positionOf(document, 'Non-Domestic Premises it supplies multiplied', 3);
      const text = await hoverTextMatching(uri, use, /premises other than Domestic Premises/);
      assert.match(text, /premises other than Domestic Premises/);
    });

    test("go to definition on 'Supplier Party' opens its row in Section A", async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const use = positionOf(document, 'Where a Supplier Party supplies both', 'Where a '.length + 2);
      const targets = await pollUntil(async () => {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, use);
        return (found ?? []).map(t => ('targetUri' in t ? { uri: t.targetUri, line: t.targetRange.start.line } : { uri: t.uri, line: t.range.start.line }));
      }, ts => ts.length > 0, "a definition of 'Supplier Party'");
      const inSectionA = targets.find(t => t.uri.path.endsWith('/section-a.sec.txt'));
      assert.ok(inSectionA, `definition targets: ${JSON.stringify(targets.map(t => t.uri.path))}`);
      const row = (await vscode.workspace.openTextDocument(inSectionA.uri)).lineAt(inSectionA.line).text;
      assert.match(row, /^Supplier Party\b/);
    });
  });
}
