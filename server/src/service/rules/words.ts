// repeated-word: "the the", also when the second word starts the next line. Only words that
// follow each other with nothing but whitespace between them: a comma, bracket, quote or a
// paragraph label "(b)" in between makes them two phrases. Numbers are not words here
// ("10 10" is a numbers matter, and "Section G8 8" is not prose).
//
// Legitimate doubles are not flagged:
// - "had had" is grammatical;
// - "that that" is grammatical when the second "that" points at something ("provides that
//   that User shall …", "that that assessment"): it is flagged only when an article or
//   pronoun follows ("that that the …"), where one "that" is plainly surplus.
import type { Finding, Position, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import { flatten, proseBlocks } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

const ALWAYS_GRAMMATICAL = new Set(['had']);
const NOT_A_DETERMINER_AFTER = /^(?:the|a|an|this|these|those|it|its|they|he|she|we|such|any|each)$/i;

interface Word {
  text: string;
  start: number;
  end: number;
}

function isLegitimateDouble(lower: string, next: string | undefined): boolean {
  if (ALWAYS_GRAMMATICAL.has(lower)) return true;
  if (lower === 'that') return next !== undefined && !NOT_A_DETERMINER_AFTER.test(next);
  return false;
}

/**
 * Delete the repeats after the first word (`firstRepeat` … `last`) with the whitespace before
 * them; when a line break comes between, delete them with the whitespace after them instead,
 * so that the line break stays where it was.
 */
function deletionFix(uri: string, text: string, first: Word, firstRepeat: Word, last: Word, positionAt: (o: number) => Position): SecFix {
  let from = first.end;
  let to = last.end;
  if (text.slice(first.end, last.start).includes('\n')) {
    const trailing = /^[ \t]+/.exec(text.slice(last.end))?.[0] ?? '';
    const atLineEnd = /^(?:\n|$)/.test(text.slice(last.end + trailing.length));
    if (!atLineEnd) {
      from = firstRepeat.start;
      to = last.end + trailing.length;
    }
  }
  return {
    title: `Delete the repeated '${last.text}'`,
    certain: true,
    isPreferred: true,
    edits: [{ uri, range: { start: positionAt(from), end: positionAt(to) }, newText: '' }],
  };
}

/** An apostrophe (straight or curly) or a hyphen: inside a word when a letter follows ("User’s", "Sub-Committee"). */
const isInnerMark = (c: number) => c === 39 || c === 45 || c === 0x2019;
const NON_ASCII_LETTER_RE = /\p{L}/u;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** ASCII by arithmetic, the rest by the Unicode property (much faster than \p{L}+ over whole texts). */
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_LETTER_RE.test(text[i]);
}

/**
 * The words of a text: letters (and digits) with inner apostrophes or hyphens ("User’s",
 * "Sub-Committee"); `spaced` says only whitespace separates it from the word before.
 */
type ScannedWord = Word & { digits: boolean; spaced: boolean };

/**
 * The words of a text in order, one `next()` at a time: after a true `next()`, `start`, `end`,
 * `digits` and `spaced` (only whitespace separates it from the word before) describe the
 * word. A cursor rather than a callback, so the scan of every segment allocates nothing.
 */
class WordCursor {
  start = 0;
  end = 0;
  digits = false;
  spaced = false;
  private at = 0;
  private first = true;

  constructor(private readonly text: string) {}

  next(): boolean {
    const { text } = this;
    let spaced = !this.first;
    let i = this.at;
    while (i < text.length && !isLetter(text, i) && !isDigit(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && !(c > 127 && /\s/.test(text[i]))) spaced = false;
      i++;
    }
    if (i >= text.length) return false;
    let j = i;
    let digits = false;
    while (j < text.length) {
      if (isDigit(text.charCodeAt(j))) digits = true;
      else if (!isLetter(text, j) && !(isInnerMark(text.charCodeAt(j)) && j + 1 < text.length && isLetter(text, j + 1))) break;
      j++;
    }
    this.start = i;
    this.end = j;
    this.digits = digits;
    this.spaced = spaced;
    this.first = false;
    this.at = j;
    return true;
  }
}

