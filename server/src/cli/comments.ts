// `secdraft comments [paths…] [--format json|md|csv] [--unanswered] [--config file]`: every
// consultation comment with the clauses it is linked to, and every clause with its comments, as
// DESIGN.md §5 fixes it (lines 1-based), with the answered state added after its fields:
//   { "comments": [ {"id","path","line","question","respondent","category","response","text",
//                    "clauses":[{"id","kind","score"}],
//                    "needsAnswer","answered","disposition","answer","changedClause"?} ],
//     "clauses":  [ {"id","path","line","comments":[{"id","kind","score"}]} ] }
// `--unanswered` keeps only the comments still waiting for a response (not votes alone).
// .docx and .pdf collations are read too. Exit 0, or 2 when a file could not be read.
import { type Disposition, type RespondentRow, type SecLanguageService, DISPOSITION_LABELS } from '../service';
import { loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';

export interface CommentsOptions {
  paths: string[];
  format: string;
  config?: string;
  /** Only the comments still waiting for a response. */
  unanswered?: boolean;
}

interface CommentsReport {
  comments: {
    id: string; path: string; line: number; question: string; respondent: string; category: string; response: string; text: string;
    clauses: { id: string; kind: 'explicit' | 'inferred'; score: number }[];
    /** False for a row that is only a vote (an empty cell, "N/A", "No comment"): nothing to answer. */
    needsAnswer: boolean;
    /** A response is recorded in the responses file beside the collation. */
    answered: boolean;
    /** The Working Group's answer from the responses file (null: none recorded yet). */
    disposition: Disposition | null; changedClause?: string; answer: string | null;
    /** A row the reader resolved by a guess (a wrapped name, a split of cells), and why. */
    confidence?: 'unsure'; unsure?: string;
  }[];
  clauses: { id: string; path: string; line: number; comments: { id: string; kind: 'explicit' | 'inferred'; score: number }[] }[];
  /** Each collation read and how many comments it gave (0 says a file gave nothing); a second copy of another names it (its comments are listed from that one). */
  files: { path: string; format: string; comments: number; copyOf?: string }[];
}

function answerOf(row: RespondentRow): Pick<CommentsReport['comments'][number], 'needsAnswer' | 'answered' | 'disposition' | 'changedClause' | 'answer'> {
  const r = row.answer;
  return { needsAnswer: row.needsAnswer, answered: !!r, ...(r ? { disposition: r.disposition, answer: r.response, ...(r.clause ? { changedClause: r.clause } : {}) } : { disposition: null, answer: null }) };
}

/** The JSON contract's view of the respondent rows (DESIGN.md §5); Markdown and CSV are views of it. */
function buildReport(service: SecLanguageService, rows: RespondentRow[], pathOf: (uri: string) => string, uris: string[]): CommentsReport {
  const comments = rows.map(r => ({
    id: r.id,
    path: pathOf(r.uri),
    line: r.line + 1,
    question: r.question,
    respondent: r.respondent,
    category: r.category,
    response: r.response,
    text: r.text,
    clauses: r.links.map(l => ({ id: l.clause, kind: l.kind, score: l.score })),
    ...(r.confidence === 'unsure' ? { confidence: 'unsure' as const, unsure: r.unsure ?? '' } : {}),
    ...answerOf(r),
  }));
  const files: CommentsReport['files'] = [];
  for (const uri of uris) {
    const model = service.getModel(uri);
    const copyOf = service.getCollationCopies().get(uri);
    if (model?.kind === 'consultation') files.push({ path: pathOf(uri), format: model.format, comments: model.comments.length, ...(copyOf ? { copyOf: pathOf(copyOf) } : {}) });
  }
  const clauses: CommentsReport['clauses'] = [];
  for (const [id, places] of service.getClauseIndex()) {
    const linked = rows.flatMap(r => r.links.filter(l => l.clause === id).map(l => ({ id: r.id, kind: l.kind, score: l.score })));
    if (linked.length === 0) continue;
    clauses.push({ id, path: pathOf(places[0].uri), line: places[0].firstLine + 1, comments: linked });
  }
  return { comments, clauses, files };
}

/** Markdown for people: untrusted respondent text is escaped and quoted. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, c => '\\' + c);
}

/** What the respondent said, as a quote under the comment's line (each line escaped). */
function quoteLines(c: CommentsReport['comments'][number]): string[] {
  const text = c.text.trim();
  return text ? text.split(/\r?\n/).map(line => `  > ${md(line.trim())}`.trimEnd()) : [];
}

/** The Working Group's answer under a comment's line. */
function answerLine(c: CommentsReport['comments'][number]): string {
  return c.disposition ? `  - ${DISPOSITION_LABELS[c.disposition]}${c.changedClause ? ` (${md(c.changedClause)})` : ''}: ${md(c.answer ?? '')}` : '  - *No response recorded*';
}

function asMarkdown(report: CommentsReport): string {
  const byId = new Map(report.comments.map(c => [c.id, c]));
  const out = ['# Consultation comments by clause', ''];
  for (const clause of report.clauses) {
    out.push(`## ${clause.id}`, '');
    for (const link of clause.comments) {
      const c = byId.get(link.id)!;
      const how = link.kind === 'explicit' ? 'names the clause' : `inferred, score ${link.score.toFixed(2)}`;
      out.push(`- **${md(c.respondent)}** (${md(c.category)}${c.response ? `, ${md(c.response)}` : ''}), question ${md(c.question)}, ${how} — ${md(c.path)}:${c.line}`);
      out.push(...quoteLines(c), answerLine(c));
    }
    out.push('');
  }
  const general = report.comments.filter(c => c.clauses.length === 0 && c.needsAnswer);
  if (general.length) {
    out.push('## General comments (no clause)', '');
    for (const c of general) out.push(`- **${md(c.respondent)}**, question ${md(c.question)} — ${md(c.path)}:${c.line}`, ...quoteLines(c), answerLine(c));
    out.push('');
  }
  const unsure = report.comments.filter(c => c.confidence === 'unsure');
  if (unsure.length) {
    out.push('## Rows read by a guess (check them against the original)', '');
    for (const c of unsure) out.push(`- **${md(c.respondent)}**, question ${md(c.question)} — ${md(c.path)}:${c.line}: ${md(c.unsure ?? '')}`);
    out.push('');
  }
  for (const f of report.files) out.push(`- ${md(f.path)}: ${f.comments} comment${f.comments === 1 ? '' : 's'}${f.copyOf ? ` (a second copy of ${md(f.copyOf)}, counted once from it)` : ''}`);
  if (report.files.length) out.push('');
  out.push(`${report.comments.length} comment${report.comments.length === 1 ? '' : 's'}, ${report.clauses.length} clause${report.clauses.length === 1 ? '' : 's'} with comments.`);
  return out.join('\n');
}

/**
 * One CSV cell. Respondent text is untrusted: a cell a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a CR) is written with a leading apostrophe, which
 * spreadsheets show as text and do not run.
 */
export function csvCell(s: string | number): string {
  const raw = String(s);
  const t = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n\t]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The JSON: DESIGN.md §5's fields first and in order, then the answered state (added, as contracts change). */
function contractJson(report: CommentsReport): object {
  return {
    ...report,
    comments: report.comments.map(({ needsAnswer, answered, disposition, changedClause, answer, confidence, unsure, ...contract }) => ({
      ...contract, ...(confidence ? { confidence, unsure } : {}), needsAnswer, answered, disposition, answer, ...(changedClause ? { changedClause } : {}),
    })),
  };
}

function asCsv(report: CommentsReport): string {
  const rows = [['id', 'path', 'line', 'question', 'respondent', 'category', 'response', 'text', 'clauses', 'disposition', 'changed_clause', 'wg_response', 'unsure', 'needs_answer', 'answered']];
  for (const c of report.comments) {
    rows.push([c.id, c.path, String(c.line), c.question, c.respondent, c.category, c.response, c.text, c.clauses.map(l => `${l.id} ${l.kind} ${l.score}`).join('; '), c.disposition ?? '', c.changedClause ?? '', c.answer ?? '', c.unsure ?? '', c.needsAnswer ? 'yes' : 'no', c.answered ? 'yes' : 'no']);
  }
  // A BOM, so that spreadsheets read the file as UTF-8 (names and quotes as written).
  return '\uFEFF' + rows.map(r => r.map(csvCell).join(',')).join('\n');
}

export async function runComments(options: CommentsOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  if (!['json', 'md', 'csv'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected json, md or csv)`);
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  // Collations that were read but whose rows could not be: say so, as `check` would.
  let unreadable = 0;
  for (const uri of ws.uris) {
    const model = ws.service.getModel(uri);
    if (model?.kind !== 'consultation') continue;
    for (const p of model.problems) {
      // Information ("no response table found", a list read as paragraphs) is said, not a failure.
      if (p.data?.severityCap !== 'information') unreadable++;
      writeErr(`secdraft: ${ws.pathOf.get(uri)}:${p.range.start.line + 1}: ${p.message}`);
    }
  }
  const all = ws.service.getRespondentRows();
  const rows = options.unanswered ? all.filter(r => r.needsAnswer && !r.answer) : all;
  const report = buildReport(ws.service, rows, uri => ws.pathOf.get(uri) ?? uri, ws.uris);
  if (options.format === 'json') write(JSON.stringify(contractJson(report), null, 2));
  else if (options.format === 'md') write(asMarkdown(report));
  else write(asCsv(report));
  return ws.problems.length > 0 || unreadable > 0 ? 2 : 0;
}
