// What a collation itself says its categories are. A category is whatever repeats in the
// category column: on the lines that open a row (a name, a category, then a response word),
// the words just before the response that end the rows of at least two different
// respondents are a category ("Bralton Widget Retail Approve", "Corley Widget Retail
// Approve" → "Widget Retail"); a cell between bars ("Acme Ltd | Heat Network | Approve") is
// one too. Known categories are never extended by learning ("Octopus Energy Large Supplier"
// and "EDF Energy Large Supplier" do not make "Energy Large Supplier").
import { COMPANY_SUFFIXES, RESPONSES, moreAsciiThan } from './common';
import type { CategoryVocabulary } from './categories';

const byLength = (a: string, b: string) => b.length - a.length;
const RESPONSE_RE = new RegExp(`^(?:${[...RESPONSES].sort(byLength).map(r => r.replace(/\s+/g, '\\s+')).join('|')})(?![\\w-])`, 'i');
/** A line that is a response cell alone ("Approve"), bars and spaces aside. */
const RESPONSE_LINE_RE = new RegExp(RESPONSE_RE.source + '$', 'i');
/** The most ASCII letters a response cell holds ("Partially agree"). */
const RESPONSE_LETTERS = Math.max(...RESPONSES.map(r => r.replace(/[^A-Za-z]/g, '').length));
/** Words a category never starts with. */
const NOT_A_CATEGORY_START = new Set([...COMPANY_SUFFIXES.map(s => s.toLowerCase()), 'and', 'of', 'the', '&', 'for']);
/** How far into a line a response may stand (name and category words, bars). */
const MAX_PREFIX = 12;
const MAX_CATEGORY_WORDS = 4;
const CONNECTORS = new Set(['and', 'of', 'the', '&', 'for', 'de']);
const COMPANY_SUFFIX_WORDS = new Set(COMPANY_SUFFIXES.map(s => s.toLowerCase()));

