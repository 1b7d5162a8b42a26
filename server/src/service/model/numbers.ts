// Numbers in the prose of SEC legal text: digits with or without thousands separators
// ("250,000", "250000"), words ("fifty thousand", "twelve") and "five (5)" pairs. What looks
// like a number but is not a quantity is left out: years and dates ("28 February 2019",
// "Companies Act 2006"), clause and statute numbers ("G8.41", "section 6(1)(c)"), paragraph
// labels, version strings ("V1.15") and identifiers ("SECMP0044").
import type { Range } from '../types';
import { lineRange } from '../text/lines';
import { type Span, nonProseSpans, overlaps } from '../text/prose';
import type { LegalModel } from './document';
import { DerivedKey, derive } from '../cache';

// Derived values kept per owner (see cache.ts).
const NUMBERS = new DerivedKey<NumberMention[]>('numbers');

/**
 * A pair restates a number in brackets, words after figures or figures after words: "5 (five)",
 * "five (5)", "10% (ten per cent)", "ten per cent (10%)". The percentage may follow the figures
 * ("%" or "per cent") and the words ("per cent").
 */
const AFTER_FIGURES = String.raw`(?:%|\s*per\s*cent)?`;
const AFTER_WORDS = String.raw`(?:\s+per\s*cent)?`;
/** Figures, then the bracket whose words follow (the text before a pair's words). */
const FIGURES_BEFORE_WORDS_RE = new RegExp(String.raw`\d${AFTER_FIGURES}\s*\($`, 'i');
/** After a pair's words: the closing bracket. */
const WORDS_CLOSE_RE = new RegExp(String.raw`^${AFTER_WORDS}\)`, 'i');
/** After words: the figures in brackets ("five (5)"). */
const FIGURES_AFTER_WORDS_RE = new RegExp(String.raw`^${AFTER_WORDS}\s*\((\d[\d,]*)${AFTER_FIGURES}\)`, 'i');
/** After figures: the words in brackets ("5 (five)"). */
const WORDS_AFTER_FIGURES_RE = new RegExp(String.raw`^${AFTER_FIGURES}\s*\(([a-z][a-z\s-]*?)${AFTER_WORDS}\)`, 'i');

/** How a number is written: "250,000", "250000", "fifty thousand", "five (5)". */
export type NumberForm = 'grouped' | 'plain' | 'words' | 'pair';

