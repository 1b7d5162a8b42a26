// Every `sec/*` request and notification between the SEC Drafting server and a client: the
// method names and their parameter and result shapes, in one place. The VS Code client imports
// this file by relative path (esbuild bundles it), so both sides use the same names and types.
// Type-only imports from the core: nothing of the core reaches the client's bundle.
import type { DiffPart, Disposition, SecCommentsParams, SecCommentsResult } from '../service';

/** Consultation comments with their clause links (all, or those on one document): features/comments.ts. */
export const COMMENTS_REQUEST = 'sec/comments';
export type { SecCommentsParams, SecCommentsResult };

/** Record the Working Group's response to a comment in the responses file beside its collation. */
export const RECORD_RESPONSE_REQUEST = 'sec/recordResponse';

export interface RecordResponseParams {
  commentId: string;
  disposition: Disposition;
  /** For `accepted`: the clause changed. */
  clause?: string;
  response: string;
  /** Needed only when two collations have a comment with the same id. */
  consultationUri?: string;
}

export type RecordResponseResult =
  | { ok: true; uri: string; message: string }
  | { ok: false; message: string; uri?: string };

/** The comments with no recorded response yet. Params: `{}`. */
export const UNANSWERED_COMMENTS_REQUEST = 'sec/unansweredComments';

export interface UnansweredComment {
  commentId: string;
  consultationUri: string;
  question: string;
  respondent: string;
  category: string;
  text: string;
  /** The clauses it is linked to, each once. */
  clauses: string[];
}

/** The pre-publication report over the whole workspace, rendered. */
export const PRE_PUBLICATION_REPORT_REQUEST = 'sec/prePublicationReport';

export interface PrePublicationReportParams {
  format?: 'html' | 'md';
}

/** Null when the report could not be built (the server logs why). */
export type PrePublicationReportResult = { format: 'html' | 'md'; content: string; ready: boolean; verdict: string } | null;

/**
 * Server → client notification: the workspace's documents changed other than by typing (the
 * start-up scan ended, files changed on disk, a response was recorded, settings changed) and
 * the findings of that change are published. A client showing workspace-wide views (comments,
 * threads) refreshes them. Sent only to clients that ask for it with the initialization option
 * `{ indexChangedNotification: true }`.
 */
export const INDEX_CHANGED_NOTIFICATION = 'sec/indexChanged';

export interface IndexChangedParams {
  /** How many documents the server holds now. */
  documents: number;
}

/** Client → server: the clauses the modification changed, compared with the baseline (`compareTo`), for gutter marks and filters. */
export const CHANGES_REQUEST = 'sec/changes';

export interface SecChangesParams {
  /** Only the clauses of this document (default: every changed clause, deleted ones included). */
  uri?: string;
}

export interface SecChangedClause {
  id: string;
  status: 'added' | 'changed' | 'renumbered' | 'deleted';
  /** "changed", "renumbered from G8.6, words changed" … */
  description: string;
  /** Where the clause is now (absent for a deleted clause): its number, and the clause's lines. */
  uri?: string;
  line?: number;
  lastLine?: number;
  baselineId?: string;
  diff?: DiffPart[];
}

export interface SecChangesResult {
  /** What the text is compared with ("git main"); "" when no baseline is set. */
  baseline: string;
  clauses: SecChangedClause[];
}

/**
 * The server's own commands (workspace/executeCommand) that the client maps to its UI. Their
 * names come from the one small file that defines them, not through service/index.ts, so the
 * client's bundle takes these strings and nothing of the core.
 */
// eslint-disable-next-line no-restricted-imports
export { RECORD_RESPONSE_COMMAND, SHOW_LOCATIONS_COMMAND, type ShowLocationsArgs } from '../service/features/serverCommands';
export type { Disposition, RecordResponseArgs, SecCommentInfo, SecCommentLinkInfo } from '../service';
/** How the responses file beside a collation is named (`<stem>.responses.json`), for a client that opens it. */
// eslint-disable-next-line no-restricted-imports
export { RESPONSES_SUFFIX } from '../service/model/responses';
