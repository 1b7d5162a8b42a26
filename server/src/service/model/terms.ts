// Uses of defined terms in legal text, found in one pass over each document's words (see
// termWords.ts) with the automaton of every defined term (see termMatcher.ts).
// Everything per document is kept compact (typed arrays of word numbers and stable term ids)
// and reused for as long as the document's text and the terms it could match stay the same;
// objects (TermUse) are made only for what an editor feature or a finding shows.
import type { Position, Range } from '../types';
import type { LegalModel } from './document';
import { type DefinitionSite, definitionsOf, termKey } from './definitions';
import { DerivedKey, derive, derivedIf, keepDerived, keepLast, lastOf, storeOf } from '../cache';
import { ownTextColumn } from './structure';
import { referencesOf } from './references';
import type { WorkspaceIndex } from '../workspaceIndex';
import {
  type WordVocabulary, type Words, BARRIER, CAPITALISED, LOWER, SENTENCE_START, WordsBuilder, firstWordOf, possessiveOf, readLineWords, surfaceOf,
} from './termWords';
import { modelVocabularies } from './vocabularies';
import { type MatchKind, type Matches, IS_PLURAL, IS_SINGULAR, IS_USE, TermMatcher } from './termMatcher';

// Derived values kept per owner (see cache.ts).
const USED_TERMS = new DerivedKey<Set<number>>('terms.used');
const TERM_INDEX = new DerivedKey<TermIndex>('terms.index');
const WORDS = new DerivedKey<Words>('terms.words');
const MATCHES = new DerivedKey<{ matcher: TermMatcher | undefined; version: number; matches: Matches | undefined }>('terms.matches');
const USES = new DerivedKey<DocUses>('uses');
const USE_OBJECTS = new DerivedKey<WeakMap<TermIndex, TermUse[]>>('objects');
const ENTRIES_BY_TERM = new DerivedKey<Map<number, number[]>>('entriesByTerm');
const USED_IDS = new DerivedKey<Int32Array>('usedIds');

export { type WordVocabulary, type Words, BARRIER, CAPITALISED, SENTENCE_START, normaliseWord, possessiveOf, surfaceOf, tokeniseLine } from './termWords';
export { type MatchKind, type Matches, TermMatcher, pluralForms, singularForms } from './termMatcher';

// ---------------------------------------------------------------------------------------
// Words

const LABEL_RE = /^\(([a-zA-Z]{1,6}|\d{1,2})\)\s*/;

/** Where a line's words start: after a clause number or a paragraph label. */
function textColumn(model: LegalModel, line: number): number {
  const column = ownTextColumn(model.structure, line);
  if (model.structure.kinds[line] === 'paragraph') return column + (LABEL_RE.exec(model.lines[line].text.slice(column))?.[0].length ?? 0);
  return column;
}

const ENDS_IN_WORD_RE = /[\p{L}\p{N}]\s*$/u;

/** Does the line's last visible character belong to a word? (Read only for continuation lines.) */
function endsInWord(text: string): boolean {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 32 || (c >= 9 && c <= 13); c = text.charCodeAt(end - 1)) end--;
  if (end === 0) return false;
  const c = text.charCodeAt(end - 1);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && ENDS_IN_WORD_RE.test(text);
}

/** One builder per service instance (reading into its vocabulary): its arrays grow to the largest document and are copied out. */
const SCRATCH = new DerivedKey<WordsBuilder>('terms.scratch');

/**
 * How a document's words were read, kept to re-read only the lines an edit changed: per line,
 * -1 for a line without words to read, else its text column × 2 (+1 when it continues the
 * previous line's phrase); and the number of each line's first word.
 */
interface WordsReading {
  words: Words;
  how: Int32Array;
  firstWord: Int32Array;
}

/** The last reading of each document (kept per uri, cache.ts keepLast): the words of its unchanged lines are copied from it. */
const LAST_READING = new DerivedKey<WordsReading>('terms.lastReading');

/**
 * Words read after an edit: the reading they were copied from (by its serial number, not the
 * object: holding it would keep every earlier reading of the document alive, one per edit)
 * and how many words at each end are the same.
 */
const SAME_ENDS = new DerivedKey<{ before: number; prefix: number; suffix: number }>('terms.sameEnds');
/** The serial number of a reading (kept on its words), counted per service instance. */
const READING_NUMBER = new DerivedKey<number>('terms.readingNumber');
const READINGS = new DerivedKey<{ count: number }>('terms.readings');

