// What the .docx and PDF extractors share: collation rows as the JSON form the core reads
// (model/consultation/json.ts), and the column a header cell names.

export interface ExtractedComment {
  question: string;
  respondent: string;
  category: string;
  response: string;
  text: string;
  /** 1-based page (PDF) or table row (docx), for people reading the original. */
  page?: number;
}

export interface ExtractedCollation {
  format: 'docx' | 'pdf';
  questions: { number: string; title: string }[];
  comments: ExtractedComment[];
}

export type Column = 'respondent' | 'category' | 'response' | 'text';

/** The column a header cell names ("Rationale" and "Comments" are the comment text). */
export function columnOf(header: string): Column | undefined {
  const h = header.trim().toLowerCase();
  if (/^(respondent|organisation|organization|name)/.test(h)) return 'respondent';
  if (/^category/.test(h)) return 'category';
  if (/^response/.test(h)) return 'response';
  if (/^(rationale|comments?|text)/.test(h)) return 'text';
  return undefined;
}

export const QUESTION_RE = /^\s*(?:Question|Q)\s*(\d+[a-z]?)\s*[:.)\-–—]?\s*(.*)$/i;

/** Limits that keep a hostile file from exhausting memory. */
export const MAX_ORIGINAL_BYTES = 50 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
export const MAX_PAGES = 2000;

export function toJson(collation: ExtractedCollation): string {
  return JSON.stringify(collation, null, 2) + '\n';
}