export interface NumberMention {
  value: number;
  /** The literal text, e.g. "250,000" or "five (5)". */
  text: string;
  form: NumberForm;
  line: number;
  start: number;
  end: number;
  range: Range;
  /** For pairs: what the words and the digits each say. */
  wordsValue?: number;
  digitsValue?: number;
  /** For pairs: the words part alone (the range of the words is `start` … `start + wordsText.length`). */
  wordsText?: string;
  /** Thousands separators in the wrong places ("25,0000"): the value is not certain. */
  malformed?: boolean;
  /** On a formula line ("CPN = (5 × NDP) + DP"), where digits are the norm. */
  inFormula: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join('|')})`;
/** A run of number words: "two hundred and fifty thousand", "twenty-five". */
const WORDS_RE = new RegExp(`\\b${WORD}(?:(?:\\s+and\\s+|\\s+|-)${WORD})*\\b`, 'gi');
/** Where a run of number words can start: looked for once in the whole document. */
const WORD_START_RE = new RegExp(`\\b${WORD}`, 'gi');
const DIGIT_RE = /\d/g;
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** Words after which a number names a provision, not a quantity ("section 1159", "Schedule 2"). */
const REFERENCE_WORDS = /^(?:sections?|regulations?|paragraphs?|sub-paragraphs?|schedules?|parts?|articles?|clauses?|conditions?|annex(?:es)?|appendix|appendices|chapters?|rules?|steps?|tables?|figures?|versions?|v|no|nos|number|item|items|question|questions|page|pages|release|modification|slc|lines?|column)$/i;
/** Words before a year: statutes ("Act 2006") and instruments. */
const YEAR_WORDS = /^(?:act|acts|order|regulations|rules|directive|year|since|before|after|until|in|of|from|by)$/i;

/** The value of a run of number words, or undefined when it is not a well-formed number. */
export function parseNumberWords(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter(w => w && w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) {
      if (current % 100 >= 20 && current % 10 === 0 && UNITS[w] < 10) current += UNITS[w];
      else if (current % 100 !== 0 || (seen && current === 0 && total === 0)) return undefined;
      else current += UNITS[w];
    } else if (w in TENS) {
      if (current % 100 !== 0) return undefined;
      current += TENS[w];
    } else if (w === 'hundred') {
      if (current === 0 || current >= 100) return undefined;
      current *= 100;
    } else if (w in SCALES) {
      if (current === 0) return undefined;
      total += current * SCALES[w];
      current = 0;
    } else return undefined;
    seen = true;
  }
  return total + current;
}

/**
 * The numbers in a run of number words with their offsets: the whole run when it reads as one
 * number ("two hundred and fifty thousand"), else its parts ("between two and five").
 */
function numberRuns(run: string): [number, string][] {
  const whole = run.replace(/\s+and$/i, '');
  if (/^(?:hundred|thousand|million|billion)/i.test(whole)) return [];
  if (parseNumberWords(whole) !== undefined) return [[0, whole]];
  const parts: [number, string][] = [];
  const re = /\s+and\s+/gi;
  let from = 0;
  for (let m = re.exec(run); ; m = re.exec(run)) {
    const piece = run.slice(from, m ? m.index : run.length);
    if (piece && !/^(?:hundred|thousand|million|billion)/i.test(piece)) parts.push([from, piece]);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return parts;
}

/** 250000 → "250,000". */
export function formatGrouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Character classes by code, for the scanner's hot paths: a line of legal text holds dozens of
// digit runs (clause numbers, references), and a regex and a substring per run made reading the
// numbers of the whole Code cost more than everything else the thresholds and numbers checks do.
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character of `\w` (ASCII letters, digits and "_"). */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

const WORD_BEFORE_RE = /([\p{L}]+)\W*$/u;
const WORD_AFTER_RE = /^\W*([\p{L}]+)/u;

/** The last word before `at` (within 40 characters: lines may be 1 MB long). */
function wordBefore(text: string, at: number): string {
  const from = Math.max(0, at - 40);
  // ASCII scan: skip the non-word characters, then take the letters before them. Any other
  // character (a curly quote, an accented letter) may be a letter to \p{L}: ask the regex.
  let k = at;
  for (; k > from; k--) {
    const c = text.charCodeAt(k - 1);
    if (c >= 128) return WORD_BEFORE_RE.exec(text.slice(from, at))?.[1] ?? '';
    if (isWordChar(c)) break;
  }
  if (k === from || !isAsciiLetter(text.charCodeAt(k - 1))) return '';
  let p = k - 1;
  for (; p > from; p--) {
    const c = text.charCodeAt(p - 1);
    if (c >= 128) return WORD_BEFORE_RE.exec(text.slice(from, at))?.[1] ?? '';
    if (!isAsciiLetter(c)) break;
  }
  return text.slice(p, k);
}

/** The first word after `at`. */
function wordAfter(text: string, at: number): string {
  let k = at;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return WORD_AFTER_RE.exec(text.slice(at))?.[1] ?? '';
    if (isWordChar(c)) break;
  }
  if (k === text.length || !isAsciiLetter(text.charCodeAt(k))) return '';
  let q = k + 1;
  for (; q < text.length; q++) {
    const c = text.charCodeAt(q);
    if (c >= 128) return WORD_AFTER_RE.exec(text.slice(at))?.[1] ?? '';
    if (!isAsciiLetter(c)) break;
  }
  return text.slice(k, q);
}

/** A formula line: "CPN = (5 × NDP) + DP". */
export function isFormulaLine(text: string): boolean {
  if (!text.includes('=')) return false; // most lines: one fast search instead of a regex
  return /^\s*(?:\*\*)?[A-Z][A-Za-z]{0,11}\s*=\s*\S/.test(text) && !/\b(?:shall|means)\b/.test(text);
}

/** Is the digits token at [start, end) a quantity, rather than a year, date, label or reference? */
function isQuantity(text: string, start: number, end: number, contentColumn: number, referenceChainEnd: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const b = text.charCodeAt(start - 1);
  const a = text.charCodeAt(end);
  // Most digit runs are clause numbers and references: reject them by character code first.
  if (b < 128 ? isWordChar(b) || b === 46 || b === 47 || b === 92 || b === 58 || b === 45 : /[\p{L}\p{N}_./\\:-]/u.test(before)) return false; // G8.41, V1.15, SECMP0044, 28/02, 10:30
  if (a < 128 ? isAsciiLetter(a) || a === 95 : /[\p{L}_]/u.test(after)) return false; // 5th, 10am
  if ((a === 46 || a === 58 || a === 47) && isDigit(text.charCodeAt(end + 1))) return false; // 8.41, 10:30, 28/02
  if (after === '(' ) return false; // section 6(1)(c)
  if (before === '(' && after === ')') return false; // a label "(1)"
  if (start === contentColumn && /^[.)]/.test(after)) return false; // "1." numbered list
  const prev = wordBefore(text, start);
  if (REFERENCE_WORDS.test(prev)) return false;
  // "ISO 27001", "BS 7671", "IEC 62056": a standard's number follows its body's acronym.
  if (/^[A-Z]{2,6}$/.test(prev) && /[A-Z]\s+$/.test(text.slice(Math.max(0, start - 3), start)) && !text.slice(start, end).includes(',')) return false;
  if (referenceChainEnd >= 0 && /^\s*(?:,|and|or|to|-|–)\s*$/.test(text.slice(referenceChainEnd, start))) return false; // sections 3 and 4
  if (MONTHS.test(wordAfter(text, end)) || MONTHS.test(prev)) return false; // 28 February, February 2019
  const digits = text.slice(start, end);
  if (/^\d{4}$/.test(digits)) {
    const n = Number(digits);
    if (n >= 1800 && n <= 2199 && (YEAR_WORDS.test(prev) || !/^[A-Z]|^(?:premises|meters|metering|customers|sites|systems|days|units)$/i.test(wordAfter(text, end)))) return false;
  }
  return true;
}

/** Every number mention on one line of prose (columns are the line's). */
export function findNumbersInLine(text: string, line: number, contentColumn = 0, mayHaveWords = true): NumberMention[] {
  const out: NumberMention[] = [];
  // The non-prose spans are looked for only when a number may need them: most lines hold
  // nothing but clause numbers and references, rejected before.
  let skipSpans: Span[] | undefined;
  const skip = () => (skipSpans ??= nonProseSpans(text));
  const inFormula = isFormulaLine(text.slice(contentColumn));
  const taken: [number, number][] = [];
  // Each mention is written out in full (no spread of a partial object): one object shape, no copies.
  const push = (m: NumberMention) => {
    out.push(m);
    taken.push([m.start, m.end]);
  };

  // Words, and "five (5)" pairs whose words come first.
  WORDS_RE.lastIndex = mayHaveWords ? 0 : text.length + 1; // a start past the end: no words
  for (let m = WORDS_RE.exec(text); m; m = WORDS_RE.exec(text)) {
    for (const [offset, words] of numberRuns(m[0])) {
      const start = m.index + offset;
      const value = parseNumberWords(words);
      if (value === undefined || overlaps(skip(), start, start + words.length)) continue;
      // "5 (five)", "10% (ten per cent)": the words belong to the figures before them, read as a pair below.
      if (FIGURES_BEFORE_WORDS_RE.test(text.slice(Math.max(0, start - 16), start)) && WORDS_CLOSE_RE.test(text.slice(start + words.length))) continue;
      // "one of", "one another": a pronoun, not a count.
      if (value === 1 && /^\s+(?:of|another)\b/i.test(text.slice(start + words.length))) continue;
      const pair = FIGURES_AFTER_WORDS_RE.exec(text.slice(start + words.length));
      if (pair) {
        const end = start + words.length + pair[0].length;
        const digitsValue = Number(pair[1].replace(/,/g, ''));
        push({ value, text: text.slice(start, end), form: 'pair', start, end, wordsValue: value, digitsValue, wordsText: words, line, range: lineRange(line, start, end), inFormula });
      } else {
        const end = start + words.length;
        push({ value, text: words, form: 'words', start, end, line, range: lineRange(line, start, end), inFormula });
      }
    }
  }

  // Digits, and "5 (five)" pairs whose digits come first.
  let referenceChainEnd = -1;
  let takenIndex = 0;
  // A run is /\d[\d,]*/: the regex finds where it starts (test() makes no match object: a
  // line holds dozens of runs), the characters say where it ends.
  DIGIT_RE.lastIndex = 0;
  while (DIGIT_RE.test(text)) {
    const from = DIGIT_RE.lastIndex - 1;
    let runEnd = from + 1;
    for (let c = text.charCodeAt(runEnd); isDigit(c) || c === 44; c = text.charCodeAt(++runEnd));
    DIGIT_RE.lastIndex = runEnd;
    let end = runEnd;
    while (text.charCodeAt(end - 1) === 44) end--; // the run without trailing commas
    // Words were found left to right, so one pointer walks `taken` (a 1 MB line may hold 100,000 numbers).
    while (takenIndex < taken.length && taken[takenIndex][1] <= from) takenIndex++;
    const inWords = takenIndex < taken.length && from < taken[takenIndex][1] && end > taken[takenIndex][0];
    if (inWords) continue;
    if (!isQuantity(text, from, end, contentColumn, referenceChainEnd)) {
      if ((referenceChainEnd >= 0 || REFERENCE_WORDS.test(wordBefore(text, from))) && !overlaps(skip(), from, end)) referenceChainEnd = end;
      continue;
    }
    if (overlaps(skip(), from, end)) continue;
    referenceChainEnd = -1;
    const raw = text.slice(from, end);
    const grouped = raw.includes(',');
    const malformed = grouped && !/^\d{1,3}(?:,\d{3})+$/.test(raw);
    const value = Number(grouped ? raw.replace(/,/g, '') : raw);
    const wordsAfter = text.charCodeAt(end) === 40 || text.charCodeAt(end) <= 32 || text.charCodeAt(end) >= 128 || text.charCodeAt(end) === 37
      ? WORDS_AFTER_FIGURES_RE.exec(text.slice(end)) : null;
    const wordsValue = wordsAfter ? parseNumberWords(wordsAfter[1]) : undefined;
    if (wordsAfter && wordsValue !== undefined) {
      const pairEnd = end + wordsAfter[0].length;
      push({ value: wordsValue, text: text.slice(from, pairEnd), form: 'pair', start: from, end: pairEnd, wordsValue, digitsValue: value, line, range: lineRange(line, from, pairEnd), inFormula });
      continue;
    }
    const range = lineRange(line, from, end);
    push(malformed
      ? { value, text: raw, form: 'grouped', start: from, end, malformed, line, range, inFormula }
      : { value, text: raw, form: grouped ? 'grouped' : 'plain', start: from, end, line, range, inFormula });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The lines on which a global regex matches somewhere: one scan of the document text, not one per line. */
export function linesMatching(model: LegalModel, re: RegExp): Set<number> {
  const out = new Set<number>();
  const { lines } = model.structure;
  re.lastIndex = 0;
  for (let m = re.exec(model.text); m; m = re.exec(model.text)) {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= m.index) lo = mid;
      else hi = mid - 1;
    }
    out.add(lines[lo].line);
  }
  return out;
}

const PROSE_KINDS = new Set(['clause', 'paragraph', 'continuation', 'table-row', 'definition-row']);

/** Every number in the prose of a legal document, in document order (memoised per model). */
export function numbersOf(model: LegalModel): NumberMention[] {
  return derive(model, NUMBERS, () => {
    const { lines, kinds, contentColumn } = model.structure;
    const out: NumberMention[] = [];
    // Number words are rare: one scan of the document finds the few lines where one starts
    // (a line's ends are word boundaries in the document as in the line), instead of a scan per line.
    const wordLines = linesMatching(model, WORD_START_RE);
    for (const l of lines) {
      if (!PROSE_KINDS.has(kinds[l.line]) || !/[0-9a-z]/i.test(l.text)) continue;
      for (const n of findNumbersInLine(l.text, l.line, contentColumn[l.line], wordLines.has(l.line))) out.push(n); // no spread: a line may hold 100,000 numbers
    }
    return out;
  });
}
