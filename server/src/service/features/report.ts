// The pre-publication report's data: per clause its heading, open findings and the comments
// on it with their dispositions; a summary table per consultation question; the comments still
// unanswered; and a one-line verdict. Data only: `secdraft report` and the server's
// `sec/prePublicationReport` render it (server/src/report/render.ts) as HTML or Markdown.
import type { SecDiagnostic, SeverityLevel } from '../types';
import type { ConsultationQuestion } from '../model/consultation/types';
import { unansweredComments } from '../rules/responses';
import { commentEntries } from '../model/consultation/linking';
import { needsAnswer } from '../model/consultation/votes';
import type { ChangeSet } from './changes';
import { buildChangesPart, type ReportChanges } from './changesReport';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type RespondentRow, linkedClauses, respondentRow } from './respondentRows';

export interface ReportFinding {
  path: string;
  line: number;
  column: number;
  severity: SecDiagnostic['severity'];
  code: string;
  message: string;
}

/** A respondent's row as the report shows it (a view of RespondentRow): `position` is their Approve / Reject …. */
export type ReportComment = Pick<RespondentRow, 'id' | 'question' | 'respondent' | 'category' | 'text' | 'answer'> & {
  path: string;
  /** 1-based. */
  line: number;
  /** Approve / Neutral / Reject / Abstain as the respondent answered. */
  position: string;
};

export interface ReportClause {
  id: string;
  heading: string;
  path: string;
  line: number;
  findings: ReportFinding[];
  comments: ReportComment[];
}

export interface QuestionSummary {
  question: string;
  title: string;
  /** Column names: the positions found (Approve, Neutral, Reject, Abstain first). */
  positions: string[];
  rows: { category: string; counts: Record<string, number>; total: number }[];
  totals: Record<string, number>;
  total: number;
}

export interface ReportData {
  title: string;
  verdict: { ready: boolean; text: string };
  counts: Record<SecDiagnostic['severity'], number> & { unanswered: number; comments: number; files: number };
  clauses: ReportClause[];
  /** Findings outside any clause (collations, file problems, text before the first clause). */
  otherFindings: ReportFinding[];
  /** Comments linked to no clause of the workspace. */
  generalComments: ReportComment[];
  questions: QuestionSummary[];
  unanswered: ReportComment[];
  /** With a baseline to compare with (#21): the clauses the modification changed. */
  changes?: ReportChangesPart;
}

const RANK: Record<string, number> = { hint: 1, information: 2, warning: 3, error: 4 };
const STANDARD_POSITIONS = ['Approve', 'Neutral', 'Reject', 'Abstain'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Ready to publish" or "Not ready: 3 errors, 2 unanswered comments". */
export function verdictOf(counts: ReportData['counts'], failOn: Exclude<SeverityLevel, 'ignore'>): ReportData['verdict'] {
  const blocking = (['error', 'warning', 'information', 'hint'] as const).filter(s => RANK[s] >= RANK[failOn] && counts[s] > 0);
  const parts = blocking.map(s => plural(counts[s], s === 'information' ? 'information finding' : s));
  if (counts.unanswered > 0) parts.push(plural(counts.unanswered, 'unanswered comment'));
  return parts.length === 0 ? { ready: true, text: 'Ready to publish' } : { ready: false, text: `Not ready: ${parts.join(', ')}` };
}

function summariseQuestions(rows: RespondentRow[], questions: ConsultationQuestion[]): QuestionSummary[] {
  const byQuestion = new Map<string, RespondentRow[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.question);
    if (list) list.push(r);
    else byQuestion.set(r.question, [r]);
  }
  const numbers = [...byQuestion.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return numbers.map(q => {
    // One vote per respondent per question, whatever number of comment rows they wrote.
    const seen = new Set<string>();
    const voters = byQuestion.get(q)!.filter(r => !seen.has(r.respondent) && seen.add(r.respondent));
    const found = new Set(voters.map(r => r.response || 'None given'));
    // A question without a Response column ("any further comments?") only counts comments.
    const positions = found.size === 1 && found.has('None given') ? ['None given']
      : [...STANDARD_POSITIONS, ...[...found].filter(p => !STANDARD_POSITIONS.includes(p)).sort()];
    const rowsByCategory = new Map<string, Record<string, number>>();
    for (const r of voters) {
      const category = r.category || 'Not stated';
      const counts = rowsByCategory.get(category) ?? Object.fromEntries(positions.map(p => [p, 0]));
      counts[r.response || 'None given']++;
      rowsByCategory.set(category, counts);
    }
    const rows = [...rowsByCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, counts]) => ({
      category, counts, total: Object.values(counts).reduce((s, n) => s + n, 0),
    }));
    const totals = Object.fromEntries(positions.map(p => [p, rows.reduce((s, r) => s + r.counts[p], 0)]));
    return { question: q, title: questions.find(x => x.number === q)?.title ?? '', positions, rows, totals, total: voters.length };
  });
}

