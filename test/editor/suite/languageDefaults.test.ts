// The `sec` language's editor defaults reach a real VS Code (issue 18: legal text ran off
// screen, and every ’ and × was boxed as a confusable character).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openInEditor, pollUntil, sectionG8 } from './helpers';

export function languageDefaultsTests(): void {
  suite('Legal text display defaults', () => {
    test('Section G8 opens wrapped, without confusable-character boxes, with clause numbers as words', async () => {
      const { document } = await openInEditor(sectionG8());
      assert.equal(document.languageId, 'sec');
      const editor = vscode.workspace.getConfiguration('editor', document);
      assert.equal(editor.get('wordWrap'), 'on');
      assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
      // A double space is whitespace: "onCode" would hide its lightbulb with the cursor inside it.
      assert.equal(editor.get('lightbulb.enabled'), 'on');
      const separators = editor.get<string>('wordSeparators') ?? '';
      for (const c of '.()') assert.ok(!separators.includes(c), `"${c}" separates words in sec files`);
      // Other languages keep VS Code's own defaults.
      assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
    });
  });
}

export function collationLanguageTests(): void {
  suite('Collations as a language of their own', () => {
    test('the example collation opens as an SEC consultation collation with an outline of questions and respondents', async () => {
      const uri = vscode.Uri.joinPath(sectionG8(), '..', 'consultation-responses.txt');
      const { document } = await openInEditor(uri);
      assert.equal(document.languageId, 'sec-consultation');
      const symbols = await pollUntil(
        async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [],
        s => s.some(q => q.name === 'Question 1' && (q.children ?? []).length > 0), 'an outline with Question 1 and its respondents');
      const first = symbols.find(q => q.name === 'Question 1')!;
      assert.ok(first.children.some(r => r.name === 'EDF Energy'), JSON.stringify(first.children.map(r => r.name)));
    });
  });
}
