// The respondent categories of one collation, and where they stand in a line. The set is
// open: the categories SEC consultations use (common.ts) plus those a document shows by
// repeating them in its category column (vocabulary.ts). Wrapped categories are found by
// their heads ("Shared Resource" … "Provider").
import { CATEGORIES } from './common';

export interface Cell {
  /** The category as matched, and where it ends on its line. */
  category: string;
  end: number;
  /** Only the first words of a category whose end wrapped onto a later line ("Shared Resource" … "Provider"). */
  partial?: boolean;
}

const NO_CELLS: Cell[] = [];
const NON_ASCII = 2;
const byLength = (a: string, b: string) => b.length - a.length;

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Does the lower-case ASCII `category` start at `at`, case-insensitively, as whole words
 * (`[\w-]` may not follow)? 1 or 0; NON_ASCII where a character met before the answer is not
 * ASCII (its lower case might be: the slow way then decides).
 */
function asciiCategoryAt(text: string, at: number, category: string): number {
  if (at + category.length > text.length) return 0;
  for (let k = 0; k < category.length; k++) {
    const code = text.charCodeAt(at + k);
    if (code >= 128) return NON_ASCII;
    if (lowerAscii(code) !== category.charCodeAt(k)) return 0;
  }
  if (at + category.length === text.length) return 1;
  const after = text.charCodeAt(at + category.length);
  if (after >= 128) return NON_ASCII;
  const lower = lowerAscii(after);
  return (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower === 95 || lower === 45 ? 0 : 1;
}

export class CategoryVocabulary {
  /** Lower-cased whole categories, longest first. */
  readonly whole: readonly string[];
  /** Lower-cased first words of longer categories that are not categories themselves. */
  readonly heads: readonly string[];
  private readonly initials: Set<string>;
  private readonly longest: number;
  /** Whole categories and heads by their first letter's (ASCII) code, in the order tried. */
  private readonly byInitial: ({ whole: string[]; heads: string[] } | undefined)[] = new Array(128).fill(undefined);

  constructor(categories: readonly string[]) {
    const whole = [...new Set(categories.map(c => c.replace(/\s+/g, ' ').trim().toLowerCase()))].filter(Boolean).sort(byLength);
    const wholeSet = new Set(whole);
    this.whole = whole;
    this.heads = [...new Set(whole.flatMap(c => {
      const words = c.split(' ');
      return words.slice(1).map((_w, k) => words.slice(0, k + 1).join(' '));
    }))].filter(h => !wholeSet.has(h)).sort(byLength);
    this.initials = new Set([...whole, ...this.heads].map(c => c[0]));
    this.longest = Math.max(0, ...whole.map(c => c.length));
    for (const [list, key] of [[this.whole, 'whole'], [this.heads, 'heads']] as const) {
      for (const c of list) {
        const code = c.charCodeAt(0);
        if (code < 128) (this.byInitial[code] ??= { whole: [], heads: [] })[key].push(c);
      }
    }
  }

  has(category: string): boolean {
    return this.whole.includes(category.toLowerCase());
  }

  /** Is `words` a category, or the first words of one? */
  startsOne(words: string): boolean {
    const lower = words.toLowerCase();
    return this.whole.some(c => c === lower || c.startsWith(lower + ' '));
  }

  /** Categories that start at `at` in `text` with a capital: whole ones longest first, then the heads of wrapped ones. */
  at(text: string, at: number): Cell[] {
    // Runs at every word of every line: compared in place, without lower-casing a copy of the
    // line's rest (that made a long line quadratic), and only against the categories starting
    // with the word's letter.
    const first = text.charCodeAt(at);
    // A category cell starts with a capital: "licensee" in "Widget licensee" is not "Licensee".
    if (first >= 97 && first <= 122) return NO_CELLS;
    const byInitial = first < 128 ? this.byInitial[lowerAscii(first)] : undefined;
    if (!byInitial) return NO_CELLS;
    let found: Cell[] | undefined;
    for (const c of byInitial.whole) {
      const match = asciiCategoryAt(text, at, c);
      if (match === NON_ASCII) return this.atSlowly(text, at);
      if (match) (found ??= []).push({ category: text.slice(at, at + c.length), end: at + c.length });
    }
    for (const h of byInitial.heads) {
      const match = asciiCategoryAt(text, at, h);
      if (match === NON_ASCII) return this.atSlowly(text, at);
      if (match) (found ??= []).push({ category: text.slice(at, at + h.length), end: at + h.length, partial: true });
    }
    return found ?? NO_CELLS;
  }

  /** The same on text with non-ASCII letters near `at` (whose lower case may be ASCII). */
  private atSlowly(text: string, at: number): Cell[] {
    if (!this.initials.has(text[at]?.toLowerCase() ?? '')) return NO_CELLS;
    const rest = text.slice(at, at + this.longest + 1).toLowerCase();
    let found: Cell[] | undefined;
    const startsWith = (c: string) => rest.startsWith(c) && !/[\w-]/.test(rest[c.length] ?? '');
    for (const c of this.whole) if (startsWith(c)) (found ??= []).push({ category: text.slice(at, at + c.length), end: at + c.length });
    for (const h of this.heads) if (startsWith(h)) (found ??= []).push({ category: text.slice(at, at + h.length), end: at + h.length, partial: true });
    return found ?? NO_CELLS;
  }

  /** The words that complete a cut category at the start of `text` ("Other" + "respondent …"). */
  complete(category: string, text: string): string | undefined {
    const t = text.replace(/^[\s|]+/, '');
    const head = category.toLowerCase() + ' ';
    let lower: string | undefined;
    for (const c of this.whole) {
      if (!c.startsWith(head)) continue;
      const remainder = c.slice(category.length + 1);
      lower ??= t.toLowerCase();
      if (lower.startsWith(remainder) && !/[\w-]/.test(t[remainder.length] ?? '')) return t.slice(0, remainder.length);
    }
    return undefined;
  }
}

/** The categories every collation starts from ("Supplier" alone is too common a word to be one). */
export const KNOWN_CATEGORIES = new CategoryVocabulary(CATEGORIES.filter(c => c.toLowerCase() !== 'supplier'));
