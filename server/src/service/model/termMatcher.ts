// The automaton of defined terms: a word-level trie over word ids (see termWords.ts).
// - longest term first: "User Security Assessment Report" is one use, not a use of "User";
// - plurals (s, es, y → ies) and possessives (User's, User’s, Users’) of a term's last word;
// - whitespace-normalised: words are compared, not characters, so "User  Security" matches;
// - a bracket breaks a phrase, except where the term itself has that bracket: "SMKI PMA
//   (Supplier) Member" is matched across its brackets, "SMKI PMA (acting)" is not;
// - case decides what a match is: "Non-Domestic Premises" is a use, "non-domestic premises"
//   is the term written in lower case, "other Users" is neither.
// A term keeps its number (its stable id) while the matcher lives, and the matcher is updated
// in place when terms are added or removed. It remembers which terms changed, so a document
// whose words contain none of them keeps its matches (renaming one term in Section A must not
// re-read every file).
import { type WordVocabulary, type Words, BARRIER, LOWER, WordsBuilder, packed, readLineWords } from './termWords';

interface TrieEnd {
  term: number;
  plural: boolean;
  /** The singular of a term defined in the plural. */
  singular: boolean;
  /** The term ends in "+" ("SMETS2+"): matched only where the text writes it after the last word. */
  plus: boolean;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /**
   * Edges across a bracket inside a term ("SMKI PMA (Supplier) Member"), keyed by acrossKey:
   * taken only where the text has that bracket between the two words.
   */
  across: Map<number, TrieNode> | undefined;
  /** In the order of the terms' ranks (the order of the list the matcher was given). */
  ends: TrieEnd[];
}

/** Every node has the same fields from the start (one shape for the scan's property reads). */
const newNode = (): TrieNode => ({ next: new Map(), ends: [], across: undefined });

export type MatchKind = 'use' | 'lowercase';

/** Match flags. */
export const IS_USE = 1;
export const IS_PLURAL = 2;
export const IS_SINGULAR = 4;

/** Matches over a Words, in order: words from[k]..to[k] match term[k] (a stable id). */
export interface Matches {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly term: Int32Array;
  /** IS_USE (else the term in lower case), IS_PLURAL, IS_SINGULAR. */
  readonly flags: Uint8Array;
}

/** "Party" → ["parties"], "User" → ["users"], "Premises" → ["premiseses"] (harmless). */
export function pluralForms(word: string): string[] {
  const forms = [word + 's'];
  if (/(?:s|x|z|ch|sh)$/.test(word)) forms.push(word + 'es');
  if (/[^aeiou]y$/.test(word)) forms.push(word.slice(0, -1) + 'ies');
  return forms;
}

/** A term defined in the plural is used in the singular too ("Relevant Parties" → "relevant party"). */
export function singularForms(word: string): string[] {
  if (/[^aeiou]ies$/.test(word)) return [word.slice(0, -3) + 'y'];
  if (/[^su]s$/.test(word) && word.length > 3) return [word.slice(0, -1)];
  return [];
}

/** What stands between two words of a term: a space (or anything else a phrase never crosses), or a bracket. */
const NO_BRACKET = 0;
const OPENS = 1; // "PMA (Supplier"
const CLOSES = 2; // "Supplier) Member"

/** The key of an edge across a bracket (TrieNode.across). */
const acrossKey = (word: number, gap: number) => word * 2 + gap - OPENS;

/**
 * The brackets in text[from, to), spaces aside, as `seen` so far goes on: NO_BRACKET at first,
 * then OPENS or CLOSES after one bracket; -1 once anything else (or a second bracket) is met.
 * Read character by character: this runs wherever a term could go on across a phrase end.
 */
function bracketsIn(text: string, from: number, to: number, seen: number): number {
  for (let k = from; k < to && seen >= 0; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    seen = seen === NO_BRACKET && (c === 40 || c === 41) ? (c === 40 ? OPENS : CLOSES) : -1;
  }
  return seen;
}

/** The bracket between word j - 1 and word j, which may stand on the line before ("SMKI PMA⏎(Supplier) Member"). */
function bracketBefore(words: Words, j: number): number {
  const { line, texts } = words;
  const a = line[j - 1];
  const b = line[j];
  let seen: number;
  if (a === b) seen = bracketsIn(texts[a], words.end[j - 1], words.start[j], NO_BRACKET);
  else if (b === a + 1) seen = bracketsIn(texts[b], 0, words.start[j], bracketsIn(texts[a], words.end[j - 1], texts[a].length, NO_BRACKET));
  else return NO_BRACKET;
  return seen < 0 ? NO_BRACKET : seen;
}

