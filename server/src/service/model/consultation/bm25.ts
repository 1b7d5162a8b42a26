// A small BM25 index over clause texts, for linking comments to the clauses they talk about.
// Defined terms (capitalised phrases of the legal text, e.g. "Non-Domestic Premises") are
// single tokens, matched case-insensitively, so "non-domestic premises" in a comment is one
// rare term rather than two common words. Thresholds ("50,000") are tokens too.
// The whole Code is tokenised on a cold start, so the words are scanned by hand (no match
// objects), each distinct word is stemmed once, and clause texts are kept as typed arrays of
// term ids rather than strings and maps.

import { HASH_START, SliceTable, Vocabulary, hashStep } from '../../text/vocabulary';

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

/** Lower case, plural and possessive folded: "Assessments" → "assessment", "User’s" → "user". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s?$/, '').replace(/,/g, '');
  if (/^\d/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

// ---- Term ids: every stem and phrase key met, numbered once per service instance ----------
// (Ids outlive document versions so cached typed arrays stay valid; the vocabulary of SEC
// text and comments is some tens of thousands of keys.)

/** Per id: counts as a term on its own (not a stopword, short word or small number). */
const ALONE = 1;
/** Per id: counts as the word of a phrase (not a stopword, longer than two letters). */
const PART = 2;
/** Per id: a word that starts a sentence rather than a term ("The", "Each"). */
const LEADS = 4;

/**
 * Stems and phrase keys ↔ ids (text/vocabulary.ts), with what each id counts as, and the stem id
 * of each word as written: scanning the Code makes no string per word, only per distinct word.
 * One per service instance (model/vocabularies.ts), with the scanner's scratch: every function
 * here that reads text or ids is given it (a PhraseSet carries the one its ids belong to).
 */
export class StemTerms {
  readonly keys = new Vocabulary(false);
  flags = new Uint8Array(4096);
  /** Stem ids by a word as written; cleared when very large (typing makes many passing words), the ids stay. */
  readonly surfaces = new SliceTable(false);
  /** Scratch for building postings, per term id: how many documents, then where the next goes. */
  postingFill = new Int32Array(1024);
  /** Scratch: the words `scan` found last. */
  readonly scanned: Scanned = { count: 0, ids: new Int32Array(256), starts: new Int32Array(256), ends: new Int32Array(256) };

  /** The number of a stem or phrase key. */
  termId(key: string): number {
    const before = this.keys.size;
    const id = this.keys.idOf(key);
    if (id === before) {
      if (id >= this.flags.length) {
        const grown = new Uint8Array(this.flags.length * 2);
        grown.set(this.flags);
        this.flags = grown;
      }
      this.flags[id] = flagsOf(key);
    }
    return id;
  }

  /** The stem or phrase key of a term id. */
  keyOf(id: number): string {
    return this.keys.wordOf(id);
  }

  /** How many ids there are (ids are 0 .. size - 1). */
  get size(): number {
    return this.keys.size;
  }

  /** The stem id of `text[start .. end)`, whose hash the scanner worked out as it went. */
  stemIdAt(text: string, start: number, end: number, hash: number): number {
    const known = this.surfaces.get(text, start, end, hash);
    if (known >= 0) return known;
    const surface = text.slice(start, end);
    const id = this.termId(stem(surface));
    if (this.surfaces.size > 500_000) this.surfaces.clear();
    this.surfaces.add(surface, hash, id);
    return id;
  }
}

function flagsOf(key: string): number {
  let f = 0;
  const stop = STOPWORDS.has(key);
  // Paragraph and day counts say little, nor do stopwords and one- or two-letter words.
  if (!stop && !(key.length < 3 && !/^\d/.test(key)) && !(/^\d+$/.test(key) && Number(key) < 100)) f |= ALONE;
  if (!stop && key.length > 2) f |= PART;
  if (LEADING.has(key)) f |= LEADS;
  return f;
}

// ---- Words -------------------------------------------------------------------------------

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** ",123" at p: one thousands group. */
const isGroup = (text: string, p: number) => text.charCodeAt(p) === 44 && isDigit(text.charCodeAt(p + 1)) && isDigit(text.charCodeAt(p + 2)) && isDigit(text.charCodeAt(p + 3));

