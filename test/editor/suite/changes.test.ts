// What the modification changes, in a real VS Code (issue 21): with secDrafting.compareTo naming a
// folder that holds the current Code, the clause the modification reworded is listed as changed —
// its hover shows the baseline's words beside the new ones, and the SEC Consultation view's
// "changed clauses only" filter keeps the comments on it; setting it back to nothing ends the
// comparison. The outline's mark is checked over the protocol (test/lsp/changes.test.ts): VS Code
// keeps an outline per text version, so one computed earlier in the suite shows it only after an edit.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { clausePosition, openInEditor, pollUntil, sectionG8, workspaceUri, consultationViewCounts } from './helpers';


async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

export function changesTests(): void {
  suite('What the modification changes', () => {
    test('compareTo a folder with the current Code: the reworded G8.41 is changed in its hover and the view filter', async () => {
      const g8 = sectionG8();
      const current = new TextDecoder().decode(await vscode.workspace.fs.readFile(g8));
      // The current Code weighs non-domestic premises by four; the modification says five.
      const baseline = current.replace('multiplied by five', 'multiplied by four');
      assert.notEqual(baseline, current);
      await vscode.workspace.fs.writeFile(workspaceUri('current-code', 'section-g8.sec.txt'), new TextEncoder().encode(baseline));
      const settings = vscode.workspace.getConfiguration('secDrafting');
      await settings.update('compareTo', 'current-code', vscode.ConfigurationTarget.Workspace);
      try {
        const editor = await openInEditor(g8);
        const at = clausePosition(editor.document, 'G8.41');
        const text = await pollUntil(() => hoverText(g8, at), t => /G8\.41\*\* changed/.test(t), 'a hover saying G8.41 changed');
        assert.match(text, /four/, 'the baseline words are shown');
        assert.match(text, /five/, 'the new words are shown');
        const g840 = await hoverText(g8, clausePosition(editor.document, 'G8.40'));
        assert.doesNotMatch(g840, /changed since/, 'an unchanged clause is not marked');
        await vscode.commands.executeCommand('secDrafting.showCommentsOnChangedClauses');
        const filtered = await pollUntil(consultationViewCounts, c => c.shown > 0, 'comments on the changed clause in the view');
        assert.ok(filtered.shown < filtered.listed, JSON.stringify(filtered));
        await vscode.commands.executeCommand('secDrafting.showCommentsOnAllClauses');
      } finally {
        await settings.update('compareTo', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(workspaceUri('current-code'), { recursive: true });
      }
      await pollUntil(() => hoverText(g8, clausePosition(vscode.window.activeTextEditor!.document, 'G8.41')), t => !/changed since/.test(t), 'the comparison ended');
    });
  });
}
