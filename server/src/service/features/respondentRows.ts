// One respondent's comment as every view shows it: the row read from the collation, the
// clauses it is linked to and the Working Group's recorded response. `secdraft comments`
// (JSON, Markdown, CSV), the pre-publication report and `sec/unansweredComments` are views of
// this one shape (each picks its fields, turns the URI into a path, the line 1-based).
import type { CommentEntry, CommentLink } from '../model/consultation/types';
import type { CommentResponse } from '../model/responses';
import { responsesFor } from '../rules/responses';
import { needsAnswer } from '../model/consultation/votes';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface RespondentRow {
  /** The comment's stable id ("q2-e-on"), the key of its response. */
  id: string;
  /** The collation it was read from. */
  uri: string;
  /** 0-based line where the row starts in the collation. */
  line: number;
  question: string;
  respondent: string;
  category: string;
  /** "Approve", "Reject", "Neutral", "Abstain", or "" where the table has no such column. */
  response: string;
  text: string;
  links: CommentLink[];
  /** Present when the reader resolved the row by a guess, with why (in words). */
  confidence?: 'unsure';
  unsure?: string;
  /** False for a row that is only a vote (no text, "N/A", "Yes"): the gate asks no response to it. */
  needsAnswer: boolean;
  /** The Working Group's recorded response, when there is one. */
  answer?: CommentResponse;
}

/** The Working Group's recorded response to a comment, from the responses file beside its collation. */
export function recordedResponse(workspace: WorkspaceIndex, uri: string, commentId: string): CommentResponse | undefined {
  const responses = responsesFor(workspace, uri).file.responses;
  return Object.hasOwn(responses, commentId) ? responses[commentId] : undefined;
}

export function respondentRow(workspace: WorkspaceIndex, entry: CommentEntry): RespondentRow {
  const c = entry.comment;
  const answer = recordedResponse(workspace, entry.uri, c.id);
  return {
    id: c.id, uri: entry.uri, line: c.range.start.line,
    question: c.question, respondent: c.respondent, category: c.category, response: c.response, text: c.text,
    links: entry.links,
    needsAnswer: needsAnswer(c),
    ...(c.confidence === 'unsure' ? { confidence: 'unsure' as const, unsure: c.unsure ?? '' } : {}),
    ...(answer ? { answer } : {}),
  };
}

/** The clauses a row is linked to, each once, in link order. */
export function linkedClauses(row: Pick<RespondentRow, 'links'>): string[] {
  return [...new Set(row.links.map(l => l.clause))];
}