/** The words `scan` found last: stem id, and where each starts and ends. */
interface Scanned {
  count: number;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}


function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The words of a text into terms.scanned (overwritten by the next scan), exactly as
 * /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g finds them:
 * a word (inner apostrophes and hyphens kept), a number with thousands commas, or a decimal.
 */
function scan(terms: StemTerms, text: string): Scanned {
  const out = terms.scanned;
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = -1;
    let next = i + 1;
    let hash = HASH_START;
    if (isLetter(c)) {
      // The hash is taken up to each letter, so that it stops at the word's last one.
      let running = hashStep(hash, c);
      hash = running;
      let last = i;
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (isLetter(d)) {
          last = j;
          running = hashStep(running, d);
          hash = running;
        } else if (d === 39 || d === 0x2019 || d === 45) running = hashStep(running, d);
        else break;
      }
      // Trailing apostrophes and hyphens are not the word's, and cannot start one.
      end = last + 1;
      next = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (isDigit(text.charCodeAt(j))) j++;
      if (j - i <= 3 && isGroup(text, j)) {
        do j += 4; while (isGroup(text, j));
      } else if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (isDigit(text.charCodeAt(j))) j++;
      }
      end = j;
      next = j;
      for (let k = i; k < j; k++) hash = hashStep(hash, text.charCodeAt(k));
    }
    if (end >= 0) {
      if (count === out.ids.length) {
        out.ids = grow(out.ids);
        out.starts = grow(out.starts);
        out.ends = grow(out.ends);
      }
      out.ids[count] = terms.stemIdAt(text, i, end, hash);
      out.starts[count] = i;
      out.ends[count] = end;
      count++;
    }
    i = next;
  }
  out.count = count;
  return out;
}

export interface Word {
  stem: string;
  surface: string;
  index: number;
  capital: boolean;
}

export function words(terms: StemTerms, text: string): Word[] {
  const s = scan(terms, text);
  const out: Word[] = [];
  for (let k = 0; k < s.count; k++) out.push({ stem: terms.keyOf(s.ids[k]), surface: text.slice(s.starts[k], s.ends[k]), index: s.starts[k], capital: isCapital(text.charCodeAt(s.starts[k])) });
  return out;
}

const isCapital = (c: number) => c >= 65 && c <= 90;

/** Only white space (at least one character) between two offsets. */
function spaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[k])) return false;
  }
  return true;
}

/**
 * Stem ids of many lines, one after another in one growing typed array (a typed array per
 * line would be tens of thousands of small objects for the Code).
 */
export class WordBuffer {
  ids: Int32Array;
  count = 0;

  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
  }

  private reserve(n: number): void {
    if (this.count + n <= this.ids.length) return;
    const grown = new Int32Array(Math.max(this.ids.length * 2, this.count + n));
    grown.set(this.ids.subarray(0, this.count));
    this.ids = grown;
  }

  /** Append a line's words (stem ids of `terms`); with `phrases`, append its term phrases there (see `appendPhrases`). */
  appendLine(terms: StemTerms, text: string, phrases?: WordBuffer): void {
    const s = scan(terms, text);
    this.appendIds(s.ids, 0, s.count);
    if (phrases) appendPhrases(terms, text, s, phrases);
  }

  /** Append ids read before, `ids[from .. to)` (copied one by one: a view per line would be an object per line). */
  appendIds(ids: Int32Array, from: number, to: number): void {
    this.reserve(to - from);
    const into = this.ids;
    let at = this.count;
    for (let k = from; k < to; k++) into[at++] = ids[k];
    this.count = at;
  }

  push(n: number): void {
    this.reserve(1);
    this.ids[this.count++] = n;
  }

  /** The ids appended so far, in an array of their own. */
  toArray(): Int32Array {
    return this.ids.slice(0, this.count);
  }
}

/**
 * Capitalised runs of 2–5 words in legal text, the candidate defined terms, of the words
 * `scan` found last in `text`: each appended to `out` as its length then its stem ids (no
 * string is made for a phrase until the phrase set meets it for the first time).
 */
