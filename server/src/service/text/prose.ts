// Which parts of a document are prose. Checks of spacing, words, brackets, quotes and list
// punctuation must never look inside URLs, inline code, HTML comments, Markdown syntax, code
// fences or suppression directives, and they read prose in the units a lawyer reads it in:
// a clause (or definition row, or heading) made of segments — the clause's opening words and
// each lettered paragraph with its wrapped continuation lines.
import type { Position } from '../types';
import type { Line } from './lines';
import type { LegalModel } from '../model/document';
import { clauseAtLine, ownTextColumn } from '../model/structure';
import { DerivedKey, derive } from '../cache';

// Derived values kept per owner (see cache.ts).
const NON_PROSE_LINES = new DerivedKey<Set<number>>('prose.skipLines');
const PROSE_BLOCKS = new DerivedKey<ProseBlock[]>('prose.blocks');

export type Span = [start: number, end: number];

const NON_PROSE_RE = new RegExp([
  /(?:https?:\/\/|www\.)(?:\([^\s()]*\)|[^\s)>\]])+/.source, // URLs, with balanced "(…)" inside ("…/guidance-(users)/")
  /`[^`]*`/.source, // inline code
  /<!--.*?(?:-->|$)/.source, // HTML comments (suppression directives in Markdown)
  /<\/?[a-zA-Z][^>]*>/.source, // HTML tags
  /(?:\/\/|%)\s*sec-(?:disable|enable)\b.*$/.source, // plain-text suppression directives
  /\*+/.source, // Markdown emphasis
  /__+/.source,
  /!?\[(?=[^\]\n]*\]\()/.source, // the "[" of a Markdown link "[text](url)"
  /\]\((?:\([^()\s]*\)|[^)\s])*\)/.source, // its "](url)", the url may hold balanced "(…)"
].join('|'), 'g');

/** Spans of a line that are not prose, sorted and non-overlapping. */
export function nonProseSpans(text: string): Span[] {
  const spans: Span[] = [];
  NON_PROSE_RE.lastIndex = 0;
  for (let m = NON_PROSE_RE.exec(text); m; m = NON_PROSE_RE.exec(text)) {
    if (m[0].length === 0) {
      NON_PROSE_RE.lastIndex++;
      continue;
    }
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** True when [start, end) overlaps any of the spans. */
export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}

/** What stands in for a character that is not prose: not a letter, space, bracket or quote. */
export const MASK = '\u0000';

/** The line with every non-prose character replaced by MASK (same length, same columns). */
export function maskNonProse(text: string): string {
  const spans = nonProseSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += text.slice(at, s) + MASK.repeat(e - s);
    at = e;
  }
  return out + text.slice(at);
}

const FENCE_RE = /^\s*(?:>\s*)*(```|~~~)/;

/** Lines that are not prose at all: inside Markdown code fences or multi-line HTML comments. */
export function nonProseLines(lines: readonly Line[]): Set<number> {
  const skip = new Set<number>();
  let fence: string | undefined;
  let inComment = false;
  for (const l of lines) {
    const fenceMark = FENCE_RE.exec(l.text)?.[1];
    if (fence) {
      skip.add(l.line);
      if (fenceMark === fence) fence = undefined;
      continue;
    }
    if (fenceMark) {
      skip.add(l.line);
      fence = fenceMark;
      continue;
    }
    if (inComment) {
      skip.add(l.line);
      if (l.text.includes('-->')) inComment = false;
      continue;
    }
    const open = l.text.lastIndexOf('<!--');
    if (open >= 0 && !l.text.includes('-->', open)) inComment = true;
  }
  return skip;
}

/** The kinds of line whose text is prose. */
export const PROSE_KINDS: ReadonlySet<string> = new Set(['clause', 'paragraph', 'continuation', 'table-row', 'definition-row', 'sub-heading', 'part-heading', 'section-heading']);

/** Prose lines of a legal model: kind is prose and the line is not fenced or commented out. */
export function isProseLine(model: LegalModel, line: number): boolean {
  return PROSE_KINDS.has(model.structure.kinds[line]) && !nonProseLinesOf(model).has(line);
}

function nonProseLinesOf(model: LegalModel): Set<number> {
  return derive(model, NON_PROSE_LINES, () => nonProseLines(model.lines));
}

/** Part of one line: masked text from `column` to the end of the line. */
export interface ProsePiece {
  line: number;
  column: number;
  text: string;
}

/** The clause's opening words, or one lettered paragraph, with its wrapped continuation lines. */
export interface ProseSegment {
  pieces: ProsePiece[];
  /** The paragraph label that starts it ("(b)"), if any. */
  label?: { line: number; column: number; text: string };
}

/** A clause, a definition row, a heading, or a run of unnumbered text between blank lines. */
export interface ProseBlock {
  segments: ProseSegment[];
}