/** Bits of how a line is read, below its text column (how = column × 8 + bits). */
const JOINED = 1; // its first word continues the previous line's phrase
const ABSORBED = 2; // its first word is the end of the previous line's hyphenated word
const EXTENDS = 4; // its last word is hyphenated and ends on the next line
const HOW_SHIFT = 3;

/** Kinds of line whose phrase runs on into a continuation line. */
const FLOWING = new Set(['clause', 'paragraph', 'continuation', 'definition-row', 'table-row']);
/** A word hyphenated at the end of its line: "End-to-", "Sub-". */
const HYPHEN_AT_END_RE = /[\p{L}\p{N}][-‐‑]\s*$/u;
const STARTS_WITH_WORD_RE = /^[\p{L}\p{N}]/u;

function howLinesRead(model: LegalModel): Int32Array {
  const { lines, kinds } = model.structure;
  const how = new Int32Array(lines.length);
  let previous = -1; // the last line read, page furniture passed over
  for (const l of lines) {
    const kind = kinds[l.line];
    if (kind === 'blank' || kind === 'suppression' || kind === 'table-separator' || kind === 'furniture') {
      how[l.line] = -1;
      if (kind !== 'furniture') previous = -1;
      continue;
    }
    const column = textColumn(model, l.line);
    // A phrase runs on from a line of running text, never from a heading: the line after a
    // heading with no full stop opens a sentence.
    const flows = kind === 'continuation' && previous >= 0 && FLOWING.has(kinds[previous]);
    const hyphenated = flows && previous === l.line - 1 && HYPHEN_AT_END_RE.test(lines[previous].text) && STARTS_WITH_WORD_RE.test(l.text.slice(column));
    const joined = flows && (hyphenated || endsInWord(lines[previous].text));
    let bits = joined ? JOINED : 0;
    if (hyphenated) {
      bits |= ABSORBED;
      how[previous] |= EXTENDS;
    }
    how[l.line] = (column << HOW_SHIFT) + bits;
    previous = l.line;
  }
  return how;
}

/** Read line l's words as `how` says, joining a word hyphenated over the line break. */
function readLine(out: WordsBuilder, texts: readonly string[], l: number, how: number): void {
  const first = out.count;
  readLineWords(out, texts[l], l, how >> HOW_SHIFT, (how & JOINED) !== 0);
  if (how & ABSORBED && out.count > first) out.dropAt(first);
  if (how & EXTENDS && out.count > first) {
    const text = texts[l];
    const hyphen = text.trimEnd().length - 1;
    const rest = firstWordOf(texts[l + 1]);
    if (rest && out.endAt(out.count - 1) === hyphen) out.joinHyphenated(out.count - 1, text, hyphen, rest);
  }
}

/**
 * Every word of a legal document in order, numbered in `vocabulary` (by default the one of the
 * service instance that built the model); a phrase runs on over a line break only into a
 * continuation line. The words kept on the model are those of one vocabulary: asked for in
 * another (a model read by a second instance), they are read again, never reused. After an
 * edit, the lines before and after the edited ones are copied from the document's last
 * reading (a line's words depend only on its text and how it is read).
 */
export function wordsOf(model: LegalModel, vocabulary: WordVocabulary = modelVocabularies(model).words): Words {
  const kept = derivedIf(model, WORDS);
  return kept?.vocabulary === vocabulary ? kept : keepDerived(model, WORDS, readWords(model, vocabulary));
}

