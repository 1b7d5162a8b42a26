// What the modification changes: the workspace's clauses compared with a baseline (the current
// Code, as a folder or a git revision read by the server or the CLI). Each clause is added,
// changed, renumbered, deleted or unchanged; changed words come with a word diff. Clauses are
// matched across the whole workspace (a baseline file may be named differently), by number and,
// where the number moved, by their words.
import { diffWords } from 'diff';
import type { LegalModel } from '../model/document';
import type { Clause } from '../model/structure';
import { definitionsOf, normaliseTermText } from '../model/definitions';
import { DerivedKey, derive } from '../cache';
import { sectionOf } from '../model/clauseIds';

export type ChangeStatus = 'added' | 'changed' | 'renumbered' | 'deleted' | 'unchanged';

/** A piece of a word diff: words both texts share, or words only the new or the old one has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One side of a clause comparison: where the clause is and its words (whitespace collapsed). */
export interface ClauseSide {
  id: string;
  uri: string;
  /** 0-based line of the clause number, and the clause's last line. */
  line: number;
  lastLine: number;
  heading?: string;
  text: string;
}

export interface ClauseChange {
  status: ChangeStatus;
  /** The clause's number now (for a deleted clause, its number in the baseline). */
  id: string;
  current?: ClauseSide;
  baseline?: ClauseSide;
  /** The words differ (a changed clause, or a renumbered one whose words changed too). */
  wordsChanged: boolean;
  /** Baseline → current, when the words differ. */
  diff?: DiffPart[];
}

export interface ChangeSet {
  /** Current clauses in workspace order, then the deleted ones in baseline order. */
  clauses: ClauseChange[];
  /** The change of each current clause. */
  byClause: Map<Clause, ClauseChange>;
  /** Clause numbers whose meaning moved: deleted, renumbered (old and new), added or changed. */
  affectedIds: Set<string>;
  /** Keys (termKey) of terms defined, undefined or redefined by the modification. */
  changedTerms: Set<string>;
  counts: Record<ChangeStatus, number>;
  /** The word diffs of this result, lent to the next comparison. */
  diffs: DiffCache;
  /** The baseline's clauses as compared, lent to the next comparison while the baseline stays. */
  baselineSide: BaselineSide;
}

/** The baseline's clauses, indexed by number: built once per baseline, not once per edit. */
export interface BaselineSide {
  models: readonly LegalModel[];
  entries: Entry[];
  byId: Map<string, Entry[]>;
}

function prepareBaseline(models: readonly LegalModel[]): BaselineSide {
  const entries = entriesOf(models);
  return { models, entries, byId: groupBy(entries, e => e.side.id) };
}

function sameModels(a: readonly LegalModel[] | undefined, b: readonly LegalModel[]): boolean {
  return a !== undefined && a.length === b.length && a.every((m, i) => m === b[i]);
}

/** Clauses whose words the modification wrote: added, changed, or renumbered with words changed. */
export function isTouched(change: ClauseChange | undefined): boolean {
  return change !== undefined && (change.status === 'added' || change.status === 'changed' || (change.status === 'renumbered' && change.wordsChanged));
}

/** Whitespace collapsed and Markdown bold removed: the form in which words are compared. */
function normaliseWords(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** One line's own words, in the form `clauseWords` compares (after the number on the clause's first line). */
export function lineWords(model: LegalModel, clause: Clause, line: number): string {
  const { lines, contentColumn } = model.structure;
  return normaliseWords(lines[line]?.text.slice(line === clause.firstLine ? clause.textColumn : contentColumn[line]) ?? '');
}

/** A clause's words after its number, on all its lines, whitespace collapsed and Markdown bold removed. */
export function clauseWords(model: LegalModel, clause: Clause): string {
  const { lines, kinds, contentColumn } = model.structure;
  const parts = [lines[clause.firstLine].text.slice(clause.textColumn)];
  for (let line = clause.firstLine + 1; line <= clause.lastLine && line < lines.length; line++) {
    const kind = kinds[line];
    if (kind === 'blank' || kind === 'suppression' || kind === 'furniture') continue;
    parts.push(lines[line].text.slice(contentColumn[line]));
  }
  return normaliseWords(parts.join(' '));
}

export interface Entry {
  side: ClauseSide;
  clause: Clause;
  order: number;
  words?: Map<string, number>;
}

const CLAUSE_SIDES = new DerivedKey<{ side: ClauseSide; clause: Clause }[]>('changes.sides');
const DEFINITION_TEXTS = new DerivedKey<(readonly [string, string])[]>('changes.definitions');