export interface ReportDataOptions {
  title: string;
  failOn: Exclude<SeverityLevel, 'ignore'>;
  /** With a baseline (#21): the changes to report, what they were compared with, and how to name a baseline file. */
  changes?: { set: ChangeSet; baseline: string; baselinePath: (uri: string) => string };
}

export type ReportChangesPart = ReportChanges<ReportFinding, ReportComment>;

/** Gather the report from a loaded workspace; `displayPath` turns a URI into what people read. */
export function buildReportData(
  ws: WorkspaceIndex,
  diagnosticsOf: (uri: string) => SecDiagnostic[],
  displayPath: (uri: string) => string,
  options: ReportDataOptions,
): ReportData {
  const counts = { error: 0, warning: 0, information: 0, hint: 0, unanswered: 0, comments: 0, files: 0 };
  const toFinding = (uri: string, d: SecDiagnostic): ReportFinding => ({
    path: displayPath(uri), line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, code: d.code, message: d.message,
  });
  const rows = commentEntries(ws).map(e => respondentRow(ws, e));
  const toComment = (r: RespondentRow): ReportComment => ({
    id: r.id, path: displayPath(r.uri), line: r.line + 1, question: r.question,
    respondent: r.respondent, category: r.category, position: r.response, text: r.text,
    ...(r.answer ? { answer: r.answer } : {}),
  });
  const clauses: ReportClause[] = [];
  const otherFindings: ReportFinding[] = [];
  const clauseById = new Map<string, ReportClause>();
  const uris = ws.uris().sort((a, b) => displayPath(a).localeCompare(displayPath(b)));
  for (const uri of uris) {
    const model = ws.model(uri);
    if (!model) continue;
    counts.files++;
    // Unanswered comments are listed on their own; the rest are the open findings.
    const diagnostics = diagnosticsOf(uri).filter(d => d.code !== 'unanswered-comment');
    for (const d of diagnostics) counts[d.severity]++;
    if (model.kind !== 'legal') {
      otherFindings.push(...diagnostics.map(d => toFinding(uri, d)));
      continue;
    }
    for (const clause of model.structure.clauses) {
      if (clauseById.has(clause.id)) continue; // a duplicated number is a finding already
      const entry: ReportClause = { id: clause.id, heading: clause.heading ?? '', path: displayPath(uri), line: clause.firstLine + 1, findings: [], comments: [] };
      clauses.push(entry);
      clauseById.set(clause.id, entry);
    }
    for (const d of diagnostics) {
      const target = d.clause ? clauseById.get(d.clause) : undefined;
      if (target && target.path === displayPath(uri)) target.findings.push(toFinding(uri, d));
      else otherFindings.push(toFinding(uri, d));
    }
  }
  const generalComments: ReportComment[] = [];
  for (const r of rows) {
    // A row that is only a vote counts in the per-question summary, not as a comment.
    if (!needsAnswer(r)) continue;
    counts.comments++;
    const linked = linkedClauses(r).map(id => clauseById.get(id)).filter((c): c is ReportClause => !!c);
    if (linked.length === 0) generalComments.push(toComment(r));
    for (const c of linked) c.comments.push(toComment(r));
  }
  const unanswered = unansweredComments(ws).map(e => toComment(respondentRow(ws, e)));
  counts.unanswered = unanswered.length;
  const questions = ws.consultationModels().flatMap(m => (m as { questions?: ConsultationQuestion[] }).questions ?? []);
  const changes = options.changes;
  return {
    ...(changes ? { changes: buildChangesPart(changes.set, changes.baseline, clauses, displayPath, changes.baselinePath) } : {}),
    title: options.title,
    verdict: verdictOf(counts, options.failOn),
    counts,
    clauses,
    otherFindings,
    generalComments,
    questions: summariseQuestions(rows, questions),
    unanswered,
  };
}