// A list label at the start of a line: "(a)", "(iv)", "(2)", or the bare "a)" style.
// Sticky, so it is tried at a column without copying the rest of the line.
const LABEL_RE = /(?:\([a-zA-Z]{1,5}\)|\(\d{1,3}\)|[a-z]{1,4}\)|\d{1,3}\))(?=\s|$)/y;
const HEADING_KINDS = new Set(['sub-heading', 'part-heading', 'section-heading', 'table-row']);
// A definition written as text rather than a table row: “Term” means … (it runs, with any
// paragraphs of its own, until the next definition, heading, clause or blank line).
const DEFINITION_START_RE = /^[“"‘'][^“”"\n]{1,120}[”"’']\s+(?:means|has the meaning|shall mean|includes|shall include)\b/;

/** The document's prose, block by block (memoised per model). */
export function proseBlocks(model: LegalModel): ProseBlock[] {
  return derive(model, PROSE_BLOCKS, () => buildBlocks(model));
}

function buildBlocks(model: LegalModel): ProseBlock[] {
  const { kinds, contentColumn } = model.structure;
  const blocks: ProseBlock[] = [];
  let key: string | undefined;
  let textRun = 0;
  let definition: string | undefined;
  const skip = nonProseLinesOf(model);
  for (const l of model.lines) {
    const kind = kinds[l.line];
    // Page furniture stands between the two halves of a block and breaks nothing.
    if (kind === 'furniture') continue;
    if (!PROSE_KINDS.has(kind) || skip.has(l.line)) {
      if (kind === 'blank') {
        textRun++;
        definition = undefined;
      }
      continue;
    }
    const clause = clauseAtLine(model.structure, l.line);
    // A definition row (flattened from the A1.1 table) runs on over its wrapped lines and its own paragraphs.
    if (kind === 'definition-row') definition = `definition:${l.line}`;
    else if (kind !== 'continuation' && kind !== 'paragraph') definition = undefined;
    else if (DEFINITION_START_RE.test(l.text.slice(contentColumn[l.line]))) definition = `definition:${l.line}`;
    const lineKey = HEADING_KINDS.has(kind) ? `line:${l.line}` : definition ?? (clause ? `clause:${clause.firstLine}` : `text:${textRun}`);
    if (lineKey !== key) {
      blocks.push({ segments: [] });
      key = lineKey;
    }
    const block = blocks[blocks.length - 1];
    let column = ownTextColumn(model.structure, l.line);
    const masked = maskNonProse(l.text);
    LABEL_RE.lastIndex = column;
    const label = LABEL_RE.exec(masked);
    if (label || block.segments.length === 0 || kind === 'paragraph') {
      // One object shape for every segment, labelled or not.
      block.segments.push({ pieces: [], label: label ? { line: l.line, column, text: label[0] } : undefined });
    }
    if (label) column += label[0].length;
    block.segments[block.segments.length - 1].pieces.push({ line: l.line, column, text: masked.slice(column) });
  }
  return blocks;
}

/** A segment as one string (pieces joined by "\n") that maps offsets back to positions. */
export interface FlatSegment {
  text: string;
  positionAt(offset: number): Position;
}

export function flatten(segment: ProseSegment): FlatSegment {
  const starts: number[] = [];
  let text = '';
  for (const p of segment.pieces) {
    if (starts.length) text += '\n';
    starts.push(text.length);
    text += p.text;
  }
  return {
    text,
    positionAt(offset) {
      let i = starts.length - 1;
      while (i > 0 && starts[i] > offset) i--;
      const p = segment.pieces[i];
      return { line: p.line, character: p.column + Math.min(offset - starts[i], p.text.length) };
    },
  };
}

/** The next line a line's text runs on into, page furniture passed over; undefined at the end of a block. */
export function nextWrappedLine(model: LegalModel, line: number): number | undefined {
  const { kinds } = model.structure;
  let next = line + 1;
  while (kinds[next] === 'furniture') next++;
  return kinds[next] === 'continuation' && isProseLine(model, next) ? next : undefined;
}

/**
 * A line's text followed by the line it wraps onto (joined by "\n", so columns stay where they
 * are), for reading what a hard wrap split: a reference, a bracketed title, a quotation.
 * `prepare` turns a line's text into what is scanned (e.g. maskNonProse).
 */
export function withWrappedLine(model: LegalModel, line: number, text: string, prepare: (text: string) => string = t => t): FlatSegment {
  const next = nextWrappedLine(model, line);
  if (next === undefined) return { text, positionAt: offset => ({ line, character: offset }) };
  return {
    text: text + '\n' + prepare(model.lines[next].text),
    positionAt: offset => (offset <= text.length ? { line, character: offset } : { line: next, character: offset - text.length - 1 }),
  };
}