/**
 * The node after word j across the bracket before it, if a term goes on across that bracket.
 * The text between the words is read only when some term goes on with word j.
 */
function acrossBracket(across: Map<number, TrieNode>, words: Words, j: number): TrieNode | undefined {
  const word = words.id[j];
  const opens = across.get(acrossKey(word, OPENS));
  const closes = across.get(acrossKey(word, CLOSES));
  if (opens === undefined && closes === undefined) return undefined;
  const bracket = bracketBefore(words, j);
  return bracket === OPENS ? opens : bracket === CLOSES ? closes : undefined;
}

const PLUS = 43; // "+"

/** Is word j followed straight away by "+" ("SMETS2+")? */
function plusAfter(words: Words, j: number): boolean {
  return words.texts[words.line[j]].charCodeAt(words.end[j]) === PLUS;
}

/** A term as the trie sees it: the ids of its words, the last in each of its forms. */
interface TermShape {
  text: string;
  /** Ids of every word but the last. */
  head: number[];
  /** Per word (the last one too), the bracket before it in the term, if any (OPENS, CLOSES). */
  brackets: Uint8Array;
  /** The last word's forms: as written, plurals, singulars. */
  last: { id: number; plural: boolean; singular: boolean }[];
  /** Each word's capitals (Words.caps). */
  caps: Int32Array;
  hasCapital: boolean;
  /** Ends in "+" right after its last word ("SMETS2+"): the word reader drops the "+", the trie end keeps it. */
  plus: boolean;
}

function shapeOf(vocabulary: WordVocabulary, text: string): TermShape {
  // A term's words are read, not stored, as Words: a small builder per term.
  const termWords = new WordsBuilder(vocabulary, 16);
  readLineWords(termWords, text, 0);
  const n = termWords.count;
  const read = termWords.finish([text]);
  const brackets = Uint8Array.from({ length: n }, (_, i) => (i > 0 && read.flags[i] & BARRIER ? bracketBefore(read, i) : NO_BRACKET));
  const head: number[] = [];
  for (let i = 0; i < n - 1; i++) head.push(termWords.idAt(i));
  const last: TermShape['last'] = [];
  if (n > 0) {
    const lastId = termWords.idAt(n - 1);
    const norm = vocabulary.wordOf(lastId);
    last.push({ id: lastId, plural: false, singular: false });
    for (const p of pluralForms(norm)) last.push({ id: vocabulary.wordId(p), plural: true, singular: false });
    for (const s of singularForms(norm)) last.push({ id: vocabulary.wordId(s), plural: false, singular: true });
  }
  const plus = n > 0 && text.charCodeAt(read.end[n - 1]) === PLUS && text.slice(read.end[n - 1] + 1).trim() === '';
  return { text, head, brackets, last, caps: Int32Array.from({ length: n }, (_, i) => termWords.capsAt(i)), hasCapital: text !== text.toLowerCase(), plus };
}

/** One change of the set of terms: the shapes added or removed (all of them when `reset`). */
interface Change {
  version: number;
  shapes: TermShape[];
  reset: boolean;
}

/** How many changes are remembered; a document older than that is read again. */
const LOG_LENGTH = 64;

export class TermMatcher {
  private root: TrieNode = newNode();
  /** The root's children by word id: most words start no term, and an array says so fastest. */
  private rootById: (TrieNode | undefined)[] = [];
  private readonly idOf = new Map<string, number>();
  /** By stable id. */
  private readonly shapes: TermShape[] = [];
  private readonly rank: number[] = [];
  private readonly live: boolean[] = [];
  private log: Change[] = [];
  /** Per version a document may be behind: a small trie of the terms changed since then. */
  private readonly probes = new Map<number, TermMatcher>();
  /** Where a scan writes its matches before copying them out (the matcher's own: no state between instances). */
  private readonly found = new MatchScratch();
  /** Bumped by every change of the set of terms. */
  version = 0;
  /** The most words any term has had (a scan looks at most this many words past where it starts). */
  private maxWords = 0;

  /** The matcher's word ids are those of `vocabulary`: it reads only Words read with it. */
  constructor(readonly vocabulary: WordVocabulary, terms: readonly string[] = []) {
    this.update(terms);
  }

