// Links from consultation comments to the clauses they address, for the whole workspace.
//   explicit: clause numbers the comment names, resolved against the workspace's clauses;
//   inferred: for a comment naming no clause, the clauses its words are about (BM25 over
//             clause texts, defined terms as single tokens), each with a 0–1 score and the
//             words that made the link; below `settings.linkThreshold` a comment stays general.
// Each link keeps the sentence that makes it, so a stored link whose clause was renumbered
// can re-attach by that sentence (`reattach`), and otherwise shows as orphaned.
// The clause index is built once per set of legal models and shared by every comment. After
// an edit to one legal file only its changed lines are read again and only its changed clauses
// counted again; explicit mentions are checked again only when the clause numbers change (and
// never need the BM25 index), and only comments that need inference are scored again when the
// clause texts change.
import type { WorkspaceIndex } from '../../workspaceIndex';
import type { LegalModel } from '../document';
import type { ConsultationModel } from './index';
import type { ClauseMention, CommentEntry, CommentLink, ConsultationComment } from './types';
import { Bm25Index, Bm25Segment, PhraseSet, TermCounter, WordBuffer, changedTerms, forEachTermId, tokenise, tokeniseWithWords, type Term, type TermCounts, type Triggers } from './bm25';
import { DerivedKey, derive, derivedIf, keepDerived } from '../../cache';
import { modelVocabularies } from '../vocabularies';
import { type RawMention, expandRange, scanMentions } from './mentions';
import { clauseRenamesFor } from '../responsesIndex';
import { partOf } from '../clauseIds';
import type { Range } from '../../types';
import type { Clause } from '../structure';
import { needsAnswer } from './votes';
import { collationCopies } from './copies';
import { withoutGeneralRemarks } from './generalRemarks';
import { specificEvidence } from './specificity';

// Derived values kept per owner (see cache.ts).
const MODEL_CLAUSES = new DerivedKey<ModelClause[]>('consultation.clauses');
const HEADING_WORDS = new DerivedKey<{ words: WordBuffer; at: Map<string, { from: number; to: number }> }>('consultation.headingWords');
const MODEL_IDS = new DerivedKey<string[]>('consultation.ids');

/** The clause ids of the workspace's legal text: what explicit mentions are checked against. */
export interface ClauseIds {
  /** Each id once, in file then clause order (a duplicated number counts where first seen). */
  ids: string[];
  /** Clause ids by Part ("G8" → ids), to resolve ranges and bare numbers. */
  byPart: Map<string, string[]>;
  known: Set<string>;
  /** Per legal document (in workspace order): the indexes of its clauses counted here (not repeating a number seen before). */
  included: number[][];
}

export interface ClauseCorpus {
  clauses: ClauseIds;
  /** Document d of the index is clause `ids[d]`. */
  ids: string[];
  phrases: PhraseSet;
  maxPhrase: number;
  index: Bm25Index;
  /**
   * Clauses too long to be what a comment "is about" (the A1.1 definitions table says a
   * little about everything): they take explicit links but are never inferred.
   */
  tooBroad: Set<number>;
}

interface ModelClause {
  id: string;
  part: string;
  definitionsTable: boolean;
  clause: Clause;
}

/** One legal document's clauses, once per model. */
function modelClauses(m: LegalModel): ModelClause[] {
  return derive(m, MODEL_CLAUSES, () => m.structure.clauses.map(c => {
    // A definitions table (A1.1) shares words with every comment; only an explicit mention links to it.
    let rows = 0;
    for (let i = c.firstLine; i <= c.lastLine; i++) if (m.structure.kinds[i] === 'table-row') rows++;
    return { id: c.id, part: c.part, definitionsTable: rows >= 3, clause: c };
  }));
}

/** The words of one legal document, as stem ids per line, and its candidate defined terms. */
interface ModelWords {
  /** Line i's words are `words[lineStarts[i] .. lineStarts[i + 1])`. */
  words: Int32Array;
  lineStarts: Int32Array;
  /**
   * Capitalised runs outside headings (headings are in title case throughout), each as its
   * length then its stem ids; line i's are `phrases.ids[phraseStarts[i] .. phraseStarts[i + 1])`.
   */
  phrases: WordBuffer;
  phraseStarts: Int32Array;
}

const MODEL_WORDS = new DerivedKey<ModelWords>('consultation.words');

const isHeading = (m: LegalModel, i: number) => /heading$/.test(m.structure.kinds[i] ?? '');

