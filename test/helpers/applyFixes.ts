// Apply the certain fixes of a file's diagnostics (optionally of one code) to its text, as
// "fix all" in the editor and `secdraft check --fix` do.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { SecLanguageService } from '../../server/src/service';
import { certainEdits } from '../../server/src/service/features/codeActions';
import { uriOf } from './fixtures';
import { workspaceIndexOf } from './workspaceIndexOf';

export function applyFixes(service: SecLanguageService, name: string, code?: string): string {
  const uri = uriOf(name);
  const model = workspaceIndexOf(service).model(uri)!;
  const diagnostics = service.getDiagnostics(uri).filter(d => !code || d.code === code);
  const doc = TextDocument.create(uri, 'sec', 1, model.text);
  return TextDocument.applyEdits(doc, certainEdits(diagnostics).filter(e => e.uri === uri));
}

/**
 * Every file's text after an LSP WorkspaceEdit, whether written as `changes` or as
 * `documentChanges` (a created file starts empty). `texts` maps file names to their text now.
 */
export function applyWorkspaceEdit(texts: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const out = { ...texts };
  const nameOf = (uri: string) => uri.replace(/^file:\/\/\/ws\//, '');
  const apply = (uri: string, edits: TextEdit[]) => {
    const name = nameOf(uri);
    out[name] = TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, out[name] ?? ''), edits);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') out[nameOf(change.uri)] ??= '';
      continue;
    }
    apply(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
  }
  return out;
}
