// What every collation reader shares: the vocabulary of categories and responses, stable
// comment ids, and the shape each reader returns.
import type { Finding, Range } from '../../types';
import type { ConsultationComment, ConsultationQuestion } from './types';

export interface ParsedCollation {
  questions: ConsultationQuestion[];
  comments: ConsultationComment[];
  problems: Finding[];
}

/** Respondent categories used in SEC consultations (matched case-insensitively). */
export const CATEGORIES: readonly string[] = [
  'Large Supplier Party', 'Small Supplier Party', 'Large Supplier', 'Small Supplier', 'Supplier Party',
  'Electricity Network Party', 'Gas Network Party', 'Network Party', 'Network Operator',
  'Other SEC Party', 'Other Party', 'Other respondent', 'Other Respondent', 'Other User', 'Other',
  'Shared Resource Provider', 'DCC', 'Consumer Body', 'Consumer Representative', 'Trade Body',
  'Meter Asset Provider', 'Meter Operator', 'Service Provider', 'Non-Party', 'Non Party', 'Supplier',
];

/** How a response is written in the Response column. */
export const RESPONSES: readonly string[] = [
  'Approve', 'Reject', 'Neutral', 'Abstain', 'Support', 'Oppose', 'Partially agree', 'Agree', 'Disagree', 'Yes', 'No',
];

/** Words that end a company's name and may wrap onto the next line ("Haven Power / Limited"). */
export const COMPANY_SUFFIXES: readonly string[] = ['Limited', 'Ltd', 'Ltd.', 'plc', 'PLC', 'Plc', 'LLP', 'Group', 'UK', 'Inc', 'Inc.', 'Co.'];

/** Canonical spelling of a category ("other respondent" → "Other respondent" as listed). */
export function canonicalCategory(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  return CATEGORIES.find(c => c.toLowerCase() === t.toLowerCase()) ?? t;
}

export function canonicalResponse(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  return RESPONSES.find(r => r.toLowerCase() === t.toLowerCase()) ?? t;
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'respondent';
}

/**
 * Hands out the stable ids: "q2-e-on" from question and respondent, "-2", "-3" for a second
 * and third comment of the same respondent on the same question.
 */
export class CommentIds {
  private readonly seen = new Map<string, number>();

  next(question: string, respondent: string): string {
    const base = `q${slug(question)}-${slug(respondent)}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

/** Tidy a cell's text: one space inside paragraphs, paragraphs separated by one blank line. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(p => p.replace(/\s+/g, ' ').trim())
    .filter(p => p.length > 0)
    .join('\n\n');
}

export function problem(message: string, range: Range): Finding {
  return { code: 'file-error', range, message };
}

export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Has the text more than `limit` ASCII letters (and figures, with `figures`)? Tidying a cell
 * keeps every one of them, so this tells most cells from a short one (a vote, a response)
 * without tidying them.
 */
export function moreAsciiThan(text: string, limit: number, figures: boolean): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    if (((lower >= 97 && lower <= 122) || (figures && c >= 48 && c <= 57)) && ++count > limit) return true;
  }
  return false;
}
