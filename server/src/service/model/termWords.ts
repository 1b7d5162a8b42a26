// The words of legal text as the term checks see them, stored compactly: a document of
// 500,000 words is a few typed arrays (about 21 bytes a word), not 500,000 objects with three
// strings each. A word's lower-case form is an integer id in the vocabulary of its service
// instance, so the automaton of defined terms compares integers; its text is sliced from the
// line only where a check needs it (a candidate undefined term, a suggestion).
import { normaliseTermText } from './definitions';
import { HASH_START, Vocabulary, foldChar, hashStep } from '../text/vocabulary';

// ---------------------------------------------------------------------------------------
// Vocabulary: normalised word (lower case, one kind of apostrophe and hyphen) ↔ integer id

export function normaliseWord(word: string): string {
  return /^[A-Za-z0-9]*$/.test(word) ? word.toLowerCase() : normaliseTermText(word).toLowerCase();
}

/**
 * The words of legal text, folded (text/vocabulary.ts), of one service instance (one per
 * WorkspaceIndex, model/vocabularies.ts): the ids held by its models' Words, its automata and
 * its word sets are numbers in this vocabulary, and each Words says which vocabulary it was
 * read with, so ids of two instances are never compared.
 */
export class WordVocabulary {
  private readonly words = new Vocabulary(true);
  /**
   * Non-ASCII code units of the Basic Multilingual Plane: 0 not met yet, 1 letter or digit,
   * 2 neither. A pure function of the character, learnt as characters are met (testing all
   * 65,536 at once would cost every start some 20 ms).
   */
  readonly bmpWordChar = new Uint8Array(65536);

  /**
   * The id of text[from, to) folded (see foldChar). Only for text whose folded form is its
   * normalised form: ASCII letters, digits, apostrophes and hyphens (the common case, looked up
   * without making a string), or a string already normalised.
   */
  idOfFolded(text: string, from: number, to: number, hash?: number): number {
    return this.words.idOfSlice(text, from, to, hash);
  }

  /** The id of a word (any spelling: "User’s" is not split, "Parties" stays plural). */
  wordId(word: string): number {
    const norm = normaliseWord(word);
    return this.words.idOfSlice(norm, 0, norm.length);
  }

  /** The id of a word if it has one, else -1 (numbering nothing). */
  find(word: string): number {
    return this.words.find(normaliseWord(word));
  }

  /** The normalised word of an id. */
  wordOf(id: number): string {
    return this.words.wordOf(id);
  }

  /** How many words have ids. */
  get size(): number {
    return this.words.size;
  }

  /** Ids of a list of normalised words, for membership tests by id. */
  idSet(words: Iterable<string>): ReadonlySet<number> {
    const ids = new Set<number>();
    for (const w of words) ids.add(this.wordId(w));
    return ids;
  }
}

// ---------------------------------------------------------------------------------------
// Words

/** Flags of a word. */
export const BARRIER = 1; // punctuation, a bracket, a quote or a line break that ends a phrase precedes it
export const SENTENCE_START = 2; // first word of a clause, paragraph or sentence
export const LOWER = 4; // no capital letter anywhere
export const CAPITALISED = 8; // starts with an upper-case letter (\p{Lu})
const POSSESSIVE_SHIFT = 4; // 3 bits: 0 none, 1 ’s, 2 's, 3 ’, 4 '
/** The word was hyphenated at the end of its line and runs on into the next ("End-to-⏎End", "Sub-⏎Committee"). */
export const HYPHEN_WRAP = 128;
const POSSESSIVES = ['', '\u2019s', "'s", '\u2019', "'"];

/**
 * The words of a text in order. Word i is on line[i], columns start[i]..end[i] (possessive
 * included); id[i] is its form without the possessive (see wordId); caps[i] says which of its
 * hyphen-separated parts start with a capital (see capsCode).
 */