/**
 * How many lines at the start and at the end two versions of a document share (same text,
 * same heading-or-not): after an edit only the lines between are read again.
 */
function sharedEnds(m: LegalModel, old: LegalModel | undefined): { head: number; tail: number } {
  if (!old) return { head: 0, tail: 0 };
  const same = (i: number, j: number) => m.lines[i].text === old.lines[j].text && isHeading(m, i) === isHeading(old, j);
  const n = m.lines.length;
  const o = old.lines.length;
  let head = 0;
  while (head < n && head < o && same(head, head)) head++;
  let tail = 0;
  while (tail < n - head && tail < o - head && same(n - 1 - tail, o - 1 - tail)) tail++;
  return { head, tail };
}

function modelWords(m: LegalModel, old: LegalModel | undefined): ModelWords {
  const cached = derivedIf(m, MODEL_WORDS);
  if (cached) return cached;
  const before = old && derivedIf(old, MODEL_WORDS);
  const { head, tail } = before ? sharedEnds(m, old) : { head: 0, tail: 0 };
  const n = m.lines.length;
  const shift = before ? old!.lines.length - n : 0;
  // About one word in six characters of legal text: mostly one allocation.
  const { stems } = modelVocabularies(m);
  const buffer = new WordBuffer(Math.max(1024, Math.ceil(m.text.length / 5)));
  const phrases = new WordBuffer();
  const lineStarts = new Int32Array(n + 1);
  const phraseStarts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (before && (i < head || i >= n - tail)) {
      // An unchanged line: its words and phrases as read in the previous version.
      const j = i < head ? i : i + shift;
      buffer.appendIds(before.words, before.lineStarts[j], before.lineStarts[j + 1]);
      phrases.appendIds(before.phrases.ids, before.phraseStarts[j], before.phraseStarts[j + 1]);
    } else {
      buffer.appendLine(stems, m.lines[i].text, isHeading(m, i) ? undefined : phrases);
    }
    lineStarts[i + 1] = buffer.count;
    phraseStarts[i + 1] = phrases.count;
  }
  const result = { words: buffer.ids, lineStarts, phrases, phraseStarts };
  keepDerived(m, MODEL_WORDS, result);
  return result;
}

/** Term counts of one document's clauses, reused while the phrase vocabulary stays the same. */
const TERM_COUNTS = new DerivedKey<{ phrases: PhraseSet; counts: TermCounts }>('consultation.termCounts');

const samePhrases = (a: PhraseSet, b: PhraseSet) => a === b || a.equals(b);

/**
 * The counts a document's clauses can be copied from: its own under another phrase set (an
 * edit elsewhere added or removed a phrase), else its previous version's (after an edit to it),
 * with which of this version's clauses match which of theirs.
 */
function countSource(m: LegalModel, old: LegalModel | undefined): { counts: TermCounts; phrases: PhraseSet; own: boolean; clauseOf: (c: Clause, k: number) => number | undefined } | undefined {
  const own = derivedIf(m, TERM_COUNTS);
  if (own) return { ...own, own: true, clauseOf: (_c, k) => k };
  const before = old && derivedIf(old, TERM_COUNTS);
  if (!old || !before) return undefined;
  // A clause whose lines and heading did not change keeps its counts.
  const { head, tail } = sharedEnds(m, old);
  const oldByFirstLine = new Map<number, number>();
  modelClauses(old).forEach((c, k) => oldByFirstLine.set(c.clause.firstLine, k));
  const shift = old.lines.length - m.lines.length;
  return {
    ...before,
    own: false,
    clauseOf: c => {
      const inHead = c.lastLine < head;
      const inTail = c.firstLine >= m.lines.length - tail;
      const k = inHead || inTail ? oldByFirstLine.get(inHead ? c.firstLine : c.firstLine + shift) : undefined;
      const o = k !== undefined ? modelClauses(old)[k].clause : undefined;
      return o && o.lastLine === (inHead ? c.lastLine : c.lastLine + shift) && o.heading === c.heading ? k : undefined;
    },
  };
}

/** The words of each distinct clause heading of a document, one after another (a heading serves many clauses). */
function headingWords(m: LegalModel): { words: WordBuffer; at: Map<string, { from: number; to: number }> } {
  return derive(m, HEADING_WORDS, () => {
    const { stems } = modelVocabularies(m);
    const words = new WordBuffer(256);
    const at = new Map<string, { from: number; to: number }>();
    for (const { clause } of modelClauses(m)) {
      if (!clause.heading || at.has(clause.heading)) continue;
      const from = words.count;
      words.appendLine(stems, clause.heading);
      at.set(clause.heading, { from, to: words.count });
    }
    return { words, at };
  });
}

