// What `secdraft index` lists for one legal document, as DESIGN.md §5 fixes it (lines 1-based):
// its clauses (id, heading) and its definition sites (term, text), each with the path given.
import { definitionsOf } from '../model/definitions';
import type { LegalModel } from '../model/document';

export interface ClauseEntry {
  id: string;
  path: string;
  line: number;
  heading: string | null;
}

export interface DefinitionEntry {
  term: string;
  path: string;
  line: number;
  text: string;
}

export function clauseEntries(model: LegalModel, path: string): ClauseEntry[] {
  return model.structure.clauses.map(c => ({ id: c.id, path, line: c.firstLine + 1, heading: c.heading ?? null }));
}

export function definitionEntries(model: LegalModel, path: string): DefinitionEntry[] {
  return definitionsOf(model).map(d => ({ term: d.term, path, line: d.range.start.line + 1, text: d.text }));
}