function readWords(model: LegalModel, vocabulary: WordVocabulary): Words {
  const { lines } = model.structure;
  const texts = lines.map(l => l.text);
  const how = howLinesRead(model);
  const n = lines.length;
  const firstWord = new Int32Array(n + 1);
  const store = storeOf(model);
  const scratch = store.state(SCRATCH, () => new WordsBuilder(vocabulary, 1 << 16));
  const out = scratch.vocabulary === vocabulary ? scratch : new WordsBuilder(vocabulary, 1 << 10);
  out.reset();
  // The last reading lends its words only if they are numbers of the same vocabulary.
  const last = lastOf(model, LAST_READING);
  const prev = last?.words.vocabulary === vocabulary ? last : undefined;
  let same = 0; // lines equal at the start
  let sameEnd = 0; // and at the end
  if (prev) {
    const old = prev.words.texts;
    const oldN = old.length;
    const max = Math.min(oldN, n);
    while (same < max && prev.how[same] === how[same] && old[same] === texts[same]) same++;
    // A hyphenated last word is spelt with the next line's first word: read it again with that line.
    if (same > 0 && how[same - 1] & EXTENDS) same--;
    while (sameEnd < max - same && prev.how[oldN - 1 - sameEnd] === how[n - 1 - sameEnd] && old[oldN - 1 - sameEnd] === texts[n - 1 - sameEnd]) sameEnd++;
    out.copy(prev.words, 0, prev.firstWord[same], 0);
    firstWord.set(prev.firstWord.subarray(0, same));
  }
  for (let l = same; l < n - sameEnd; l++) {
    firstWord[l] = out.count;
    if (how[l] >= 0) readLine(out, texts, l, how[l]);
  }
  if (prev && sameEnd > 0) {
    const oldN = prev.words.texts.length;
    const from = prev.firstWord[oldN - sameEnd];
    const shift = out.count - from;
    out.copy(prev.words, from, prev.words.count, n - oldN);
    for (let l = n - sameEnd; l < n; l++) firstWord[l] = prev.firstWord[l - (n - oldN)] + shift;
  }
  firstWord[n] = out.count;
  const words = out.finish(texts);
  keepDerived(words, READING_NUMBER, ++store.state(READINGS, () => ({ count: 0 })).count);
  if (prev) {
    const oldN = prev.words.texts.length;
    keepDerived(words, SAME_ENDS, { before: derivedIf(prev.words, READING_NUMBER) ?? -1, prefix: prev.firstWord[same], suffix: prev.words.count - prev.firstWord[oldN - sameEnd] });
  }
  keepLast(model, LAST_READING, { words, how, firstWord });
  return words;
}

/** The range of words from..to-1. */
export function wordRange(words: Words, from: number, to: number): Range {
  return { start: { line: words.line[from], character: words.start[from] }, end: { line: words.line[to - 1], character: words.end[to - 1] } };
}

/** The singular of a term defined in the plural, as the text wrote it ("Relevant Parties" → "Relevant Party"). */
export function singularise(term: string): string {
  if (/[^aeiouAEIOU]ies$/.test(term)) return term.slice(0, -3) + 'y';
  return term.replace(/s$/, '');
}

/** Pluralise a term's last word as the text did ("Supplier Entity" → "Supplier Entities"). */
export function pluralise(term: string): string {
  if (/[^aeiouAEIOU]y$/.test(term)) return term.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(term)) return term + 'es';
  return term + 's';
}

// ---------------------------------------------------------------------------------------
// The workspace's defined terms

export interface DefinedTerm {
  /** The term as first defined. */
  term: string;
  key: string;
  /** Every site, in workspace order (documents by uri, then by line). */
  sites: DefinitionSite[];
}

export interface TermIndex {
  /** Sorted by key; a term's position is its number in uses and findings. */
  terms: DefinedTerm[];
  byKey: Map<string, DefinedTerm>;
  /** Key → position in `terms`. */
  numberOf: Map<string, number>;
  /** The workspace's automaton (updated in place as terms change) and its version for this index. */
  matcher: TermMatcher;
  version: number;
  /** Position in `terms` → the matcher's stable id, and back (-1: not a term of this index). */
  idOfNumber: Int32Array;
  numberOfId: Int32Array;
}

/** The automaton of each workspace: one for its life, updated when the set of terms changes. */
const MATCHER = new DerivedKey<TermMatcher>('terms.matcher');

/** The last index of the workspace and the definition lists it was built from (uri, sites). */
const LAST_INDEX = new DerivedKey<{ inputs: [string, DefinitionSite[]][]; index: TermIndex }>('terms.lastIndex');

/** Same documents with the same definition lists (a list without sites equals any other)? */
function sameInputs(a: readonly [string, DefinitionSite[]][], b: readonly [string, DefinitionSite[]][]): boolean {
  return a.length === b.length && a.every(([uri, sites], i) => uri === b[i][0] && (sites === b[i][1] || (sites.length === 0 && b[i][1].length === 0)));
}