function modelCounts(m: LegalModel, old: LegalModel | undefined, phrases: PhraseSet, maxPhrase: number): TermCounts {
  const cached = derivedIf(m, TERM_COUNTS);
  if (cached && samePhrases(cached.phrases, phrases)) return cached.counts;
  const { words, lineStarts } = modelWords(m, old);
  const source = countSource(m, old);
  // Under other phrases a clause still counts the same unless it holds the first word of a
  // phrase added or removed.
  const triggers = source && !samePhrases(source.phrases, phrases) ? phrases.triggers(source.phrases) : undefined;
  const headings = headingWords(m);
  if (source?.own && triggers && !triggers.anyIn(words, 0, lineStarts[m.lines.length]) && !triggers.anyIn(headings.words.ids, 0, headings.words.count)) {
    // None of this document's words starts a phrase added or removed: the same counts (and postings).
    keepDerived(m, TERM_COUNTS, { phrases, counts: source.counts });
    return source.counts;
  }
  const counter = new TermCounter();
  const sequence = new WordBuffer();
  // Every clause copied from the same place in the source: the source's counts themselves.
  let same = source !== undefined && source.counts.lengths.length === modelClauses(m).length;
  modelClauses(m).forEach(({ clause: c }, index) => {
    // The heading's words, then every line's (as in the clause's text, heading first).
    sequence.count = 0;
    const heading = c.heading ? headings.at.get(c.heading) : undefined;
    if (heading) sequence.appendIds(headings.words.ids, heading.from, heading.to);
    const from = lineStarts[c.firstLine];
    const to = lineStarts[c.lastLine + 1];
    const k = source?.clauseOf(c, index);
    if (k !== undefined && !(triggers && (triggers.anyIn(sequence.ids, 0, sequence.count) || triggers.anyIn(words, from, to)))) {
      counter.copy(source!.counts, k);
      same &&= k === index;
      return;
    }
    same = false;
    sequence.appendIds(words, from, to);
    forEachTermId(sequence.ids, sequence.count, phrases, maxPhrase, counter.add);
    counter.end();
  });
  const counts = same ? source!.counts : counter.result();
  keepDerived(m, TERM_COUNTS, { phrases, counts });
  return counts;
}

/** One document's postings, rebuilt only when its clauses' counts change. */
const SEGMENT = new DerivedKey<Bm25Segment>('consultation.segment');

