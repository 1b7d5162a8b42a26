// The publication gate's check: every consultation comment must have a recorded response.
// `unanswered-comment` stands on the comment in the collation (severity by setting: off while
// drafting, error for the gate) and, capped at information, on each clause the comment is
// linked to. A responses file that is broken gets `file-error` on itself.
import type { Finding } from '../types';
import type { DocumentModel } from '../model/document';
import type { CommentEntry } from '../model/consultation/types';
import type { ConsultationModel } from '../model/consultation';
import { type ParsedResponses, isResponsesFile, parseResponses, responsesPathFor } from '../model/responses';
import { responsesFor } from '../model/responsesIndex';

export { responsesFor };
import { baseName } from '../model/classify';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { RuleContext, RuleFamily } from './context';
import { RULE_BY_CODE } from './registry';
import { commentEntries } from '../model/consultation/linking';
import { needsAnswer } from '../model/consultation/votes';

/** Comments of the workspace that have no response yet, in collation order (a row that is only a vote needs none). */
export function unansweredComments(workspace: WorkspaceIndex): CommentEntry[] {
  return workspace.derived('unansweredComments', () =>
    commentEntries(workspace).filter(e => needsAnswer(e.comment) && !Object.hasOwn(responsesFor(workspace, e.uri).file.responses, e.comment.id)));
}

function label(e: CommentEntry): string {
  return `${e.comment.respondent} (Question ${e.comment.question})`;
}

function onCollation(model: DocumentModel, workspace: WorkspaceIndex): Finding[] {
  const responsesName = baseName(responsesPathFor(model.uri));
  return unansweredComments(workspace)
    .filter(e => e.uri === model.uri)
    .map(e => ({
      code: 'unanswered-comment',
      range: { start: e.comment.range.start, end: e.comment.range.start.line === e.comment.range.end.line ? e.comment.range.end : { line: e.comment.range.start.line, character: model.lines[e.comment.range.start.line]?.text.length ?? 0 } },
      message: `No response recorded to ${label(e)} [${e.comment.id}]; record one ("SEC: Record response…") in ${responsesName}.`,
      data: { commentId: e.comment.id },
    }));
}

function onClauses(model: DocumentModel, workspace: WorkspaceIndex): Finding[] {
  if (model.kind !== 'legal') return [];
  const byClause = new Map<string, CommentEntry[]>();
  for (const e of unansweredComments(workspace)) {
    for (const link of e.links) {
      const list = byClause.get(link.clause);
      if (!list) byClause.set(link.clause, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }
  const findings: Finding[] = [];
  for (const clause of model.structure.clauses) {
    const entries = byClause.get(clause.id);
    if (!entries?.length) continue;
    const who = entries.map(e => e.comment.respondent);
    findings.push({
      code: 'unanswered-comment',
      range: clause.idRange,
      message: `${entries.length} consultation comment${entries.length === 1 ? '' : 's'} on ${clause.id} without a response: ${who.join(', ')}.`,
      data: { severityCap: 'information', commentIds: entries.map(e => e.comment.id) },
    });
  }
  return findings;
}

function onResponsesFile(model: DocumentModel, workspace: WorkspaceIndex): Finding[] {
  if (!isResponsesFile(model.uri)) return [];
  // Parse it through the collation's lookup when there is one, so both agree.
  const collation = workspace.consultationModels().find(m => responsesPathFor(m.uri) === model.uri);
  if (!collation) return parseResponses(model.text).problems;
  const parsed = responsesFor(workspace, collation.uri);
  return [...parsed.problems, ...orphanedAnswers(parsed, collation)];
}

/**
 * Answers whose id matches no comment of the collation (re-read with other ids, a respondent
 * renamed): said, as information, so an answer is never lost without a word.
 */
function orphanedAnswers(parsed: ParsedResponses, collation: ConsultationModel): Finding[] {
  if (parsed.problems.length > 0 || collation.comments.length === 0 && collation.problems.length > 0) return [];
  const ids = new Set(collation.comments.map(c => c.id));
  const collationName = baseName(collation.uri);
  return Object.keys(parsed.file.responses).filter(id => !ids.has(id)).map(id => ({
    code: 'file-error',
    range: parsed.idRanges?.[id] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `The response to "${id}" answers no comment of ${collationName}: the collation no longer has a comment with this id (re-read, or a respondent renamed?). Move the answer to the comment's new id; it is kept here until then.`,
    data: { severityCap: 'information', commentId: id },
  }));
}

export const responsesRules: RuleFamily = {
  name: 'responses',
  kinds: ['consultation', 'legal', 'other'],
  codes: ['unanswered-comment', 'file-error'],
  docs: responsesDocs(),
  check(ctx: RuleContext): Finding[] {
    const { model, workspace, settings } = ctx;
    const out: Finding[] = [];
    const wanted = (code: string) => (settings.severity[code] ?? RULE_BY_CODE.get(code)?.defaultSeverity) !== 'ignore';
    if (model.kind === 'other' && wanted('file-error')) out.push(...onResponsesFile(model, workspace));
    if (!wanted('unanswered-comment')) return out;
    if (model.kind === 'consultation') out.push(...onCollation(model, workspace));
    if (model.kind === 'legal') out.push(...onClauses(model, workspace));
    return out;
  },
};

/**
 * The page of unanswered-comment: docs/rules/unanswered-comment.md is rendered from it by
 * `npm run rules:sync`. file-error's page is in model/document.ts, with the reading problems.
 */
function responsesDocs(): RuleFamily['docs'] {
  return {
    'unanswered-comment': {
      finds: 'A consultation comment with no recorded response in the responses file beside its collation (`consultation.txt` → `consultation.responses.json`). Off by default: set it to `error` before publication to make it the publication gate.\n\n'
        + 'A row that is only a vote — an empty comment cell, a placeholder such as `N/A`, `No comment`, `None` or `-`, or the vote again in one word (`Yes`, `Agree`) — has nothing to answer and is not reported; it still counts as a vote in the report. A collation that repeats another (`duplicate-consultation`) is counted once.',
      why: 'The Working Group must answer every comment in the modification report. A comment left unanswered is a comment a respondent will point out after publication.',
      reported: 'A comment from Haven Power on Question 2 with no entry in `consultation.responses.json`.',
      notReported: 'The same comment with a recorded response (accepted, noted, rejected or out of scope), recorded in the editor with "Record response…" or by hand.',
      fix: 'Record a response: the code action on the comment or its clause ("Record response…") writes it to the responses file. `secdraft report` lists what is still unanswered.',
    },
  };
}
