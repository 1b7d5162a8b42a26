// CSV collations: `question,respondent,category,response,text` with a header row (columns in
// any order, "comment(s)"/"rationale" accepted for text). Bad quoting gives one problem.
import { parse } from 'csv-parse/sync';
import { type Line } from '../../text/lines';
import { lineRange } from '../../text/lines';
import { CommentIds, type ParsedCollation, START_OF_FILE, canonicalCategory, canonicalResponse, problem, tidyText } from './common';
import type { ConsultationComment, ConsultationQuestion } from './types';

const COLUMN_NAMES: Record<string, keyof Row> = {
  question: 'question', 'question number': 'question', q: 'question',
  respondent: 'respondent', organisation: 'respondent', organization: 'respondent', name: 'respondent',
  category: 'category', 'respondent category': 'category',
  response: 'response',
  text: 'text', comment: 'text', comments: 'text', rationale: 'text',
};

interface Row {
  question: string;
  respondent: string;
  category: string;
  response: string;
  text: string;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function parseCsvCollation(text: string, lines: Line[]): ParsedCollation {
  let records: ParsedRecord[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as ParsedRecord[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    const line = Math.max(0, Math.min(lines.length - 1, (err.lines ?? 1) - 1));
    return { questions: [], comments: [], problems: [problem(`This CSV collation cannot be read: ${err.message ?? String(e)}`, lineRange(line, 0, lines[line]?.text.length ?? 0))] };
  }
  if (records.length === 0) return { questions: [], comments: [], problems: [] };
  const header = records[0].record.map(h => COLUMN_NAMES[h.trim().toLowerCase()]);
  if (!header.includes('respondent') || !header.includes('text')) {
    return { questions: [], comments: [], problems: [problem('This CSV collation has no "respondent" and "text" columns in its first row (expected question,respondent,category,response,text).', START_OF_FILE)] };
  }
  const ids = new CommentIds();
  const comments: ConsultationComment[] = [];
  const questions = new Map<string, ConsultationQuestion>();
  let previousEnd = records[0].info.lines;
  for (const { record, info } of records.slice(1)) {
    const firstLine = Math.min(previousEnd, lines.length - 1);
    const lastLine = Math.min(Math.max(firstLine, info.lines - 1), lines.length - 1);
    previousEnd = info.lines;
    const row: Row = { question: '', respondent: '', category: '', response: '', text: '' };
    header.forEach((key, i) => { if (key) row[key] = record[i] ?? ''; });
    const respondent = row.respondent.replace(/\s+/g, ' ').trim();
    if (!respondent) continue;
    const question = row.question.trim().replace(/^question\s*/i, '') || '1';
    const range = { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: lines[lastLine]?.text.length ?? 0 } };
    if (!questions.has(question)) questions.set(question, { number: question, title: '', range: lineRange(firstLine, 0, 0) });
    comments.push({
      id: ids.next(question, respondent),
      question,
      respondent,
      category: canonicalCategory(row.category),
      response: canonicalResponse(row.response),
      text: tidyText(row.text),
      range,
    });
  }
  return { questions: [...questions.values()], comments, problems: [] };
}
