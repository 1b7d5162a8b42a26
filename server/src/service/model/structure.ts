// The structure of SEC legal text: Section heading, Part headings, unnumbered sub-headings,
// clauses (with lettered insertions) and their paragraphs. Plain text and Markdown alike.
// Parsing never throws: odd lines become 'text' and the checks report what is wrong.
import type { Range } from '../types';
import { type Line, lineRange, splitLines } from '../text/lines';
import { CLAUSE_ID_SOURCE, PART_ID_SOURCE, type ClauseNumber, parseClauseId } from './clauseIds';
import { type FurnitureContext, pageFurniture } from './pageFurniture';
import { type ColumnGap, type RowStart, columnGap, definitionRowStart, endsStatement, introducesDefinitions, looksLikeTerm, namesDefinitions, termTailOf } from './definitionRows';

export type LineKind =
  | 'blank'
  | 'section-heading'
  | 'part-heading'
  | 'sub-heading'
  | 'clause'
  | 'paragraph'
  | 'table-row'
  | 'table-separator'
  | 'suppression'
  | 'continuation'
  /** The first line of a Section A row flattened from the published table: "Term means …". */
  | 'definition-row'
  /** A running header or footer, or a page number, that a PDF left in the flow of the text. */
  | 'furniture'
  /** Part of a Section A term wrapped in the table's left-hand column, alone on its line: the rest after a row ("Policy"), or, flattened, its start before one. */
  | 'definition-term';

export interface SectionHeading {
  /** "G" */
  letter: string;
  title: string;
  range: Range;
}

export interface PartHeading {
  /** "G8" */
  id: string;
  title: string;
  range: Range;
  idRange: Range;
  line: number;
}

export interface SubHeading {
  title: string;
  range: Range;
  line: number;
  /** The Part it stands in, if any. */
  part?: string;
}

export interface Paragraph {
  /** "b", "ii", "A" */
  label: string;
  /** 1 = (a), 2 = (i), 3 = (A) */
  level: number;
  /** "(b)(ii)" */
  path: string;
  /** Range of "(b)" on its line. */
  labelRange: Range;
  /** First line of the paragraph. */
  line: number;
  /** Last line that belongs to it (before the next paragraph or the clause's end). */
  endLine: number;
  /** Text after the label on its first line. */
  text: string;
  /** Column where `text` starts. */
  textColumn: number;
}

export interface Clause extends ClauseNumber {
  /** "G8.44C" */
  id: string;
  idRange: Range;
  /** From the clause number to the end of its last line. */
  range: Range;
  firstLine: number;
  lastLine: number;
  /** The sub-heading above it in its Part, else the Part heading's title. */
  heading?: string;
  headingRange?: Range;
  /** The clause's own words on its first line, after the number. */
  text: string;
  textColumn: number;
  paragraphs: Paragraph[];
  /** A deleted clause kept as "[Not used]". */
  notUsed: boolean;
}

export interface SecStructure {
  lines: Line[];
  kinds: LineKind[];
  /** Column where a line's content starts after Markdown markers ("## ", "> ", "**"). */
  contentColumn: number[];
  section?: SectionHeading;
  parts: PartHeading[];
  subHeadings: SubHeading[];
  clauses: Clause[];
  /** Clause id → clause (the first, when a number is duplicated). */
  clauseById: Map<string, Clause>;
  /**
   * Lines that mark an elision in an excerpt ("…", "[...]", "* * *"): the clauses on either
   * side are not consecutive, so numbering and reference checks do not bridge them.
   */
  elisions: number[];
  /**
   * Each Section A row of the definitions table as structure read it (line → reading), so that
   * definitions and the spacing rule use that reading instead of reading the row again.
   */
  definitionRows: ReadonlyMap<number, DefinitionRowReading>;
}

/** A `definition-row` line read: where its term and meaning are, within the line's content. */
export interface DefinitionRowReading {
  row: RowStart;
  /** The white space between the columns, when the copy kept them (several spaces or a tab). */
  gap?: ColumnGap;
}

