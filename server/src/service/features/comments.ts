// The `sec/comments` custom request: consultation comments and their links to clauses, for
// the client's Comments API threads and its "SEC Consultation" tree view.
//
// Request  `sec/comments`, params `{ uri?: string }`:
//   - no uri: every comment in the workspace, with all its links;
//   - uri of a legal document: only the comments linked to clauses of that document, each
//     with only those links;
//   - uri of a collation: the comments read from that file.
// Response `{ comments: SecCommentInfo[] }` (ranges are LSP ranges, 0-based):
//   { id, uri, range,                  // the comment's row in its collation
//     question, questionTitle, respondent, category, response, text,   // untrusted text
//     status: 'linked' | 'general' | 'orphaned',
//     links: [ { clause, kind: 'explicit' | 'inferred', score, quote, because?,
//                target?: { uri, range } } ],   // target: the clause in the legal text
//     clauses: string[],                 // every clause the comment is linked to, each once (all files)
//     needsAnswer, answered: boolean,    // needsAnswer false: a vote alone ("N/A", empty cell)
//     answer?: { disposition, dispositionLabel, response, clause? } }   // the recorded response
import type { Range } from '../types';
import type { ConsultationModel } from '../model/consultation';
import type { CommentEntry, CommentStatus } from '../model/consultation/types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type CommentAnswer, answerState } from './commentAnswers';

export interface SecCommentLinkInfo {
  clause: string;
  kind: 'explicit' | 'inferred';
  score: number;
  quote: string;
  because?: string[];
  target?: { uri: string; range: Range };
}

export interface SecCommentInfo {
  id: string;
  uri: string;
  range: Range;
  question: string;
  questionTitle: string;
  respondent: string;
  category: string;
  response: string;
  text: string;
  status: CommentStatus;
  links: SecCommentLinkInfo[];
  /** Present when the reader resolved the row by a guess, with why. */
  confidence?: 'unsure';
  unsure?: string;
  /** Every clause the comment is linked to, each once, whichever file holds it (`links` may be only one file's). */
  clauses: string[];
  /** False for a row that is only a vote (an empty cell, "N/A", "No comment"): nothing to answer. */
  needsAnswer: boolean;
  /** A response is recorded in the responses file beside the collation. */
  answered: boolean;
  /** The recorded response, when answered. */
  answer?: CommentAnswer;
}

export interface SecCommentsParams {
  uri?: string;
}

export interface SecCommentsResult {
  comments: SecCommentInfo[];
}

export const COMMENTS_REQUEST = 'sec/comments';

function info(workspace: WorkspaceIndex, entry: CommentEntry, onlyUri?: string): SecCommentInfo | undefined {
  const c = entry.comment;
  const links: SecCommentLinkInfo[] = [];
  for (const l of entry.links) {
    const place = workspace.findClause(l.clause);
    if (onlyUri && place?.uri !== onlyUri) continue;
    links.push({
      clause: l.clause,
      kind: l.kind,
      score: l.score,
      quote: l.quote,
      ...(l.because ? { because: l.because } : {}),
      ...(place ? { target: { uri: place.uri, range: place.clause.idRange } } : {}),
    });
  }
  if (onlyUri && links.length === 0) return undefined;
  const model = workspace.model(entry.uri) as ConsultationModel | undefined;
  const questionTitle = model?.kind === 'consultation' ? (model.questions.find(q => q.number === c.question)?.title ?? '') : '';
  return {
    id: c.id, uri: entry.uri, range: c.range, question: c.question, questionTitle,
    respondent: c.respondent, category: c.category, response: c.response, text: c.text,
    status: entry.status, links,
    ...(c.confidence ? { confidence: c.confidence, unsure: c.unsure ?? '' } : {}),
    clauses: [...new Set(entry.links.map(l => l.clause))],
    ...answerState(workspace, entry),
  };
}

export function getCommentsResult(workspace: WorkspaceIndex, entries: readonly CommentEntry[], params: SecCommentsParams = {}): SecCommentsResult {
  const kind = params.uri ? workspace.model(params.uri)?.kind : undefined;
  const uri = kind === 'legal' ? params.uri : undefined;
  const comments: SecCommentInfo[] = [];
  for (const e of entries) {
    if (kind === 'consultation' && e.uri !== params.uri) continue;
    const i = info(workspace, e, uri);
    if (i) comments.push(i);
  }
  return { comments };
}
