// Hover on a threshold ("more than 250,000 Domestic Premises") or a formula: every statement of
// it across the workspace, with its clause, in one table, so the drafter sees the whole picture.
import type { Threshold, Equation, WorkspaceThresholds } from '../model/thresholds';
import { compareStatements, statementsOf, thresholdsOf, workspaceThresholds } from '../model/thresholds';
import { formatGrouped } from '../model/numbers';
import { baseName } from '../model/classify';
import { rangeContains } from '../text/lines';
import { citedClauses, thresholdReferencesOf } from '../model/thresholdReferences';
import { escapeMarkdown, type FeatureContext } from './context';
import type { HoverPart } from './hover';

const TEST: Record<Threshold['comparison'], string> = { gt: '>', ge: '≥', lt: '<', le: '≤' };

function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

function place(s: { uri: string; clause?: string; line: number }): string {
  return `${s.clause ?? '—'} | ${cell(baseName(s.uri))}:${s.line + 1}`;
}

/** "not:non-domestic premises" → "no non-domestic premises"; "both:a+b" → "both a and b". */
function describePopulation(p: string): string {
  const [kind, subjects] = p.split(':');
  const list = subjects.split('+').join(' and ');
  return kind === 'not' ? `no ${list}` : `${kind} ${list}`;
}

function thresholdRow(t: Threshold, here: Threshold | Equation | undefined): string {
  const mark = t === here ? ' **(here)**' : '';
  const counts = t.subject ? `${cell(t.subject)}${t.subjectSource === 'context' ? ' (inferred from the clause)' : ''}` : '—';
  const who = t.population.length > 0 ? cell(t.population.map(describePopulation).join('; ')) : '—';
  return `| ${place(t)} | ${cell(t.text)}${mark} | ${counts} | ${TEST[t.comparison]} ${formatGrouped(t.value)} | ${who} |`;
}

function equationRow(e: Equation, here: Threshold | Equation | undefined): string {
  const mark = e === here ? ' **(here)**' : '';
  const sum = e.terms.map(t => `${t.coefficient === 1 ? '' : `${t.coefficient} × `}${t.subject}`).join(' + ');
  return `| ${place(e)} | ${cell(e.text)}${mark} | ${cell(e.defines)} | = ${cell(sum)} | — |`;
}

function table(here: Threshold | Equation | undefined, thresholds: Threshold[], equations: Equation[]): string {
  const rows = [...thresholds.map(t => ({ s: t, row: thresholdRow(t, here) })), ...equations.map(e => ({ s: e, row: equationRow(e, here) }))]
    .sort((a, b) => compareStatements(a.s, b.s))
    .map(r => r.row);
  return ['| Clause | File | Statement | Counts | Test | Applies to |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function equationStatements(e: Equation, all: WorkspaceThresholds): { thresholds: Threshold[]; equations: Equation[] } {
  const keys = new Set([e.definesKey, ...e.terms.map(t => t.subjectKey)]);
  return {
    thresholds: all.thresholds.filter(t => t.subjectKey !== undefined && keys.has(t.subjectKey)),
    equations: all.equations.filter(o => o.definesKey === e.definesKey),
  };
}

/** On a citation of a threshold ("the threshold of 150,000 set out in Section G10.7"): what the cited clauses state. */
function citationHover(ctx: FeatureContext): HoverPart[] {
  if (ctx.model.kind !== 'legal') return [];
  const r = thresholdReferencesOf(ctx.model).find(x => rangeContains(x.phraseRange, ctx.position));
  if (!r) return [];
  const cited = citedClauses(r, ctx.workspace);
  if (cited.length === 0) return [];
  const statements = cited.flatMap(c => c.statements);
  const nothing = cited.filter(c => c.statements.length === 0).map(c => `${c.id}${c.paragraphPath ?? ''}`);
  const title = `**Cited threshold: ${cell(r.text)}**`;
  const body = statements.length > 0 ? table(undefined, statements, []) : '';
  const none = nothing.length > 0 ? `\n\nStates no threshold: ${cell(nothing.join(', '))}` : '';
  return [{ markdown: `${title}${body ? `\n\n${body}` : ''}${none}`, range: r.valueRange ?? r.phraseRange }];
}

export function thresholdHover(ctx: FeatureContext): HoverPart[] {
  if (ctx.model.kind !== 'legal') return [];
  return [...citationHover(ctx), ...statementHover(ctx)];
}

function statementHover(ctx: FeatureContext): HoverPart[] {
  if (ctx.model.kind !== 'legal') return [];
  const own = thresholdsOf(ctx.model);
  const all = workspaceThresholds(ctx.workspace);
  const t = own.thresholds.find(x => rangeContains(x.range, ctx.position));
  if (t) {
    const { thresholds, equations } = statementsOf(t, all);
    const title = `**Threshold: ${cell(t.text)}**${t.clause ? ` (Section ${t.clause})` : ''} — stated in ${thresholds.length + 1} place${thresholds.length === 0 ? '' : 's'}`;
    return [{ markdown: `${title}\n\n${table(t, [t, ...thresholds], equations)}`, range: t.range }];
  }
  const e = own.equations.find(x => rangeContains(x.range, ctx.position));
  if (e) {
    const { thresholds, equations } = equationStatements(e, all);
    const title = `**${cell(e.defines)}**${e.clause ? ` (Section ${e.clause})` : ''}: the thresholds it combines`;
    return [{ markdown: `${title}\n\n${table(e, thresholds, equations)}`, range: e.range }];
  }
  return [];
}
