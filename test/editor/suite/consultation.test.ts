// Consultation responses where the drafter works: the hover on a clause shows who commented
// and what they said, a code lens counts the comments, and a view lists them.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, clausePosition, hoverTextMatching, openInEditor, pollUntil, sectionG8 } from './helpers';

/** Hover markdown as a reader sees it: escapes and entities undone, whitespace collapsed. */
export function readable(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~'"])/g, '$1')
    .replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export function consultationTests(): void {
  suite('Consultation comments on clauses', () => {
    test('hovering G8.41 shows E.ON (Large Supplier) asking about the multiplication by five', async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const text = readable(await hoverTextMatching(uri, clausePosition(document, 'G8.41'), /E\\?\.ON/));
      assert.match(text, /E\.ON/);
      assert.match(text, /Large Supplier/);
      assert.match(text, /multiple the number of Non-Domestic Premises by five/);
    });

    test("hovering G8.44C shows E.ON's note of the double space", async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const text = readable(await hoverTextMatching(uri, clausePosition(document, 'G8.44C'), /E\\?\.ON/));
      assert.match(text, /double space/);
    });

    test('a code lens above G8.41 counts its consultation comments', async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const line = clausePosition(document, 'G8.41').line;
      const titles = await pollUntil(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 50);
        return (lenses ?? []).filter(l => l.range.start.line === line).map(l => l.command?.title ?? '');
      }, ts => ts.some(t => /\d+ .*comment/i.test(t)), 'a code lens counting comments on G8.41');
      assert.ok(titles.some(t => /\d+ .*comment/i.test(t)), JSON.stringify(titles));
    });

    test('the extension contributes a consultation comments view, and it opens', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension);
      const views = Object.values<{ id: string; name: string }[]>(extension.packageJSON.contributes?.views ?? {}).flat();
      const view = views.find(v => /consult|comment/i.test(`${v.id} ${v.name}`));
      assert.ok(view, `no consultation comments view among ${JSON.stringify(views.map(v => v.id))}`);
      await vscode.commands.executeCommand(`${view.id}.focus`);
      // Its regrouping commands are contributed and run (the tree itself is only visible in the
      // UI: test/editor/uiChecks.js reads its rows).
      const commands = (extension.packageJSON.contributes?.commands ?? []) as { command: string }[];
      const regroup = commands.map(c => c.command).filter(c => /group.*comment|comment.*group/i.test(c));
      for (const command of regroup) await vscode.commands.executeCommand(command);
    });
  });
}