function segmentOf(m: LegalModel, old: LegalModel | undefined, counts: TermCounts, included: number[]): Bm25Segment {
  // The previous version's when an edit changed no count (white space, punctuation).
  for (const cached of [derivedIf(m, SEGMENT), old && derivedIf(old, SEGMENT)]) {
    if (cached && cached.counts === counts && sameList(cached.included, included)) {
      keepDerived(m, SEGMENT, cached);
      return cached;
    }
  }
  const segment = new Bm25Segment(modelVocabularies(m).stems, counts, included);
  keepDerived(m, SEGMENT, segment);
  return segment;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** The clause ids of one document, once per model. */
function modelIds(m: LegalModel): string[] {
  return derive(m, MODEL_IDS, () => m.structure.clauses.map(c => c.id));
}

const LAST_IDS = new DerivedKey<{ models: readonly LegalModel[]; value: ClauseIds }>('consultation.lastClauseIds');

/**
 * The clause ids of the workspace, rebuilt when a legal model changes but kept (the same
 * object) when the new models hold the same ids in the same order: an edit inside a clause's
 * text then re-checks no explicit mention.
 */
export function clauseIds(workspace: WorkspaceIndex): ClauseIds {
  const models = workspace.legalModels();
  const cached = workspace.kept(LAST_IDS);
  if (cached && sameList(cached.models, models)) return cached.value;
  if (cached && cached.models.length === models.length && models.every((m, i) => m.uri === cached.models[i].uri && sameList(modelIds(m), modelIds(cached.models[i])))) {
    workspace.keep(LAST_IDS, { models, value: cached.value });
    return cached.value;
  }
  const ids: string[] = [];
  const byPart = new Map<string, string[]>();
  const known = new Set<string>();
  const included: number[][] = [];
  for (const m of models) {
    const mine: number[] = [];
    modelClauses(m).forEach((c, i) => {
      if (known.has(c.id)) return;
      known.add(c.id);
      ids.push(c.id);
      mine.push(i);
      const part = byPart.get(c.part);
      if (part) part.push(c.id);
      else byPart.set(c.part, [c.id]);
    });
    included.push(mine);
  }
  const value = { ids, byPart, known, included };
  workspace.keep(LAST_IDS, { models, value });
  return value;
}

interface CorpusCache {
  models: readonly LegalModel[];
  corpus: ClauseCorpus;
}

const LAST_CORPUS = new DerivedKey<CorpusCache>('consultation.lastCorpus');

/** The previous version of each document, to re-read only its changed lines. */
function previousVersions(models: readonly LegalModel[], previous: CorpusCache | undefined): Map<string, LegalModel> {
  const byUri = new Map<string, LegalModel>();
  if (!previous) return byUri;
  const now = new Set(models);
  for (const m of previous.models) if (!now.has(m)) byUri.set(m.uri, m);
  return byUri;
}

/**
 * The phrase vocabulary: the previous one when every document's term phrases are the same as
 * before (an edit that adds or removes no capitalised run), so the other documents' counts stay.
 */
function phraseSetOf(workspace: WorkspaceIndex, models: readonly LegalModel[], old: Map<string, LegalModel>, previous: CorpusCache | undefined): PhraseSet {
  const lists = models.map(m => modelWords(m, old.get(m.uri)).phrases);
  if (previous && previous.models.length === models.length) {
    const before = previous.models.map(m => modelWords(m, undefined).phrases);
    if (lists.every((list, i) => sameWords(list, before[i]))) return previous.corpus.phrases;
    // The same documents, some edited: the set worked out from the edited documents' phrases.
    if (models.every((m, i) => m.uri === previous.models[i].uri)) {
      const changed = lists.flatMap((list, i) => sameWords(list, before[i]) ? [] : [i]);
      return previous.corpus.phrases.replace(changed.map(i => before[i]), changed.map(i => lists[i]));
    }
  }
  return new PhraseSet(workspace.vocabularies.stems, lists);
}

function sameWords(a: WordBuffer, b: WordBuffer): boolean {
  if (a === b) return true;
  if (a.count !== b.count) return false;
  for (let k = 0; k < a.count; k++) if (a.ids[k] !== b.ids[k]) return false;
  return true;
}

function buildCorpus(workspace: WorkspaceIndex, models: readonly LegalModel[], previous: CorpusCache | undefined): ClauseCorpus {
  const old = previousVersions(models, previous);
  const phrases = phraseSetOf(workspace, models, old, previous);
  const maxPhrase = phrases.longest;
  const clauses = clauseIds(workspace);
  const definitionTables: number[] = [];
  const segments: Bm25Segment[] = [];
  let doc = 0;
  models.forEach((m, k) => {
    const counts = modelCounts(m, old.get(m.uri), phrases, maxPhrase);
    const included = clauses.included[k];
    const all = modelClauses(m);
    included.forEach((i, j) => { if (all[i].definitionsTable) definitionTables.push(doc + j); });
    doc += included.length;
    segments.push(segmentOf(m, old.get(m.uri), counts, included));
  });
  let total = 0;
  for (const segment of segments) for (let d = 0; d < segment.size; d++) total += segment.lengths[d];
  const average = total / Math.max(1, doc);
  const tooBroad = new Set<number>(definitionTables);
  let base = 0;
  for (const segment of segments) {
    for (let d = 0; d < segment.size; d++) if (doc > 3 && segment.lengths[d] > BROAD_FACTOR * average) tooBroad.add(base + d);
    base += segment.size;
  }
  return { clauses, ids: clauses.ids, phrases, maxPhrase, index: new Bm25Index(segments), tooBroad };
}

/** The clause index of the workspace's legal text, rebuilt only when a legal model changes. */
export function clauseCorpus(workspace: WorkspaceIndex): ClauseCorpus {
  const models = workspace.legalModels();
  const cached = workspace.kept(LAST_CORPUS);
  if (cached && sameList(cached.models, models)) return cached.corpus;
  const corpus = buildCorpus(workspace, models, cached);
  workspace.keep(LAST_CORPUS, { models, corpus });
  return corpus;
}

/** Sentences of a comment with their offsets ("G8.41." does not end one). */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?\n]*(?:[.!?](?!\d)|\n|$)(?:["”’)]*)/g;
  let start = 0;
  for (let m = re.exec(text); m && m.index < text.length; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // Keep "G8.41." style numbers and "e.g." inside one sentence: split only before a space.
    const end = m.index + m[0].length;
    if (end < text.length && !/\s/.test(text[end])) continue;
    const s = text.slice(start, end);
    if (s.trim()) out.push({ text: s.trim(), start: start + (s.length - s.trimStart().length) });
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ text: text.slice(start).trim(), start: start + (text.slice(start).length - text.slice(start).trimStart().length) });
  return out;
}

