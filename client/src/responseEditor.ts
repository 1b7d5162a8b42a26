// A response of several paragraphs: VS Code's input box holds one line, so the response is
// written in an untitled editor beside the text and recorded when the drafter says so. The
// editor is closed without a save prompt afterwards; nothing is written until "Record".
import * as vscode from 'vscode';
import { responseFromDraft, RESPONSE_DRAFT_HEADER } from './responseDraft';

/** The response written by the drafter, or undefined when cancelled or left empty. */
export async function askResponseInEditor(who: string): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${RESPONSE_DRAFT_HEADER(who)}\n` });
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  editor.selection = new vscode.Selection(document.lineCount, 0, document.lineCount, 0);
  const choice = await vscode.window.showInformationMessage(
    `SEC Drafting: write the response${who} in the editor beside (several lines allowed), then choose Record.`,
    'Record', 'Cancel');
  const text = responseFromDraft(document.getText());
  // Close the draft without "Save changes?": revert it first.
  if (!document.isClosed) {
    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  if (choice !== 'Record') return undefined;
  if (!text) void vscode.window.showWarningMessage('SEC Drafting: the response was empty; nothing recorded.');
  return text || undefined;
}
