// Links from consultation comments to the clauses they address, for the whole workspace.
//   explicit: clause numbers the comment names, resolved against the workspace's clauses;
//   inferred: for a comment naming no clause, the clauses its words are about (BM25 over
//             clause texts, defined terms as single tokens), each with a 0–1 score and the
//             words that made the link; below `settings.linkThreshold` a comment stays general.
// Each link keeps the sentence that makes it, so a stored link whose clause was renumbered
// can re-attach by that sentence (`reattach`), and otherwise shows as orphaned.
// The clause index is built once per set of legal models and shared by every comment; the
// links of a collation are recomputed only when it, the clauses or the threshold change.
import type { WorkspaceIndex } from '../../workspaceIndex';
import type { LegalModel } from '../document';
import type { ConsultationModel } from './index';
import type { ClauseMention, CommentEntry, CommentLink, ConsultationComment } from './types';
import { Bm25Index, Bm25Segment, PhraseSet, termCounts, termPhrases, tokenise, type Term, type TermCounts } from './bm25';
import { memo } from '../memo';
import { expandRange, scanMentions } from './mentions';
import { partOf } from '../clauseIds';
import type { Range } from '../../types';
import type { Clause } from '../structure';

export interface ClauseCorpus {
  ids: string[];
  /** Clause ids by Part ("G8" → ids), to resolve ranges and bare numbers. */
  byPart: Map<string, string[]>;
  known: Set<string>;
  phrases: PhraseSet;
  maxPhrase: number;
  index: Bm25Index;
  /**
   * Clauses too long to be what a comment "is about" (the A1.1 definitions table says a
   * little about everything): they take explicit links but are never inferred.
   */
  tooBroad: Set<number>;
}

interface CorpusCache {
  models: readonly LegalModel[];
  corpus: ClauseCorpus;
}

const corpusCache = new WeakMap<WorkspaceIndex, CorpusCache>();

interface ModelClauses {
  /** Not the clause texts: those are joined again only when the counts are (no second copy of the Code kept). */
  clauses: { id: string; part: string; definitionsTable: boolean; clause: Clause }[];
  /** Capitalised runs outside headings: candidate defined terms. */
  phrases: string[];
}

/** One legal document's clause texts (heading and every line) and term phrases, once per model. */
function modelClauses(m: LegalModel): ModelClauses {
  return memo(m, 'consultation.clauses', () => {
    const clauses = m.structure.clauses.map(c => {
      // A definitions table (A1.1) shares words with every comment; only an explicit mention links to it.
      const rows = m.structure.kinds.slice(c.firstLine, c.lastLine + 1).filter(k => k === 'table-row').length;
      return { id: c.id, part: c.part, definitionsTable: rows >= 3, clause: c };
    });
    const phrases: string[] = [];
    // Headings are in title case throughout: their runs are not terms.
    m.lines.forEach((l, i) => {
      if (!/heading$/.test(m.structure.kinds[i] ?? '')) phrases.push(...termPhrases(l.text));
    });
    return { clauses, phrases };
  });
}

/** A clause's heading and every line, as one text. */
function clauseText(m: LegalModel, c: Clause): string {
  const body = m.lines.slice(c.firstLine, c.lastLine + 1).map(l => l.text).join('\n');
  return c.heading ? `${c.heading}\n${body}` : body;
}

/** Term counts of one document's clauses, reused while the phrase vocabulary stays the same. */
const countCache = new WeakMap<LegalModel, { phrases: PhraseSet; counts: TermCounts[] }>();

function modelCounts(m: LegalModel, phrases: PhraseSet, maxPhrase: number): TermCounts[] {
  const cached = countCache.get(m);
  if (cached && (cached.phrases === phrases || cached.phrases.equals(phrases))) return cached.counts;
  const counts = modelClauses(m).clauses.map(c => termCounts(tokenise(clauseText(m, c.clause), phrases, maxPhrase).map(t => t.key)));
  countCache.set(m, { phrases, counts });
  return counts;
}