export interface Words {
  readonly count: number;
  readonly line: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly id: Int32Array;
  readonly caps: Int32Array;
  readonly flags: Uint8Array;
  /** Text of each line the words were read from (index = line number). */
  readonly texts: readonly string[];
  /** The vocabulary of the ids. */
  readonly vocabulary: WordVocabulary;
}

export function possessiveOf(words: Words, i: number): string {
  return POSSESSIVES[(words.flags[i] >> POSSESSIVE_SHIFT) & 7];
}

/** End column of the word without its possessive. */
export function surfaceEnd(words: Words, i: number): number {
  return words.end[i] - POSSESSIVES[(words.flags[i] >> POSSESSIVE_SHIFT) & 7].length;
}

const FIRST_WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’\-‐‑]*/u;

/** The first word of a line's text ("Committee" on the line after "Sub-"). */
export function firstWordOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : FIRST_WORD_RE.exec(text)?.[0];
}

/** The word as written, without its possessive; a word hyphenated over a line break is given whole. */
export function surfaceOf(words: Words, i: number): string {
  const own = words.texts[words.line[i]].slice(words.start[i], surfaceEnd(words, i));
  return words.flags[i] & HYPHEN_WRAP ? own + (firstWordOf(words.texts[words.line[i] + 1]) ?? '') : own;
}

/** Which hyphen-separated parts of a word start with a capital, as readLineWords records it. */
function capsOf(word: string): number {
  const parts = word.split(/[-‐‑]/);
  let caps = 0;
  parts.forEach((part, k) => {
    if (k < 30 && part !== part.toLowerCase() && part[0] !== part[0].toLowerCase()) caps |= 1 << k;
  });
  return caps | (1 << Math.min(parts.length, 30));
}

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u;
const UPPER_RE = /^\p{Lu}$/u;

/**
 * How many code units the letter or digit at i takes (1 or 2), or 0 when it is neither;
 * `bmpWordChar` is the reading vocabulary's table (WordVocabulary.bmpWordChar).
 */
function wordCharWidth(text: string, i: number, bmpWordChar: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let known = bmpWordChar[c];
  if (known === 0) bmpWordChar[c] = known = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

const isQuote = (c: number) => c === 39 || c === 0x2019;
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isJoiner = (c: number) => isHyphen(c) || isQuote(c);

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What may stand between a sentence's end and its next word: quotes, brackets, stars, spaces. */
const isOpener = (c: number) => c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 42 || isSpace(c);
const isStop = (c: number) => c === 46 || c === 63 || c === 33 || c === 58 || c === 59 || c === 91;

/** Does text[from, to) end a sentence: a stop (. ? ! : ; [) followed only by openers? */
function endsSentence(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isOpener(text.charCodeAt(k))) k--;
  return k >= from && isStop(text.charCodeAt(k));
}

/** Growable typed arrays that become a Words, read into one vocabulary. */
export class WordsBuilder {
  count = 0;
  private line: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  private id: Int32Array;
  private caps: Int32Array;
  private flags: Uint8Array;

