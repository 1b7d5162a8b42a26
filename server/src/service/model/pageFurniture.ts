// Page furniture: what a PDF or Word document repeats on every page and what a copy of it
// carries into the flow of the text — a running header ("SEC Section K – Charging v4.2"), a
// footer ("Page 12 of 40") or a bare page number between the two halves of a sentence.
// Recognised by form and repetition, never by a list of titles: such a line is read as
// nothing (no term, no sentence break), and the sentence it cuts runs on across it.
import type { Line } from '../text/lines';

/** "12", "Page 12", "Page 12 of 40", "- 12 -", "12/40": a page number alone on its line. */
const PAGE_NUMBER_RE = /^\s*[-–—]?\s*(?:Page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*[-–—]?\s*$/i;
/** A page number inside a longer furniture line ("… v4.2 – Page 3 of 9"). */
const PAGE_OF_RE = /\bPage\s+\d{1,4}(?:\s+of\s+\d{1,4})?\b/i;
/** "Page 12 of 40" inside a line: a footer even when the copy holds only one page break. */
const PAGE_N_OF_M_RE = /\bPage\s+\d{1,4}\s+of\s+\d{1,4}\b/i;
/** A version or a year: what a running header carries and a sub-heading does not ("v4.2", "Version 3", "26 Jan 2015"). */
const VERSION_OR_DATE_RE = /\bv(?:ersion)?\s*\d+(?:\.\d+)*|\b(?:19|20)\d\d\b/i;
/** Repeated lines that end like a sentence or a list item are text, not furniture. */
const ENDS_LIKE_TEXT_RE = /[.;:,]["”’)]*\s*$/;
const MAX_LENGTH = 120;
const STARTS_LOWER_RE = /^\p{Ll}/u;

/** A footer that shows itself on one page: "Page 3 of 9", or a page number with a version or a date ("SEC Section H v5.0   Page 41"). */
function footerOnItsOwn(text: string): boolean {
  return PAGE_N_OF_M_RE.test(text) || (PAGE_OF_RE.test(text) && VERSION_OR_DATE_RE.test(text));
}

export interface FurnitureContext {
  /** May the line be furniture at all (not a clause, a paragraph or blank)? */
  candidate(line: number): boolean;
  /** Does the line stand inside a sentence, between two halves of it? */
  cutsSentence(line: number): boolean;
  /** Is the first of a run of repeats real text to keep (a Section heading repeated as a running header)? */
  keepFirst(line: number): boolean;
}

/**
 * The lines of a document that are page furniture: a page number alone on its line, and a
 * line repeated word for word (page numbers aside) that somewhere cuts a sentence in two,
 * stands next to a page number, or carries a version or a date (once is enough for a line
 * with "Page 3 of 9", or with a version or a date next to a page number). Repetition alone is not
 * enough: sub-headings recur too ("General", "Interpretation"), but never inside a sentence.
 */
export function pageFurniture(lines: readonly Line[], context: FurnitureContext): Set<number> {
  const furniture = new Set<number>();
  const repeats = new Map<string, number[]>();
  for (const l of lines) {
    if (!context.candidate(l.line)) continue;
    const text = l.text.trim();
    if (text.length === 0 || text.length > MAX_LENGTH) continue;
    if (PAGE_NUMBER_RE.test(text)) {
      furniture.add(l.line);
      continue;
    }
    // A header or footer opens with a capital, a figure or a mark; a wrapped line mostly in lower case.
    if (ENDS_LIKE_TEXT_RE.test(text) || STARTS_LOWER_RE.test(text)) continue;
    // Page numbers inside a header or footer change from page to page; the rest recurs.
    const key = text.replace(/\d+/g, '#');
    const list = repeats.get(key);
    if (list) list.push(l.line);
    else repeats.set(key, [l.line]);
  }
  const nextToPageNumber = (line: number) => furniture.has(line - 1) || furniture.has(line + 1);
  for (const list of repeats.values()) {
    const first = lines[list[0]].text;
    const numbered = PAGE_OF_RE.test(first) || VERSION_OR_DATE_RE.test(first);
    // Once only, a header or footer shows itself by "Page 3 of 9", a version or a date with "Page 3", or a version or a date beside a page number.
    if (list.length < 2 && !footerOnItsOwn(first) && !(numbered && nextToPageNumber(list[0]))) continue;
    if (!numbered && !list.some(line => nextToPageNumber(line) || context.cutsSentence(line))) continue;
    list.forEach((line, i) => {
      if (i > 0 || !context.keepFirst(line)) furniture.add(line);
    });
  }
  return furniture;
}