  /**
   * Words read with another vocabulary (another service instance's) have other ids for the
   * same words: reading them would find wrong matches, so it is refused.
   */
  private checkVocabulary(words: Words): void {
    if (words.vocabulary !== this.vocabulary) throw new Error('TermMatcher: words read with another vocabulary than the matcher\'s');
  }

  /** The stable id of a term's text, if it is one of the terms. */
  termId(text: string): number | undefined {
    const id = this.idOf.get(text);
    return id !== undefined && this.live[id] ? id : undefined;
  }

  /** The text of a stable id. */
  termText(id: number): string {
    return this.shapes[id].text;
  }

  /** The largest stable id + 1. */
  get size(): number {
    return this.shapes.length;
  }

  /**
   * Make the matcher match exactly `terms` (where two terms end at the same words, the
   * earlier in the list wins a tie). Returns each term's stable id. Unchanged terms keep theirs.
   */
  update(terms: readonly string[]): number[] {
    const wanted = new Set(terms);
    const removed: number[] = [];
    const before = new Set<number>();
    this.live.forEach((alive, id) => {
      if (!alive) return;
      before.add(id);
      if (!wanted.has(this.shapes[id].text)) removed.push(id);
    });
    // Ties between terms ending at the same node go to the earlier rank: if the kept terms
    // changed order, the trie is rebuilt rather than re-sorted node by node.
    let ordered = true;
    let lastRank = -1;
    const added = new Set<number>();
    const ids = terms.map(text => {
      let id = this.idOf.get(text);
      if (id === undefined) {
        id = this.shapes.length;
        this.idOf.set(text, id);
        this.shapes.push(shapeOf(this.vocabulary, text));
        this.rank.push(0);
        this.live.push(false);
      }
      if (before.has(id)) {
        if (this.rank[id] < lastRank) ordered = false;
        lastRank = this.rank[id];
      } else added.add(id);
      return id;
    });
    if (removed.length === 0 && added.size === 0 && ordered) return ids;
    for (const id of removed) this.live[id] = false;
    for (const id of added) this.live[id] = true;
    for (let r = ids.length - 1; r >= 0; r--) this.rank[ids[r]] = r; // a repeated term ranks first where first listed
    this.version++;
    this.probes.clear();
    if (!ordered || this.version === 1) {
      this.root = newNode();
      this.rootById = [];
      for (const id of new Set(ids)) this.insert(id);
      this.record({ version: this.version, shapes: [], reset: true });
    } else {
      for (const id of removed) this.remove(id);
      for (const id of added) this.insert(id);
      this.record({ version: this.version, shapes: [...removed, ...added].map(id => this.shapes[id]), reset: false });
    }
    return ids;
  }

  private record(change: Change): void {
    this.log.push(change);
    if (this.log.length > LOG_LENGTH) this.log = this.log.slice(-LOG_LENGTH);
  }

  /** The node after `word`, across a bracket when `bracket` says so (made when missing). */
  private child(node: TrieNode, word: number, bracket = NO_BRACKET): TrieNode {
    if (bracket !== NO_BRACKET) {
      const across = (node.across ??= new Map());
      const key = acrossKey(word, bracket);
      let next = across.get(key);
      if (!next) across.set(key, (next = newNode()));
      return next;
    }
    let next = node.next.get(word);
    if (!next) {
      node.next.set(word, (next = newNode()));
      if (node === this.root) {
        while (this.rootById.length <= word) this.rootById.push(undefined);
        this.rootById[word] = next;
      }
    }
    return next;
  }

  /** Where word i of a term goes on from `node`, existing or not. */
  private static step(node: TrieNode, word: number, bracket: number): TrieNode | undefined {
    return bracket === NO_BRACKET ? node.next.get(word) : node.across?.get(acrossKey(word, bracket));
  }

  /** The brackets of a term as the trie keeps them: all of them, or none (`plain`). */
  private static bracketsOf(shape: TermShape, plain: boolean): ArrayLike<number> {
    return plain ? new Uint8Array(shape.brackets.length) : shape.brackets;
  }

