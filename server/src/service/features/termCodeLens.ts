// "N uses of Supplier Party" above each definition; clicking it lists the uses (the server's
// showLocations command, which VS Code shows as a references peek).
import type { CodeLens } from 'vscode-languageserver-types';
import { showLocationsCommand } from './serverCommands';
import type { DocumentModel, LegalModel } from '../model/document';
import { definitionsOf } from '../model/definitions';
import { type TermIndex, docUses, isUse, termIndex, wordRange, wordsOf } from '../model/terms';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Range } from '../types';
import { DerivedKey } from '../cache';

export function termCodeLenses(model: DocumentModel, workspace: WorkspaceIndex): CodeLens[] {
  if (model.kind !== 'legal') return [];
  const index = termIndex(workspace);
  const sites = definitionsOf(model);
  if (sites.length === 0) return [];
  const { models, places } = usesByTerm(workspace, index);
  // The locations of the uses of this document's terms only, made from the shared index of uses.
  const locations = new Map<number, { uri: string; range: Range }[]>();
  const locationsOf = (id: number) => {
    let list = locations.get(id);
    if (!list) {
      list = [];
      const at = places.get(id) ?? [];
      for (let p = 0; p < at.length; p += 2) {
        const m = models[at[p]];
        const uses = docUses(m, index);
        list.push({ uri: m.uri, range: wordRange(wordsOf(m), uses.from[at[p + 1]], uses.to[at[p + 1]]) });
      }
      locations.set(id, list);
    }
    return list;
  };
  return sites.flatMap(site => {
    const n = index.numberOf.get(site.key);
    if (n === undefined) return [];
    const found = locationsOf(index.idOfNumber[n]);
    const what = `use${found.length === 1 ? '' : 's'} of ${site.term}`;
    const title = `${found.length} ${what}`;
    return [{ range: site.range, command: showLocationsCommand(title, model.uri, site.range.start, found.slice(), what) }];
  });
}

/** Where each term is used: (document, use) pairs by term id, in document then text order. */
interface UsesByTerm {
  models: readonly LegalModel[];
  places: Map<number, number[]>;
}

const USES_BY_TERM = new DerivedKey<UsesByTerm>('features.termLensUses');

/**
 * One pass over every legal document's uses, shared by every document's lenses (each used to
 * read every document's uses for its own terms); made again when legal text changes (and with
 * it the term index).
 */
function usesByTerm(workspace: WorkspaceIndex, index: TermIndex): UsesByTerm {
  return workspace.derived(USES_BY_TERM, () => {
    const models = workspace.legalModels();
    const places = new Map<number, number[]>();
    models.forEach((m, i) => {
      const uses = docUses(m, index);
      for (let k = 0; k < uses.count; k++) {
        if (!isUse(uses, k)) continue;
        const list = places.get(uses.term[k]);
        if (list) list.push(i, k);
        else places.set(uses.term[k], [i, k]);
      }
    });
    return { models, places };
  }, ['legal']);
}
