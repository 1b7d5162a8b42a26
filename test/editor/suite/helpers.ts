// Shared steps for the editor scenarios. Everything goes through VS Code's public API, as
// another extension (or a drafter) would see the SEC Drafting extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sec-drafting.sec-drafting';

/** Generous: two shared cores, and the first request waits for the server to index. */
export const WAIT_MS = Number(process.env.SEC_EDITOR_WAIT_MS) || 90_000;

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor tests need the example workspace open as a folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The example Section G8 (the SECMP0059 changes) and the consultation collation beside it. */
export const sectionG8 = (): vscode.Uri => workspaceUri('secmp0059', 'section-g8.sec.txt');

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Position of the first occurrence of `text` in the document (offset inside it optional). */
export function positionOf(doc: vscode.TextDocument, text: string, offsetInside = 0): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + offsetInside);
}

/** Position of a clause number at the start of its line, e.g. "G8.41". */
export function clausePosition(doc: vscode.TextDocument, clauseId: string): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (text.startsWith(clauseId + ' ')) return new vscode.Position(line, 1);
  }
  assert.fail(`clause ${clauseId} not found at a line start in ${doc.uri.path}`);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/**
 * Resolves with the uri's diagnostics once `accept` holds, re-checking on every
 * onDidChangeDiagnostics event; rejects after WAIT_MS with what was there.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return false;
      finish();
      resolve(ds);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(d => `${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`);
      reject(new Error(`timed out waiting for ${what} in ${uri.path}; diagnostics: ${JSON.stringify(seen)}`));
    }, WAIT_MS);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until the server has published diagnostics carrying `code` for the uri. */
export function waitForCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, ds => ds.some(d => codeOf(d) === code), `a '${code}' diagnostic`);
}

function hoverContentsText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/**
 * The hover text at a position, re-asked until `expected` matches. No event tells when the
 * server has indexed the workspace, so this is a bounded poll of the condition.
 */
export async function hoverTextMatching(uri: vscode.Uri, position: vscode.Position, expected: RegExp): Promise<string> {
  return pollUntil(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return hoverContentsText(hovers ?? []);
  }, text => expected.test(text), `a hover matching ${expected}`);
}

/** Re-runs `get` every 250 ms until `accept` holds; fails after WAIT_MS with the last value. */
export async function pollUntil<T>(get: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: T = await get();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise(resolve => setTimeout(resolve, 250));
    last = await get();
  }
  return last;
}

/** Undo every unsaved change to the document, so each scenario starts from the file on disk. */
export async function revert(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** What the SEC Consultation view lists and shows, from the extension's test API. */
export interface ViewCounts { listed: number; shown: number; filter: { unansweredOnly: boolean; changedOnly: boolean } }

export async function consultationViewCounts(): Promise<ViewCounts> {
  const extension = vscode.extensions.getExtension<{ consultationViewCounts(): ViewCounts }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api.consultationViewCounts();
}
