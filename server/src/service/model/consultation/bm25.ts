// A small BM25 index over clause texts, for linking comments to the clauses they talk about.
// Defined terms (capitalised phrases of the legal text, e.g. "Non-Domestic Premises") are
// single tokens, matched case-insensitively, so "non-domestic premises" in a comment is one
// rare term rather than two common words. Thresholds ("50,000") are tokens too.

const STOPWORDS = new Set((
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could ' +
  'did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself ' +
  'just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their ' +
  'them then there these they this those through to too under until up very was we were what when where which while who whom why will with ' +
  'would you your shall may must within upon thereof therein whether either etc via per one two ' +
  // Section and consultation boilerplate: says nothing about which clause is meant.
  'section sections sec code clause clauses paragraph accordance purpose purposes relevant apply applies applied subject case ' +
  'modification modifications proposal proposed propose change changes believe agree agreed support supportive supporting welcome note ' +
  'clarification clarify clarifications approve approved response respond view think consider considered seek ask would like unclear ' +
  'intent intended therefore however us it\'s we\'re new current currently mod solution objective objectives better facilitate facilitates ' +
  'whose less more made make makes follows following follow means meaning provide provided provides concern concerns concerned ' +
  'require required requires requirement need needs needed ensure ensures ensuring like also way ways much many well still already').split(/\s+/));

/** Leading words that make a capitalised run a sentence start, not part of a term. */
const LEADING = new Set(['each', 'where', 'the', 'a', 'an', 'any', 'for', 'if', 'in', 'on', 'no', 'this', 'that', 'such', 'every', 'all', 'within', 'after', 'before', 'having', 'when', 'while', 'its', 'their', 'we', 'our']);

const WORD_RE = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g;

/** Lower case, plural and possessive folded: "Assessments" → "assessment", "User’s" → "user". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s?$/, '').replace(/,/g, '');
  if (/^\d/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

export interface Word {
  stem: string;
  surface: string;
  index: number;
  capital: boolean;
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) out.push({ stem: stem(m[0]), surface: m[0], index: m.index, capital: /^[A-Z]/.test(m[0]) });
  return out;
}

/** Capitalised runs of 2–5 words in legal text: the candidate defined terms. */
export function termPhrases(text: string): string[] {
  const found: string[] = [];
  const ws = words(text);
  let run: Word[] = [];
  const flush = () => {
    while (run.length && LEADING.has(run[0].stem)) run.shift();
    if (run.length >= 2 && run.length <= 5) found.push(run.map(w => w.stem).join(' '));
    run = [];
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const adjacent = run.length === 0 || /^\s+$/.test(text.slice(run[run.length - 1].index + run[run.length - 1].surface.length, w.index));
    if (w.capital && /^[A-Za-z]/.test(w.surface) && adjacent) run.push(w);
    else {
      flush();
      if (w.capital && /^[A-Za-z]/.test(w.surface)) run.push(w);
    }
  }
  flush();
  return found;
}

export interface Term {
  key: string;
  /** A word of a phrase, repeated after the phrase's own token: it counts for less. */
  part?: boolean;
  /** As first written in the text it came from. */
  surface: string;
  /** Offset in the text. */
  index: number;
}

/**
 * Tokens of a text: known phrases (longest first) as one token, other words on their own.
 * With `withParts`, a phrase's own words follow it as well, so "security assessments" in a
 * comment still meets "User Security Assessment" (the whole phrase scores higher).
 */
