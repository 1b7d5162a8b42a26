// Line splitting that every parser shares. Line breaks are \n, \r\n or a lone \r (drafters
// on Windows, text pasted from Word), exactly as LSP counts lines.
import type { Position, Range } from '../types';

export interface Line {
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character in the document. */
  start: number;
  /** The line's text without its line break. */
  text: string;
}

/** Split text into lines with their offsets. Never throws; an empty text has one empty line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      lines.push({ line: line++, start, text: text.slice(start, i) });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ line, start, text: text.slice(start) });
  return lines;
}

/** Where a text ends, as an LSP position: the end of the range that replaces all of it. */
export function endOfText(text: string): Position {
  const lines = splitLines(text);
  const last = lines[lines.length - 1];
  return { line: last.line, character: last.text.length };
}

/** A range on one line, from column `from` to column `to`. */
export function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when `pos` lies inside `range` (end inclusive, as a cursor after a word still hovers it). */
export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}