/** One document's postings, rebuilt only when its clauses' counts change. */
const segmentCache = new WeakMap<LegalModel, Bm25Segment>();

function segmentOf(m: LegalModel, counts: TermCounts[]): Bm25Segment {
  const cached = segmentCache.get(m);
  if (cached && cached.docs.length === counts.length && cached.docs.every((d, i) => d === counts[i])) return cached;
  const segment = new Bm25Segment(counts);
  segmentCache.set(m, segment);
  return segment;
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * The phrase vocabulary: the previous one when every document's term phrases are the same as
 * before (an edit that adds or removes no capitalised run), so the other documents' counts stay.
 */
function phraseSetOf(models: readonly LegalModel[], previous: CorpusCache | undefined): PhraseSet {
  if (previous && previous.models.length === models.length
    && models.every((m, i) => sameList(modelClauses(m).phrases, modelClauses(previous.models[i]).phrases))) return previous.corpus.phrases;
  return new PhraseSet(models.flatMap(m => modelClauses(m).phrases));
}

function buildCorpus(models: readonly LegalModel[], previous: CorpusCache | undefined): ClauseCorpus {
  const phrases = phraseSetOf(models, previous);
  let maxPhrase = 2;
  for (const list of phrases.byFirst.values()) maxPhrase = Math.max(maxPhrase, list[0]);
  const ids: string[] = [];
  const docs: TermCounts[] = [];
  const byPart = new Map<string, string[]>();
  const known = new Set<string>();
  const definitionTables: number[] = [];
  const segments: Bm25Segment[] = [];
  for (const m of models) {
    const counts = modelCounts(m, phrases, maxPhrase);
    const first = docs.length;
    modelClauses(m).clauses.forEach((c, i) => {
      if (known.has(c.id)) return;
      known.add(c.id);
      if (c.definitionsTable) definitionTables.push(ids.length);
      ids.push(c.id);
      docs.push(counts[i]);
      const part = byPart.get(c.part);
      if (part) part.push(c.id);
      else byPart.set(c.part, [c.id]);
    });
    segments.push(segmentOf(m, docs.slice(first)));
  }
  const average = docs.reduce((a, d) => a + d.length, 0) / Math.max(1, docs.length);
  const tooBroad = new Set<number>(definitionTables);
  docs.forEach((d, i) => { if (docs.length > 3 && d.length > BROAD_FACTOR * average) tooBroad.add(i); });
  return { ids, byPart, known, phrases, maxPhrase, index: new Bm25Index(segments), tooBroad };
}

/** The clause index of the workspace's legal text, rebuilt only when a legal model changes. */
export function clauseCorpus(workspace: WorkspaceIndex): ClauseCorpus {
  const models = workspace.legalModels();
  const cached = corpusCache.get(workspace);
  if (cached && cached.models.length === models.length && cached.models.every((m, i) => m === models[i])) return cached.corpus;
  const corpus = buildCorpus(models, cached);
  corpusCache.set(workspace, { models, corpus });
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

function infer(corpus: ClauseCorpus, comment: ConsultationComment, text: string, threshold: number): CommentLink[] {
  const terms = tokenise(text, corpus.phrases, corpus.maxPhrase);
  if (terms.length === 0) return [];
  const ranked = [...corpus.index.search(queryOf(terms))].filter(([doc, s]) => s.shared >= MIN_SHARED && !corpus.tooBroad.has(doc)).sort((a, b) => b[1].score - a[1].score);
  const best = ranked[0]?.[1].score ?? 0;
  const links: CommentLink[] = [];
  for (const [doc, { score: raw }] of ranked.slice(0, MAX_INFERRED)) {
    const score = squash(raw);
    if (score < threshold || raw < best * 0.6) break;
    links.push({ commentId: comment.id, clause: corpus.ids[doc], kind: 'inferred', score, ...explain(corpus, doc, terms, text) });
  }
  return links;
}

/** The words that made an inferred link, and the sentence richest in them. */
function explain(corpus: ClauseCorpus, doc: number, terms: Term[], text: string): { quote: string; because: string[] } {
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
    const sTerms = new Set(tokenise(s.text, corpus.phrases, corpus.maxPhrase).map(t => t.key));
    let score = 0;
    for (const k of sTerms) score += weight.get(k)?.w ?? 0;
    if (score > bestScore) {
      bestScore = score;
      quote = s.text;
    }
  }
  return { quote, because };
}

export function analyseComment(model: ConsultationModel, comment: ConsultationComment, corpus: ClauseCorpus, threshold: number): CommentAnalysis {
  const mentions: ClauseMention[] = [];
  const unknown: ClauseMention[] = [];
  const links: CommentLink[] = [];
  const linked = new Set<string>();
  const seenText = new Map<string, number>();
  for (const raw of scanMentions(comment.text)) {
    const part = partOf(raw.from);
    // A number whose Part has no clauses here is something else ("V1.15"), or a clause of a
    // Section the workspace does not hold: neither can be shown to be unknown.
    if (!corpus.byPart.has(part)) continue;
    const nth = seenText.get(raw.text) ?? 0;
    seenText.set(raw.text, nth + 1);
    const range = locate(model, comment, raw.text, nth);
    const quote = sentenceAt(comment.text, raw.index);
    for (const id of expandRange(raw, corpus.byPart.get(part) ?? [])) {
      const mention: ClauseMention = { commentId: comment.id, clause: id, text: raw.text, range };
      mentions.push(mention);
      if (!corpus.known.has(id)) {
        unknown.push(mention);
        continue;
      }
      if (linked.has(id)) continue;
      linked.add(id);
      links.push({ commentId: comment.id, clause: id, kind: 'explicit', score: 1, quote });
    }
  }
  if (links.length > 0) return { mentions, unknown, links, status: 'linked' };
  if (unknown.length > 0) {
    // Named clauses that no longer exist (renumbered?): try to re-attach by the sentences.
    const quotes = [...new Set(unknown.map(u => sentenceAt(comment.text, comment.text.indexOf(u.text))))].join(' ');
    const again = infer(corpus, comment, quotes, threshold);
    return { mentions, unknown, links: again, status: again.length ? 'linked' : 'orphaned' };
  }
  if (!comment.text.trim()) return { mentions, unknown, links, status: 'general' };
  const inferred = infer(corpus, comment, comment.text, threshold);
  return { mentions, unknown, links: inferred, status: inferred.length ? 'linked' : 'general' };
}

interface LinkCache {
  corpus: ClauseCorpus;
  threshold: number;
  analyses: Map<string, CommentAnalysis>;
}

const linkCache = new WeakMap<ConsultationModel, LinkCache>();

/** Analyses of every comment of one collation (memoised per collation, clauses and threshold). */
export function collationLinks(workspace: WorkspaceIndex, model: ConsultationModel): Map<string, CommentAnalysis> {
  const corpus = clauseCorpus(workspace);
  const threshold = workspace.settings.linkThreshold;
  const cached = linkCache.get(model);
  if (cached && cached.corpus === corpus && cached.threshold === threshold) return cached.analyses;
  const analyses = new Map<string, CommentAnalysis>();
  for (const c of model.comments) analyses.set(c.id, analyseComment(model, c, corpus, threshold));
  linkCache.set(model, { corpus, threshold, analyses });
  return analyses;
}

/** Every comment of the workspace with its links, in file then row order. */
export function commentEntries(workspace: WorkspaceIndex): CommentEntry[] {
  return workspace.derived('consultation.commentEntries', () => {
    const out: CommentEntry[] = [];
    for (const model of workspace.consultationModels()) {
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
  if (corpus.known.has(stored.clause)) return { status: 'attached', clause: stored.clause };
  const probe: ConsultationComment = { id: stored.commentId, question: '', respondent: '', category: '', response: '', text: stored.quote, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const best = infer(corpus, probe, stored.quote.replace(new RegExp(stored.clause.replace(/\./g, '\\.'), 'g'), ''), workspace.settings.linkThreshold)[0];
  return best ? { status: 'reattached', clause: best.clause, score: best.score } : { status: 'orphaned' };
}
