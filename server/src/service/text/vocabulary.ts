// The one vocabulary code of the core: words ↔ integer ids, looked up by a slice of a line
// without making a string. It serves the term checks (model/termWords.ts: each normalised word
// of legal text, so the automaton of defined terms compares integers) and comment linking
// (model/consultation/bm25.ts: each stem and phrase key, and the stem of each word as written).
// Scanning the whole Code makes one string per distinct word, not one per word.

/** FNV-1a over character codes: where a hash starts, and one step. */
export const HASH_START = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619);

/** The character a folded word is compared by: ASCII in lower case, ’ as ', ‐ and ‑ as -. */
export function foldChar(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 0x2019) return 39;
  if (c === 0x2010 || c === 0x2011) return 45;
  return c;
}

/** The hash of text[from, to), each character folded or not. */
export function hashOf(text: string, from: number, to: number, fold: boolean): number {
  let h = HASH_START;
  for (let i = from; i < to; i++) h = hashStep(h, fold ? foldChar(text.charCodeAt(i)) : text.charCodeAt(i));
  return h;
}

/** The characters foldChar changes. */
const UNFOLDED_RE = /[A-Z\u2019\u2010\u2011]/g;

/** text[from, to) with each character folded (see foldChar), as one string. */
export function foldedSlice(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(UNFOLDED_RE, c => String.fromCharCode(foldChar(c.charCodeAt(0))));
}

/** Is `key` the text from `from` on, character for character? (The caller has compared lengths.) */
function equalsExact(key: string, text: string, from: number): boolean {
  let k = 0;
  while (k < key.length && key.charCodeAt(k) === text.charCodeAt(from + k)) k++;
  return k === key.length;
}

/** As equalsExact, each character of the text folded; a key is folded already. */
function equalsFolded(key: string, text: string, from: number): boolean {
  for (let k = 0; k < key.length; k++) {
    const c = text.charCodeAt(from + k);
    // Most characters of a word are folded already ("supplier"): fold only the others.
    if (c !== key.charCodeAt(k) && foldChar(c) !== key.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * An open-addressing table from strings to numbers, looked up by a slice of a text and the
 * slice's hash (which the caller's scanner usually worked out as it went). With `fold`, a slice
 * matches the key equal to its folded characters (see foldChar).
 */
export class SliceTable {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private values: Int32Array;
  /** How many keys the table holds. */
  size = 0;

  constructor(private readonly fold: boolean, private readonly initialSize = 1 << 15) {
    this.keys = new Array<string | undefined>(initialSize).fill(undefined);
    this.hashes = new Int32Array(initialSize);
    this.values = new Int32Array(initialSize);
  }

  /** The value of text[from, to) whose hash is `hash`, or -1. */
  get(text: string, from: number, to: number, hash: number): number {
    const { keys, hashes } = this;
    const mask = keys.length - 1;
    const len = to - from;
    for (let slot = hash & mask, key = keys[slot]; key !== undefined; slot = (slot + 1) & mask, key = keys[slot]) {
      if (hashes[slot] !== hash || key.length !== len) continue;
      // Asked per candidate key (about once a lookup), not per character: each compare loop stays simple.
      if (this.fold ? equalsFolded(key, text, from) : equalsExact(key, text, from)) return this.values[slot];
    }
    return -1;
  }

  /** Add a key (not yet in the table) with its hash and value; the table grows to stay half empty. */
  add(key: string, hash: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
    this.put(key, hash, value);
  }

  /** Forget every key (a cache that grew too large). */
  clear(): void {
    this.keys = new Array<string | undefined>(this.initialSize).fill(undefined);
    this.hashes = new Int32Array(this.initialSize);
    this.values = new Int32Array(this.initialSize);
    this.size = 0;
  }

  private put(key: string, hash: number, value: number): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.size++;
  }

  private resize(size: number): void {
    const { keys, hashes, values } = this;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.size = 0;
    keys.forEach((key, slot) => { if (key !== undefined) this.put(key, hashes[slot], values[slot]); });
  }
}

/** Words numbered in the order they are first met: id ↔ word, looked up by a slice. */
export class Vocabulary {
  private readonly words: string[] = [];
  private readonly table: SliceTable;

  /** With `fold`, a slice is numbered as its folded form (see foldChar). */
  constructor(private readonly fold: boolean) {
    this.table = new SliceTable(fold);
  }

  /** The id of text[from, to) (folded if the vocabulary folds), numbering it if new. */
  idOfSlice(text: string, from: number, to: number, hash = hashOf(text, from, to, this.fold)): number {
    const known = this.table.get(text, from, to, hash);
    if (known >= 0) return known;
    return this.number(this.fold ? foldedSlice(text, from, to) : text.slice(from, to), hash);
  }

  /** The id of a whole string. */
  idOf(word: string): number {
    return this.idOfSlice(word, 0, word.length);
  }

  /** The id of a whole string if it has one, else -1 (numbering nothing). */
  find(word: string): number {
    return this.table.get(word, 0, word.length, hashOf(word, 0, word.length, this.fold));
  }

  /** The word of an id. */
  wordOf(id: number): string {
    return this.words[id];
  }

  /** How many words have ids (ids are 0 .. size - 1). */
  get size(): number {
    return this.words.length;
  }

  private number(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.table.add(word, hash, id);
    return id;
  }
}