function sentenceAt(text: string, offset: number): string {
  const all = sentences(text);
  for (let i = all.length - 1; i >= 0; i--) if (all[i].start <= offset) return all[i].text;
  return all[0]?.text ?? text;
}

export interface CommentAnalysis {
  mentions: ClauseMention[];
  /** Mentions of clauses that do not exist (with the id that is missing). */
  unknown: ClauseMention[];
  links: CommentLink[];
  status: CommentEntry['status'];
}

/** Where a mention stands in the source file: the same text within the comment's lines. */
function locate(model: ConsultationModel, comment: ConsultationComment, text: string, nth: number): Range {
  let seen = 0;
  for (let line = comment.range.start.line; line <= comment.range.end.line && line < model.lines.length; line++) {
    const t = model.lines[line].text;
    for (let at = t.indexOf(text); at >= 0; at = t.indexOf(text, at + 1)) {
      if (seen++ === nth) return { start: { line, character: at }, end: { line, character: at + text.length } };
    }
  }
  return comment.range;
}

/** Score 0–1 from a BM25 score: about 0.5 for a clause sharing one rare term. */
function squash(raw: number): number {
  return Math.round((1 - Math.exp(-raw / 6)) * 1000) / 1000;
}

const MAX_INFERRED = 5;
/** The best-scoring clauses checked for specific evidence (the rest could not make a link anyway). */
const MAX_CANDIDATES = 20;
/** Words of a phrase, repeated after it, weigh this much of a whole term. */
const PART_WEIGHT = 0.35;
/** An inferred link needs at least this many distinct terms in common: one rare word is chance. */
const MIN_SHARED = 2;
/** A clause this many times longer than the average is too broad to infer a link to. */
const BROAD_FACTOR = 8;

export function queryOf(terms: readonly Term[]): Map<string, number> {
  const q = new Map<string, number>();
  for (const t of terms) q.set(t.key, Math.max(q.get(t.key) ?? 0, t.part ? PART_WEIGHT : 1));
  return q;
}

/**
 * Tokens of the texts a collation's comments are matched by (comment texts, quoted sentences),
 * kept while the phrase vocabulary stays the same: after an edit to the legal text the
 * comments are scored again without being read again.
 */
const TOKENS = new DerivedKey<{ phrases: PhraseSet; tokens: Map<string, { terms: Term[]; words: Int32Array }> }>('consultation.tokens');

/** A text's tokens under the corpus's phrases, and its words' stem ids; cached per collation. */
function cachedTokens(model: ConsultationModel, corpus: ClauseCorpus, text: string): { terms: Term[]; words: Int32Array } {
  let cache = derivedIf(model, TOKENS);
  if (!cache || cache.phrases !== corpus.phrases) {
    // Other phrases read a text otherwise only where it holds the first word of one added or removed.
    const triggers = cache && !cache.phrases.equals(corpus.phrases) ? corpus.phrases.triggers(cache.phrases) : undefined;
    const kept = new Map<string, { terms: Term[]; words: Int32Array }>();
    if (cache) for (const [t, entry] of cache.tokens) if (!triggers?.anyIn(entry.words, 0, entry.words.length)) kept.set(t, entry);
    cache = { phrases: corpus.phrases, tokens: kept };
    keepDerived(model, TOKENS, cache);
  }
  let entry = cache.tokens.get(text);
  if (!entry) {
    entry = tokeniseWithWords(text, corpus.phrases, corpus.maxPhrase);
    cache.tokens.set(text, entry);
  }
  return entry;
}

function tokensOf(model: ConsultationModel | undefined, corpus: ClauseCorpus, text: string): Term[] {
  return model ? cachedTokens(model, corpus, text).terms : tokenise(text, corpus.phrases, corpus.maxPhrase);
}