function appendPhrases(terms: StemTerms, text: string, s: Scanned, out: WordBuffer): void {
  const flags = terms.flags;
  let runStart = 0;
  let runEnd = 0; // words runStart .. runEnd-1 are the run
  for (let i = 0; i <= s.count; i++) {
    const capital = i < s.count && isCapital(text.charCodeAt(s.starts[i]));
    if (capital && runEnd > runStart && spaceBetween(text, s.ends[runEnd - 1], s.starts[i])) {
      runEnd = i + 1;
      continue;
    }
    // The run ends: without the words that start a sentence, 2–5 words make a phrase.
    while (runStart < runEnd && flags[s.ids[runStart]] & LEADS) runStart++;
    const length = runEnd - runStart;
    if (length >= 2 && length <= 5) {
      out.push(length);
      out.appendIds(s.ids, runStart, runEnd);
    }
    runStart = i;
    runEnd = capital ? i + 1 : i;
  }
}

/** The phrases of a text as keys ("user security assessment"), for tests and small texts. */
export function termPhrases(terms: StemTerms, text: string): string[] {
  const found = new WordBuffer(64);
  appendPhrases(terms, text, scan(terms, text), found);
  const out: string[] = [];
  for (let k = 0; k < found.count; k += found.ids[k] + 1) {
    const words: string[] = [];
    for (let j = 1; j <= found.ids[k]; j++) words.push(terms.keyOf(found.ids[k + j]));
    out.push(words.join(' '));
  }
  return out;
}

// ---- Phrases and tokens -------------------------------------------------------------------

export interface Term {
  key: string;
  /** A word of a phrase, repeated after the phrase's own token: it counts for less. */
  part?: boolean;
  /** As first written in the text it came from. */
  surface: string;
  /** Offset in the text. */
  index: number;
}


/** "user security assessment": the key of a phrase from its stem ids. */
function phraseKey(terms: StemTerms, ids: Int32Array, from: number, length: number): string {
  let key = terms.keyOf(ids[from]);
  for (let j = 1; j < length; j++) key += ' ' + terms.keyOf(ids[from + j]);
  return key;
}

interface TrieNode {
  /** The phrase's term id where a phrase ends here, else -1. */
  id: number;
  next?: Map<number, TrieNode>;
}

/** Phrases as `appendPhrases` lists them (a length, then that many stem ids), one list per document. */
export type PhraseLists = readonly { ids: Int32Array; count: number }[];

/**
 * Known phrases, as a tree of stem ids: the first word by its id in an array (every word of
 * the Code is looked up), the next ones in maps. Each phrase's words and how many times the
 * documents hold it are kept too, so that after an edit the set is worked out from the
 * edited document's phrases alone (`replace`).
 */
export class PhraseSet {
  private readonly first: (TrieNode | undefined)[];
  /** The term ids of the phrases, each with the stem id of its first word. */
  private readonly ids = new Map<number, number>();
  /** Each phrase's stem ids. */
  private readonly words = new Map<number, Int32Array>();
  /** How many times the documents hold each phrase. */
  private readonly occurrences: Map<number, number>;
  /** The most words in a phrase (at least 2). */
  longest = 2;
  /** A sum over the phrases' ids: sets that differ mostly differ here (a quick first test of `equals`). */
  private signature = 0;

  /** `lists` hold stem ids of `terms`, the vocabulary every id of this set belongs to. */
  constructor(readonly terms: StemTerms, lists: PhraseLists, distinct?: { words: ReadonlyMap<number, Int32Array>; occurrences: Map<number, number> }) {
    this.first = new Array<TrieNode | undefined>(terms.size).fill(undefined);
    if (distinct) {
      this.occurrences = distinct.occurrences;
      for (const [id, words] of distinct.words) this.insert(words, 0, words.length, id);
      return;
    }
    this.occurrences = new Map();
    for (const list of lists) {
      for (let k = 0; k < list.count; k += list.ids[k] + 1) {
        const id = this.insert(list.ids, k + 1, list.ids[k]);
        this.occurrences.set(id, (this.occurrences.get(id) ?? 0) + 1);
      }
    }
  }

