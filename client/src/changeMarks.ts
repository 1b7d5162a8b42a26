// Which lines of a legal document to mark as changed by the modification, decided from the
// server's `sec/changes` answer alone (no vscode import, so it is unit-tested in memory): one
// span per changed clause in this document, by kind (added, changed, renumbered); deleted
// clauses have no lines now and are not marked (issue 21).
import type { SecChangedClause, SecChangesResult } from '../../server/src/lsp/protocol';

export type MarkKind = 'added' | 'changed' | 'renumbered';
export const MARK_KINDS: readonly MarkKind[] = ['added', 'changed', 'renumbered'];

export interface LineSpan {
  /** First and last line of the clause (0-based, inclusive). */
  first: number;
  last: number;
  id: string;
  description: string;
}

export type MarkPlan = Record<MarkKind, LineSpan[]>;

/** The same document whichever side spelt its URI (`c%3A` or `c:`, `%20` or a space). */
export function sameUri(a: string, b: string): boolean {
  return a === b || normalUri(a) === normalUri(b);
}

function normalUri(uri: string): string {
  let plain = uri;
  try { plain = decodeURIComponent(uri); } catch { /* a malformed escape: compare as written */ }
  return plain.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}

function isMarked(c: SecChangedClause): c is SecChangedClause & { status: MarkKind; uri: string; line: number } {
  return c.status !== 'deleted' && c.uri !== undefined && c.line !== undefined;
}

/** The marks one document gets; empty lists when there is no baseline or nothing changed there. */
export function planMarks(result: SecChangesResult | undefined, uri: string): MarkPlan {
  const plan: MarkPlan = { added: [], changed: [], renumbered: [] };
  for (const c of result?.clauses ?? []) {
    if (!isMarked(c) || !sameUri(c.uri, uri)) continue;
    plan[c.status].push({ first: c.line, last: Math.max(c.line, c.lastLine ?? c.line), id: c.id, description: c.description });
  }
  for (const kind of MARK_KINDS) plan[kind].sort((a, b) => a.first - b.first);
  return plan;
}

/** The documents with at least one mark, so a client can clear the marks of the others. */
export function markedUris(result: SecChangesResult | undefined): string[] {
  return [...new Set((result?.clauses ?? []).filter(isMarked).map(c => c.uri))];
}