function infer(corpus: ClauseCorpus, comment: ConsultationComment, text: string, threshold: number, model?: ConsultationModel): CommentLink[] {
  const terms = tokensOf(model, corpus, text);
  if (terms.length === 0) return [];
  // A link needs evidence specific to its clause, not only the topic's words (specificity.ts).
  const ranked = [...corpus.index.search(queryOf(terms))].filter(([doc, s]) => s.shared >= MIN_SHARED && !corpus.tooBroad.has(doc))
    .sort((a, b) => b[1].score - a[1].score).slice(0, MAX_CANDIDATES).filter(([doc]) => specificEvidence(corpus, doc, terms).length > 0);
  const best = ranked[0]?.[1].score ?? 0;
  const links: CommentLink[] = [];
  for (const [doc, { score: raw }] of ranked.slice(0, MAX_INFERRED)) {
    const score = squash(raw);
    if (score < threshold || raw < best * 0.6) break;
    links.push({ commentId: comment.id, clause: corpus.ids[doc], kind: 'inferred', score, ...explain(corpus, doc, terms, text, model, comment.text) });
  }
  return links;
}

/** The words that made an inferred link, and the sentence richest in them. */
function explain(corpus: ClauseCorpus, doc: number, terms: Term[], text: string, model?: ConsultationModel, original?: string): { quote: string; because: string[] } {
  const weight = new Map<string, { surface: string; w: number }>();
  for (const t of terms) {
    if (weight.has(t.key)) continue;
    const w = corpus.index.contribution(t.key, doc);
    if (w > 0) weight.set(t.key, { surface: t.surface, w });
  }
  const because = [...weight.values()].sort((a, b) => b.w - a.w).slice(0, 5).map(x => x.surface.toLowerCase() === x.surface ? x.surface : x.surface);
  let quote = '';
  let bestScore = -1;
  for (const s of sentences(text)) {
    const sTerms = new Set(tokensOf(model, corpus, s.text).map(t => t.key));
    let score = 0;
    for (const k of sTerms) score += weight.get(k)?.w ?? 0;
    if (score > bestScore) {
      bestScore = score;
      quote = original && !original.includes(s.text) ? sentenceAt(original, s.start) : s.text;
    }
  }
  return { quote, because };
}

/** What a comment's own clause numbers say, before any inference. */
export interface ExplicitAnalysis {
  mentions: ClauseMention[];
  /** Mentions of clauses that do not exist (with the id that is missing). */
  unknown: ClauseMention[];
  /** Links to the named clauses that exist. */
  links: CommentLink[];
}

/** A mention with the clause numbers renumbered since the consultation put right (range ends too). */
function renamed(raw: RawMention, renames: ReadonlyMap<string, string> | undefined): RawMention {
  if (!renames?.size) return raw;
  return { ...raw, from: renames.get(raw.from) ?? raw.from, ...(raw.to ? { to: renames.get(raw.to) ?? raw.to } : {}) };
}

/**
 * The clauses a comment names, checked against the clause ids (no BM25 needed). `renames`
 * (the responses file's `renamedClauses`) turns a number the comment uses into the number its
 * clause has now; the mention's text stays as the respondent wrote it.
 */
export function explicitMentions(model: ConsultationModel, comment: ConsultationComment, clauses: ClauseIds, renames?: ReadonlyMap<string, string>): ExplicitAnalysis {
  const mentions: ClauseMention[] = [];
  const unknown: ClauseMention[] = [];
  const links: CommentLink[] = [];
  const linked = new Set<string>();
  const seenText = new Map<string, number>();
  for (const written of scanMentions(comment.text)) {
    const raw = renamed(written, renames);
    const part = partOf(raw.from);
    // A number whose Part has no clauses here is something else ("V1.15"), or a clause of a
    // Section the workspace does not hold: neither can be shown to be unknown.
    if (!clauses.byPart.has(part)) continue;
    const nth = seenText.get(raw.text) ?? 0;
    seenText.set(raw.text, nth + 1);
    const range = locate(model, comment, raw.text, nth);
    const quote = sentenceAt(comment.text, raw.index);
    for (const id of expandRange(raw, clauses.byPart.get(part) ?? [])) {
      const mention: ClauseMention = { commentId: comment.id, clause: id, text: raw.text, range };
      mentions.push(mention);
      if (!clauses.known.has(id)) {
        unknown.push(mention);
        continue;
      }
      if (linked.has(id)) continue;
      linked.add(id);
      links.push({ commentId: comment.id, clause: id, kind: 'explicit', score: 1, quote });
    }
  }
  return { mentions, unknown, links };
}

/**
 * The text a comment is matched by when it names no existing clause: the sentences naming
 * clauses that no longer exist (renumbered?), else its whole text; none when it links explicitly, is empty or is only a vote ("N/A").
 */
