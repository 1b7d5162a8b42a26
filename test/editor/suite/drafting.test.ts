// Drafting checks as the drafter meets them: a finding in the Problems list, its quick fix
// applied through a WorkspaceEdit, the finding gone afterwards.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { clausePosition, codeOf, openInEditor, pollUntil, revert, sectionG8, waitForCode, waitForDiagnostics, workspaceUri } from './helpers';

/**
 * The quick fixes VS Code offers for a diagnostic (the lightbulb's list). The command's results
 * do not carry their diagnostics, so a fix is one whose edit touches the diagnostic's range.
 * VS Code cancels a code action request whenever any code action provider is registered or
 * removed meanwhile, answering "Canceled" or nothing: ask again, as the lightbulb does on its
 * next trigger, until the fixes come (or WAIT_MS, when none is ever offered).
 */
async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const answer = await pollUntil(async () => {
    let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
    try {
      actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    } catch (error) {
      if ((error as Error)?.name !== 'Canceled' && (error as Error)?.message !== 'Canceled') throw error;
    }
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string')
      .filter(a => a.edit?.get(uri).some(edit => edit.range.intersection(diagnostic.range) !== undefined));
    return { fixes, offered: (actions ?? []).map(a => a.title) };
  }, ({ fixes }) => fixes.length > 0, `a quick fix with an edit for '${codeOf(diagnostic)}' on line ${diagnostic.range.start.line + 1}`);
  return answer.fixes;
}

/** The fix to apply: the preferred one, else the first. */
function preferred(fixes: vscode.CodeAction[]): vscode.CodeAction {
  const fix = fixes.find(f => f.isPreferred) ?? fixes[0];
  assert.ok(fix?.edit, 'no quick fix with an edit was offered');
  return fix;
}

export function draftingTests(): void {
  suite('Drafting checks and quick fixes', () => {
    suiteTeardown(() => revert(sectionG8()));

    test('the double space E.ON found in G8.44C is a warning on exactly those spaces', async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const line = clausePosition(document, 'G8.44C').line;
      const all = await waitForCode(uri, 'double-space');
      const found = all.filter(d => codeOf(d) === 'double-space' && d.range.start.line === line);
      assert.equal(found.length, 1, `double-space findings on G8.44C: ${found.length}`);
      assert.equal(found[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(found[0].source, 'sec');
      assert.match(document.getText(found[0].range), /^ {2,}$/);
    });

    // VS Code cancels every code action request in flight when any extension registers a code
    // action provider, for any language; the cancelled request answers "Canceled" or an empty
    // list (the editor suite failed now and then with "no quick fix with an edit was offered",
    // while extensions were still activating). Here one registers mid-request, every time.
    test('its quick fix is offered even when another extension registers a code action provider meanwhile', async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const line = clausePosition(document, 'G8.44C').line;
      const diagnostic = (await waitForCode(uri, 'double-space')).find(d => codeOf(d) === 'double-space' && d.range.start.line === line);
      assert.ok(diagnostic, 'no double-space finding on G8.44C');
      const asked = quickFixesFor(uri, diagnostic);
      const other = vscode.languages.registerCodeActionsProvider({ language: 'sec-editor-test-other' }, { provideCodeActions: () => [] });
      try {
        assert.match(preferred(await asked).title, /single space/i);
      } finally {
        other.dispose();
      }
    });

    test('its quick fix leaves one space, and the warning goes', async () => {
      const uri = sectionG8();
      const { document } = await openInEditor(uri);
      const line = clausePosition(document, 'G8.44C').line;
      const diagnostic = (await waitForCode(uri, 'double-space')).find(d => codeOf(d) === 'double-space' && d.range.start.line === line);
      assert.ok(diagnostic, 'no double-space finding on G8.44C');
      const fix = preferred(await quickFixesFor(uri, diagnostic));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), `VS Code refused the edit of "${fix.title}"`);
      assert.match(document.lineAt(line).text, /Verification User Security Assessment/);
      await waitForDiagnostics(uri, ds => !ds.some(d => codeOf(d) === 'double-space' && d.range.start.line === line),
        'the double-space finding to go after the fix');
    });

    test('typography: a repeated word and a space before punctuation are found; the fix deletes the repeat', async () => {
      const uri = workspaceUri('typography-scratch.sec.txt');
      const text = 'Z9 SCRATCH PART\n\nZ9.1 Each Party shall notify the the Panel of any change ;\n';
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      try {
        const { document } = await openInEditor(uri);
        const found = await waitForDiagnostics(uri,
          ds => ds.some(d => codeOf(d) === 'repeated-word') && ds.some(d => codeOf(d) === 'space-before-punctuation'),
          "'repeated-word' and 'space-before-punctuation'");
        const repeated = found.find(d => codeOf(d) === 'repeated-word')!;
        assert.equal(repeated.range.start.line, 2);
        assert.ok(await vscode.workspace.applyEdit(preferred(await quickFixesFor(uri, repeated)).edit!));
        assert.match(document.lineAt(2).text, /notify the Panel/);
        await waitForDiagnostics(uri, ds => !ds.some(d => codeOf(d) === 'repeated-word'), "the 'repeated-word' finding to go");
      } finally {
        await revert(uri);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await vscode.workspace.fs.delete(uri);
      }
    });
  });
}
