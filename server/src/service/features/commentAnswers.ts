// Where a consultation comment stands with the Working Group, for every surface that shows a
// comment (clause hover, `sec/comments`, `secdraft comments`): answered (with the recorded
// disposition and response), unanswered, or a vote alone with nothing to answer.
import type { CommentEntry } from '../model/consultation/types';
import { needsAnswer } from '../model/consultation/votes';
import { DISPOSITION_LABELS, type Disposition } from '../model/responses';
import { responsesFor } from '../rules/responses';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface CommentAnswer {
  disposition: Disposition;
  /** How the disposition reads ("Noted, no change"). */
  dispositionLabel: string;
  /** The Working Group's response, as it will appear in the modification report. */
  response: string;
  /** For `accepted`: the clause whose text was changed. */
  clause?: string;
}

export interface CommentAnswerState {
  /** False for a row that is only a vote (an empty cell, "N/A", "No comment"): the gate asks nothing of it. */
  needsAnswer: boolean;
  /** A response is recorded in the responses file beside the collation. */
  answered: boolean;
  answer?: CommentAnswer;
}

export function answerState(workspace: WorkspaceIndex, entry: CommentEntry): CommentAnswerState {
  const recorded = responsesFor(workspace, entry.uri).file.responses;
  const r = Object.hasOwn(recorded, entry.comment.id) ? recorded[entry.comment.id] : undefined;
  const needs = needsAnswer(entry.comment);
  if (!r) return { needsAnswer: needs, answered: false };
  return {
    needsAnswer: needs,
    answered: true,
    answer: { disposition: r.disposition, dispositionLabel: DISPOSITION_LABELS[r.disposition] ?? r.disposition, response: r.response, ...(r.clause ? { clause: r.clause } : {}) },
  };
}

/** Comments still waiting for a response (what `--unanswered` and the "unanswered only" filter keep). */
export function isUnanswered(state: CommentAnswerState): boolean {
  return state.needsAnswer && !state.answered;
}
