// Consultation-response collations: the model of one file. The form is chosen by the file's
// extension, else by its content; each reader never throws and reports unreadable input as
// `file-error` problems. (.docx and .pdf originals arrive as the JSON their extractors make.)
import type { SecDocument, ConsultationModelBase } from '../document';
import { fileProblemFindings } from '../document';
import { type Line, splitLines } from '../../text/lines';
import { parseSuppressions } from '../suppressions';
import type { ParsedCollation } from './common';
import { parseCsvCollation } from './csv';
import { parseJsonCollation } from './json';
import { parseTextCollation } from './text';
import type { CollationFormat } from './types';

export type ConsultationModel = ConsultationModelBase;
export type * from './types';

/** Which reader a collation needs. */
export function collationFormat(uri: string, text: string): CollationFormat {
  const name = uri.replace(/[?#].*$/, '').toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.json') || name.endsWith('.docx') || name.endsWith('.pdf')) return 'json';
  const head = text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'json';
  if (/^\s*"?question"?\s*([,;\t])\s*"?respondent"?\s*\1/i.test(head.slice(0, 200))) return 'csv';
  return 'text';
}

function read(format: CollationFormat, text: string, lines: Line[]): ParsedCollation & { format: CollationFormat } {
  try {
    if (format === 'csv') return { ...parseCsvCollation(text, lines), format };
    if (format === 'json') {
      const parsed = parseJsonCollation(text, lines);
      return { ...parsed, format: parsed.format ?? 'json' };
    }
    return { ...parseTextCollation(lines), format };
  } catch (e) {
    // The readers are written not to throw; this keeps a bug in one from losing the file.
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { format, questions: [], comments: [], problems: [{ code: 'file-error', range, message: `This collation could not be read: ${(e as Error)?.message ?? String(e)}` }] };
  }
}

export function buildConsultationModel(doc: SecDocument): ConsultationModel {
  const lines = splitLines(doc.text);
  const parsed = read(collationFormat(doc.uri, doc.text), doc.text, lines);
  return {
    kind: 'consultation',
    uri: doc.uri,
    version: doc.version,
    text: doc.text,
    lines,
    suppressions: parseSuppressions(lines),
    problems: [...fileProblemFindings(doc), ...parsed.problems],
    format: parsed.format,
    questions: parsed.questions,
    comments: parsed.comments,
  };
}