  /** Add the phrase `ids[from .. from + length)` (with its term id when known); its term id. */
  private insert(ids: Int32Array, from: number, length: number, known = -1): number {
    let node = this.first[ids[from]];
    if (!node) node = this.first[ids[from]] = { id: -1 };
    for (let j = 1; j < length; j++) {
      const next: Map<number, TrieNode> = node.next ??= new Map();
      let child = next.get(ids[from + j]);
      if (!child) next.set(ids[from + j], child = { id: -1 });
      node = child;
    }
    if (node.id < 0) {
      node.id = known >= 0 ? known : this.terms.termId(phraseKey(this.terms, ids, from, length));
      this.ids.set(node.id, ids[from]);
      this.words.set(node.id, ids.slice(from, from + length));
      this.signature = (this.signature + Math.imul(node.id + 1, 0x9e3779b1)) | 0;
      this.longest = Math.max(this.longest, length);
    }
    return node.id;
  }

  /** The term id of the phrase `ids[from .. from + length)` if known, else -1. */
  private find(ids: Int32Array, from: number, length: number): number {
    let node = this.first[ids[from]];
    for (let j = 1; node && j < length; j++) node = node.next?.get(ids[from + j]);
    return node ? node.id : -1;
  }

  /**
   * The set once some documents' phrases (`removed`) are replaced by others (`added`): this
   * same set when no phrase appears or disappears (its counts updated), else a new one built
   * from the distinct phrases, not from every document again.
   */
  replace(removed: PhraseLists, added: PhraseLists): PhraseSet {
    const delta = new Map<number, number>();
    const fresh = new Map<number, Int32Array>();
    for (const [lists, step] of [[removed, -1], [added, 1]] as const) {
      for (const list of lists) {
        for (let k = 0; k < list.count; k += list.ids[k] + 1) {
          let id = this.find(list.ids, k + 1, list.ids[k]);
          if (id < 0) {
            id = this.terms.termId(phraseKey(this.terms, list.ids, k + 1, list.ids[k]));
            if (!fresh.has(id)) fresh.set(id, list.ids.slice(k + 1, k + 1 + list.ids[k]));
          }
          delta.set(id, (delta.get(id) ?? 0) + step);
        }
      }
    }
    let changed = false;
    for (const [id, d] of delta) if (((this.occurrences.get(id) ?? 0) > 0) !== ((this.occurrences.get(id) ?? 0) + d > 0)) changed = true;
    const occurrences = changed ? new Map(this.occurrences) : this.occurrences;
    for (const [id, d] of delta) {
      const n = (occurrences.get(id) ?? 0) + d;
      if (n > 0) occurrences.set(id, n);
      else occurrences.delete(id);
    }
    // The same phrases: this set serves on (only its counts, read by the next `replace`, moved).
    if (!changed) return this;
    const words = new Map<number, Int32Array>();
    for (const id of occurrences.keys()) words.set(id, this.words.get(id) ?? fresh.get(id)!);
    return new PhraseSet(this.terms, [], { words, occurrences });
  }

  has(key: string): boolean {
    const id = this.terms.keys.find(key);
    return id >= 0 && this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Same phrases as another set (then tokens made with either are the same). */
  equals(other: PhraseSet): boolean {
    if (other === this) return true;
    if (other.size !== this.size || other.signature !== this.signature) return false;
    for (const id of this.ids.keys()) if (!other.ids.has(id)) return false;
    return true;
  }

  /**
   * The first words of the phrases in one set and not the other. Only where one of these
   * words stands can tokens made with either set differ (a phrase matches from its first word).
   */
  triggers(other: PhraseSet): Triggers {
    if (this.triggersFrom?.serial === other.serial) return this.triggersFrom.triggers;
    const words = new Set<number>();
    for (const [id, first] of this.ids) if (!other.ids.has(id)) words.add(first);
    for (const [id, first] of other.ids) if (!this.ids.has(id)) words.add(first);
    const triggers = new Triggers(words, this.terms.size);
    // Kept for the last set compared (by number: holding it would keep every older set alive).
    this.triggersFrom = { serial: other.serial, triggers };
    return triggers;
  }

  private triggersFrom?: { serial: object; triggers: Triggers };
  /** This set's identity, held instead of the set itself (which would keep every earlier set alive). */
  readonly serial: object = {};

  /**
   * The longest phrase (at most `maxPhrase` words) starting at word `from` of `ids[..count)`:
   * its length (0 for none); its term id is left in `matchedId`.
   */
  longestAt(ids: Int32Array, from: number, count: number, maxPhrase: number): number {
    let node = this.first[ids[from]];
    if (!node) return 0;
    let length = 0;
    for (let k = 1; ; k++) {
      if (node.id >= 0) {
        length = k;
        this.matchedId = node.id;
      }
      if (k >= maxPhrase || from + k >= count || !node.next) break;
      const child = node.next.get(ids[from + k]);
      if (!child) break;
      node = child;
    }
    return length;
  }

  matchedId = -1;
}

/** Stem ids marked for quick tests of a run of words. */
export class Triggers {
  private readonly marked: Uint8Array;

