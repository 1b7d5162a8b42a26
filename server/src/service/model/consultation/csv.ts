// CSV collations: `question,respondent,category,response,text` with a header row (columns in
// any order, "comment(s)"/"rationale" accepted for text). The delimiter is `,`, `;` (Excel in
// many locales) or a tab, whichever makes the header readable; a BOM is skipped. A bad row
// (a quote never closed, more or fewer fields than the header) is a `file-error` at its line
// and every other row still loads: a respondent's comment is never cut or dropped silently.
import { type Line, lineRange } from '../../text/lines';
import type { Finding } from '../../types';
import { CommentIds, type ParsedCollation, START_OF_FILE, canonicalCategory, canonicalResponse, problem, tidyText } from './common';
import type { ConsultationComment, ConsultationQuestion } from './types';

const COLUMN_NAMES: Record<string, keyof Row> = {
  question: 'question', 'question number': 'question', q: 'question',
  respondent: 'respondent', organisation: 'respondent', organization: 'respondent', name: 'respondent',
  company: 'respondent', party: 'respondent',
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

/** One record of the file: its fields, the lines it spans (0-based) and what is wrong with it. */
export interface CsvRecord {
  fields: string[];
  firstLine: number;
  lastLine: number;
  /** Quotes that do not pair (one never closed, or text after a closing one): the record is its first line only. */
  unterminated?: boolean;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Split CSV text into records (RFC 4180 quoting, CRLF or LF). A quoted field that never
 * closes would swallow the rest of the file: that record ends at its first line instead,
 * marked `unterminated`, and reading resumes on the next line.
 */
export function splitCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (at < text.length) {
    const startLine = line;
    const startAt = at;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let unterminated = false;
    let ended = false;
    while (!ended) {
      if (at >= text.length) {
        if (quoted) unterminated = true;
        break;
      }
      const ch = text[at];
      if (quoted) {
        if (ch === '"') {
          if (text[at + 1] === '"') {
            field += '"';
            at += 2;
          } else {
            quoted = false;
            at++;
            // Text after a closing quote (`"a"b`): the quotes do not pair as written.
            while (text[at] === ' ' || (text[at] === '\t' && delimiter !== '\t')) at++;
            if (at < text.length && text[at] !== delimiter && text[at] !== '\r' && text[at] !== '\n') {
              unterminated = true;
              break;
            }
          }
          continue;
        }
        if (ch === '\n' || (ch === '\r' && text[at + 1] !== '\n')) line++;
        field += ch;
        at++;
        continue;
      }
      if (ch === '"' && field.trim() === '') {
        quoted = true;
        field = '';
        at++;
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        at++;
      } else if (ch === '\r' || ch === '\n') {
        at += ch === '\r' && text[at + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        field += ch;
        at++;
      }
    }
    if (unterminated) {
      // Only the first line is this record's; the lines after it are read again as rows.
      const eol = text.slice(startAt).search(/\r\n|\r|\n/);
      const end = eol < 0 ? text.length : startAt + eol;
      records.push({ fields: [text.slice(startAt, end)], firstLine: startLine, lastLine: startLine, unterminated: true });
      at = eol < 0 ? text.length : end + (text.startsWith('\r\n', end) ? 2 : 1);
      line = startLine + 1;
      continue;
    }
    fields.push(field);
    const lastLine = ended ? line - 1 : line;
    if (fields.length === 1 && fields[0].trim() === '') continue;
    records.push({ fields, firstLine: startLine, lastLine });
  }
  return records;
}

/** The header's columns with the delimiter that names the most of them. */
function chooseDelimiter(text: string): { delimiter: string; records: CsvRecord[]; header: (keyof Row | undefined)[] } {
  let best: { delimiter: string; records: CsvRecord[]; header: (keyof Row | undefined)[]; known: number } | undefined;
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  for (const delimiter of DELIMITERS) {
    if (delimiter !== ',' && !firstLine.includes(delimiter)) continue;
    const records = splitCsv(text, delimiter);
    const header = (records[0]?.fields ?? []).map(h => COLUMN_NAMES[h.trim().toLowerCase()]);
    const known = header.filter(Boolean).length;
    if (!best || known > best.known) best = { delimiter, records, header, known };
  }
  return best!;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

export function parseCsvCollation(text: string, lines: Line[]): ParsedCollation {
  const { delimiter, records, header } = chooseDelimiter(text);
  if (records.length === 0) return { questions: [], comments: [], problems: [] };
  if (!header.includes('respondent') || !header.includes('text')) {
    return { questions: [], comments: [], problems: [problem('This CSV collation has no "respondent" and "text" columns in its first row (expected question,respondent,category,response,text).', START_OF_FILE)] };
  }
  const ids = new CommentIds();
  const comments: ConsultationComment[] = [];
  const questions = new Map<string, ConsultationQuestion>();
  const problems: Finding[] = [];
  const textColumn = header.indexOf('text');
  const textIsLast = header.lastIndexOf('text') === header.length - 1 && header.filter(h => h === 'text').length === 1;
  for (const record of records.slice(1)) {
    const firstLine = Math.min(record.firstLine, lines.length - 1);
    const lastLine = Math.min(Math.max(firstLine, record.lastLine), lines.length - 1);
    const range = { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: lines[lastLine]?.text.length ?? 0 } };
    const rowProblem = (why: string) => problems.push(problem(`Row at line ${firstLine + 1} of this CSV collation ${why}`, range));
    if (record.unterminated) {
      rowProblem('has a quote (") that does not pair (never closed, or text after the closing quote): the row was skipped; close the quote, or double each quote ("") inside a quoted text.');
      continue;
    }
    let fields = record.fields;
    if (fields.length > header.length) {
      if (!textIsLast) {
        rowProblem(`has ${fields.length} fields where the header has ${header.length}: the row was skipped, as its text cannot be told from the extra fields.`);
        continue;
      }
      // The text is the last column: the extra fields are its words, split at unquoted delimiters.
      rowProblem(`has ${fields.length} fields where the header has ${header.length}: the extra fields were kept as the end of the text; quote the text if it contains ${DELIMITER_NAMES[delimiter]}.`);
      fields = [...fields.slice(0, textColumn), fields.slice(textColumn).join(delimiter)];
    } else if (fields.length < header.length) {
      // Kept (the respondent and the response are theirs), but said: the text may be missing.
      rowProblem(`has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}: the missing fields were read as empty.`);
    }
    const row: Row = { question: '', respondent: '', category: '', response: '', text: '' };
    header.forEach((key, i) => { if (key) row[key] = fields[i] ?? ''; });
    const respondent = row.respondent.replace(/\s+/g, ' ').trim();
    if (!respondent) {
      if (row.text.trim()) rowProblem('has a text but no respondent: the row was skipped.');
      continue;
    }
    const question = row.question.trim().replace(/^question\s*/i, '') || '1';
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
  return { questions: [...questions.values()], comments, problems };
}
