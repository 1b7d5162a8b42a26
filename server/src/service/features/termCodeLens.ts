// "N uses of Supplier Party" above each definition; clicking it lists the uses (the server's
// showLocations command, which VS Code shows as a references peek).
import type { CodeLens } from 'vscode-languageserver-types';
import { showLocationsCommand } from './serverCommands';
import type { DocumentModel, LegalModel } from '../model/document';
import { definitionsOf } from '../model/definitions';
import { type DocUses, type TermIndex, docUses, isUse, termIndex, wordRange, wordsOf } from '../model/terms';
import type { Words } from '../model/termWords';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Range } from '../types';
import { DerivedKey } from '../cache';

export function termCodeLenses(model: DocumentModel, workspace: WorkspaceIndex): CodeLens[] {
  if (model.kind !== 'legal') return [];
  const index = termIndex(workspace);
  const sites = definitionsOf(model);
  if (sites.length === 0) return [];
  const { models, start, places } = usesByTerm(workspace, index);
  // Each document's uses and words, looked up once for all its places (not once per use).
  const readings: { uses: DocUses; words: Words }[] = [];
  const readingOf = (i: number) => (readings[i] ??= { uses: docUses(models[i], index), words: wordsOf(models[i]) });
  /** The locations of the uses of term number n, made from the shared index of uses. */
  const locationsOf = (n: number) => {
    const list: { uri: string; range: Range }[] = [];
    for (let p = 2 * start[n]; p < 2 * start[n + 1]; p += 2) {
      const { uses, words } = readingOf(places[p]);
      list.push({ uri: models[places[p]].uri, range: wordRange(words, uses.from[places[p + 1]], uses.to[places[p + 1]]) });
    }
    return list;
  };
  return sites.flatMap(site => {
    const n = index.numberOf.get(site.key);
    if (n === undefined) return [];
    const found = locationsOf(n);
    const what = `use${found.length === 1 ? '' : 's'} of ${site.term}`;
    const title = `${found.length} ${what}`;
    return [{ range: site.range, command: showLocationsCommand(title, model.uri, site.range.start, found, what) }];
  });
}

/**
 * Where each term is used, by term number: term n's (document, use) pairs are
 * `places[2 * start[n] …  2 * start[n + 1])`, in document then text order. Two counting passes
 * over typed arrays, no list per term.
 */
interface UsesByTerm {
  models: readonly LegalModel[];
  start: Int32Array;
  places: Int32Array;
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
    const start = new Int32Array(index.terms.length + 1);
    const numberAt = (uses: DocUses, k: number) => (isUse(uses, k) ? index.numberOfId[uses.term[k]] ?? -1 : -1);
    for (const m of models) {
      const uses = docUses(m, index);
      for (let k = 0; k < uses.count; k++) {
        const n = numberAt(uses, k);
        if (n >= 0) start[n + 1]++;
      }
    }
    for (let n = 0; n < index.terms.length; n++) start[n + 1] += start[n];
    const next = start.slice(0, index.terms.length);
    const places = new Int32Array(2 * start[index.terms.length]);
    models.forEach((m, i) => {
      const uses = docUses(m, index);
      for (let k = 0; k < uses.count; k++) {
        const n = numberAt(uses, k);
        if (n < 0) continue;
        const p = 2 * next[n]++;
        places[p] = i;
        places[p + 1] = k;
      }
    });
    return { models, start, places };
  }, ['legal']);
}