  private lastNode(shape: TermShape, create: boolean, plain = false): TrieNode | undefined {
    const brackets = TermMatcher.bracketsOf(shape, plain);
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < shape.head.length; i++) {
      const w = shape.head[i];
      const next: TrieNode | undefined = create ? this.child(node, w, brackets[i]) : TermMatcher.step(node, w, brackets[i]);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** Put a term in the trie; `plain` ignores its brackets (a probe, which looks past every phrase end). */
  private insert(id: number, plain = false): void {
    const shape = this.shapes[id];
    if (shape.last.length === 0) return;
    this.maxWords = Math.max(this.maxWords, shape.head.length + 1);
    const node = this.lastNode(shape, true, plain)!;
    const bracket = TermMatcher.bracketsOf(shape, plain)[shape.head.length];
    for (const form of shape.last) {
      const end = this.child(node, form.id, bracket);
      const rank = this.rank[id];
      let at = end.ends.length;
      while (at > 0 && this.rank[end.ends[at - 1].term] > rank) at--;
      end.ends.splice(at, 0, { term: id, plural: form.plural, singular: form.singular, plus: shape.plus });
    }
  }

  private remove(id: number): void {
    const shape = this.shapes[id];
    const node = this.lastNode(shape, false);
    if (!node) return;
    for (const form of shape.last) {
      const end = TermMatcher.step(node, form.id, shape.brackets[shape.head.length]);
      if (end) end.ends = end.ends.filter(e => e.term !== id);
    }
  }

  /**
   * Are matches made at `version` still right? Only a document that holds the words of a
   * term added or removed since then (last word in any form) can match differently: a scan
   * reaches a changed end of the trie only through exactly those words.
   */
  unchangedSince(version: number, words: Words): boolean {
    if (version === this.version) return true;
    let probe = this.probes.get(version);
    if (!probe) {
      const changes = this.log.filter(c => c.version > version);
      if (changes.length === 0 || changes[0].version !== version + 1 || changes.some(c => c.reset)) return false;
      probe = new TermMatcher(this.vocabulary);
      probe.insertShapes(changes.flatMap(c => c.shapes));
      this.probes.set(version, probe);
    }
    return !probe.occursIn(words);
  }

  private insertShapes(shapes: readonly TermShape[]): void {
    shapes.forEach((shape, id) => {
      this.shapes.push(shape);
      this.rank.push(id);
      this.live.push(true);
      this.insert(id, true);
    });
  }

  /** Does any term's sequence of words occur in `words` (ignoring case and phrase ends)? */
  private occursIn(words: Words): boolean {
    this.checkVocabulary(words);
    const { id, count } = words;
    const rootById = this.rootById;
    for (let i = 0; i < count; i++) {
      let node = rootById[id[i]];
      for (let j = i + 1; node; j++) {
        if (node.ends.length) return true;
        if (j >= count) break;
        node = node.next.get(id[j]);
      }
    }
    return false;
  }

  /** How words[from, to) relate to the term: IS_USE, the term in lower case (0), or neither (-1). */
  private classify(words: Words, from: number, to: number, term: number): number {
    const shape = this.shapes[term];
    let allLower = true;
    let sameCase = true;
    for (let i = from; i < to; i++) {
      if ((words.flags[i] & LOWER) === 0) allLower = false;
      if (words.caps[i] !== shape.caps[i - from]) sameCase = false;
    }
    if (sameCase) return IS_USE;
    if (allLower && shape.hasCapital) return 0;
    return -1;
  }

  /**
   * Leftmost-longest matches over words. At each word the trie is walked as far as the words
   * allow; the longest term that reads as a use (or as the term in lower case) wins, then a
   * use, then the singular; the scan resumes after it.
   */
  scan(words: Words): Matches {
    return this.found.copyOut(this.run(words, 0, 0));
  }

  /**
   * The matches in words read after an edit, from the matches in the words before it (`old`,
   * `oldCount` words, found by this matcher as it is): the first `prefix` and last `suffix`
   * words are the same in both. A scan from word i looks at words i..i+maxWords only, so the
   * old matches found before the edit stand; the scan goes on from there through the edit
   * until it reaches, in the unchanged end, a word where the old scan also started a look:
   * from there on the old matches stand, moved by the change in the number of words.
   */
  rescan(words: Words, old: Matches, oldCount: number, prefix: number, suffix: number): Matches {
    let kept = 0;
    while (kept < old.count && old.from[kept] + this.maxWords < prefix) kept++;
    const { found } = this;
    for (let k = 0; k < kept; k++) found.put(k, old.from[k], old.to[k], old.term[k], old.flags[k]);
    const shift = words.count - oldCount;
    const rejoin = { at: words.count - suffix, old, shift };
    let count = this.run(words, kept > 0 ? old.to[kept - 1] : 0, kept, rejoin);
    if (rejoin.at < 0) {
      // Rejoined at old match -rejoin.at - 1: the rest are the old ones, moved.
      for (let k = -rejoin.at - 1; k < old.count; k++) found.put(count++, old.from[k] + shift, old.to[k] + shift, old.term[k], old.flags[k]);
    }
    return found.copyOut(count);
  }

  /** Did the old scan start a look at word `at` (that is, is it not inside one of the old matches)? First old match from there, or -1. */
  private static oldMatchFrom(old: Matches, at: number): number {
    let lo = 0;
    let hi = old.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old.to[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    // old[lo] is the first match ending after `at`: `at` is inside it unless it starts at or after `at`.
    return lo < old.count && old.from[lo] < at ? -1 : lo;
  }

  /**
   * Scan from word i, appending to `found` after its first `count` entries; returns the count.
   * With `rejoin`, stops at the first word from rejoin.at where the old scan also looked, and
   * sets rejoin.at to -(the old match to continue from) - 1.
   */
  private run(words: Words, i: number, count: number, rejoin?: { at: number; old: Matches; shift: number }): number {
    this.checkVocabulary(words);
    const n = words.count;
    const { id, flags } = words;
    const { rootById, found } = this;
    const POSSESSIVE_BITS = 0x70; // bits 4-6 of Words.flags (bit 7 is HYPHEN_WRAP)
    const rejoinAt = rejoin ? Math.max(rejoin.at, 0) : n + 1;
    while (i < n) {
      if (i >= rejoinAt) {
        const k = TermMatcher.oldMatchFrom(rejoin!.old, i - rejoin!.shift);
        if (k >= 0) {
          rejoin!.at = -k - 1;
          return count;
        }
      }
      let node = rootById[id[i]];
      let bestTo = -1;
      let bestTerm = 0;
      let bestFlags = 0;
      let bestPlus = false;
      for (let j = i; node; ) {
        for (const end of node.ends) {
          if (end.plus && !plusAfter(words, j)) continue;
          const kind = this.classify(words, i, j + 1, end.term);
          if (kind < 0) continue;
          const to = j + 1;
          const f = kind | (end.plural ? IS_PLURAL : 0) | (end.singular ? IS_SINGULAR : 0);
          // Better: longer, then a use, then the term with its "+" written, then not plural.
          const better = bestTo < 0 || (to !== bestTo ? to > bestTo
            : (f & IS_USE) !== (bestFlags & IS_USE) ? (f & IS_USE) !== 0
              : end.plus !== bestPlus ? end.plus
                : !end.plural && (bestFlags & IS_PLURAL) !== 0);
          if (better) {
            bestTo = to;
            bestTerm = end.term;
            bestFlags = f;
            bestPlus = end.plus;
          }
        }
        if (flags[j] & POSSESSIVE_BITS) break; // a possessive ends the phrase
        j++;
        if (j >= n) break;
        if (flags[j] & BARRIER) {
          // A phrase ends here, unless a term goes on across this very bracket.
          if (node.across === undefined) break;
          node = acrossBracket(node.across, words, j);
        } else node = node.next.get(id[j]);
      }
      if (bestTo < 0) {
        i++;
        continue;
      }
      found.put(count++, i, bestTo, bestTerm, bestFlags);
      i = bestTo;
    }
    if (rejoin && i >= rejoinAt) {
      // The end of the words: the old scan ended there too.
      rejoin.at = -rejoin.old.count - 1;
    }
    return count;
  }
}

/** Matches as a scan finds them, in arrays kept between scans (one set per matcher); copied out once per scan. */
class MatchScratch {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  term = new Int32Array(1024);
  flags = new Uint8Array(1024);

  private grow(): void {
    const size = this.from.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.from = more(this.from, new Int32Array(size));
    this.to = more(this.to, new Int32Array(size));
    this.term = more(this.term, new Int32Array(size));
    this.flags = more(this.flags, new Uint8Array(size));
  }

  put(k: number, from: number, to: number, term: number, flags: number): void {
    if (k >= this.from.length) this.grow();
    this.from[k] = from;
    this.to[k] = to;
    this.term[k] = term;
    this.flags[k] = flags;
  }

  copyOut(count: number): Matches {
    const [[from, to, term], flags] = packed(count, [this.from, this.to, this.term], this.flags);
    return { count, from, to, term, flags };
  }
}