/** A word that may stand in a name or category cell. */
function isCellWord(w: string): boolean {
  return !/[,;:!?"“”()]/.test(w) && !/\.$/.test(w.replace(/\b(?:Ltd|Inc|Co|plc)\.$/, ''));
}

interface Prefix {
  /** The words before the response, bars removed, when no bar splits them. */
  words?: string[];
  /** The name and category cells when bars split them. */
  barred?: string;
  barredName?: string;
}

/** The first `count` words of a line, each bar a word of its own (a long comment line is not split whole). */
function firstTokens(text: string, count: number): string[] {
  const tokens: string[] = [];
  const re = /\||[^\s|]+/g;
  for (let m = re.exec(text); m && tokens.length < count; m = re.exec(text)) tokens.push(m[0]);
  return tokens;
}

/** The name-and-category words before a response at the start of a line, if the line opens a row. */
function prefixOf(text: string): Prefix | undefined {
  const tokens = firstTokens(text, MAX_PREFIX + 2);
  const words: string[] = [];
  const cells: string[][] = [[]];
  for (let j = 0; j < tokens.length && j <= MAX_PREFIX; j++) {
    const t = tokens[j];
    if (t === '|') {
      if (cells[cells.length - 1].length) cells.push([]);
      continue;
    }
    if (words.length >= 2 && /^[A-Z]/.test(t) && RESPONSE_RE.test(tokens.slice(j, j + 2).join(' '))) {
      const filled = cells.filter(c => c.length);
      if (filled.length >= 2) return { barred: filled[filled.length - 1].join(' '), barredName: filled.slice(0, -1).map(c => c.join(' ')).join(' ') };
      return { words };
    }
    if (!isCellWord(t) || (words.length === 0 && !/^[A-Z0-9]/.test(t))) return undefined;
    words.push(t);
    cells[cells.length - 1].push(t);
  }
  return undefined;
}

export interface LearnedVocabulary {
  /** Categories the document shows by repetition, besides the known ones. */
  categories: string[];
  /** Respondents' names (lower-cased) as they stand before a category on lines that open a row. */
  names: string[];
}

/**
 * Is `short` the first words of a name and of a category that `long` holds whole: the first i
 * words the same, the rest found together further on?
 */
function isWrappedStart(short: string[], long: string[]): boolean {
  for (let i = 1; i < short.length; i++) {
    if (short[i - 1] !== long[i - 1]) return false;
    const rest = short.slice(i);
    // The rest is the category's first words: it cannot start with a company suffix or connector.
    if (NOT_A_CATEGORY_START.has(rest[0])) continue;
    for (let j = i; j + rest.length <= long.length; j++) {
      if (rest.every((w, k) => long[j + k] === w)) return true;
    }
  }
  return false;
}

/** What the collation's own rows say its categories and respondents are. */
export function learnVocabulary(lines: readonly { text: string }[], skip: (i: number) => boolean, known: CategoryVocabulary): LearnedVocabulary {
  const learned = new Set<string>();
  const prefixes: string[][] = [];
  /** Rows laid one cell per line (after a page break): [name, category] before a response alone on its line. */
  const stacked: [string, string][] = [];
  /** Rows whose name and category cells are barred, and their words. */
  const barred: { name: string; category: string }[] = [];
  const barredRows: string[][] = [];
  const filled: number[] = [];
  lines.forEach((line, i) => {
    if (skip(i) || !line.text.trim()) return;
    filled.push(i);
    const p = prefixOf(line.text);
    if (p?.barred && p.barredName && /^[A-Z]/.test(p.barred) && p.barred.split(' ').length <= MAX_CATEGORY_WORDS) {
      barred.push({ name: p.barredName, category: p.barred });
      barredRows.push([...p.barredName.split(' '), ...p.barred.split(' ')]);
    }
    if (p?.words) prefixes.push(p.words);
  });
  // Each line as one cell (bars and runs of white space as one space), made once and only for
  // the lines that can be a response alone and the two before them.
  const cells: (string | undefined)[] = [];
  const cellOf = (i: number) => (cells[i] ??= lines[i].text.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim());
  for (let k = 2; k < filled.length; k++) {
    // Making a cell keeps every letter: a line with more than a response has is none (most lines).
    if (moreAsciiThan(lines[filled[k]].text, RESPONSE_LETTERS, false) || !RESPONSE_LINE_RE.test(cellOf(filled[k]))) continue;
    const category = cellOf(filled[k - 1]);
    const name = cellOf(filled[k - 2]);
    if (!/^[A-Z]/.test(category) || !/^[A-Z0-9]/.test(name)) continue;
    const cat = category.split(' ');
    if (cat.length <= MAX_CATEGORY_WORDS && name.split(' ').length <= 7 && [...cat, ...name.split(' ')].every(isCellWord)) stacked.push([name, category]);
  }
  // Each ending of each prefix, with the distinct heads (names) it follows.
  const endings = (words: string[]) => {
    const out: string[] = [];
    for (let s = 1; s <= Math.min(MAX_CATEGORY_WORDS, words.length - 1); s++) {
      const first = words[words.length - s];
      const last = words[words.length - s - 1].toLowerCase();
      if (!/^[A-Z]/.test(first) || NOT_A_CATEGORY_START.has(first.toLowerCase()) || CONNECTORS.has(last)) continue;
      out.push(words.slice(-s).join(' '));
    }
    return out;
  };
  // Rows whose name and category both wrapped show only their first words: "Rosmere Trading"
  // of "Rosmere and Delmford Halwick Trading Licensee Exempt". They say nothing about where a
  // name ends, so only whole rows are learned from.
  const wrapped = new Set<number>();
  const byFirst = new Map<string, number[]>();
  prefixes.forEach((words, row) => {
    const first = words[0].toLowerCase();
    (byFirst.get(first) ?? byFirst.set(first, []).get(first)!).push(row);
  });
  // Every row as its name and category words: [prefixes…, barred rows…, rows one cell per line…].
  const stackedAt = prefixes.length + barredRows.length;
  const rows = [...prefixes, ...barredRows, ...stacked.map(([name, category]) => [...name.split(' '), ...category.split(' ')])];
  rows.forEach((words, row) => {
    if (row < prefixes.length) return;
    const first = words[0].toLowerCase();
    (byFirst.get(first) ?? byFirst.set(first, []).get(first)!).push(row);
  });
  const lowerRows = rows.map(words => words.map(w => w.toLowerCase()));
  lowerRows.forEach((lower, row) => {
    for (const other of byFirst.get(lower[0]) ?? []) {
      const longer = lowerRows[other];
      if (other === row || longer.length <= lower.length) continue;
      if (isWrappedStart(lower, longer)) {
        wrapped.add(row);
        break;
      }
    }
  });
  // Every (head, ending) split of every row, the row it comes from, by ending.
  const splits = new Map<string, { head: string; row: number }[]>();
  const add = (ending: string, head: string, row: number) => {
    const list = splits.get(ending.toLowerCase());
    if (list) list.push({ head: head.toLowerCase(), row });
    else splits.set(ending.toLowerCase(), [{ head: head.toLowerCase(), row }]);
  };
  prefixes.forEach((words, row) => {
    if (wrapped.has(row)) return;
    for (const e of endings(words)) add(e, words.slice(0, words.length - e.split(' ').length).join(' '), row);
  });
  stacked.forEach(([name, category], k) => {
    if (!wrapped.has(stackedAt + k)) add(category, name, stackedAt + k);
  });
  // A head that another row's head continues is a wrapped name's first words ("Bralton Rosley"
  // of "Bralton Rosley Bralton"): it says nothing about where names end.
  // A head that another row's head continues, for the same ending, is a wrapped name's first
  // words ("Bralton Rosley" of "Bralton Rosley Bralton"): it says nothing about where names end.
  const fragment = (ending: string, h: { head: string; row: number }) =>
    (splits.get(ending) ?? []).some(o => o.row !== h.row && o.head.startsWith(h.head + ' '));
  /**
   * An ending is a category when at least two respondents (whole names) end their rows with it
   * whose names end with words no other of them does (a last word shared is the category's
   * too: "Bralton Widget Meter", "Corley Widget Meter" → "Widget Meter").
   */
  const isCategory = (ending: string) => {
    const key = ending.toLowerCase();
    const heads = new Set((splits.get(key) ?? []).filter(h => !fragment(key, h)).map(h => h.head));
    if (heads.size < 2) return false;
    const lastWords = new Map<string, number>();
    for (const h of heads) {
      const w = h.split(' ').pop()!;
      lastWords.set(w, (lastWords.get(w) ?? 0) + 1);
    }
    // At least two respondents whose last word no other shares (company suffixes aside).
    let distinct = 0;
    for (const h of heads) {
      const w = h.split(' ').pop()!;
      if (lastWords.get(w) === 1 || COMPANY_SUFFIX_WORDS.has(w)) distinct++;
    }
    return distinct >= 2;
  };
  // Barred rows give names and categories for certain, unless they are a wrapped row's first words.
  const names = new Set<string>();
  barred.forEach(({ name, category }, k) => {
    if (wrapped.has(prefixes.length + k)) return;
    learned.add(category);
    names.add(name.toLowerCase());
  });
  const barredCategories = new Set([...learned].map(c => c.toLowerCase()));
  for (const [k, [name, category]] of stacked.entries()) {
    if (wrapped.has(stackedAt + k)) continue;
    if (!known.has(category) && !isCategory(category)) continue;
    if (!known.has(category)) learned.add(category);
    names.add(name.toLowerCase());
  }
  for (const [row, words] of prefixes.entries()) {
    if (wrapped.has(row)) continue;
    const own = endings(words);
    // A row ending with a known category has it ("Haven Power Small Supplier" is not "… Supplier"),
    // the shortest as the reader does ("British Gas | Network Party", not "British | Gas Network Party");
    // else the shortest ending that is a category by the rows of the document.
    // A category a barred row gave for certain comes first, the longest.
    let chosen: string | undefined = [...own].reverse().find(e => barredCategories.has(e.toLowerCase())) ?? own.find(e => known.has(e));
    if (!chosen) {
      chosen = own.find(isCategory);
      if (chosen) learned.add(chosen);
    }
    if (chosen) names.add(words.slice(0, words.length - chosen.split(' ').length).join(' ').toLowerCase());
  }
  // A name that another learned name continues is the first words of a wrapped one.
  const whole = [...names].filter(n => ![...names].some(o => o.startsWith(n + ' ')));
  return { categories: [...learned].filter(c => !known.has(c)), names: whole };
}
