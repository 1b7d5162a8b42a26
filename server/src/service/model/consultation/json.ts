// JSON collations: an array of comments, or `{ "comments": [...] }`, each with the CSV's
// fields (question, respondent, category, response, text). The .docx and PDF extractors
// produce this form too, adding `"format"` and each comment's `"line"`/`"page"` if known.
import { type Line, lineRange } from '../../text/lines';
import type { Finding } from '../../types';
import { CommentIds, type ParsedCollation, START_OF_FILE, canonicalCategory, canonicalResponse, problem, tidyText } from './common';
import type { CollationFormat, ConsultationComment, ConsultationQuestion } from './types';

export interface JsonCollation extends ParsedCollation {
  /** "docx" or "pdf" when the JSON was produced by an extractor. */
  format?: CollationFormat;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** The line of the n-th comment object in the source (best effort: the n-th `"respondent"`). */
function respondentLines(lines: Line[]): number[] {
  return lines.filter(l => /"respondent"\s*:/.test(l.text)).map(l => l.line);
}

export function parseJsonCollation(text: string, lines: Line[]): JsonCollation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { questions: [], comments: [], problems: [problem(`This JSON collation cannot be read: ${(e as Error).message}`, START_OF_FILE)] };
  }
  const obj = data as { comments?: unknown; format?: unknown; questions?: unknown };
  const list = Array.isArray(data) ? data : obj && typeof obj === 'object' && Array.isArray(obj.comments) ? obj.comments : undefined;
  if (!list) {
    return { questions: [], comments: [], problems: [problem('This JSON collation should be an array of comments or an object with a "comments" array.', START_OF_FILE)] };
  }
  const format = !Array.isArray(data) && (obj.format === 'docx' || obj.format === 'pdf') ? obj.format : undefined;
  const titles = new Map<string, string>();
  if (!Array.isArray(data) && Array.isArray(obj.questions)) {
    for (const q of obj.questions as unknown[]) {
      const qq = q as { number?: unknown; title?: unknown };
      if (qq && typeof qq === 'object') titles.set(str(qq.number), str(qq.title));
    }
  }
  const ids = new CommentIds();
  const places = respondentLines(lines);
  const comments: ConsultationComment[] = [];
  const questions = new Map<string, ConsultationQuestion>();
  const problems: Finding[] = [];
  let bad = 0;
  list.forEach((item: unknown, i: number) => {
    const c = item as Record<string, unknown>;
    const respondent = c && typeof c === 'object' ? str(c.respondent).replace(/\s+/g, ' ').trim() : '';
    if (!respondent) {
      bad++;
      return;
    }
    const line = Math.min(places[i - bad] ?? places[places.length - 1] ?? 0, lines.length - 1);
    const question = str(c.question).trim().replace(/^question\s*/i, '') || '1';
    if (!questions.has(question)) questions.set(question, { number: question, title: titles.get(question) ?? '', range: lineRange(line, 0, 0) });
    comments.push({
      id: ids.next(question, respondent),
      question,
      respondent,
      category: canonicalCategory(str(c.category)),
      response: canonicalResponse(str(c.response)),
      text: tidyText(str(c.text ?? c.comment ?? c.comments)),
      range: lineRange(line, 0, lines[line]?.text.length ?? 0),
    });
  });
  if (bad > 0) problems.push(problem(`${bad} entr${bad === 1 ? 'y' : 'ies'} of this JSON collation ha${bad === 1 ? 's' : 've'} no "respondent" and ${bad === 1 ? 'was' : 'were'} skipped.`, START_OF_FILE));
  return { questions: [...questions.values()], comments, problems, ...(format ? { format } : {}) };
}