/** A document's clauses as compared: computed once per model version (an edit recomputes one file's). */
function sidesOf(m: LegalModel): { side: ClauseSide; clause: Clause }[] {
  return derive(m, CLAUSE_SIDES, () => m.structure.clauses.map(clause => ({
    clause,
    side: { id: clause.id, uri: m.uri, line: clause.firstLine, lastLine: clause.lastLine, text: clauseWords(m, clause), ...(clause.heading ? { heading: clause.heading } : {}) },
  })));
}

function entriesOf(models: readonly LegalModel[]): Entry[] {
  const entries: Entry[] = [];
  for (const m of models) for (const { side, clause } of sidesOf(m)) entries.push({ side, clause, order: entries.length });
  return entries;
}

function wordBag(e: Entry): Map<string, number> {
  if (!e.words) {
    e.words = new Map();
    for (const w of e.side.text.toLowerCase().split(' ')) if (w) e.words.set(w, (e.words.get(w) ?? 0) + 1);
  }
  return e.words;
}

/** Dice similarity of two clauses' words (0 nothing shared … 1 the same words). */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 1;
  for (const [w, n] of a) shared += Math.min(n, b.get(w) ?? 0);
  return (2 * shared) / total;
}

/** Below this, two clauses with different numbers are not the same clause moved. */
const MOVED_SIMILARITY = 0.5;
/** The same number counts for this much when a clause could be matched to several. */
const SAME_NUMBER_BONUS = 0.25;
/** Past this many candidate pairs in one Section, only identical words find a moved clause there (a Section rewritten). */
const MAX_FUZZY_PAIRS = 40_000;

/** The word diff from `before` to `after` (runs of whitespace count as one space). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const c of diffWords(before, after)) {
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else parts.push({ kind, text: c.value });
  }
  return parts;
}

function groupBy<K>(entries: readonly Entry[], key: (e: Entry) => K): Map<K, Entry[]> {
  const groups = new Map<K, Entry[]>();
  for (const e of entries) {
    const k = key(e);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return groups;
}

interface Candidate {
  c: Entry;
  b: Entry;
  score: number;
}

/**
 * The pairs worth considering among the clauses not matched outright: the same number (changed
 * words), the same words (moved), and, within one Section, most words in common (moved and edited).
 */
function candidatePairs(current: readonly Entry[], baseline: readonly Entry[]): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Entry, b: Entry, score: number) => {
    const key = `${c.order}:${b.order}`;
    if (!seen.has(key)) {
      seen.add(key);
      candidates.push({ c, b, score });
    }
  };
  const byId = groupBy(baseline, e => e.side.id);
  const byText = groupBy(baseline, e => e.side.text);
  for (const c of current) {
    for (const b of byId.get(c.side.id) ?? []) add(c, b, similarity(wordBag(c), wordBag(b)) + SAME_NUMBER_BONUS);
    for (const b of byText.get(c.side.text) ?? []) add(c, b, 1 + (b.side.id === c.side.id ? SAME_NUMBER_BONUS : 0));
  }
  const baselineBySection = groupBy(baseline, e => sectionOf(e.side.id));
  for (const [section, now] of groupBy(current, e => sectionOf(e.side.id))) {
    const before = baselineBySection.get(section) ?? [];
    if (now.length * before.length > MAX_FUZZY_PAIRS) continue;
    for (const c of now) {
      for (const b of before) {
        if (b.side.id === c.side.id) continue;
        const sim = similarity(wordBag(c), wordBag(b));
        if (sim >= MOVED_SIMILARITY) add(c, b, sim);
      }
    }
  }
  return candidates;
}

/** Pair current clauses with baseline clauses: same words and number first, then the best-scoring pairs. */
function matchClauses(current: Entry[], baseline: BaselineSide): Map<Entry, Entry> {
  const pairs = new Map<Entry, Entry>();
  const taken = new Set<Entry>();
  const byId = baseline.byId;
  for (const c of current) {
    const b = byId.get(c.side.id)?.find(x => x.side.text === c.side.text && !taken.has(x));
    if (b) {
      pairs.set(c, b);
      taken.add(b);
    }
  }
  const candidates = candidatePairs(current.filter(c => !pairs.has(c)), baseline.entries.filter(b => !taken.has(b)));
  candidates.sort((x, y) => y.score - x.score || x.c.order - y.c.order || x.b.order - y.b.order);
  for (const { c, b } of candidates) {
    if (pairs.has(c) || taken.has(b)) continue;
    pairs.set(c, b);
    taken.add(b);
  }
  return pairs;
}