  /** `words` are stem ids below `size`. */
  constructor(readonly words: ReadonlySet<number>, size: number) {
    this.marked = new Uint8Array(size);
    for (const w of words) this.marked[w] = 1;
  }

  /** Does `ids[from .. to)` hold a marked word? */
  anyIn(ids: Int32Array, from: number, to: number): boolean {
    if (this.words.size === 0) return false;
    for (let k = from; k < to; k++) if (this.marked[ids[k]] === 1) return true;
    return false;
  }
}

/**
 * Tokens of a text: known phrases (longest first) as one token, other words on their own.
 * With `withParts`, a phrase's own words follow it as well, so "security assessments" in a
 * comment still meets "User Security Assessment" (the whole phrase scores higher).
 */
export function tokenise(text: string, phrases: PhraseSet, maxPhrase: number, withParts = true): Term[] {
  return tokeniseScanned(text, scan(phrases.terms, text), phrases, maxPhrase, withParts);
}

/** Tokens of a text, and the stem ids of its words (to tell later whether other phrases would read it otherwise). */
export function tokeniseWithWords(text: string, phrases: PhraseSet, maxPhrase: number): { terms: Term[]; words: Int32Array } {
  const s = scan(phrases.terms, text);
  return { terms: tokeniseScanned(text, s, phrases, maxPhrase, true), words: s.ids.slice(0, s.count) };
}

function tokeniseScanned(text: string, s: Scanned, phrases: PhraseSet, maxPhrase: number, withParts: boolean): Term[] {
  const { terms } = phrases;
  const { flags } = terms;
  const out: Term[] = [];
  for (let i = 0; i < s.count; i++) {
    const n = phrases.longestAt(s.ids, i, s.count, maxPhrase);
    if (n > 0) {
      out.push({ key: terms.keyOf(phrases.matchedId), surface: text.slice(s.starts[i], s.ends[i + n - 1]), index: s.starts[i] });
      if (withParts) for (let k = i; k < i + n; k++) if (flags[s.ids[k]] & PART) out.push({ key: terms.keyOf(s.ids[k]), surface: text.slice(s.starts[k], s.ends[k]), index: s.starts[k], part: true });
      i += n - 1;
      continue;
    }
    if (flags[s.ids[i]] & ALONE) out.push({ key: terms.keyOf(s.ids[i]), surface: text.slice(s.starts[i], s.ends[i]), index: s.starts[i] });
  }
  return out;
}

/**
 * The term ids `tokenise` (with parts) would give for a run of stem ids, handed to `emit`
 * one by one: the clause index counts them without making a token object per word.
 */
export function forEachTermId(ids: Int32Array, count: number, phrases: PhraseSet, maxPhrase: number, emit: (id: number) => void): void {
  const { flags } = phrases.terms; // no id is numbered while the run is read: the table stays this one
  for (let i = 0; i < count; i++) {
    const n = phrases.longestAt(ids, i, count, maxPhrase);
    if (n > 0) {
      emit(phrases.matchedId);
      for (let k = i; k < i + n; k++) if (flags[ids[k]] & PART) emit(ids[k]);
      i += n - 1;
      continue;
    }
    if (flags[ids[i]] & ALONE) emit(ids[i]);
  }
}

// ---- Term counts and the index ------------------------------------------------------------

/**
 * How often each term occurs in each of a run of documents: for document d, the term ids
 * `terms[starts[d] .. starts[d + 1])` with their counts in `tfs`, and its length in tokens.
 */
export interface TermCounts {
  terms: Int32Array;
  tfs: Int32Array;
  starts: Int32Array;
  lengths: Int32Array;
}

/** A growing array of integers (a JS array of numbers would be copied as it grows, and scanned by the GC). */
class IntList {
  items = new Int32Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = n;
  }

  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

/** Collects term counts document by document (one shared counter, cleared after each). */
export class TermCounter {
  private counts = new Int32Array(1024);
  private readonly seen = new IntList();
  private readonly terms = new IntList();
  private readonly tfs = new IntList();
  private readonly starts = new IntList();
  private readonly lengths = new IntList();
  private length = 0;