/** Every defined term in the workspace, with one matcher for all of them. */
export function termIndex(workspace: WorkspaceIndex): TermIndex {
  return workspace.derived(TERM_INDEX, () => {
    const models = workspace.legalModels().slice().sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    // Typing in a document without definitions leaves every list as it was: keep the index.
    const inputs = models.map((m): [string, DefinitionSite[]] => [m.uri, definitionsOf(m)]);
    const last = workspace.kept(LAST_INDEX);
    if (last && sameInputs(last.inputs, inputs)) return last.index;
    const index = buildTermIndex(workspace, models);
    workspace.keep(LAST_INDEX, { inputs, index });
    return index;
  }, ['legal']);
}

function buildTermIndex(workspace: WorkspaceIndex, models: readonly LegalModel[]): TermIndex {
  const byKey = new Map<string, DefinedTerm>();
  for (const m of models) {
    for (const site of definitionsOf(m)) {
      const known = byKey.get(site.key);
      if (known) known.sites.push(site);
      else byKey.set(site.key, { term: site.term, key: site.key, sites: [site] });
    }
  }
  const terms = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const matcher = workspace.state(MATCHER, () => new TermMatcher(workspace.vocabularies.words));
  const ids = matcher.update(terms.map(t => t.term));
  const numberOfId = new Int32Array(matcher.size).fill(-1);
  ids.forEach((id, n) => (numberOfId[id] = n));
  return { terms, byKey, numberOf: new Map(terms.map((t, i) => [t.key, i])), matcher, version: matcher.version, idOfNumber: Int32Array.from(ids), numberOfId };
}

// ---------------------------------------------------------------------------------------
// Uses in a document

/** Flag of a DocUses entry besides the match flags: in a heading or a reference's heading. */
const IN_HEADING = 8;

/** A document's uses, compact: words from[k]..to[k] use the matcher's term[k] (a stable id). */
export interface DocUses {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly term: Int32Array;
  /** IS_USE (else the term in lower case), IS_PLURAL, IS_SINGULAR, IN_HEADING. */
  readonly flags: Uint8Array;
}

export interface TermUse {
  uri: string;
  /** Number of the term in TermIndex.terms. */
  term: number;
  kind: MatchKind;
  range: Range;
  plural: boolean;
  /** Written in the singular, the term being defined in the plural. */
  singular?: boolean;
  possessive: string;
  /** The words as written. */
  text: string;
  /** Index of the first and one past the last word in wordsOf(model). */
  from: number;
  to: number;
  /** In a heading or a reference's bracketed heading: found by rename, not counted as a use. */
  inHeading: boolean;
}

/** A use with its document (every TermUse carries its uri). */
export type LocatedUse = TermUse;

const HEADING_KINDS = new Set(['section-heading', 'part-heading', 'sub-heading']);

/** The last matches found in each document (kept per uri), for finding the next ones after an edit. */
const LAST_SCAN = new DerivedKey<{ words: Words; matches: Matches; matcher: TermMatcher; version: number }>('terms.lastScan');

/**
 * The matches of the workspace's terms in a document. Kept across changes of the terms when
 * none of the changed terms' words occur in the document (see TermMatcher.unchangedSince);
 * after an edit, found again only around the edited lines (see TermMatcher.rescan).
 */
function matchesOf(model: LegalModel, index: TermIndex): Matches {
  const state = derive(model, MATCHES, () => ({ matcher: undefined as TermMatcher | undefined, version: -1, matches: undefined as Matches | undefined }));
  if (state.matcher === index.matcher && state.matches && state.version === index.version) return state.matches;
  const { matcher } = index;
  // Read in the matcher's vocabulary: the same as the model's for a model of the index's own workspace.
  const words = wordsOf(model, matcher.vocabulary);
  if (state.matcher === matcher && state.matches && index.version === matcher.version && matcher.unchangedSince(state.version, words)) {
    state.version = index.version;
  } else {
    const last = lastOf(model, LAST_SCAN);
    const ends = derivedIf(words, SAME_ENDS);
    state.matches = last && ends && ends.before === derivedIf(last.words, READING_NUMBER) && last.matcher === matcher && last.version === matcher.version
      ? matcher.rescan(words, last.matches, last.words.count, ends.prefix, ends.suffix)
      : matcher.scan(words);
    state.matcher = matcher;
    state.version = matcher.version;
  }
  keepLast(model, LAST_SCAN, { words, matches: state.matches, matcher, version: state.version });
  return state.matches;
}

