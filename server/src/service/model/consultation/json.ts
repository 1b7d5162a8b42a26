// JSON collations: an array of comments, or `{ "comments": [...] }`, each with the CSV's
// fields (question, respondent, category, response, text). The .docx and PDF extractors
// produce this form too, adding `"format"` and each comment's `"line"`/`"page"` if known.
// Each entry is placed at its own line in the file (from the parse tree, so a skipped entry
// does not shift the ones after it); a field of the wrong type is a `file-error` there.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type Line, lineRange } from '../../text/lines';
import type { Finding, Range } from '../../types';
import { CommentIds, type ParsedCollation, START_OF_FILE, canonicalCategory, canonicalResponse, problem, tidyText } from './common';
import type { CollationFormat, ConsultationComment, ConsultationQuestion } from './types';

export interface JsonCollation extends ParsedCollation {
  /** "docx" or "pdf" when the JSON was produced by an extractor. */
  format?: CollationFormat;
}

/** The line holding `offset` (lines carry their start offsets). */
function lineAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function property(node: Node, key: string): Node | undefined {
  for (const p of node.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

function plainValue(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'array') return (node.children ?? []).map(plainValue);
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map(p => [p.children?.[0]?.value, plainValue(p.children?.[1])]));
  return node.value;
}

export function parseJsonCollation(text: string, lines: Line[]): JsonCollation {
  const rangeOf = (node: Node | undefined): Range => {
    if (!node) return START_OF_FILE;
    const line = Math.min(lineAt(lines, node.offset), lines.length - 1);
    return lineRange(line, 0, lines[line]?.text.length ?? 0);
  };
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !root) {
    const e = errors[0];
    const where = e ? rangeOf({ offset: e.offset } as Node) : START_OF_FILE;
    return { questions: [], comments: [], problems: [problem(`This JSON collation cannot be read: ${e ? printParseErrorCode(e.error) : 'the file is empty'}.`, where)] };
  }
  const commentsNode = root.type === 'array' ? root : root.type === 'object' ? property(root, 'comments') : undefined;
  if (!commentsNode || commentsNode.type !== 'array') {
    return { questions: [], comments: [], problems: [problem('This JSON collation should be an array of comments or an object with a "comments" array.', START_OF_FILE)] };
  }
  const formatValue = root.type === 'object' ? property(root, 'format')?.value : undefined;
  const format = formatValue === 'docx' || formatValue === 'pdf' ? formatValue : undefined;
  const titles = questionTitles(root);
  const ids = new CommentIds();
  const comments: ConsultationComment[] = [];
  const questions = new Map<string, ConsultationQuestion>();
  const problems: Finding[] = [];
  const unnamed: Node[] = [];
  for (const item of commentsNode.children ?? []) {
    const range = rangeOf(item);
    if (item.type !== 'object') {
      problems.push(problem(`This entry of the JSON collation is ${describe(item)}, not a comment object: it was skipped.`, range));
      continue;
    }
    const field = (key: string) => property(item, key);
    const respondent = textOf(field('respondent'), 'respondent', range, problems).replace(/\s+/g, ' ').trim();
    if (!respondent) {
      unnamed.push(item);
      continue;
    }
    const textNode = field('text') ?? field('comment') ?? field('comments');
    const textKey = field('text') ? 'text' : field('comment') ? 'comment' : 'comments';
    const question = questionOf(field('question'), range, problems);
    const line = range.start.line;
    if (!questions.has(question)) questions.set(question, { number: question, title: titles.get(question) ?? '', range: lineRange(line, 0, 0) });
    comments.push({
      id: ids.next(question, respondent),
      question,
      respondent,
      category: canonicalCategory(textOf(field('category'), 'category', range, problems)),
      response: canonicalResponse(textOf(field('response'), 'response', range, problems)),
      text: tidyText(textOf(textNode, textKey, range, problems)),
      range,
    });
  }
  if (unnamed.length > 0) {
    const n = unnamed.length;
    problems.push(problem(`${n} entr${n === 1 ? 'y' : 'ies'} of this JSON collation ha${n === 1 ? 's' : 've'} no "respondent" and ${n === 1 ? 'was' : 'were'} skipped.`, rangeOf(unnamed[0])));
  }
  return { questions: [...questions.values()], comments, problems, ...(format ? { format } : {}) };
}

function questionTitles(root: Node): Map<string, string> {
  const titles = new Map<string, string>();
  const list = root.type === 'object' ? property(root, 'questions') : undefined;
  for (const q of list?.type === 'array' ? list.children ?? [] : []) {
    if (q.type !== 'object') continue;
    const n = property(q, 'number');
    const t = property(q, 'title');
    titles.set(n?.type === 'string' || n?.type === 'number' ? String(n.value) : '', t?.type === 'string' ? String(t.value) : '');
  }
  return titles;
}

function describe(node: Node): string {
  if (node.type === 'array') return 'a list';
  if (node.type === 'object') return 'an object';
  if (node.type === 'null') return 'null';
  return `a ${node.type}`;
}

/**
 * A text field: a string, or a number as written. Any other type is reported and never read
 * as empty in silence; a list of strings (paragraphs) is kept as paragraphs.
 */
function textOf(node: Node | undefined, key: string, range: Range, problems: Finding[]): string {
  if (!node || node.type === 'null') return '';
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number' || node.type === 'boolean') return String(node.value);
  const value = plainValue(node);
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    problems.push({ ...problem(`"${key}" of this comment is a list of texts; it was read as paragraphs (write one text, paragraphs separated by a blank line).`, range), data: { severityCap: 'information' } });
    return value.join('\n\n');
  }
  problems.push(problem(`"${key}" of this comment is ${describe(node)}, not a text: it was read as written (${JSON.stringify(value).slice(0, 80)}); write it as one text.`, range));
  return JSON.stringify(value);
}

/** The question number: a text or a number; anything else is reported and the comment goes under question 1. */
function questionOf(node: Node | undefined, range: Range, problems: Finding[]): string {
  if (node && (node.type === 'string' || node.type === 'number')) return String(node.value).trim().replace(/^question\s*/i, '') || '1';
  if (node && node.type !== 'null') problems.push(problem(`"question" of this comment is ${describe(node)}, not a number or text: the comment was put under question 1.`, range));
  return '1';
}