  constructor() {
    this.starts.push(0);
  }

  readonly add = (id: number): void => {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(this.counts.length * 2, id + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    if (this.counts[id]++ === 0) this.seen.push(id);
    this.length++;
  };

  /** Close the current document. */
  end(): void {
    const seen = this.seen.items;
    for (let k = 0; k < this.seen.length; k++) {
      const id = seen[k];
      this.terms.push(id);
      this.tfs.push(this.counts[id]);
      this.counts[id] = 0;
    }
    this.seen.length = 0;
    this.starts.push(this.terms.length);
    this.lengths.push(this.length);
    this.length = 0;
  }

  /** Close the current document with the counts of one counted before. */
  copy(from: TermCounts, doc: number): void {
    for (let k = from.starts[doc]; k < from.starts[doc + 1]; k++) {
      this.terms.push(from.terms[k]);
      this.tfs.push(from.tfs[k]);
    }
    this.starts.push(this.terms.length);
    this.lengths.push(from.lengths[doc]);
  }

  result(): TermCounts {
    return { terms: this.terms.toArray(), tfs: this.tfs.toArray(), starts: this.starts.toArray(), lengths: this.lengths.toArray() };
  }
}

/** Term counts of token lists (for tests and small texts). */
export function termCounts(terms: StemTerms, docs: readonly (readonly string[])[]): TermCounts {
  const counter = new TermCounter();
  for (const tokens of docs) {
    for (const t of tokens) counter.add(terms.termId(t));
    counter.end();
  }
  return counter.result();
}

export interface ScoredDoc {
  doc: number;
  score: number;
}


/**
 * The postings of a run of documents (one legal file's clauses, those of `counts` listed in
 * `included`), built once and shared by every index holding it. All terms' postings are in
 * two flat arrays (a pair of arrays per term would be some hundred thousand objects).
 */
export class Bm25Segment {
  /** Per term: its number here; its documents (numbered within the segment, ascending) are `docs[offsets[t] .. offsets[t + 1])`. */
  readonly terms = new Map<string, number>();
  readonly offsets: Int32Array;
  readonly docs: Int32Array;
  readonly tfs: Float64Array;
  /** Each document's length in tokens. */
  readonly lengths: Int32Array;

