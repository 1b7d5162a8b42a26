// What the SEC Consultation view shows of each comment and which comments it lists, decided
// from data alone (no vscode import, so it is unit-tested in memory): whether a comment is
// answered, with the Working Group's disposition and response, and the filters "unanswered
// only" and "comments on changed clauses only" (issues 18 and 21).
import type { SecChangedClause, SecCommentInfo } from '../../server/src/lsp/protocol';

export interface CommentFilter {
  /** Only comments that need an answer and have none yet. */
  unansweredOnly: boolean;
  /** Only comments on a clause the modification changed (needs a baseline). */
  changedOnly: boolean;
}

export const SHOW_ALL: CommentFilter = { unansweredOnly: false, changedOnly: false };

/** Whether a comment still waits for the Working Group (a vote alone never does). */
export function isUnanswered(c: SecCommentInfo): boolean {
  return c.needsAnswer && !c.answered;
}

/**
 * The clause numbers a "changed clauses" filter matches: each changed clause's number now and,
 * for a renumbered or deleted one, its number in the baseline (a respondent may name either).
 */
export function changedClauseIds(clauses: readonly SecChangedClause[]): Set<string> {
  const ids = new Set<string>();
  for (const c of clauses) {
    ids.add(c.id);
    if (c.baselineId) ids.add(c.baselineId);
  }
  return ids;
}

/** The comments the view lists under a filter; `changed` is ignored while `changedOnly` is off. */
export function filterComments(comments: readonly SecCommentInfo[], filter: CommentFilter, changed: ReadonlySet<string>): SecCommentInfo[] {
  return comments.filter(c =>
    (!filter.unansweredOnly || isUnanswered(c)) &&
    (!filter.changedOnly || c.clauses.some(id => changed.has(id))));
}

export type AnswerIcon = 'pass' | 'comment-unresolved' | 'circle-outline';

/** How a comment item shows its answer state: a short word for the description, an icon id, a tooltip line. */
export interface AnswerPresentation {
  /** "answered: Noted, no change" / "no response yet" / "vote only" */
  short: string;
  icon: AnswerIcon;
  /** The full line under the comment text in the tooltip. */
  detail: string;
}

export function answerPresentation(c: SecCommentInfo): AnswerPresentation {
  if (c.answered && c.answer) {
    const clause = c.answer.clause ? `, ${c.answer.clause}` : '';
    return { short: `answered: ${c.answer.dispositionLabel}`, icon: 'pass', detail: `Response (${c.answer.dispositionLabel}${clause}): ${c.answer.response}` };
  }
  if (c.answered) return { short: 'answered', icon: 'pass', detail: 'A response is recorded.' };
  if (c.needsAnswer) return { short: 'no response yet', icon: 'comment-unresolved', detail: 'No response recorded yet.' };
  return { short: 'vote only', icon: 'circle-outline', detail: 'A vote with no comment text: nothing to answer.' };
}

/** The view's message under a filter: what is hidden, so an empty list is never a mystery. */
export function filterMessage(filter: CommentFilter, shown: number, total: number, baseline: string): string {
  const parts: string[] = [];
  if (filter.unansweredOnly) parts.push('unanswered');
  if (filter.changedOnly) parts.push(baseline ? `on clauses changed since ${baseline}` : 'on changed clauses (no baseline set)');
  if (!parts.length) return '';
  return `Showing ${shown} of ${total} comments: ${parts.join(', ')} only`;
}
