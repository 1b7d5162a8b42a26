// Response tables whose cells are separated by bars and that have no category column, as some
// collations are published: `Party | Response | Working Group Comments`, `Respondent |
// Role(s) Represented`, `Company | Response`. The header names the columns; each row is one
// line of cells, and a line without bars under a row carries on its last cell (wrapped text).
// The extracted-text reader (text.ts) needs a category column to split a row without bars;
// here the bars split it, so every word stays in the cell it was written in.
import type { Line } from '../../text/lines';
import { lineRange } from '../../text/lines';
import { tableCells } from '../../text/tableCells';
import { type CommentIds, canonicalResponse, tidyText } from './common';
import type { ConsultationComment } from './types';

const RESPONDENT_RE = /^(?:respondents?|organi[sz]ations?|company|companies|party|parties|name|respondent name)$/;
const CATEGORY_RE = /\b(?:category|categories|confidential|anonymous|role|roles|represented|type)\b/;
const RESPONSE_RE = /^(?:response|vote|position|view|agree\??|support\??)$/;
const ROLE_RE = /\brole(?:\(s\)|s)?\b|\brepresented\b/;
const TEXT_RE = /\b(?:rationale|comments?|reasons?|response|responses|views?|working group)\b/;

interface Columns {
  respondent: number;
  category?: number;
  response?: number;
  text: number[];
}

const cellsOf = (text: string): string[] => tableCells(text, 0).map(c => c.text);

/** The columns a barred header row names, when it has a respondent column and an answer column. */
export function barredHeader(text: string): Columns | undefined {
  if (!text.includes('|')) return undefined;
  const cells = cellsOf(text).map(c => c.toLowerCase().replace(/\s+/g, ' '));
  if (cells.length < 2) return undefined;
  const respondent = cells.findIndex(c => RESPONDENT_RE.test(c));
  if (respondent < 0) return undefined;
  const columns: Columns = { respondent, text: [] };
  cells.forEach((c, i) => {
    if (i === respondent) return;
    if (columns.category === undefined && CATEGORY_RE.test(c)) columns.category = i;
    else if (columns.response === undefined && RESPONSE_RE.test(c) && cells.slice(i + 1).some(rest => TEXT_RE.test(rest))) columns.response = i;
    else if (TEXT_RE.test(c) || c !== '') columns.text.push(i);
  });
  return columns.text.length > 0 || columns.category !== undefined ? columns : undefined;
}

/**
 * Read one question's section (lines from..to) when its header is barred and has no category
 * column; false when the section is not such a table (the extracted-text reader takes it).
 */
export function readBarredSection(lines: readonly Line[], question: string, from: number, to: number, ids: CommentIds, out: ConsultationComment[]): boolean {
  let columns: Columns | undefined;
  let headerText = '';
  let i = from;
  for (; i < to && !columns; i++) {
    columns = barredHeader(lines[i].text);
    if (columns) headerText = lines[i].text.trim();
  }
  // With a category column the extracted-text reader does better (it knows wrapped names); a
  // "Role(s) Represented" column is one it does not read.
  if (!columns || (columns.category !== undefined && !ROLE_RE.test(headerText.toLowerCase()))) return false;
  let current: { comment: ConsultationComment; parts: string[] } | undefined;
  const finish = () => {
    if (current) current.comment.text = tidyText(current.parts.join('\n'));
    current = undefined;
  };
  for (; i < to; i++) {
    const text = lines[i].text;
    if (!text.trim()) {
      current?.parts.push('');
      continue;
    }
    if (text.trim() === headerText || /^\s*\|?\s*:?-{3,}/.test(text)) continue; // a repeated header, a Markdown rule
    if (!text.includes('|')) {
      // Wrapped text of the row's last cell.
      if (current) {
        current.parts.push(text);
        current.comment.range = { start: current.comment.range.start, end: { line: i, character: text.length } };
      }
      continue;
    }
    finish();
    const cells = cellsOf(text);
    const respondent = (cells[columns.respondent] ?? '').replace(/\s+/g, ' ');
    if (!respondent) continue;
    const comment: ConsultationComment = {
      id: ids.next(question, respondent),
      question,
      respondent,
      category: columns.category !== undefined ? (cells[columns.category] ?? '') : '',
      response: columns.response !== undefined ? canonicalResponse(cells[columns.response] ?? '') : '',
      text: '',
      range: lineRange(i, 0, text.length),
    };
    current = { comment, parts: [columns.text.map(k => cells[k] ?? '').filter(c => c !== '').join('\n\n')] };
    out.push(comment);
  }
  finish();
  return true;
}
