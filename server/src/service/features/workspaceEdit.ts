// The core's edits (SecTextEdit) as one LSP WorkspaceEdit, for quick fixes and renumbering alike.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { SecTextEdit } from '../types';

/** Each file's edits in document order; a file that may not exist yet is created first (ignored if it does). */
export function toWorkspaceEdit(edits: readonly SecTextEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  for (const list of Object.values(changes)) list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const create = [...new Set(edits.filter(e => e.createIfMissing).map(e => e.uri))];
  if (create.length === 0) return { changes };
  return {
    documentChanges: [
      ...create.map(uri => ({ kind: 'create' as const, uri, options: { ignoreIfExists: true } })),
      ...Object.entries(changes).map(([uri, list]) => ({ textDocument: { uri, version: null }, edits: list })),
    ],
  };
}