/** Definitions by term key → their words, for telling which terms the modification redefines. */
function definitionTexts(models: readonly LegalModel[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const m of models) {
    const sites = derive(m, DEFINITION_TEXTS, () => definitionsOf(m).map(site => [site.key, normaliseTermText(site.text)] as const));
    for (const [key, text] of sites) {
      const list = texts.get(key);
      if (list) list.push(text);
      else texts.set(key, [text]);
    }
  }
  for (const list of texts.values()) list.sort();
  return texts;
}

function changedTermKeys(current: readonly LegalModel[], baseline: readonly LegalModel[]): Set<string> {
  const now = definitionTexts(current);
  const before = definitionTexts(baseline);
  const changed = new Set<string>();
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    if ((now.get(key) ?? []).join('\u0000') !== (before.get(key) ?? []).join('\u0000')) changed.add(key);
  }
  return changed;
}

/** Word diffs by baseline words, then current words. */
export type DiffCache = Map<string, Map<string, DiffPart[]>>;

/**
 * Compare the workspace's legal text with the baseline's. Pure; never throws. `previous` (the
 * last result) lends its word diffs, so an edit to one clause recomputes only that clause's.
 */
export function compareWithBaseline(current: readonly LegalModel[], baseline: readonly LegalModel[], previous?: ChangeSet): ChangeSet {
  const diffs: DiffCache = new Map();
  const now = entriesOf(current);
  const prepared = sameModels(previous?.baselineSide.models, baseline) ? previous!.baselineSide : prepareBaseline(baseline);
  const pairs = matchClauses(now, prepared);
  const counts: Record<ChangeStatus, number> = { added: 0, changed: 0, renumbered: 0, deleted: 0, unchanged: 0 };
  const clauses: ClauseChange[] = [];
  const byClause = new Map<Clause, ClauseChange>();
  const affectedIds = new Set<string>();
  for (const c of now) {
    const b = pairs.get(c);
    // A clause of an unedited file paired as before keeps its entry (most of them, after an edit).
    const before = previous?.byClause.get(c.clause);
    let change: ClauseChange;
    if (before && before.current === c.side && before.baseline === b?.side && (before.status === 'unchanged' || before.diff)) {
      change = before;
      if (before.diff) cachedDiff(previous?.diffs, diffs, before.baseline!.text, c.side.text);
      if (before.status === 'renumbered') affectedIds.add(before.baseline!.id);
    } else if (!b) change = { status: 'added', id: c.side.id, current: c.side, wordsChanged: true };
    else {
      const wordsChanged = b.side.text !== c.side.text;
      const status: ChangeStatus = b.side.id !== c.side.id ? 'renumbered' : wordsChanged ? 'changed' : 'unchanged';
      change = { status, id: c.side.id, current: c.side, baseline: b.side, wordsChanged, ...(wordsChanged ? { diff: cachedDiff(previous?.diffs, diffs, b.side.text, c.side.text) } : {}) };
      if (status === 'renumbered') affectedIds.add(b.side.id);
    }
    if (change.status !== 'unchanged') affectedIds.add(c.side.id);
    counts[change.status]++;
    clauses.push(change);
    byClause.set(c.clause, change);
  }
  const matched = new Set(pairs.values());
  for (const b of prepared.entries) {
    if (matched.has(b)) continue;
    clauses.push({ status: 'deleted', id: b.side.id, baseline: b.side, wordsChanged: true });
    affectedIds.add(b.side.id);
    counts.deleted++;
  }
  return { clauses, byClause, affectedIds, changedTerms: changedTermKeys(current, baseline), counts, diffs, baselineSide: prepared };
}

/** The diff from the last result if it had it, else computed; kept in `next` (only the diffs still in use are kept). */
function cachedDiff(previous: DiffCache | undefined, next: DiffCache, before: string, after: string): DiffPart[] {
  const diff = previous?.get(before)?.get(after) ?? wordDiff(before, after);
  let byAfter = next.get(before);
  if (!byAfter) next.set(before, (byAfter = new Map()));
  byAfter.set(after, diff);
  return diff;
}

/** "changed", "renumbered from G8.6", "renumbered from G8.6, words changed": how a clause changed, in words. */
export function describeChange(change: ClauseChange): string {
  if (change.status === 'renumbered') return `renumbered from ${change.baseline!.id}${change.wordsChanged ? ', words changed' : ''}`;
  return change.status;
}