  constructor(readonly vocabulary: WordVocabulary, capacity = 64) {
    this.line = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
    this.caps = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  private growTo(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.line = copy(this.line);
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.id = copy(this.id);
    this.caps = copy(this.caps);
    this.flags = copy(this.flags);
  }

  /** Append words[from, to) of an earlier reading, their line numbers moved by `lineShift`. */
  copy(words: Words, from: number, to: number, lineShift: number): void {
    if (words.vocabulary !== this.vocabulary) throw new Error('WordsBuilder.copy: the words were read with another vocabulary');
    const n = to - from;
    if (n <= 0) return;
    if (this.count + n > this.line.length) this.growTo(Math.max(this.count + n, this.count * 2 + 16));
    const at = this.count;
    this.line.set(words.line.subarray(from, to), at);
    if (lineShift !== 0) for (let i = at; i < at + n; i++) this.line[i] += lineShift;
    this.start.set(words.start.subarray(from, to), at);
    this.end.set(words.end.subarray(from, to), at);
    this.id.set(words.id.subarray(from, to), at);
    this.caps.set(words.caps.subarray(from, to), at);
    this.flags.set(words.flags.subarray(from, to), at);
    this.count += n;
  }

  idAt(i: number): number {
    return this.id[i];
  }

  /** Drop word i (the second half of a word hyphenated over a line break, read with the first). */
  dropAt(i: number): void {
    for (const a of [this.line, this.start, this.end, this.id, this.caps, this.flags]) a.copyWithin(i, i + 1, this.count);
    this.count--;
  }

  /**
   * Join word i, which ends in a hyphen at its line's end, with `rest`, the first word of the
   * next line: one word with the joined spelling, its range ending after the hyphen.
   */
  joinHyphenated(i: number, text: string, hyphen: number, rest: string): void {
    const joined = text.slice(this.start[i], hyphen) + '-' + rest;
    this.id[i] = this.vocabulary.wordId(joined);
    this.caps[i] = capsOf(joined);
    this.end[i] = hyphen + 1;
    let flags = this.flags[i] | HYPHEN_WRAP;
    if (joined !== joined.toLowerCase()) flags &= ~LOWER;
    this.flags[i] = flags;
  }

  endAt(i: number): number {
    return this.end[i];
  }

  capsAt(i: number): number {
    return this.caps[i];
  }

  /** Start again (the arrays are kept: finish copies what was read). */
  reset(): void {
    this.count = 0;
  }

  push(line: number, start: number, end: number, id: number, caps: number, flags: number): void {
    if (this.count === this.line.length) this.growTo(this.count * 2 + 16);
    const i = this.count++;
    this.line[i] = line;
    this.start[i] = start;
    this.end[i] = end;
    this.id[i] = id;
    this.caps[i] = caps;
    this.flags[i] = flags;
  }

  /** The words read, in arrays of exactly their length. */
  finish(texts: readonly string[]): Words {
    const n = this.count;
    const [[line, start, end, id, caps], flags] = packed(n, [this.line, this.start, this.end, this.id, this.caps], this.flags);
    return { count: n, line, start, end, id, caps, flags, texts, vocabulary: this.vocabulary };
  }
}

/**
 * The first `count` entries of some Int32 columns and one byte column, copied into views of
 * one buffer: one allocation, not one per column.
 */
export function packed(count: number, ints: readonly Int32Array[], bytes: Uint8Array): [Int32Array[], Uint8Array] {
  const buffer = new ArrayBuffer(count * (4 * ints.length + 1));
  const out = ints.map((column, k) => {
    const copy = new Int32Array(buffer, k * count * 4, count);
    copy.set(column.subarray(0, count));
    return copy;
  });
  const flags = new Uint8Array(buffer, ints.length * count * 4, count);
  flags.set(bytes.subarray(0, count));
  return [out, flags];
}

/**
 * Read the words of one line from column `from` into `out` (numbered in its vocabulary);
 * `joined` says whether the first word continues the previous line's phrase. A word is letters
 * and digits joined by hyphens or apostrophes, with a trailing apostrophe; "User’s" is the
 * word "User" with a possessive.
 */
export function readLineWords(out: WordsBuilder, text: string, line: number, from = 0, joined = false): void {
  const { vocabulary } = out;
  const { bmpWordChar } = vocabulary;
  const n = text.length;
  let prevEnd = from;
  let first = true;
  let i = from;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // Spaces and punctuation between words: skipped without a call for ASCII.
    let w = c0 < 128 ? ((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) ? 1 : 0) : wordCharWidth(text, i, bmpWordChar);
    if (w === 0) {
      i++;
      continue;
    }
    /* A word: it records its caps as bit k for a part k that starts with a capital, plus a
       leading 1 bit for the number of parts ("Non-Domestic" → 0b111, "Follow-up" → 0b101). */
    // One pass over the word: its end, and (for ASCII letters, digits, apostrophes and
    // hyphens, the common case) its hash, case and capitals, without making a string.
    const start = i;
    let h = HASH_START;
    let hBefore1 = h; // the hash before the last character, and before the last two
    let hBefore2 = h;
    let simple = true;
    let upper = false;
    let caps = 0;
    let part = 0;
    let partStart = true;
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : (w = wordCharWidth(text, i, bmpWordChar)) !== 0) {
        if (c < 128) {
          const isUpper = c <= 90 && c >= 65;
          if (isUpper) upper = true;
          if (partStart && part < 30) {
            if (isUpper) caps |= 1 << part;
            part++;
          }
          hBefore2 = hBefore1;
          hBefore1 = h;
          h = hashStep(h, isUpper ? c + 32 : c);
          i++;
        } else {
          simple = false;
          if (partStart && part < 30) {
            const ch = String.fromCodePoint(text.codePointAt(i)!);
            if (ch !== ch.toLowerCase()) caps |= 1 << part;
            part++;
          }
          i += w;
        }
        partStart = false;
        continue;
      }
      // A hyphen or apostrophe joins two words' letters ("Non-Domestic", "User’s").
      if (isJoiner(c) && i + 1 < n && wordCharWidth(text, i + 1, bmpWordChar) !== 0) {
        if (c >= 128 && c !== 0x2019 && c !== 0x2010 && c !== 0x2011) simple = false;
        hBefore2 = hBefore1;
        hBefore1 = h;
        h = hashStep(h, foldChar(c));
        partStart = isHyphen(c);
        i++;
        continue;
      }
      break;
    }
    caps |= 1 << part;
    const rawEnd = i < n && isQuote(text.charCodeAt(i)) ? i + 1 : i;
    // The possessive: "User’s", "Users’"; "approved’" closes a quotation and is not part of the word.
    let surfEnd = rawEnd;
    let end = rawEnd;
    let possessive = 0;
    const last = text.charCodeAt(rawEnd - 1);
    if (last === 115 /* s */ && rawEnd - start > 2 && isQuote(text.charCodeAt(rawEnd - 2))) {
      possessive = text.charCodeAt(rawEnd - 2) === 39 ? 2 : 1;
      surfEnd = rawEnd - 2;
      h = hBefore2; // rawEnd is i here: the quote and the s were the last two characters hashed
    } else if (isQuote(last)) {
      surfEnd = rawEnd - 1;
      const s = text.charCodeAt(surfEnd - 1);
      if (s === 115 || s === 83) possessive = last === 39 ? 4 : 3;
      else end = surfEnd;
    }
    // The gap before the word: one space (the usual case) neither ends a phrase nor a sentence.
    let flags = 0;
    if (start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) {
      if (first && !joined) flags |= BARRIER | SENTENCE_START;
    } else {
      let visible = false;
      for (let k = prevEnd; k < start && !visible; k++) visible = !isSpace(text.charCodeAt(k));
      if (first ? !joined || visible : visible) flags |= BARRIER;
      if ((first && !joined) || endsSentence(text, prevEnd, start)) flags |= SENTENCE_START;
    }
    let id: number;
    if (simple) {
      id = vocabulary.idOfFolded(text, start, surfEnd, h);
      if (!upper) flags |= LOWER;
      const c = text.charCodeAt(start);
      if (c >= 65 && c <= 90) flags |= CAPITALISED;
    } else {
      const surface = text.slice(start, surfEnd);
      id = vocabulary.wordId(surface);
      if (surface === surface.toLowerCase()) flags |= LOWER;
      if (UPPER_RE.test(String.fromCodePoint(surface.codePointAt(0)!))) flags |= CAPITALISED;
    }
    out.push(line, start, end, id, caps, flags | (possessive << POSSESSIVE_SHIFT));
    first = false;
    prevEnd = end;
    i = rawEnd;
  }
}

/** The words of a single line of text (a term, a test's sentence), numbered in `vocabulary`. */
export function tokeniseLine(vocabulary: WordVocabulary, text: string, line = 0, from = 0, joined = false): Words {
  const out = new WordsBuilder(vocabulary, 16);
  readLineWords(out, text, line, from, joined);
  const texts: string[] = [];
  texts[line] = text;
  return out.finish(texts);
}
