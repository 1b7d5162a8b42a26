// Renumbering that keeps every reference right:
//  - insert a clause after a given one, numbered by the SEC convention (after G8.44C comes
//    G8.44D), or as the next whole number (G8.45) with the clauses after it renumbered ("renumber
//    the rest"), every reference to a moved clause following;
//  - renumber the lettered list of a clause ((a), (b), (d) → (a), (b), (c)), with the references
//    to its paragraphs ("Section G8.41(d)").
// The same edits serve code actions, `workspace/executeCommand` and `secdraft renumber`.
import { type CodeAction, CodeActionKind, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Range, SecTextEdit } from '../types';
import type { LegalModel } from '../model/document';
import type { Clause } from '../model/structure';
import { toRoman } from '../model/structure';
import { compareClauseNumbers, formatClauseId, ordinalSuffix, parseClauseId, suffixOrdinal } from '../model/clauseIds';
import { DerivedKey, derive } from '../cache';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type Refusable, clauseSitesOf, renameClause, renumberingEdits, toWorkspaceEdit } from './clauseRename';

// Derived values kept per owner (see cache.ts).
const NUMBERS_BY_PART = new DerivedKey<Map<string, Clause[]>>('renumber.byPart');

/** The commands the server registers for `workspace/executeCommand` (arguments: one object). */
export const RENUMBER_COMMANDS = {
  /** { uri?, clause, renumberRest? } */
  insertClause: 'sec.insertClause',
  /** { uri?, clause } */
  renumberParagraphs: 'sec.renumberParagraphs',
  /** { from, to } */
  renameClause: 'sec.renameClause',
  /** { part } */
  renumberPart: 'sec.renumberPart',
} as const;

export const RENUMBER_ACTION_KIND = CodeActionKind.RefactorRewrite;

/** Text a new clause starts with, for the drafter to replace. */
export const NEW_CLAUSE_TEXT = '[Text of the new clause]';

function clauseIn(workspace: WorkspaceIndex, id: string, uri?: string): { model: LegalModel; clause: Clause } | undefined {
  const places = workspace.clauseIndex().get(id) ?? [];
  const at = places.find(p => uri === undefined || p.uri === uri) ?? places[0];
  const model = at && workspace.model(at.uri);
  return at && model?.kind === 'legal' ? { model, clause: at.clause } : undefined;
}

/** A document's clause numbers by Part (kept per version). */
function numbersByPart(model: LegalModel): Map<string, Clause[]> {
  return derive(model, NUMBERS_BY_PART, () => {
    const map = new Map<string, Clause[]>();
    for (const c of model.structure.clauses) (map.get(c.part) ?? map.set(c.part, []).get(c.part)!).push(c);
    return map;
  });
}

/** Every clause number of the workspace in a Part, in order (each number once). */
function partNumbers(workspace: WorkspaceIndex, part: string): string[] {
  const byId = new Map<string, Clause>();
  for (const m of workspace.legalModels()) for (const c of numbersByPart(m).get(part) ?? []) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()].sort(compareClauseNumbers).map(c => c.id);
}

export interface InsertPlan {
  newId: string;
  /** Clauses that take new numbers (old → new), for "renumber the rest". */
  moved: Map<string, string>;
}

/** The number a new clause after `anchorId` takes, and the clauses that move to make room. */
export function planInsertion(workspace: WorkspaceIndex, anchorId: string, renumberRest: boolean): Refusable<InsertPlan> {
  const anchor = parseClauseId(anchorId);
  if (!anchor || !workspace.findClause(anchorId)) return { refused: `There is no clause ${anchorId} in the workspace to insert after.` };
  const after = partNumbers(workspace, anchor.part).filter(id => compareClauseNumbers(parseClauseId(id)!, anchor) > 0);
  if (!renumberRest) {
    const newId = formatClauseId({ ...anchor, suffix: ordinalSuffix(suffixOrdinal(anchor.suffix) + 1) });
    if (workspace.findClause(newId)) {
      return { refused: `${newId} already exists: there is no number free after ${anchorId}. Insert it with "renumber the rest" instead.` };
    }
    return { ok: { newId, moved: new Map() } };
  }
  // The new clause takes the next whole number; the lettered clauses after the anchor on its number
  // (G8.44B, G8.44C after G8.44A) take the whole numbers after it, and later clauses shift by as much,
  // keeping their letters (G8.45A → G8.46A).
  const newBase = anchor.base + 1;
  const siblings = after.filter(id => parseClauseId(id)!.base === anchor.base);
  const moved = new Map<string, string>();
  siblings.forEach((id, i) => moved.set(id, formatClauseId({ part: anchor.part, base: newBase + 1 + i, suffix: '' })));
  const shift = 1 + siblings.length;
  for (const id of after) {
    const n = parseClauseId(id)!;
    if (n.base > anchor.base) moved.set(id, formatClauseId({ ...n, base: n.base + shift }));
  }
  return { ok: { newId: formatClauseId({ part: anchor.part, base: newBase, suffix: '' }), moved } };
}

