// `secdraft index [paths…] [--format json|text] [--config file]`: every clause and every
// definition site in the legal files, as DESIGN.md §5 fixes it (lines 1-based):
//   { "clauses": [ {"id","path","line","heading"} ], "definitions": [ {"term","path","line","text"} ] }
// Exit 0, or 2 when a file could not be read (the others are still indexed).
import { definitionsOf } from '../service/model/definitions';
import type { LegalModel } from '../service/model/document';
import { loadWorkspace } from './load';
import { UsageError } from './errors';

export interface IndexOptions {
  paths: string[];
  format: string;
  config?: string;
}

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

function asText(clauses: ClauseEntry[], definitions: DefinitionEntry[]): string {
  return [
    ...clauses.map(c => `${c.path}:${c.line}  ${c.id}${c.heading ? `  ${c.heading}` : ''}`),
    ...definitions.map(d => `${d.path}:${d.line}  “${d.term}”`),
    '',
    `${clauses.length} clause${clauses.length === 1 ? '' : 's'}, ${definitions.length} definition${definitions.length === 1 ? '' : 's'}.`,
  ].join('\n');
}

export function runIndex(options: IndexOptions, write: (s: string) => void, writeErr: (s: string) => void): number {
  if (!['json', 'text'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected json or text)`);
  const ws = loadWorkspace(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const clauses: ClauseEntry[] = [];
  const definitions: DefinitionEntry[] = [];
  for (const uri of ws.uris) {
    const model = ws.service.workspace.model(uri);
    if (model?.kind !== 'legal') continue;
    const path = ws.pathOf.get(uri)!;
    clauses.push(...clauseEntries(model, path));
    definitions.push(...definitionEntries(model, path));
  }
  write(options.format === 'json' ? JSON.stringify({ clauses, definitions }, null, 2) : asText(clauses, definitions));
  return ws.problems.length > 0 ? 2 : 0;
}
