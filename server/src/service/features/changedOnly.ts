// `--changed-only` (and the secDrafting.changedOnly setting): of a legal document's findings,
// keep those in clauses the modification added or whose words it changed, those on the number
// of a clause it renumbered, and those a change
// causes elsewhere — a reference to a clause number that moved or went, a term whose
// definition changed, a statement inconsistent with one in a changed clause (its related
// places). Findings of collations and file problems are always kept.
import type { SecDiagnostic } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { clauseAtLine } from '../model/structure';
import { termKey } from '../model/definitions';
import { rangeContains } from '../text/lines';
import { type ChangeSet, isTouched, lineWords } from './changes';

const CLAUSE_ID_RE = /^[A-Z]{1,2}\d{1,3}(?:\.\d{1,5}[A-Z]{0,2})?/;

/**
 * Whether a place (uri, 0-based line) lies in a clause the modification touched — but not on a
 * row of a definitions table that it left as it was: adding one definition to A1.1 does not
 * make the drafter answer for every other row.
 */
function inTouchedClause(workspace: WorkspaceIndex, changes: ChangeSet, uri: string, line: number): boolean {
  const model = workspace.model(uri);
  if (model?.kind !== 'legal') return false;
  const clause = clauseAtLine(model.structure, line);
  const change = clause ? changes.byClause.get(clause) : undefined;
  if (!clause || !isTouched(change)) return false;
  const kind = model.structure.kinds[line];
  if ((kind === 'table-row' || kind === 'definition-row') && change?.baseline) {
    const words = lineWords(model, clause, line);
    if (words && change.baseline.text.includes(words)) return false;
  }
  return true;
}

/** The clause numbers a finding's data names (a reference's target, a comment's clause, the clauses a statement cites). */
function namedClauses(data: Record<string, unknown> | undefined): string[] {
  if (!data) return [];
  const ids: string[] = [];
  // `expected`: the number a numbering finding expected, often one the modification moved.
  for (const value of [data.target, data.clause, data.expected, ...(Array.isArray(data.cited) ? data.cited : [])]) {
    const id = typeof value === 'string' ? CLAUSE_ID_RE.exec(value)?.[0] : undefined;
    if (id) ids.push(id);
  }
  return ids;
}

/** A term as used may be a plural or a possessive of the defined one. */
function termKeys(term: string): string[] {
  const key = termKey(term);
  return [key, key.replace(/'s?$/, ''), key.replace(/s$/, ''), key.replace(/ies$/, 'y')];
}

/** Whether a finding outside the touched clauses is one the change causes. */
export function causedByChange(d: SecDiagnostic, workspace: WorkspaceIndex, changes: ChangeSet): boolean {
  if (namedClauses(d.data).some(id => changes.affectedIds.has(id))) return true;
  const term = d.data?.term;
  if (typeof term === 'string' && termKeys(term).some(k => changes.changedTerms.has(k))) return true;
  return (d.related ?? []).some(r => inTouchedClause(workspace, changes, r.uri, r.range.start.line));
}

/** A finding on the number of a clause the modification renumbered (its words unchanged). */
function onMovedNumber(workspace: WorkspaceIndex, changes: ChangeSet, uri: string, d: SecDiagnostic): boolean {
  const model = workspace.model(uri);
  const clause = model?.kind === 'legal' ? clauseAtLine(model.structure, d.range.start.line) : undefined;
  return clause !== undefined && changes.byClause.get(clause)?.status === 'renumbered' && rangeContains(clause.idRange, d.range.start);
}

/** The findings of one document that `--changed-only` reports. */
export function changedOnly(diagnostics: readonly SecDiagnostic[], uri: string, workspace: WorkspaceIndex, changes: ChangeSet): SecDiagnostic[] {
  const model = workspace.model(uri);
  if (model?.kind !== 'legal') return [...diagnostics];
  return diagnostics.filter(d => d.code === 'file-error'
    || inTouchedClause(workspace, changes, uri, d.range.start.line)
    || onMovedNumber(workspace, changes, uri, d)
    || causedByChange(d, workspace, changes));
}