function scanWords(text: string): ScannedWord[] {
  const words: ScannedWord[] = [];
  for (const w = new WordCursor(text); w.next();) words.push({ text: text.slice(w.start, w.end), start: w.start, end: w.end, digits: w.digits, spaced: w.spaced });
  return words;
}

/**
 * Whether any word is followed, after only whitespace, by the same word in any case, without
 * building a word list: the common clean segment costs no allocation.
 */
function mayRepeat(text: string): boolean {
  let prevStart = -1;
  let prevEnd = -1;
  let prevDigits = false;
  for (const w = new WordCursor(text); w.next();) {
    const length = w.end - w.start;
    if (w.spaced && !w.digits && !prevDigits && length === prevEnd - prevStart && sameLetters(text, prevStart, w.start, length)) return true;
    prevStart = w.start;
    prevEnd = w.end;
    prevDigits = w.digits;
  }
  return false;
}

/** The `length` characters at `a` and at `b` are equal ignoring case (ASCII quickly, the rest by toLowerCase). */
function sameLetters(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === y) continue;
    if (x < 128 && y < 128) {
      if ((x | 32) !== (y | 32) || !isLetter(text, a + k)) return false;
      continue;
    }
    return text.slice(a, a + length).toLowerCase() === text.slice(b, b + length).toLowerCase();
  }
  return true;
}

/** The same word (in any case), with only whitespace before it. */
function sameWord(first: ScannedWord, next: ScannedWord): boolean {
  return next.spaced && !first.digits && !next.digits && first.text.length === next.text.length && first.text.toLowerCase() === next.text.toLowerCase();
}

function repeatedWords(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const block of proseBlocks(model)) {
    for (const segment of block.segments) {
      const flat = flatten(segment);
      if (!mayRepeat(flat.text)) continue;
      const words = scanWords(flat.text);
      for (let i = 1; i < words.length; i++) {
        const first = words[i - 1];
        if (!sameWord(first, words[i])) continue;
        const lower = first.text.toLowerCase();
        // "the the the" is one slip: the finding covers the whole run, the fix keeps one word.
        let last = i;
        while (last + 1 < words.length && sameWord(first, words[last + 1])) last++;
        if (last === i && isLegitimateDouble(lower, words[i + 1]?.text)) continue;
        const second = words[last];
        findings.push({
          code: 'repeated-word',
          range: { start: flat.positionAt(first.start), end: flat.positionAt(second.end) },
          message: last === i ? `'${first.text}' is repeated; delete one.` : `'${first.text}' is written ${last - i + 2} times in a row; keep one.`,
          fixes: [deletionFix(model.uri, flat.text, first, words[i], second, flat.positionAt)],
        });
        i = last;
      }
    }
  }
  return findings;
}

export const wordRules: RuleFamily = {
  name: 'words',
  dependsOn: [],
  kinds: ['legal'],
  codes: ['repeated-word'],
  docs: wordDocs(),
  check(ctx: RuleContext): Finding[] {
    return ctx.model.kind === 'legal' ? repeatedWords(ctx.model) : [];
  },
};

/**
 * The page of repeated-word: docs/rules/repeated-word.md is rendered from it by `npm run rules:sync`.
 */
function wordDocs(): RuleFamily['docs'] {
  return {
    'repeated-word': {
      finds: 'The same word twice in a row ("the the"), case-insensitive, across a line break too; never across punctuation or a paragraph label, never numbers. "had had" is grammatical, and so is "that that" when the second points at something ("provides that that User shall"); "that that the …" is reported.',
      why: 'A doubled word is the commonest slip of editing a clause in place, and in legal text it can be mistaken for a deliberate construction.',
      reported: 'G8.41 Each Supplier Party shall notify the the Panel.',
      notReported: 'G8.41 The Code provides that that User shall notify the Panel.\n\n'
        + '("that that User": the second "that" points at the User)',
      fix: 'Delete the second word. The fix is certain: the quick fix, "Fix all" and `secdraft check --fix` apply it.',
    },
  };
}