const SECTION_RE = /^SECTION\s+([A-Z]{1,2})\b\s*[:.\-–—]?\s*(.*)$/i;
const PART_RE = new RegExp(`^(${PART_ID_SOURCE})\\.?\\s+(\\S.*)$`);
const CLAUSE_RE = new RegExp(`^(\\*\\*)?(${CLAUSE_ID_SOURCE})\\.?(\\*\\*)?(?=\\s|$)\\s*`);
const PARAGRAPH_RE = /^\(([a-z]{1,3}|[A-Z]{1,2}|[ivxlc]{1,6})\)(?=\s|$)\s*/;
const MD_HEADING_RE = /^(#{1,6})\s+/;
const SUPPRESSION_RE = /^\s*(?:<!--|\/\/|%|\[)?\s*sec-(?:disable|enable)\b/;
const TABLE_SEPARATOR_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const ELISION_RE = /^\s*(?:\[\s*(?:…|\.{3,}|\.\s\.\s\.)\s*\]|…|\.{3,}|\.\s\.\s\.|\*(?:\s+\*){2,}|\[\s*(?:text\s+)?(?:omitted|not\s+reproduced)\s*\])\s*$/i;
const ELISION_CHAR_RE = /[….*[]/;
const ROMAN_RE = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** Strip Markdown line markers; return the column where the content starts. */
function contentStart(text: string): { column: number; mdHeading: number } {
  let column = 0;
  let mdHeading = 0;
  // Most lines start with neither '>' nor '#': skip the regular expressions (and their slices) for them.
  if (text.charCodeAt(0) === 62 /* > */) {
    const quote = /^(>\s?)+/.exec(text);
    if (quote) column = quote[0].length;
  }
  if (text.charCodeAt(column) === 35 /* # */) {
    const heading = MD_HEADING_RE.exec(text.slice(column));
    if (heading) {
      mdHeading = heading[1].length;
      column += heading[0].length;
    }
  }
  while (text[column] === ' ' || text[column] === '\t') column++;
  return { column, mdHeading };
}

/** A line whose content is empty or only white space (no trimmed copy per line). */
function isBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // As String.prototype.trim sees it: ASCII tab to carriage return and space, or Unicode white space.
    const white = c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(text[i]);
    if (!white) return false;
  }
  return true;
}

/** Upper-case ASCII letter or '*': the only first characters of a clause, Part or Section line. */
function mayStartHeadingOrClause(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 42;
}

function isAllCaps(s: string): boolean {
  return /[A-Z]/.test(s) && !/[a-z]/.test(s);
}

/** A title-like line: starts with a capital, no closing punctuation, not too long. */
function looksLikeSubHeading(content: string): boolean {
  const t = content.replace(/\*\*/g, '').trim();
  if (t.length === 0 || t.length > 120) return false;
  if (!/^[A-Z]/.test(t)) return false;
  if (/[.;,:]$/.test(t)) return false;
  if (t.includes('|')) return false;
  // Most words of a heading are capitalised ("Users Acting in More Than One User Role").
  const words = t.split(/\s+/).filter(w => /^[A-Za-z]/.test(w));
  const capitalised = words.filter(w => /^[A-Z]/.test(w)).length;
  return words.length > 0 && capitalised / words.length >= 0.5;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = v[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** Order of a paragraph label within its level: (c) → 3, (iv) → 4, (B) → 2. */
export function paragraphOrdinal(label: string, level: number): number {
  if (level === 2) return romanValue(label);
  let n = 0;
  for (const ch of label.toLowerCase()) n = n * 26 + (ch.charCodeAt(0) - 96);
  // "(aa)" follows "(z)": the SEC doubles letters rather than counting in base 26.
  if (label.length === 2 && label[0].toLowerCase() === label[1].toLowerCase()) n = 26 + (label.charCodeAt(0) | 32) - 96;
  return n;
}

/** 4 → "iv": the label of the fourth sub-paragraph. */
export function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [value, digits] of table) while (n >= value) { s += digits; n -= value; }
  return s;
}

/**
 * Decide whether "(i)" is the ninth letter or the first roman numeral, and whether "(c)" is
 * a letter or 100, from what came before: the expected next label wins.
 */
function paragraphLevel(label: string, lastLetter: string | undefined, lastRoman: string | undefined): number {
  if (/^[A-Z]+$/.test(label)) return 3;
  const nextLetter = lastLetter ? String.fromCharCode(lastLetter.charCodeAt(lastLetter.length - 1) + 1) : 'a';
  const nextRoman = lastRoman ? toRoman(romanValue(lastRoman) + 1) : 'i';
  // Roman numerals follow a lettered paragraph, or open a list of their own: no lettered list
  // starts at (i), so a clause whose first paragraph is (i) counts in roman numerals.
  const romanPossible = lastLetter !== undefined || lastRoman !== undefined;
  if (!romanPossible && label === 'i') return 2;
  if (romanPossible && label === nextRoman && !(label === nextLetter && lastRoman === undefined)) return 2;
  if (label === nextLetter) return 1;
  if (romanPossible && ROMAN_RE.test(label) && (lastRoman !== undefined || label === 'i')) return 2;
  return 1;
}

/** Kinds of line whose text runs on into the next line when a page wrapped it. */
const FLOWING = new Set<LineKind>(['clause', 'paragraph', 'continuation', 'definition-row', 'table-row']);
/** A line that ends where a reference continues: "… in Section", "… G8.40, G8.41 or", "… Sections G8.44A to". */
const OPEN_REFERENCE_END_RE = /(?:\bSections?|(?<!;\s*)\b(?:and|or)|\bto|,)\s*$/;

/**
 * A line that starts with a clause number right after a line ending in "Section(s)", "and",
 * "or", "to" or "," is a hard-wrapped reference ("… in accordance with Section⏎G8.43."), not a
 * new clause.
 */
function markWrappedReferences(lines: readonly Line[], kinds: LineKind[]): void {
  for (let i = 1; i < lines.length; i++) {
    if (kinds[i] !== 'clause') continue;
    const before = neighbour(kinds, i, -1);
    if (before >= 0 && FLOWING.has(kinds[before]) && OPEN_REFERENCE_END_RE.test(lines[before].text)) kinds[i] = 'continuation';
  }
}

/** What the page-furniture reader needs to know of the lines around a candidate. */
function furnitureContext(lines: readonly Line[], kinds: readonly LineKind[]): FurnitureContext {
  const nonBlank = (line: number, step: 1 | -1) => nearest(kinds, line, step, kind => kind === 'blank');
  return {
    candidate: line => kinds[line] === 'continuation' || /heading$/.test(kinds[line]),
    keepFirst: line => /heading$/.test(kinds[line]),
    cutsSentence: line => {
      const before = nonBlank(line, -1);
      const after = nonBlank(line, 1);
      return before >= 0 && after < lines.length && FLOWING.has(kinds[before]) && !endsStatement(lines[before].text)
        && (kinds[after] === 'continuation' || kinds[after] === 'paragraph');
    },
  };
}

/** The nearest line before (step -1) or after (step 1) whose kind is not passed over (-1 or the line count when none). */
function nearest(kinds: readonly LineKind[], line: number, step: 1 | -1, passOver: (kind: LineKind) => boolean): number {
  let i = line + step;
  while (i >= 0 && i < kinds.length && passOver(kinds[i])) i += step;
  return i;
}

/** The nearest line that is neither page furniture nor a suppression directive. */
function neighbour(kinds: readonly LineKind[], line: number, step: 1 | -1): number {
  return nearest(kinds, line, step, kind => kind === 'furniture' || kind === 'suppression');
}

/**
 * Sub-headings: a title-like line standing alone between blank lines (or a Markdown heading),
 * or — in text copied from the published document, which has no blank lines — a title-like
 * line after a finished sentence or a heading and right before a clause or a heading.
 */
function markSubHeadings(lines: readonly Line[], kinds: LineKind[], contentColumn: readonly number[], mdHeadings: readonly number[]): void {
  for (const l of lines) {
    if (kinds[l.line] !== 'continuation') continue;
    const content = l.text.slice(contentColumn[l.line]);
    if (mdHeadings[l.line] > 0) {
      kinds[l.line] = 'sub-heading';
      continue;
    }
    if (!looksLikeSubHeading(content)) continue;
    const before = neighbour(kinds, l.line, -1);
    const after = neighbour(kinds, l.line, 1);
    const blankBefore = before < 0 || kinds[before] === 'blank';
    const blankAfter = after >= lines.length || kinds[after] === 'blank';
    const opens = blankBefore || /heading$/.test(kinds[before]) || endsStatement(lines[before].text);
    const titles = after < lines.length && (kinds[after] === 'clause' || kinds[after] === 'section-heading' || kinds[after] === 'part-heading');
    if ((blankBefore && blankAfter) || (opens && titles)) kinds[l.line] = 'sub-heading';
  }
}

/** The text of a clause's first lines, enough to read an introduction wrapped over lines. */
function openingText(lines: readonly Line[], kinds: readonly LineKind[], line: number): string {
  let text = lines[line].text;
  let taken = 1;
  for (let i = line + 1; i < lines.length && taken < 6 && (kinds[i] === 'continuation' || kinds[i] === 'furniture'); i++) {
    if (kinds[i] === 'furniture') continue;
    text += '\n' + lines[i].text;
    taken++;
  }
  return text;
}

/**
 * Section A rows without a separator ("Affiliate means …"), inside the definitions part only:
 * from the A1.1 introduction, or from a Section or Part heading named Definitions, to the next
 * clause or heading that is neither. A row opened by "means" or "has the meaning" may follow
 * any line; one opened by a weaker verb ("includes", "in relation to …, means") must follow a
 * line that finished what it said, so a wrapped sentence is never taken for a row.
 */
function markDefinitionRows(lines: readonly Line[], kinds: LineKind[], contentColumn: readonly number[]): Map<number, DefinitionRowReading> {
  const rows = new Map<number, DefinitionRowReading>();
  let inDefinitions = false;
  let previous = -1;
  for (const l of lines) {
    const kind = kinds[l.line];
    const content = l.text.slice(contentColumn[l.line]);
    if (kind === 'section-heading' || kind === 'part-heading') inDefinitions = namesDefinitions(content);
    else if ((kind === 'sub-heading' || kind === 'continuation') && namesDefinitions(content) && looksLikeSubHeading(content) && content.trim().split(/\s+/).length <= 4) {
      // A title "Definitions" over the rows of a table (it stands before a row, not a clause).
      kinds[l.line] = 'sub-heading';
      inDefinitions = true;
    }
    else if (kind === 'clause') inDefinitions = introducesDefinitions(openingText(lines, kinds, l.line));
    else if (kind === 'continuation' && inDefinitions) {
      const row = definitionRowStart(content);
      const opensAnything = previous < 0 || !FLOWING.has(kinds[previous]) || endsStatement(lines[previous].text);
      if (row && looksLikeTerm(row.term) && (row.strong || opensAnything)) {
        kinds[l.line] = 'definition-row';
        const gap = columnGap(content, row);
        rows.set(l.line, gap ? { row, gap } : { row });
      }
    }
    if (kind !== 'blank' && kind !== 'furniture' && kind !== 'suppression') previous = l.line;
  }
  return rows;
}

/**
 * A Section A term wrapped in the table's left-hand column, read once per row.
 * - Columns kept ("Smart Metering Key    means the …" with "Infrastructure              accordance
 *   with …" under it): a line under the row that starts in the term column holds the rest of
 *   the term. Alone, it is a `definition-term` line; with the meaning's next words after it, its
 *   content starts where those words do, so the term's rest is read by the definition and by no
 *   rule as text.
 * - Flattened (one space between the columns), the term's start comes off the page before its
 *   row: "SMKI Device Certificate" then "Policy means the …". A short line that reads as a term,
 *   after a line that finished what it said and right before the row, is a `definition-term`.
 */
function markWrappedTerms(lines: readonly Line[], kinds: LineKind[], contentColumn: number[], rows: ReadonlyMap<number, DefinitionRowReading>): void {
  for (const [line, { row, gap }] of rows) {
    const column = contentColumn[line];
    if (gap) markTermTails(lines, kinds, contentColumn, line, column + row.termColumn, column + row.meaningColumn, gap.tabbed);
    else markTermHead(lines, kinds, line);
  }
}

function markTermTails(lines: readonly Line[], kinds: LineKind[], contentColumn: number[], rowLine: number, termColumn: number, meaningColumn: number, tabbed: boolean): void {
  for (let i = rowLine + 1; i < lines.length && (kinds[i] === 'continuation' || kinds[i] === 'furniture'); i++) {
    if (kinds[i] === 'furniture') continue;
    const tail = termTailOf(lines[i].text, termColumn, meaningColumn, tabbed);
    if (!tail) continue;
    if (tail.meaningColumn === undefined) kinds[i] = 'definition-term';
    else contentColumn[i] = tail.meaningColumn;
  }
}

function markTermHead(lines: readonly Line[], kinds: LineKind[], rowLine: number): void {
  const head = neighbour(kinds, rowLine, -1);
  if (head < 0 || kinds[head] !== 'continuation') return;
  const text = lines[head].text.trim();
  if (!looksLikeTerm(text) || text.split(/\s+/).length > 6 || !/^[A-Z0-9]/.test(text)) return;
  const before = neighbour(kinds, head, -1);
  if (before >= 0 && endsStatement(lines[before].text)) kinds[head] = 'definition-term';
}

/** Parse the structure of a legal-text document. */
export function parseStructure(text: string): SecStructure {
  const lines = splitLines(text);
  const kinds: LineKind[] = new Array(lines.length);
  const contentColumn: number[] = new Array(lines.length);
  const parts: PartHeading[] = [];
  const subHeadings: SubHeading[] = [];
  const clauses: Clause[] = [];
  let section: SectionHeading | undefined;

  // Pass 1: classify each line on its own.
  const mdHeadings: number[] = new Array(lines.length).fill(0);
  for (const l of lines) {
    const { column, mdHeading } = contentStart(l.text);
    contentColumn[l.line] = column;
    mdHeadings[l.line] = mdHeading;
    if (isBlank(l.text, column)) {
      kinds[l.line] = 'blank';
      continue;
    }
    const content = column === 0 ? l.text : l.text.slice(column);
    // Cheap tests of the first character decide which regular expressions can match at all.
    const first = content.charCodeAt(0);
    const headingOrClause = mayStartHeadingOrClause(first);
    if (l.text.includes('sec-') && SUPPRESSION_RE.test(l.text)) kinds[l.line] = 'suppression';
    else if (headingOrClause && SECTION_RE.test(content) && (isAllCaps(content) || mdHeading > 0)) kinds[l.line] = 'section-heading';
    else if (headingOrClause && CLAUSE_RE.test(content)) kinds[l.line] = 'clause';
    else if (headingOrClause && PART_RE.test(content) && (isAllCaps(content.replace(/^\S+/, '')) || mdHeading > 0)) kinds[l.line] = 'part-heading';
    else if (first === 40 /* ( */ && PARAGRAPH_RE.test(content)) kinds[l.line] = 'paragraph';
    else if (content.includes('-') && TABLE_SEPARATOR_RE.test(content)) kinds[l.line] = 'table-separator';
    else if (content.includes('|')) kinds[l.line] = 'table-row';
    else kinds[l.line] = 'continuation';
  }

  for (const line of pageFurniture(lines, furnitureContext(lines, kinds))) kinds[line] = 'furniture';
  markWrappedReferences(lines, kinds);
  markSubHeadings(lines, kinds, contentColumn, mdHeadings);
  const definitionRows = markDefinitionRows(lines, kinds, contentColumn);
  markWrappedTerms(lines, kinds, contentColumn, definitionRows);

  // Pass 3: build headings, clauses and paragraphs.
  let currentPart: PartHeading | undefined;
  let currentSub: SubHeading | undefined;
  let clause: Clause | undefined;
  let lastLetter: string | undefined;
  let lastRoman: string | undefined;
  let pathStack: Paragraph[] = [];

  const closeClause = () => {
    if (!clause) return;
    const last = clause.lastLine;
    clause.range = { start: clause.idRange.start, end: { line: last, character: lines[last].text.length } };
    const paras = clause.paragraphs;
    for (let i = 0; i < paras.length; i++) paras[i].endLine = i + 1 < paras.length ? paras[i + 1].line - 1 : last;
    clause = undefined;
  };

  for (const l of lines) {
    const kind = kinds[l.line];
    const column = contentColumn[l.line];
    if (kind === 'continuation' || kind === 'table-row' || kind === 'table-separator' || kind === 'definition-row') {
      if (clause) clause.lastLine = l.line;
      continue;
    }
    if (kind === 'blank' || kind === 'suppression' || kind === 'furniture') continue;
    const content = column === 0 ? l.text : l.text.slice(column);
    const trimmedEnd = content.trimEnd(); // not /\s+$/: that regex is quadratic in a long run of spaces
    switch (kind) {
      case 'section-heading': {
        closeClause();
        const m = SECTION_RE.exec(content)!;
        section = { letter: m[1].toUpperCase(), title: m[2].trim(), range: lineRange(l.line, column, column + trimmedEnd.length) };
        break;
      }
      case 'part-heading': {
        closeClause();
        const m = PART_RE.exec(content)!;
        currentPart = {
          id: m[1],
          title: m[2].trim(),
          range: lineRange(l.line, column, column + trimmedEnd.length),
          idRange: lineRange(l.line, column, column + m[1].length),
          line: l.line,
        };
        parts.push(currentPart);
        currentSub = undefined;
        break;
      }
      case 'sub-heading': {
        closeClause();
        const title = trimmedEnd.replace(/\*\*/g, '').trim();
        currentSub = { title, range: lineRange(l.line, column, column + trimmedEnd.length), line: l.line, part: currentPart?.id };
        subHeadings.push(currentSub);
        break;
      }
      case 'clause': {
        closeClause();
        const m = CLAUSE_RE.exec(content)!;
        const id = m[2];
        const num = parseClauseId(id)!;
        const idStart = column + (m[1] ? 2 : 0);
        // A clause outside its Part's heading (or in a new Part) drops the old sub-heading.
        if (currentSub && currentSub.part !== undefined && currentSub.part !== num.part) currentSub = undefined;
        const heading = currentSub ?? (currentPart && currentPart.id === num.part ? currentPart : undefined);
        const textColumn = column + m[0].length;
        const clauseText = l.text.slice(textColumn);
        // A clause set as a Markdown heading with a title ("### D1.2 Form of Proposals", not a
        // sentence ending in punctuation) is titled by its own words.
        const ownTitle = mdHeadings[l.line] > 0 && /^[^.;:,]+$/.test(clauseText.trim()) && clauseText.trim().split(/\s+/).length <= 12
          && !/^\[\s*not used\s*\]/i.test(clauseText.trim())
          ? { title: clauseText.replace(/\*\*/g, '').trim(), range: lineRange(l.line, textColumn, textColumn + clauseText.trimEnd().length) }
          : undefined;
        // Properties written out (not `...num`): one object shape for every clause, much faster to build.
        clause = {
          part: num.part,
          base: num.base,
          suffix: num.suffix,
          id,
          idRange: lineRange(l.line, idStart, idStart + id.length),
          range: lineRange(l.line, idStart, l.text.length),
          firstLine: l.line,
          lastLine: l.line,
          heading: (ownTitle ?? heading)?.title,
          headingRange: (ownTitle ?? heading)?.range,
          text: clauseText,
          textColumn,
          paragraphs: [],
          notUsed: /^\[\s*not used\s*\]/i.test(clauseText.trim()),
        };
        clauses.push(clause);
        lastLetter = undefined;
        lastRoman = undefined;
        pathStack = [];
        break;
      }
      case 'paragraph': {
        if (!clause) break;
        const m = PARAGRAPH_RE.exec(content)!;
        const label = m[1];
        const level = paragraphLevel(label, lastLetter, lastRoman);
        if (level === 1) {
          lastLetter = label;
          lastRoman = undefined;
        } else if (level === 2) {
          lastRoman = label;
        }
        pathStack = pathStack.filter(p => p.level < level);
        const path = pathStack.map(p => `(${p.label})`).join('') + `(${label})`;
        const para: Paragraph = {
          label,
          level,
          path,
          labelRange: lineRange(l.line, column, column + label.length + 2),
          line: l.line,
          endLine: l.line,
          text: l.text.slice(column + m[0].length),
          textColumn: column + m[0].length,
        };
        pathStack.push(para);
        clause.paragraphs.push(para);
        clause.lastLine = l.line;
        break;
      }
    }
  }
  closeClause();

  const clauseById = new Map<string, Clause>();
  for (const c of clauses) if (!clauseById.has(c.id)) clauseById.set(c.id, c);
  // Only lines holding one of an elision's characters can be one (skips a slice per line).
  const elisions = lines.filter(l => kinds[l.line] !== 'blank' && ELISION_CHAR_RE.test(l.text) && ELISION_RE.test(l.text.slice(contentColumn[l.line]))).map(l => l.line);
  return { lines, kinds, contentColumn, section, parts, subHeadings, clauses, clauseById, elisions, definitionRows };
}

/** The clause whose span contains a line, if any (binary search over sorted clauses). */
export function clauseAtLine(structure: SecStructure, line: number): Clause | undefined {
  const cs = structure.clauses;
  let lo = 0;
  let hi = cs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cs[mid];
    if (line < c.firstLine) hi = mid - 1;
    else if (line > c.lastLine) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** Where a line's own words start: after the clause number on a clause's first line, else where its content starts. */
export function ownTextColumn(structure: SecStructure, line: number): number {
  if (structure.kinds[line] === 'clause') {
    const clause = clauseAtLine(structure, line);
    if (clause && clause.firstLine === line) return clause.textColumn;
  }
  return structure.contentColumn[line];
}

/**
 * The clauses of each Part in document order, split into runs where an elision line stands
 * between two of them: each run is one stretch of consecutive text.
 */
export function clauseRuns(structure: SecStructure): Clause[][] {
  const runs: Clause[][] = [];
  const runOfPart = new Map<string, Clause[]>();
  for (const c of structure.clauses) {
    let run = runOfPart.get(c.part);
    const prev = run?.[run.length - 1];
    if (!run || (prev && elisionBetween(structure.elisions, prev.firstLine, c.firstLine))) {
      run = [];
      runs.push(run);
      runOfPart.set(c.part, run);
    }
    run.push(c);
  }
  return runs;
}

/** Whether an elision line lies strictly between two lines (binary search: `elisions` is in line order). */
function elisionBetween(elisions: readonly number[], after: number, before: number): boolean {
  let lo = 0;
  let hi = elisions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (elisions[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < elisions.length && elisions[lo] < before;
}