function inferenceText(explicit: ExplicitAnalysis, comment: ConsultationComment): string | undefined {
  // Asked several times per comment (does the collation need the index, is a kept score still good, the links):
  // worked out once per explicit analysis, which is made for this comment alone.
  return derive(explicit, INFERENCE_TEXT, () => {
    if (explicit.links.length > 0 || !needsAnswer(comment)) return undefined;
    if (explicit.unknown.length > 0) return [...new Set(explicit.unknown.map(u => sentenceAt(comment.text, comment.text.indexOf(u.text))))].join(' ');
    // Remarks on the modification as a whole are matched by nothing (generalRemarks.ts).
    const specific = withoutGeneralRemarks(comment.text);
    return specific.trim() ? specific : undefined;
  });
}

const INFERENCE_TEXT = new DerivedKey<string | undefined>('consultation.inferenceText');

/** A comment's links: the clauses it names, else (or for names that no longer exist) those inferred. */
function linksOf(explicit: ExplicitAnalysis, comment: ConsultationComment, corpus: () => ClauseCorpus, threshold: number, model?: ConsultationModel): CommentAnalysis {
  const { mentions, unknown, links } = explicit;
  const text = inferenceText(explicit, comment);
  if (text === undefined) return { mentions, unknown, links, status: links.length > 0 ? 'linked' : 'general' };
  const inferred = infer(corpus(), comment, text, threshold, model);
  return { mentions, unknown, links: inferred, status: inferred.length ? 'linked' : unknown.length > 0 ? 'orphaned' : 'general' };
}

/** Does the analysis of a comment read the BM25 index (it names no existing clause)? */
const needsInference = (explicit: ExplicitAnalysis, comment: ConsultationComment) => inferenceText(explicit, comment) !== undefined;

/** Identities of clause corpora, to remember what one changed from without holding it. */
const IDENTITY = new DerivedKey<object>('consultation.corpusIdentity');
/** A token standing for a corpus, held instead of the corpus so that the next one does not keep it alive. */
const serialOf = (corpus: ClauseCorpus) => derive(corpus, IDENTITY, () => ({}));

const CORPUS_CHANGE = new DerivedKey<{ from: object; change: CorpusChange }>('consultation.corpusChange');

/** What changed from one corpus to the next, for the scores of a comment. */
interface CorpusChange {
  /** The terms whose postings changed; undefined when more changed (every score may differ). */
  terms: Set<string> | undefined;
  /** Where the phrases changed: the words where tokens may now differ. */
  triggers: Triggers | undefined;
}

/**
 * What changed from one corpus to the next: the terms whose postings changed, when nothing
 * else that scores read did (clauses, every clause's length, the clauses too broad to infer),
 * and the first words of phrases added or removed. Worked out once per pair, shared by the collations.
 */
function changedSince(before: ClauseCorpus, after: ClauseCorpus): CorpusChange {
  const cached = derivedIf(after, CORPUS_CHANGE);
  if (cached && cached.from === serialOf(before)) return cached.change;
  const same = before.clauses === after.clauses && before.tooBroad.size === after.tooBroad.size && [...after.tooBroad].every(d => before.tooBroad.has(d));
  const change = {
    terms: same ? changedTerms(before.index, after.index) : undefined,
    triggers: samePhrases(before.phrases, after.phrases) ? undefined : after.phrases.triggers(before.phrases),
  };
  keepDerived(after, CORPUS_CHANGE, { from: serialOf(before), change });
  return change;
}

/** Is a comment's score unchanged: its text holds no changed term and no word where phrases changed? */
function untouched(model: ConsultationModel, corpus: ClauseCorpus, text: string, change: CorpusChange): boolean {
  if (!change.terms) return false;
  const { terms, words } = cachedTokens(model, corpus, text);
  if (change.triggers?.anyIn(words, 0, words.length)) return false;
  for (const t of terms) if (change.terms.has(t.key)) return false;
  return true;
}

const EXPLICIT = new DerivedKey<{ clauses: ClauseIds; renames: string; analyses: Map<string, ExplicitAnalysis> }>('consultation.explicit');

/**
 * The explicit mentions of every comment of one collation, memoised per collation and clause
 * ids: an edit to legal text that keeps every clause number checks nothing again, and the
 * `unknown-clause` rule never builds the BM25 index.
 */
