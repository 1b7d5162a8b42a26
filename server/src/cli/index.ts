// `secdraft index [paths…] [--format json|text] [--config file]`: every clause and every
// definition site in the legal files, as DESIGN.md §5 fixes it (lines 1-based):
//   { "clauses": [ {"id","path","line","heading"} ], "definitions": [ {"term","path","line","text"} ] }
// Exit 0, or 2 when a file could not be read (the others are still indexed).
import type { ClauseEntry, DefinitionEntry } from '../service';
import { loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';

export interface IndexOptions {
  paths: string[];
  format: string;
  config?: string;
}

function asText(clauses: ClauseEntry[], definitions: DefinitionEntry[]): string {
  return [
    ...clauses.map(c => `${c.path}:${c.line}  ${c.id}${c.heading ? `  ${c.heading}` : ''}`),
    ...definitions.map(d => `${d.path}:${d.line}  “${d.term}”`),
    '',
    `${clauses.length} clause${clauses.length === 1 ? '' : 's'}, ${definitions.length} definition${definitions.length === 1 ? '' : 's'}.`,
  ].join('\n');
}

export async function runIndex(options: IndexOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  if (!['json', 'text'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected json or text)`);
  // Word legal text (.docx) too: its clauses and definitions, at the lines of its converted text.
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const clauses: ClauseEntry[] = [];
  const definitions: DefinitionEntry[] = [];
  for (const uri of ws.uris) {
    const entries = ws.service.getIndexEntries(uri, ws.pathOf.get(uri)!);
    if (!entries) continue;
    clauses.push(...entries.clauses);
    definitions.push(...entries.definitions);
  }
  write(options.format === 'json' ? JSON.stringify({ clauses, definitions }, null, 2) : asText(clauses, definitions));
  return ws.problems.length > 0 ? 2 : 0;
}
