// "N uses" above each definition; clicking it lists the uses (editor.action.showReferences).
import type { CodeLens } from 'vscode-languageserver-types';
import type { DocumentModel } from '../model/document';
import { definitionsOf } from '../model/definitions';
import { termIndex, workspaceTermUses } from '../model/terms';
import type { WorkspaceIndex } from '../workspaceIndex';

export function termCodeLenses(model: DocumentModel, workspace: WorkspaceIndex): CodeLens[] {
  if (model.kind !== 'legal') return [];
  const index = termIndex(workspace);
  const uses = workspaceTermUses(workspace);
  return definitionsOf(model).flatMap(site => {
    const n = index.numberOf.get(site.key);
    if (n === undefined) return [];
    const locations = (uses.get(n) ?? []).map(u => ({ uri: u.uri, range: u.range }));
    const title = `${locations.length} use${locations.length === 1 ? '' : 's'}`;
    return [{ range: site.range, command: { title, command: 'editor.action.showReferences', arguments: [model.uri, site.range.start, locations] } }];
  });
}
