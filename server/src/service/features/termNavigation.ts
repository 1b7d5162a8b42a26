// Defined terms in the editor: go to definition, find references, document highlights and
// rename across the workspace (definition sites, plurals and possessives included).
import { DocumentHighlightKind, type DocumentHighlight, type Location, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { LegalModel } from '../model/document';
import type { DefinitionSite } from '../model/definitions';
import { type TermIndex, termAt, termIndex, usesOfTerm, pluralise, singularise } from '../model/terms';
import type { FeatureContext } from './context';

export interface TermHit {
  model: LegalModel;
  index: TermIndex;
  /** Number of the term in index.terms. */
  term: number;
  /** The words under the cursor. */
  range: Range;
}

/** The defined term under the cursor (a use or a definition site), in a legal document. */
export function termHit(ctx: FeatureContext): TermHit | undefined {
  if (ctx.model.kind !== 'legal') return undefined;
  const index = termIndex(ctx.workspace);
  const hit = termAt(ctx.model, index, ctx.position.line, ctx.position.character);
  return hit ? { model: ctx.model, index, term: hit.term, range: hit.range } : undefined;
}

/** A term's sites, the ones that carry its meaning first and pointer rows last. */
export function sitesOf(index: TermIndex, term: number): DefinitionSite[] {
  const sites = index.terms[term].sites;
  return [...sites.filter(s => s.form !== 'table-pointer'), ...sites.filter(s => s.form === 'table-pointer')];
}

export function termDefinition(ctx: FeatureContext): Location[] | undefined {
  const hit = termHit(ctx);
  return hit ? sitesOf(hit.index, hit.term).map(s => ({ uri: s.uri, range: s.range })) : undefined;
}

export function termReferences(ctx: FeatureContext, includeDeclaration: boolean): Location[] | undefined {
  const hit = termHit(ctx);
  if (!hit) return undefined;
  const uses = usesOfTerm(ctx.workspace, hit.term).map(u => ({ uri: u.uri, range: u.range }));
  return includeDeclaration ? [...hit.index.terms[hit.term].sites.map(s => ({ uri: s.uri, range: s.range })), ...uses] : uses;
}

export function termHighlights(ctx: FeatureContext): DocumentHighlight[] {
  const hit = termHit(ctx);
  if (!hit) return [];
  const sites = hit.index.terms[hit.term].sites.filter(s => s.uri === ctx.uri).map(s => ({ range: s.range, kind: DocumentHighlightKind.Write }));
  const uses = usesOfTerm(ctx.workspace, hit.term).filter(u => u.uri === ctx.uri).map(u => ({ range: u.range, kind: DocumentHighlightKind.Read }));
  return [...sites, ...uses];
}

export function termPrepareRename(ctx: FeatureContext): { range: Range; placeholder: string } | undefined {
  const hit = termHit(ctx);
  return hit ? { range: hit.range, placeholder: hit.index.terms[hit.term].term } : undefined;
}

/** Rename a term everywhere: its definition sites, and each use in the same plural and possessive form. */
export function termRename(ctx: FeatureContext, newName: string): WorkspaceEdit | undefined {
  const hit = termHit(ctx);
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!hit || name === '') return undefined;
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range, newText: string) => (changes[uri] ??= []).push({ range, newText });
  for (const s of hit.index.terms[hit.term].sites) add(s.uri, s.range, name);
  for (const u of usesOfTerm(ctx.workspace, hit.term)) add(u.uri, u.range, (u.plural ? pluralise(name) : u.singular ? singularise(name) : name) + u.possessive);
  return { changes };
}