/** Ranges by every line they touch (a definition or a heading may wrap over a line break). */
function byLine(ranges: Iterable<Range>): Map<number, Range[]> {
  const lines = new Map<number, Range[]>();
  for (const r of ranges) {
    for (let line = r.start.line; line <= r.end.line; line++) {
      const list = lines.get(line);
      if (list) list.push(r);
      else lines.set(line, [r]);
    }
  }
  return lines;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Uses (and lower-case writings) of defined terms in a document, not counting its definition sites. */
export function docUses(model: LegalModel, index: TermIndex): DocUses {
  const matches = matchesOf(model, index);
  return derive(matches, USES, () => {
    const words = wordsOf(model, index.matcher.vocabulary);
    const sites = byLine(definitionsOf(model).map(s => s.range));
    const refHeadings = byLine(referencesOf(model).flatMap(r => (r.headingRange ? [r.headingRange] : [])));
    const keep: number[] = [];
    const flags: number[] = [];
    const { kinds } = model.structure;
    for (let k = 0; k < matches.count; k++) {
      const line = words.line[matches.from[k]];
      const start = { line, character: words.start[matches.from[k]] };
      const end = { line: words.line[matches.to[k] - 1], character: words.end[matches.to[k] - 1] };
      if (sites.get(line)?.some(s => before(start, s.end) && before(s.start, end))) continue;
      const inHeading = HEADING_KINDS.has(kinds[line]) || (refHeadings.get(line)?.some(h => !before(start, h.start) && !before(h.end, end)) ?? false);
      keep.push(k);
      flags.push(matches.flags[k] | (inHeading ? IN_HEADING : 0));
    }
    if (keep.length === matches.count) return { ...matches, flags: Uint8Array.from(flags) };
    const pick = (a: Int32Array) => Int32Array.from(keep, k => a[k]);
    return { count: keep.length, from: pick(matches.from), to: pick(matches.to), term: pick(matches.term), flags: Uint8Array.from(flags) };
  });
}

/** Entry k of a document's uses as a TermUse. */
export function useOf(model: LegalModel, index: TermIndex, uses: DocUses, k: number): TermUse {
  const words = wordsOf(model, index.matcher.vocabulary);
  const from = uses.from[k];
  const to = uses.to[k];
  const f = uses.flags[k];
  const range = wordRange(words, from, to);
  const text = model.lines[range.start.line].text.slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined);
  return {
    uri: model.uri, term: index.numberOfId[uses.term[k]], kind: f & IS_USE ? 'use' : 'lowercase', range, plural: (f & IS_PLURAL) !== 0,
    ...(f & IS_SINGULAR ? { singular: true } : {}), possessive: possessiveOf(words, to - 1), text, from, to, inHeading: (f & IN_HEADING) !== 0,
  };
}

export const isUse = (uses: DocUses, k: number) => (uses.flags[k] & IS_USE) !== 0;

/** Every use in a document as objects (for editor features); made once per document and term index. */
export function termUsesOf(model: LegalModel, index: TermIndex): TermUse[] {
  const uses = docUses(model, index);
  const perIndex = derive(uses, USE_OBJECTS, () => new WeakMap<TermIndex, TermUse[]>());
  let list = perIndex.get(index);
  if (!list) {
    list = [];
    for (let k = 0; k < uses.count; k++) list.push(useOf(model, index, uses, k));
    perIndex.set(index, list);
  }
  return list;
}

