// Apply the certain fixes of a file's diagnostics (optionally of one code) to its text, as
// "fix all" in the editor and `secdraft check --fix` do.
import { TextDocument } from 'vscode-languageserver-textdocument';
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