/** The new clause's line, written as the anchor's is ("G8.44D …", "**G8.44D** …", "### G8.44D …"). */
function newClauseLine(model: LegalModel, anchor: Clause, newId: string): string {
  const first = model.lines[anchor.firstLine].text;
  return first.slice(0, anchor.idRange.start.character) + newId + first.slice(anchor.idRange.end.character, anchor.textColumn) + NEW_CLAUSE_TEXT;
}

/** Insert a clause after `anchorId` (in `uri`, when the number is in several files). */
export function insertClause(workspace: WorkspaceIndex, anchorId: string, renumberRest: boolean, uri?: string): Refusable<{ newId: string; edits: SecTextEdit[]; moved: number }> {
  const plan = planInsertion(workspace, anchorId, renumberRest);
  if ('refused' in plan) return plan;
  const at = clauseIn(workspace, anchorId, uri)!;
  const { model, clause } = at;
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  // A blank line between clauses where the text has one after the anchor.
  const blank = (model.lines[clause.lastLine + 1]?.text.trim() ?? '') === '' && clause.lastLine + 1 < model.lines.length ? eol : '';
  const end = { line: clause.lastLine, character: model.lines[clause.lastLine].text.length };
  const insertion: SecTextEdit = { uri: model.uri, range: { start: end, end }, newText: `${eol}${blank}${newClauseLine(model, clause, plan.ok.newId)}` };
  const renumbered = renumberingEdits(workspace, plan.ok.moved);
  if ('refused' in renumbered) return renumbered;
  return { ok: { newId: plan.ok.newId, edits: [...renumbered.ok, insertion], moved: plan.ok.moved.size } };
}

/** The label a paragraph at `level` takes as the `n`th of its list: (a)/(i)/(A). */
function labelFor(level: number, n: number): string {
  if (level === 2) return toRoman(n);
  const letters = ordinalSuffix(n);
  return level === 3 ? letters : letters.toLowerCase();
}

/** Each paragraph path of a clause → the path it has once its lists run in sequence. */
export function paragraphRenumbering(clause: Clause): Map<string, string> {
  const map = new Map<string, string>();
  const counters: number[] = [];
  const newPath: string[] = [];
  for (const p of clause.paragraphs) {
    const depth = Math.max(0, Math.min(p.level - 1, counters.length));
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    newPath.length = depth;
    newPath.push(`(${labelFor(p.level, counters[depth])})`);
    if (!map.has(p.path)) map.set(p.path, newPath.join(''));
  }
  return map;
}

/** A referenced path through the renumbering: the longest renumbered prefix, the rest kept. */
function mapPath(map: ReadonlyMap<string, string>, path: string): string {
  const parts = path.match(/\([^()]*\)/g) ?? [];
  for (let k = parts.length; k > 0; k--) {
    const head = parts.slice(0, k).join('');
    const to = map.get(head);
    if (to !== undefined) return to + parts.slice(k).join('');
  }
  return path;
}

/** Renumber a clause's lettered (and roman, and capital) lists in sequence, with the references to them. */
export function renumberParagraphs(workspace: WorkspaceIndex, clauseId: string, uri?: string): Refusable<SecTextEdit[]> {
  const at = clauseIn(workspace, clauseId, uri);
  if (!at) return { refused: `There is no clause ${clauseId} in the workspace.` };
  const map = paragraphRenumbering(at.clause);
  const edits: SecTextEdit[] = [];
  for (const p of at.clause.paragraphs) {
    const label = /\(([^()]*)\)$/.exec(map.get(p.path) ?? '')?.[1];
    if (label !== undefined && label !== p.label) edits.push({ uri: at.model.uri, range: p.labelRange, newText: `(${label})` });
  }
  if (edits.length === 0) return { refused: `The paragraphs of ${clauseId} are already in sequence.` };
  // References name the clause's first place: only when this is it do they follow.
  if (workspace.findClause(clauseId)?.uri === at.model.uri) {
    for (const model of workspace.legalModels()) {
      for (const t of clauseSitesOf(model).targets.get(clauseId) ?? []) {
        if (!t.paragraphPath) continue;
        const to = mapPath(map, t.paragraphPath);
        if (to !== t.paragraphPath) edits.push({ uri: model.uri, range: { start: t.idRange.end, end: t.range.end }, newText: to });
      }
    }
  }
  return { ok: edits };
}

/**
 * Renumber the clauses of a Part in sequence from its first number, inserted clauses included
 * (G8.44, G8.44A, G8.44B, G8.45 → G8.44, G8.45, G8.46, G8.47), with every reference. An excerpt
 * keeps its first number; a Part with a duplicated number or an elision among its clauses is
 * refused, since the sequence there cannot be known.
 */
