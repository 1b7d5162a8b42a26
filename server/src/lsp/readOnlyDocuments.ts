// A Word document read as legal text is read-only, and has no lines of its own:
// - its text in the core is extracted, so an edit to it (a rename, a renumbering) would write
//   Markdown over the .docx: such edits are dropped from the server's workspace edits (the rest
//   of the edit still applies);
// - its findings' lines are those of the converted text, which the drafter does not see in
//   Word: the published message starts with the clause, which the drafter can find there.
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { SecDiagnostic } from '../service';
import { isOriginal } from '../io/extract';

export function isReadOnlyDocument(uri: string): boolean {
  return isOriginal(uri.replace(/[?#].*$/, ''));
}

/** The edit without its changes to read-only documents (null and edits without such changes pass as they are). */
export function withoutReadOnlyEdits<T extends WorkspaceEdit | null | undefined>(edit: T): T {
  if (!edit) return edit;
  const changes = edit.changes && Object.keys(edit.changes).some(isReadOnlyDocument)
    ? Object.fromEntries(Object.entries(edit.changes).filter(([uri]) => !isReadOnlyDocument(uri)))
    : edit.changes;
  const documentChanges = edit.documentChanges?.filter(c => !('textDocument' in c) || !isReadOnlyDocument(c.textDocument.uri));
  return { ...edit, ...(changes ? { changes } : {}), ...(documentChanges ? { documentChanges } : {}) };
}

/** In a Word document, "G8.40: message" (where the drafter can find it); elsewhere the finding as it is. */
export function withClauseInWord(uri: string, d: SecDiagnostic): SecDiagnostic {
  return d.clause && isReadOnlyDocument(uri) && !d.message.startsWith(`${d.clause}: `) ? { ...d, message: `${d.clause}: ${d.message}` } : d;
}
