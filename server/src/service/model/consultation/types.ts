// The consultation-response model: a contract between the parsers (text, CSV, JSON, .docx,
// PDF), the comment-to-clause linking, the editor surfaces, the responses file and the CLI's
// `secdraft comments` JSON (DESIGN.md §5).
import type { Range } from '../../types';

export interface ConsultationQuestion {
  /** "1", "2" … as numbered in the collation. */
  number: string;
  title: string;
  range: Range;
}

export interface ConsultationComment {
  /**
   * Stable id that survives re-parsing the same collation (responses are keyed on it):
   * built from the question number and the respondent, e.g. "q2-e-on"; a second comment of
   * the same respondent on the same question gets "-2".
   */
  id: string;
  question: string;
  respondent: string;
  /** "Large Supplier", "Other respondent" … as published. */
  category: string;
  /** "Approve", "Reject", "Neutral", "Abstain", or "" where the table has no such column. */
  response: string;
  /** The comment text, paragraphs separated by a blank line ("\n\n"). */
  text: string;
  /** Where the comment's row starts and ends in the source file. */
  range: Range;
  /**
   * Set when the reader resolved the row by a guess (a name wrapped and never seen whole, a
   * name/category split no other row confirms): the Working Group should check it.
   */
  confidence?: 'unsure';
  /** Why the row is unsure, in words. */
  unsure?: string;
}

export type CollationFormat = 'text' | 'csv' | 'json' | 'docx' | 'pdf';

export interface CommentLink {
  commentId: string;
  /** Clause id, e.g. "G8.41". */
  clause: string;
  kind: 'explicit' | 'inferred';
  /** 1 for explicit links; 0–1 for inferred ones. */
  score: number;
  /** The sentence of the comment that addresses the clause (re-attaches after renumbering). */
  quote: string;
  /** For inferred links: the words/terms that made the link, so the drafter can judge it. */
  because?: string[];
}

/** Where a comment stands once linking is done. */
export type CommentStatus = 'linked' | 'general' | 'orphaned';

/** One comment as the facade hands it out: where it lives and what it is linked to. */
export interface CommentEntry {
  comment: ConsultationComment;
  /** The consultation file it was read from. */
  uri: string;
  links: CommentLink[];
  /**
   * linked: at least one link; general: names no clause and nothing inferred above the
   * threshold; orphaned: names clauses none of which exist (e.g. after renumbering) and its
   * sentence re-attaches nowhere.
   */
  status: CommentStatus;
}

/** A clause named in a comment's text (explicit mention), with its place in the file. */
export interface ClauseMention {
  commentId: string;
  /** "G8.41" — paragraph suffixes such as "(a)" are dropped. */
  clause: string;
  /** The mention as written, e.g. "Section G8.41(a)". */
  text: string;
  range: Range;
}
