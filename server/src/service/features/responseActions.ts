// "Record response…" code actions: on a comment's row in a collation, and on a clause for each
// comment linked to it. They run the server's own command (any LSP client can: it asks for the
// disposition with window/showMessageRequest, or takes it and the text as arguments); VS Code's
// client maps it to its `secDrafting.recordResponse`, which asks with quick picks and input
// boxes. Offered whatever the severity of `unanswered-comment`, so drafters can answer while
// the gate is still off.
import { type CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { CommentEntry } from '../model/consultation/types';
import { commentEntries } from '../model/consultation/linking';
import { clauseAtLine } from '../model/structure';
import { responsesFor } from '../rules/responses';
import { RECORD_RESPONSE_COMMAND } from './serverCommands';
import type { WorkspaceIndex } from '../workspaceIndex';

const MAX_ACTIONS = 12;

/** What the command receives; a caller may add the answer itself (then nothing is asked). */
export interface RecordResponseArgs {
  commentId: string;
  consultationUri?: string;
  respondent?: string;
  question?: string;
  disposition?: string;
  clause?: string;
  response?: string;
}

function action(workspace: WorkspaceIndex, e: CommentEntry): CodeAction {
  const answered = Object.hasOwn(responsesFor(workspace, e.uri).file.responses, e.comment.id);
  const args: RecordResponseArgs = { commentId: e.comment.id, consultationUri: e.uri, respondent: e.comment.respondent, question: e.comment.question };
  const title = `${answered ? 'Change the response' : 'Record response'} to ${e.comment.respondent} (Question ${e.comment.question})…`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: RECORD_RESPONSE_COMMAND, arguments: [args] } };
}

export function getResponseActions(workspace: WorkspaceIndex, uri: string, range: Range, only?: string[]): CodeAction[] {
  if (only && !only.some(k => CodeActionKind.QuickFix.startsWith(k))) return [];
  const model = workspace.model(uri);
  if (!model) return [];
  let entries: CommentEntry[] = [];
  if (model.kind === 'consultation') {
    entries = commentEntries(workspace).filter(e => e.uri === uri
      && e.comment.range.start.line <= range.end.line && range.start.line <= e.comment.range.end.line);
  } else if (model.kind === 'legal') {
    const clause = clauseAtLine(model.structure, range.start.line);
    if (clause) entries = commentEntries(workspace).filter(e => e.links.some(l => l.clause === clause.id));
  }
  return entries.slice(0, MAX_ACTIONS).map(e => action(workspace, e));
}