export function collationMentions(workspace: WorkspaceIndex, model: ConsultationModel): Map<string, ExplicitAnalysis> {
  const clauses = clauseIds(workspace);
  const renames = clauseRenamesFor(workspace, model.uri);
  const renamesKey = JSON.stringify([...renames]);
  const cached = derivedIf(model, EXPLICIT);
  if (cached && cached.clauses === clauses && cached.renames === renamesKey) return cached.analyses;
  const analyses = new Map<string, ExplicitAnalysis>();
  for (const c of model.comments) analyses.set(c.id, explicitMentions(model, c, clauses, renames));
  keepDerived(model, EXPLICIT, { clauses, renames: renamesKey, analyses });
  return analyses;
}

interface LinkCache {
  explicit: Map<string, ExplicitAnalysis>;
  corpus: ClauseCorpus | undefined;
  threshold: number;
  analyses: Map<string, CommentAnalysis>;
}

const LINKS = new DerivedKey<LinkCache>('consultation.links');

/**
 * Analyses of every comment of one collation (memoised per collation, clauses and threshold).
 * A comment with explicit links keeps its analysis while the clause ids stay; only those
 * that need inference are scored again when the clause texts change.
 */
export function collationLinks(workspace: WorkspaceIndex, model: ConsultationModel): Map<string, CommentAnalysis> {
  const explicit = collationMentions(workspace, model);
  const threshold = workspace.settings.linkThreshold;
  const cached = derivedIf(model, LINKS);
  const inferring = model.comments.some(c => needsInference(explicit.get(c.id)!, c));
  const corpus = inferring ? clauseCorpus(workspace) : undefined;
  if (cached && cached.explicit === explicit && cached.corpus === corpus && cached.threshold === threshold) return cached.analyses;
  const analyses = new Map<string, CommentAnalysis>();
  const keep = cached && cached.explicit === explicit && cached.threshold === threshold ? cached.analyses : undefined;
  // After an edit that changed only some terms (typing inside a word), a comment sharing none
  // of them scores exactly as before.
  const changed = keep && cached?.corpus && corpus ? changedSince(cached.corpus, corpus) : undefined;
  for (const c of model.comments) {
    const e = explicit.get(c.id)!;
    const kept = keep?.get(c.id);
    const text = inferenceText(e, c);
    if (kept && (text === undefined || (changed && untouched(model, corpus!, text, changed)))) analyses.set(c.id, kept);
    else analyses.set(c.id, linksOf(e, c, () => corpus!, threshold, model));
  }
  keepDerived(model, LINKS, { explicit, corpus, threshold, analyses });
  return analyses;
}

/** Every comment of the workspace with its links, in file then row order (a second copy of a collation counted once: copies.ts). */
export function commentEntries(workspace: WorkspaceIndex): CommentEntry[] {
  return workspace.derived('consultation.commentEntries', () => {
    const out: CommentEntry[] = [];
    const copies = collationCopies(workspace);
    for (const model of workspace.consultationModels()) {
      if (copies.has(model.uri)) continue;
      const analyses = collationLinks(workspace, model);
      for (const comment of model.comments) {
        const a = analyses.get(comment.id)!;
        out.push({ comment, uri: model.uri, links: a.links, status: a.status });
      }
    }
    return out;
  });
}

/** Comments linked to each clause id. */
export function commentsByClause(workspace: WorkspaceIndex): Map<string, { entry: CommentEntry; link: CommentLink }[]> {
  return workspace.derived('consultation.commentsByClause', () => {
    const map = new Map<string, { entry: CommentEntry; link: CommentLink }[]>();
    for (const entry of commentEntries(workspace)) {
      for (const link of entry.links) {
        const list = map.get(link.clause);
        if (list) list.push({ entry, link });
        else map.set(link.clause, [{ entry, link }]);
      }
    }
    return map;
  });
}

/**
 * A link stored earlier (clause id + quoted sentence), checked against the clauses now:
 * still there, re-attached to the clause its sentence now points to, or orphaned.
 */
export function reattach(workspace: WorkspaceIndex, stored: Pick<CommentLink, 'commentId' | 'clause' | 'quote'>): { status: 'attached' | 'reattached' | 'orphaned'; clause?: string; score?: number } {
  const corpus = clauseCorpus(workspace);
  if (corpus.clauses.known.has(stored.clause)) return { status: 'attached', clause: stored.clause };
  const probe: ConsultationComment = { id: stored.commentId, question: '', respondent: '', category: '', response: '', text: stored.quote, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const best = infer(corpus, probe, stored.quote.replace(new RegExp(stored.clause.replace(/\./g, '\\.'), 'g'), ''), workspace.settings.linkThreshold)[0];
  return best ? { status: 'reattached', clause: best.clause, score: best.score } : { status: 'orphaned' };
}
