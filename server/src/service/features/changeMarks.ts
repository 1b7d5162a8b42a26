// Changed clauses in the editor: hovering a changed clause's number shows the baseline wording
// beside the new as a word diff, and the outline says how each clause changed.
import type { DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { LegalModel } from '../model/document';
import { clauseAtLine } from '../model/structure';
import { type ClauseChange, type ChangeSet, type DiffPart, describeChange } from './changes';
import { escapeMarkdown, type FeatureContext } from './context';
import { rangeContains } from '../text/lines';

/** A word diff as Markdown: removed words struck through, added words in bold; every word escaped. */
export function diffMarkdown(parts: readonly DiffPart[]): string {
  return parts.map((p, i) => {
    const text = escapeMarkdown(p.text.trim());
    if (p.kind === 'same' || !text) return escapeMarkdown(p.text);
    // "~~ten~~ **twenty**": a replaced word and its replacement stand apart.
    const before = /^\s/.test(p.text) || (p.kind === 'added' && parts[i - 1]?.kind === 'removed') ? ' ' : '';
    return `${before}${p.kind === 'added' ? `**${text}**` : `~~${text}~~`}${/\s$/.test(p.text) ? ' ' : ''}`;
  }).join('');
}

export function changeMarkdown(change: ClauseChange, baselineName: string): string {
  const since = baselineName ? ` since ${escapeMarkdown(baselineName)}` : '';
  const title = `**${change.id}** ${describeChange(change)}${since}`; // clause numbers and plain words only
  if (change.status === 'added') return `${title}: a new clause.`;
  if (!change.diff) return `${title}: same words.`;
  return [`${title} (struck through: the baseline's words; bold: the new ones)`, '', diffMarkdown(change.diff), '', `_Baseline:_ ${escapeMarkdown(change.baseline!.text)}`].join('\n');
}

/** The hover part for the number of a clause the modification touched, if the position is on one. */
export function changeHover(ctx: FeatureContext, changes: ChangeSet | undefined, baselineName: string): Hover | null {
  if (!changes || ctx.model.kind !== 'legal') return null;
  const clause = clauseAtLine(ctx.model.structure, ctx.position.line);
  if (!clause || !rangeContains(clause.idRange, ctx.position)) return null;
  const change = changes.byClause.get(clause);
  if (!change || change.status === 'unchanged') return null;
  return { contents: { kind: 'markdown', value: changeMarkdown(change, baselineName) }, range: clause.idRange };
}

/** Join the change hover above the other hovers of the same place. */
export function withChangeHover(hover: Hover | null, change: Hover | null): Hover | null {
  if (!change) return hover;
  if (!hover) return change;
  const value = (h: Hover) => (typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  return { contents: { kind: 'markdown', value: `${value(change)}\n\n---\n\n${value(hover)}` }, range: hover.range ?? change.range };
}

/** The outline's clause entries say how the clause changed ("G8.41 — Heading · changed"). */
export function markChangedSymbols(symbols: DocumentSymbol[], model: LegalModel, changes: ChangeSet | undefined): DocumentSymbol[] {
  if (!changes) return symbols;
  const mark = (s: DocumentSymbol): DocumentSymbol => {
    const clause = s.kind === SymbolKind.Class ? clauseAtLine(model.structure, s.selectionRange.start.line) : undefined;
    const change = clause ? changes.byClause.get(clause) : undefined;
    const detail = change && change.status !== 'unchanged' ? `${s.detail ?? ''} · ${describeChange(change)}`.replace(/^ · /, '') : s.detail;
    return { ...s, ...(detail !== undefined ? { detail } : {}), ...(s.children ? { children: s.children.map(mark) } : {}) };
  };
  return symbols.map(mark);
}