  /** `counts` hold term ids of `terms` (whose scratch builds the postings). */
  constructor(terms: StemTerms, readonly counts: TermCounts, readonly included: readonly number[] = [...counts.lengths.keys()]) {
    this.lengths = Int32Array.from(included, d => counts.lengths[d]);
    if (terms.postingFill.length < terms.size) terms.postingFill = new Int32Array(Math.max(terms.postingFill.length * 2, terms.size));
    const fill = terms.postingFill;
    const touched: number[] = [];
    let total = 0;
    for (const d of included) {
      for (let k = counts.starts[d]; k < counts.starts[d + 1]; k++) {
        if (fill[counts.terms[k]]++ === 0) touched.push(counts.terms[k]);
        total++;
      }
    }
    this.offsets = new Int32Array(touched.length + 1);
    let at = 0;
    touched.forEach((t, slot) => {
      this.terms.set(terms.keyOf(t), slot);
      this.offsets[slot] = at;
      at += fill[t];
      fill[t] = this.offsets[slot]; // from here on: where the term's next document goes
    });
    this.offsets[touched.length] = at;
    this.docs = new Int32Array(total);
    this.tfs = new Float64Array(total);
    included.forEach((d, doc) => {
      for (let k = counts.starts[d]; k < counts.starts[d + 1]; k++) {
        const next = fill[counts.terms[k]]++;
        this.docs[next] = doc;
        this.tfs[next] = counts.tfs[k];
      }
    });
    for (const t of touched) fill[t] = 0;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** How many documents hold a term. */
  df(term: string): number {
    const slot = this.terms.get(term);
    return slot === undefined ? 0 : this.offsets[slot + 1] - this.offsets[slot];
  }

  /** How often a term occurs in a document of this segment. */
  tf(term: string, doc: number): number {
    const slot = this.terms.get(term);
    if (slot === undefined) return 0;
    let lo = this.offsets[slot];
    let hi = this.offsets[slot + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.docs[mid] === doc) return this.tfs[mid];
      if (this.docs[mid] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}

/**
 * BM25 (k1 1.2, b 0.75) over documents given by their term counts, in segments: after one
 * legal file changes only its segment is rebuilt; documents are numbered across segments.
 */
export class Bm25Index {
  readonly segments: readonly Bm25Segment[];
  /** The number of the first document of each segment. */
  private readonly bases: number[] = [];
  /** k1 · (1 − b + b · length / average length), per document. */
  private readonly lengthNorm: Float64Array;
  private readonly scores: Float64Array;
  private readonly shared: Int32Array;
  readonly size: number;

  constructor(segments: readonly Bm25Segment[], private readonly k1 = 1.2, b = 0.75) {
    this.segments = segments;
    let size = 0;
    let total = 0;
    for (const segment of this.segments) {
      this.bases.push(size);
      size += segment.size;
      for (let d = 0; d < segment.size; d++) total += segment.lengths[d];
    }
    this.size = size;
    const average = total / Math.max(1, size) || 1;
    this.lengthNorm = new Float64Array(size);
    this.segments.forEach((segment, s) => {
      segment.lengths.forEach((length, d) => { this.lengthNorm[this.bases[s] + d] = k1 * (1 - b + b * length / average); });
    });
    this.scores = new Float64Array(size);
    this.shared = new Int32Array(size);
  }

  /** How many documents hold a term (remembered: every comment asks for its terms). */
  private df(term: string): number {
    let df = this.dfs.get(term);
    if (df === undefined) {
      df = 0;
      for (const segment of this.segments) df += segment.df(term);
      this.dfs.set(term, df);
    }
    return df;
  }

  private readonly dfs = new Map<string, number>();

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
        const slot = segment.terms.get(term);
        if (slot === undefined) return;
        const base = this.bases[s];
        const { docs, tfs } = segment;
        for (let i = segment.offsets[slot]; i < segment.offsets[slot + 1]; i++) {
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
    let s = this.segments.length - 1;
    while (s > 0 && this.bases[s] > doc) s--;
    const tf = this.segments[s]?.tf(term, doc - this.bases[s]) ?? 0;
    if (tf === 0) return 0;
    return this.idf(term) * tf * (this.k1 + 1) / (tf + this.lengthNorm[doc]);
  }
}

/** Same documents, term counts and lengths in two segments' postings of one term? */
function samePostings(a: Bm25Segment, slotA: number, b: Bm25Segment, slotB: number): boolean {
  const fromA = a.offsets[slotA];
  const fromB = b.offsets[slotB];
  const n = a.offsets[slotA + 1] - fromA;
  if (n !== b.offsets[slotB + 1] - fromB) return false;
  for (let k = 0; k < n; k++) if (a.docs[fromA + k] !== b.docs[fromB + k] || a.tfs[fromA + k] !== b.tfs[fromB + k]) return false;
  return true;
}

/**
 * The terms whose postings differ between two indexes over the same documents with the same
 * lengths, or undefined when the documents or a length differ (then every score may have
 * changed: lengths weigh every term). Where only some terms changed, a query sharing none of
 * them scores exactly as before.
 */
export function changedTerms(before: Bm25Index, after: Bm25Index): Set<string> | undefined {
  if (before.segments.length !== after.segments.length || before.size !== after.size) return undefined;
  const changed = new Set<string>();
  for (let s = 0; s < after.segments.length; s++) {
    const a = before.segments[s];
    const b = after.segments[s];
    if (a === b) continue;
    if (a.size !== b.size) return undefined;
    for (let d = 0; d < a.size; d++) if (a.lengths[d] !== b.lengths[d]) return undefined;
    for (const [term, slot] of b.terms) {
      const old = a.terms.get(term);
      if (old === undefined || !samePostings(a, old, b, slot)) changed.add(term);
    }
    for (const term of a.terms.keys()) if (!b.terms.has(term)) changed.add(term);
  }
  return changed;
}