export function tokenise(text: string, phrases: PhraseSet, maxPhrase: number, withParts = true): Term[] {
  const ws = words(text);
  const out: Term[] = [];
  for (let i = 0; i < ws.length; i++) {
    let matched = 0;
    const lengths = phrases.byFirst.get(ws[i].stem);
    if (lengths) {
      for (const n of lengths) {
        if (n > maxPhrase || i + n > ws.length) continue;
        let key = ws[i].stem;
        for (let k = 1; k < n; k++) key += ' ' + ws[i + k].stem;
        if (!phrases.has(key)) continue;
        const last = ws[i + n - 1];
        out.push({ key, surface: text.slice(ws[i].index, last.index + last.surface.length), index: ws[i].index });
        if (withParts) for (let k = i; k < i + n; k++) if (!STOPWORDS.has(ws[k].stem) && ws[k].stem.length > 2) out.push({ key: ws[k].stem, surface: ws[k].surface, index: ws[k].index, part: true });
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    const w = ws[i];
    if (STOPWORDS.has(w.stem) || (w.stem.length < 3 && !/^\d/.test(w.stem))) continue;
    if (/^\d+$/.test(w.stem) && Number(w.stem) < 100) continue; // paragraph and day counts say little
    out.push({ key: w.stem, surface: w.surface, index: w.index });
  }
  return out;
}

/** Known phrases, with the lengths (longest first) of those each first word can start. */
export class PhraseSet {
  private readonly keys = new Set<string>();
  readonly byFirst = new Map<string, number[]>();

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      if (this.keys.has(p)) continue;
      this.keys.add(p);
      const parts = p.split(' ');
      const list = this.byFirst.get(parts[0]) ?? [];
      if (!list.includes(parts.length)) {
        list.push(parts.length);
        list.sort((a, b) => b - a);
      }
      this.byFirst.set(parts[0], list);
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Same phrases as another set (then tokens made with either are the same). */
  equals(other: PhraseSet): boolean {
    if (other.size !== this.size) return false;
    for (const k of this.keys) if (!other.has(k)) return false;
    return true;
  }
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/** How often each term occurs in one document, and the document's length in tokens. */
export interface TermCounts {
  tf: Map<string, number>;
  length: number;
}

export function termCounts(tokens: readonly string[]): TermCounts {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, length: tokens.length };
}

/** The postings of a run of documents (one legal file's clauses), built once and shared by every index holding it. */
export class Bm25Segment {
  /** Per term: the documents holding it (numbered within the segment) and how often. */
  readonly postings = new Map<string, { docs: Int32Array; tfs: Float64Array }>();

  constructor(readonly docs: readonly TermCounts[]) {
    const lists = new Map<string, number[]>();
    docs.forEach(({ tf }, doc) => {
      for (const [t, n] of tf) {
        const list = lists.get(t);
        if (list) list.push(doc, n);
        else lists.set(t, [doc, n]);
      }
    });
    for (const [t, list] of lists) {
      const docsOf = new Int32Array(list.length / 2);
      const tfs = new Float64Array(list.length / 2);
      for (let i = 0; i < docsOf.length; i++) {
        docsOf[i] = list[2 * i];
        tfs[i] = list[2 * i + 1];
      }
      this.postings.set(t, { docs: docsOf, tfs });
    }
  }
}

/**
 * BM25 (k1 1.2, b 0.75) over documents given by their term counts, in segments: after one
 * legal file changes only its segment is rebuilt; documents are numbered across segments.
 */
export class Bm25Index {
  private readonly segments: readonly Bm25Segment[];
  /** The number of the first document of each segment. */
  private readonly bases: number[] = [];
  private readonly termCounts: ReadonlyMap<string, number>[] = [];
  /** k1 · (1 − b + b · length / average length), per document. */
  private readonly lengthNorm: Float64Array;
  private readonly scores: Float64Array;
  private readonly shared: Int32Array;
  readonly size: number;

  constructor(segments: readonly Bm25Segment[] | readonly TermCounts[], private readonly k1 = 1.2, b = 0.75) {
    this.segments = segments.length > 0 && !(segments[0] instanceof Bm25Segment) ? [new Bm25Segment(segments as TermCounts[])] : segments as Bm25Segment[];
    const docs: TermCounts[] = [];
    for (const segment of this.segments) {
      this.bases.push(docs.length);
      docs.push(...segment.docs);
    }
    for (const d of docs) this.termCounts.push(d.tf);
    this.size = docs.length;
    const average = docs.reduce((a, d) => a + d.length, 0) / Math.max(1, docs.length) || 1;
    this.lengthNorm = Float64Array.from(docs, d => k1 * (1 - b + b * d.length / average));
    this.scores = new Float64Array(docs.length);
    this.shared = new Int32Array(docs.length);
  }

  /** How many documents hold a term. */
  private df(term: string): number {
    let df = 0;
    for (const segment of this.segments) df += segment.postings.get(term)?.docs.length ?? 0;
    return df;
  }

  idf(term: string): number {
    const df = this.df(term);
    return df === 0 ? 0 : Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores of the documents sharing a term with the query (terms weighted), and how many
   * distinct full-weight terms each shares. Very common terms say little and are skipped:
   * those in a quarter of a small text, or in a twentieth of a large Code (where they would
   * also make a query slow).
   */
  search(query: ReadonlyMap<string, number>): Map<number, { score: number; shared: number }> {
    const touched: number[] = [];
    const maxDf = this.size <= 20 ? Infinity : Math.max(0.25 * Math.min(this.size, 400), 0.05 * this.size);
    for (const [term, weight] of query) {
      const df = this.df(term);
      if (df === 0 || df > maxDf) continue;
      const idf = this.idf(term) * weight;
      const full = weight >= 1 ? 1 : 0;
      this.segments.forEach((segment, s) => {
        const p = segment.postings.get(term);
        if (!p) return;
        const base = this.bases[s];
        const { docs, tfs } = p;
        for (let i = 0; i < docs.length; i++) {
          const doc = base + docs[i];
          const tf = tfs[i];
          if (this.scores[doc] === 0 && this.shared[doc] === 0) touched.push(doc);
          this.scores[doc] += idf * tf * (this.k1 + 1) / (tf + this.lengthNorm[doc]);
          this.shared[doc] += full;
        }
      });
    }
    const out = new Map<number, { score: number; shared: number }>();
    for (const doc of touched) {
      out.set(doc, { score: this.scores[doc], shared: this.shared[doc] });
      this.scores[doc] = 0;
      this.shared[doc] = 0;
    }
    return out;
  }

  /** One term's part of a document's score (to say which words made a link). */
  contribution(term: string, doc: number): number {
    const tf = this.termCounts[doc]?.get(term) ?? 0;
    if (tf === 0) return 0;
    return this.idf(term) * tf * (this.k1 + 1) / (tf + this.lengthNorm[doc]);
  }
}