/** The entry of a document's uses that starts at word `from`, or -1. */
export function useStartingAt(uses: DocUses, from: number): number {
  let lo = 0;
  let hi = uses.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = uses.from[mid];
    if (f === from) return mid;
    if (f < from) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The uses (not lower-case writings) of one term across the workspace's legal documents. */
export function usesOfTerm(workspace: WorkspaceIndex, term: number): LocatedUse[] {
  const index = termIndex(workspace);
  const id = index.idOfNumber[term];
  const found: LocatedUse[] = [];
  for (const m of workspace.legalModels()) {
    const uses = docUses(m, index);
    for (const k of useEntriesByTerm(uses).get(id) ?? []) found.push(useOf(m, index, uses, k));
  }
  return found;
}

/** How many uses of one term the workspace holds, and in how many files: for hovers, without building each use. */
export function useCountOf(workspace: WorkspaceIndex, term: number): { uses: number; files: number } {
  const index = termIndex(workspace);
  const id = index.idOfNumber[term];
  let uses = 0;
  let files = 0;
  for (const m of workspace.legalModels()) {
    const n = useEntriesByTerm(docUses(m, index)).get(id)?.length ?? 0;
    uses += n;
    if (n > 0) files++;
  }
  return { uses, files };
}

/**
 * A document's uses (not lower-case writings) by stable term id, made on the first hover or
 * search after the document changed: a request then reads only the uses of its term instead
 * of every use in the workspace.
 */
function useEntriesByTerm(uses: DocUses): Map<number, number[]> {
  return derive(uses, ENTRIES_BY_TERM, () => {
    const byTerm = new Map<number, number[]>();
    for (let k = 0; k < uses.count; k++) {
      if (!isUse(uses, k)) continue;
      const list = byTerm.get(uses.term[k]);
      if (list) list.push(k);
      else byTerm.set(uses.term[k], [k]);
    }
    return byTerm;
  });
}

/** The stable ids of the terms a document uses outside headings (each once). */
function usedIdsOf(uses: DocUses): Int32Array {
  return derive(uses, USED_IDS, () => {
    const seen = new Set<number>();
    for (let k = 0; k < uses.count; k++) if ((uses.flags[k] & (IS_USE | IN_HEADING)) === IS_USE) seen.add(uses.term[k]);
    return Int32Array.from(seen);
  });
}

/** Per workspace: how many documents use each stable id, and each document's contribution. */
const USE_COUNTS = new DerivedKey<{ perDoc: Map<string, Int32Array>; count: Map<number, number> }>('terms.useCounts');

/**
 * The terms used (outside headings) somewhere in the workspace. Kept as a count of documents
 * per term, updated by the documents whose uses changed: an edit or a renamed term re-counts
 * only the documents it touched.
 */
export function usedTerms(workspace: WorkspaceIndex): Set<number> {
  return workspace.derived(USED_TERMS, () => {
    const index = termIndex(workspace);
    const { perDoc, count } = workspace.state(USE_COUNTS, () => ({ perDoc: new Map(), count: new Map() }));
    const add = (ids: Int32Array, by: number) => {
      for (const id of ids) count.set(id, (count.get(id) ?? 0) + by);
    };
    const seen = new Set<string>();
    for (const m of workspace.legalModels()) {
      seen.add(m.uri);
      const ids = usedIdsOf(docUses(m, index));
      const before = perDoc.get(m.uri);
      if (before === ids) continue;
      if (before) add(before, -1);
      add(ids, 1);
      perDoc.set(m.uri, ids);
    }
    for (const [uri, ids] of perDoc) {
      if (seen.has(uri)) continue;
      add(ids, -1);
      perDoc.delete(uri);
    }
    const used = new Set<number>();
    index.idOfNumber.forEach((id, n) => {
      if ((count.get(id) ?? 0) > 0) used.add(n);
    });
    return used;
  }, ['legal']);
}

/** The defined term at a position: a use of it or one of its definition sites. */
export function termAt(model: LegalModel, index: TermIndex, line: number, character: number): { term: number; range: Range; use?: TermUse; site?: DefinitionSite } | undefined {
  const inside = (r: Range) => r.start.line <= line && line <= r.end.line
    && (r.start.line < line || r.start.character <= character) && (r.end.line > line || character <= r.end.character);
  for (const site of definitionsOf(model)) {
    if (inside(site.range)) {
      const term = index.numberOf.get(site.key);
      if (term !== undefined) return { term, range: site.range, site };
    }
  }
  const words = wordsOf(model, index.matcher.vocabulary);
  const uses = docUses(model, index);
  for (let k = 0; k < uses.count; k++) {
    if (!isUse(uses, k) || words.line[uses.from[k]] > line || words.line[uses.to[k] - 1] < line) continue;
    const use = useOf(model, index, uses, k);
    if (inside(use.range)) return { term: use.term, range: use.range, use };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Candidate undefined terms: runs of capitalised words that no defined term explains

/** Words capitalised only because they open a sentence ("Each", "The", "In this Code"). */
const OPENING_WORDS = ('a an the each every any all both either neither no not in if where when whether while unless until '
  + 'for on at by to from with within without under upon after before during since subject save except notwithstanding '
  + 'this that these those such its it there here as so but and or nor further furthermore accordingly however having '
  + 'following nothing where whereas provided other otherwise once then thereafter').split(' ');
/** Lower-case words that may join a proper name's words ("Secretary of State", "England and Wales"). */
const CONNECTORS = ['of', 'and', 'for'];
/**
 * Connectors that join the words of a name but separate terms: "Banking and Financial Dealings
 * Act 1971" is one title, while "Explicit Charges and Elective Charges" lists two terms.
 */
const LIST_CONNECTORS = ['and'];
const CALENDAR = ('january february march april may june july august september october november december '
  + 'monday tuesday wednesday thursday friday saturday sunday').split(' ');
/** Words that name a part of a document before its number ("Section G8", "Schedule 1"). */
const STRUCTURAL = ('section sections part parts schedule schedules appendix appendices annex annexes paragraph paragraphs '
  + 'clause clauses condition conditions article articles table tables figure figures chapter chapters').split(' ');
/** Last words of the titles of legislation ("Companies Act 2006", "… Regulations 2012") and of companies' names. */
const NAME_ENDINGS = ['act', 'acts', 'regulation', 'regulations', 'order', 'rules', 'directive', 'measure', 'ordinance', 'statute',
  'ltd', 'limited', 'plc', 'llp', 'inc'];
const COMPANY_ENDINGS = ['ltd', 'limited', 'plc', 'llp', 'inc'];
/** First words of the names of public bodies joined by "of"/"for" ("Office for National Statistics", "Department for …"). */
const BODY_HEADS = ['office', 'department', 'ministry', 'bank', 'court', 'commission', 'agency', 'council', 'institute', 'institution', 'chamber'];

/** The word lists above as ids of one vocabulary (what capitalisedRuns compares words by). */
interface RunWords {
  opening: ReadonlySet<number>;
  connectors: ReadonlySet<number>;
  listConnectors: ReadonlySet<number>;
  calendar: ReadonlySet<number>;
  structural: ReadonlySet<number>;
  nameEndings: ReadonlySet<number>;
  companyEndings: ReadonlySet<number>;
  bodyHeads: ReadonlySet<number>;
}

const RUN_WORDS = new DerivedKey<RunWords>('terms.runWords');

/** The word lists in `vocabulary`, made once per vocabulary and kept on it. */
function runWordsOf(vocabulary: WordVocabulary): RunWords {
  return derive(vocabulary, RUN_WORDS, () => ({
    opening: vocabulary.idSet(OPENING_WORDS),
    connectors: vocabulary.idSet(CONNECTORS),
    listConnectors: vocabulary.idSet(LIST_CONNECTORS),
    calendar: vocabulary.idSet(CALENDAR),
    structural: vocabulary.idSet(STRUCTURAL),
    nameEndings: vocabulary.idSet(NAME_ENDINGS),
    companyEndings: vocabulary.idSet(COMPANY_ENDINGS),
    bodyHeads: vocabulary.idSet(BODY_HEADS),
  }));
}

/** Is word i written exactly "of", "and" or "for" (lower case)? */
function isConnector(words: Words, known: RunWords, i: number): boolean {
  return known.connectors.has(words.id[i]) && (words.flags[i] & LOWER) !== 0;
}

const barrierBefore = (words: Words, i: number) => (words.flags[i] & BARRIER) !== 0;

/** "Office for National Statistics", "Ministry of Justice": a public body's name, not a term. */
function namesPublicBody(words: Words, known: RunWords, from: number, to: number): boolean {
  return to - from >= 3 && known.bodyHeads.has(words.id[from]) && isConnector(words, known, from + 1);
}

/** "Category 1", "Release 2", "Phase 3": one word before a number is a label, like "Schedule 3". */
function labelsANumber(words: Words, from: number, to: number): boolean {
  return to - from === 1 && to < words.count && !barrierBefore(words, to) && /^\d+[A-Za-z]?$/.test(surfaceOf(words, to));
}

/** Does a company's legal form follow the run within the same phrase ("Smart DCC Ltd")? */
function beforeCompanyEnding(words: Words, known: RunWords, to: number): boolean {
  for (let k = to; k < Math.min(words.count, to + 3); k++) {
    if (barrierBefore(words, k) || (words.flags[k] & CAPITALISED) === 0) return false;
    if (known.companyEndings.has(words.id[k])) return true;
  }
  return false;
}

/** Acronyms, formula symbols, numbers and single letters are never terms to define here. */
function isNeverTerm(words: Words, known: RunWords, i: number): boolean {
  if (known.calendar.has(words.id[i]) || known.structural.has(words.id[i])) return true;
  const surface = surfaceOf(words, i);
  return /\d/.test(surface) || surface.length === 1 || /^\p{Lu}[\p{Lu}\d]+s?$/u.test(surface)
    || /^\p{Lu}[\p{Lu}\d]+-\p{Ll}/u.test(surface); // "SMETS-compliant", "DCC-owned"
}

export interface CandidateRun {
  from: number;
  to: number;
}

/** What `covered` may say of a word besides 0 (free): covered, or a capitalised use of a defined term. */
export const COVERED = 1;
export const TERM_USE = 2;

/** A run split where "and" joins two terms of a list rather than the words of a title. */
function splitAtLists(words: Words, known: RunWords, from: number, to: number): CandidateRun[] {
  const out: CandidateRun[] = [];
  let start = from;
  for (let k = from + 1; k < to - 1; k++) {
    if (!known.listConnectors.has(words.id[k]) || !isConnector(words, known, k)) continue;
    out.push({ from: start, to: k });
    start = k + 1;
  }
  out.push({ from: start, to });
  return out;
}

/** An acronym or code that belongs to the capitalised run around it: "DCC", "SEC", "SMETS1", "GB", "EUI-64". */
function isAcronym(words: Words, i: number): boolean {
  return /^\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+)*s?$/u.test(surfaceOf(words, i)) && surfaceOf(words, i).length > 1;
}

const isNumber = (words: Words, i: number) => /^\d+[A-Za-z]?$/.test(surfaceOf(words, i));
const hasPossessive = (words: Words, i: number) => possessiveOf(words, i) !== '';

/**
 * Runs of capitalised words among the words not `covered` (by a defined term, a known name,
 * quotes, a heading …), joined by "of"/"for" between capitalised words and by a number
 * between two of them ("Type 2 Device"). A sentence's opening word is dropped when it is a
 * function word; a run of one word at a sentence start is dropped; titles of legislation are
 * dropped. A run is then widened over the acronyms and uses of defined terms next to it, so
 * that what is reported is the whole phrase ("DCC User Interface Specification"), never a
 * fragment of it ("Interface Specification").
 */
export function capitalisedRuns(words: Words, covered: ArrayLike<number | boolean>): CandidateRun[] {
  const runs: CandidateRun[] = [];
  const n = words.count;
  const known = runWordsOf(words.vocabulary);
  const usable = (i: number) => i < n && !covered[i] && (words.flags[i] & CAPITALISED) !== 0 && !isNeverTerm(words, known, i);
  // Words a run takes in at its ends: acronyms, and capitalised uses of defined terms.
  const joinable = (i: number) => i >= 0 && i < n && (covered[i] === TERM_USE || (!covered[i] && isAcronym(words, i)));
  let i = 0;
  while (i < n) {
    if (!usable(i)) {
      i++;
      continue;
    }
    let to = i + 1;
    for (;;) {
      if (usable(to) && !barrierBefore(words, to)) to++;
      else if (to + 1 < n && !covered[to] && (isConnector(words, known, to) || isNumber(words, to)) && !barrierBefore(words, to)
        && usable(to + 1) && !barrierBefore(words, to + 1)) to += 2;
      else break;
    }
    const next = to;
    let from = i;
    if (words.flags[from] & SENTENCE_START) {
      if (known.opening.has(words.id[from])) from++;
      else if (to - from === 1) from = to;
    }
    while (from < to && isConnector(words, known, from)) from++;
    if (from < to) {
      while (!barrierBefore(words, from) && joinable(from - 1) && !hasPossessive(words, from - 1)) from--;
      while (to < n && !barrierBefore(words, to) && !hasPossessive(words, to - 1) && joinable(to)) to++;
    }
    const isName = known.nameEndings.has(words.id[to - 1]) || beforeCompanyEnding(words, known, to)
      || namesPublicBody(words, known, from, to) || labelsANumber(words, from, to);
    if (from < to && !isName) runs.push(...splitAtLists(words, known, from, to));
    i = Math.max(to, next);
  }
  return runs;
}

export { termKey };