export function renumberPart(workspace: WorkspaceIndex, part: string): Refusable<{ edits: SecTextEdit[]; moved: number }> {
  const ids = partNumbers(workspace, part);
  if (ids.length === 0) return { refused: `There are no clauses of ${part} in the workspace.` };
  const duplicated = ids.find(id => (workspace.clauseIndex().get(id)?.length ?? 0) > 1);
  if (duplicated) return { refused: `${duplicated} is numbered twice: give each clause its own number before renumbering ${part}.` };
  for (const m of workspace.legalModels()) {
    const clauses = numbersByPart(m).get(part) ?? [];
    if (clauses.length > 1 && m.structure.elisions.some(l => l > clauses[0].firstLine && l < clauses[clauses.length - 1].firstLine)) {
      return { refused: `${part} is an excerpt with text left out: its clauses cannot be renumbered in sequence.` };
    }
  }
  const first = parseClauseId(ids[0])!.base;
  const mapping = new Map(ids.map((id, i) => [id, formatClauseId({ part, base: first + i, suffix: '' })]));
  const moved = [...mapping].filter(([from, to]) => from !== to).length;
  if (moved === 0) return { refused: `The clauses of ${part} are already numbered in sequence.` };
  const renumbered = renumberingEdits(workspace, mapping);
  return 'refused' in renumbered ? renumbered : { ok: { edits: renumbered.ok, moved } };
}

/** `workspace/executeCommand` for the renumbering commands: the edit to apply, or why not. */
export function executeRenumberCommand(workspace: WorkspaceIndex, command: string, args: unknown[] | undefined): Refusable<WorkspaceEdit> | undefined {
  const arg = (args?.[0] ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof arg[k] === 'string' ? arg[k] as string : undefined);
  const wrap = (r: Refusable<SecTextEdit[]>): Refusable<WorkspaceEdit> => ('refused' in r ? r : { ok: toWorkspaceEdit(r.ok) });
  switch (command) {
    case RENUMBER_COMMANDS.insertClause: {
      const clause = str('clause');
      if (!clause) return { refused: `${command} needs { clause: "G8.44C" }.` };
      const r = insertClause(workspace, clause, arg.renumberRest === true, str('uri'));
      return 'refused' in r ? r : { ok: toWorkspaceEdit(r.ok.edits) };
    }
    case RENUMBER_COMMANDS.renumberParagraphs: {
      const clause = str('clause');
      return clause ? wrap(renumberParagraphs(workspace, clause, str('uri'))) : { refused: `${command} needs { clause: "G8.41" }.` };
    }
    case RENUMBER_COMMANDS.renumberPart: {
      const part = str('part');
      if (!part) return { refused: `${command} needs { part: "G8" }.` };
      const r = renumberPart(workspace, part);
      return 'refused' in r ? r : { ok: toWorkspaceEdit(r.ok.edits) };
    }
    case RENUMBER_COMMANDS.renameClause: {
      const from = str('from');
      const to = str('to');
      return from && to ? wrap(renameClause(workspace, from, to)) : { refused: `${command} needs { from: "G8.44C", to: "G8.44D" }.` };
    }
    default:
      return undefined;
  }
}

/** On a clause: insert a clause after it (both ways), and renumber its lists when they are out of sequence. */
export function getRenumberActions(workspace: WorkspaceIndex, uri: string, range: Range, only?: string[]): CodeAction[] {
  if (only && !only.some(k => RENUMBER_ACTION_KIND.startsWith(k))) return [];
  const model = workspace.model(uri);
  if (model?.kind !== 'legal') return [];
  const heading = model.structure.parts.find(p => p.line === range.start.line);
  if (heading) {
    const r = renumberPart(workspace, heading.id);
    return 'ok' in r
      ? [{ title: `Renumber the clauses of ${heading.id} in sequence (${r.ok.moved} clause${r.ok.moved === 1 ? '' : 's'})`, kind: RENUMBER_ACTION_KIND, edit: toWorkspaceEdit(r.ok.edits) }]
      : [];
  }
  const clause = model.structure.clauses.find(c => c.firstLine <= range.start.line && range.start.line <= c.lastLine);
  if (!clause) return [];
  const actions: CodeAction[] = [];
  // Insertion is offered on the clause's number line, where a drafter stands to add the next one.
  if (range.start.line === clause.firstLine) {
    const letter = insertClause(workspace, clause.id, false, uri);
    if ('ok' in letter) actions.push({ title: `Insert clause after ${clause.id} (${letter.ok.newId})`, kind: RENUMBER_ACTION_KIND, edit: toWorkspaceEdit(letter.ok.edits) });
    const rest = insertClause(workspace, clause.id, true, uri);
    if ('ok' in rest) {
      const count = rest.ok.moved;
      actions.push({
        title: `Insert clause after ${clause.id} as ${rest.ok.newId}, renumbering the rest${count ? ` (${count} clause${count === 1 ? '' : 's'})` : ''}`,
        kind: RENUMBER_ACTION_KIND,
        edit: toWorkspaceEdit(rest.ok.edits),
      });
    }
  }
  const lists = renumberParagraphs(workspace, clause.id, uri);
  if ('ok' in lists) actions.push({ title: `Renumber the paragraphs of ${clause.id} in sequence`, kind: RENUMBER_ACTION_KIND, edit: toWorkspaceEdit(lists.ok) });
  return actions;
}
