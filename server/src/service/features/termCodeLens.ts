// "N uses of Supplier Party" above each definition; clicking it lists the uses (the server's
// showLocations command, which VS Code shows as a references peek).
import type { CodeLens } from 'vscode-languageserver-types';
import { showLocationsCommand } from './serverCommands';
import type { DocumentModel } from '../model/document';
import { definitionsOf } from '../model/definitions';
import { docUses, isUse, termIndex, wordRange, wordsOf } from '../model/terms';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Range } from '../types';
import type { Words } from '../model/termWords';

export function termCodeLenses(model: DocumentModel, workspace: WorkspaceIndex): CodeLens[] {
  if (model.kind !== 'legal') return [];
  const index = termIndex(workspace);
  const sites = definitionsOf(model);
  if (sites.length === 0) return [];
  // The locations of the uses of this document's terms only, read from each document's compact uses.
  const locations = new Map<number, { uri: string; range: Range }[]>();
  for (const site of sites) {
    const n = index.numberOf.get(site.key);
    if (n !== undefined) locations.set(index.idOfNumber[n], []);
  }
  for (const m of workspace.legalModels()) {
    const uses = docUses(m, index);
    let words: Words | undefined;
    for (let k = 0; k < uses.count; k++) {
      const list = isUse(uses, k) ? locations.get(uses.term[k]) : undefined;
      if (list) list.push({ uri: m.uri, range: wordRange((words ??= wordsOf(m)), uses.from[k], uses.to[k]) });
    }
  }
  return sites.flatMap(site => {
    const n = index.numberOf.get(site.key);
    if (n === undefined) return [];
    const found = locations.get(index.idOfNumber[n])!;
    const what = `use${found.length === 1 ? '' : 's'} of ${site.term}`;
    const title = `${found.length} ${what}`;
    return [{ range: site.range, command: showLocationsCommand(title, model.uri, site.range.start, found.slice(), what) }];
  });
}
