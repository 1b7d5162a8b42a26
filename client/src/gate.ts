// The publication gate in VS Code:
//  - "SEC: Pre-publication check" asks the server for the report over the whole workspace,
//    shows it in a webview beside the text (no scripts, the report's own strict CSP) and says in one line
//    whether the text is ready;
//  - "SEC: Record response…" answers a consultation comment: pick the comment (unless a code
//    action or a comment-thread reply names it), the disposition, the clause for "accepted",
//    and the text (in an editor beside: it may run to several paragraphs); the server writes
//    the responses file.
// Other parts of the client (the comment threads' reply) call the record command with
// `{ commentId, consultationUri?, response? }` to skip the prompts they already answered.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PRE_PUBLICATION_REPORT_REQUEST, type PrePublicationReportParams, type PrePublicationReportResult, RECORD_RESPONSE_COMMAND as SERVER_RECORD_RESPONSE_COMMAND,
  RECORD_RESPONSE_REQUEST, type RecordResponseArgs as ServerRecordResponseArgs, type RecordResponseParams, type RecordResponseResult, UNANSWERED_COMMENTS_REQUEST,
  type Disposition, type UnansweredComment,
} from '../../server/src/lsp/protocol';
import { askResponseInEditor } from './responseEditor';
import { OPEN_REPORT_LINK_COMMAND, toWebviewLinks } from './reportLinks';

export const PRE_PUBLICATION_COMMAND = 'secDrafting.prePublicationCheck';
export const RECORD_RESPONSE_COMMAND = 'secDrafting.recordResponse';
/** The reply button of a consultation comment thread (Comments API). */
export const REPLY_WITH_RESPONSE_COMMAND = 'secDrafting.replyWithResponse';

/** The server's arguments (one shape for both sides); here every field may still be asked for. */
export type RecordResponseArgs = Partial<ServerRecordResponseArgs>;

const DISPOSITIONS: (vscode.QuickPickItem & { id: string })[] = [
  { id: 'accepted', label: 'Accepted', description: 'legal text changed (name the clause)' },
  { id: 'noted', label: 'Noted', description: 'no change' },
  { id: 'rejected', label: 'Rejected', description: 'give the reasons' },
  { id: 'out-of-scope', label: 'Out of scope', description: 'not for this modification' },
];

function running(getClient: () => LanguageClient | undefined): LanguageClient | undefined {
  const client = getClient();
  if (!client?.isRunning()) void vscode.window.showWarningMessage('SEC Drafting: the language server is not running.');
  return client?.isRunning() ? client : undefined;
}

async function pickComment(client: LanguageClient): Promise<RecordResponseArgs | undefined> {
  const open = await client.sendRequest<UnansweredComment[]>(UNANSWERED_COMMENTS_REQUEST, {});
  if (open.length === 0) {
    void vscode.window.showInformationMessage('SEC Drafting: every consultation comment has a recorded response.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(open.map(c => ({
    label: c.respondent,
    description: `Question ${c.question} · ${c.category}${c.clauses.length ? ` · ${c.clauses.join(', ')}` : ''}`,
    detail: c.text.replace(/\s+/g, ' ').slice(0, 200),
    comment: c,
  })), { title: 'Record response: which comment?', matchOnDescription: true, matchOnDetail: true });
  return picked && { commentId: picked.comment.commentId, consultationUri: picked.comment.consultationUri, respondent: picked.comment.respondent, question: picked.comment.question };
}

/** Ask for what is missing and record it; the recorded answer, or undefined if not recorded. */
async function recordResponse(getClient: () => LanguageClient | undefined, given?: RecordResponseArgs): Promise<RecordResponseArgs | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('SEC Drafting: recording responses writes files, which Restricted Mode does not allow. Trust the workspace first.');
    return undefined;
  }
  const client = running(getClient);
  if (!client) return undefined;
  const target = given?.commentId ? given : await pickComment(client);
  if (!target?.commentId) return undefined;
  const who = target.respondent ? ` to ${target.respondent}${target.question ? ` (Question ${target.question})` : ''}` : '';
  const disposition = target.disposition ?? (await vscode.window.showQuickPick(DISPOSITIONS, { title: `Response${who}: disposition` }))?.id;
  if (!disposition) return undefined;
  let clause = target.clause;
  if (disposition === 'accepted' && !clause) {
    clause = await vscode.window.showInputBox({
      title: `Response${who}: the clause changed`, prompt: 'e.g. G8.41', ignoreFocusOut: true,
      validateInput: v => (/^[A-Z]\d+(\.\d+[A-Z]*)?/.test(v.trim()) ? undefined : 'A clause number such as G8.41'),
    });
    if (!clause) return undefined;
  }
  // Several paragraphs are common: written in an editor beside, not a one-line input box.
  const response = target.response ?? await askResponseInEditor(who);
  if (!response) return undefined;
  const params: RecordResponseParams = {
    // One of DISPOSITIONS, or what a code action passed on: the server checks it (checkResponse).
    commentId: target.commentId, disposition: disposition as Disposition, response, ...(clause ? { clause: clause.trim() } : {}),
    ...(target.consultationUri ? { consultationUri: target.consultationUri } : {}),
  };
  const result = await client.sendRequest<RecordResponseResult>(RECORD_RESPONSE_REQUEST, params);
  if (result.ok) void vscode.window.showInformationMessage(`SEC Drafting: ${result.message}`);
  else void vscode.window.showErrorMessage(`SEC Drafting: ${result.message}`);
  return result.ok ? { ...target, disposition, response, ...(clause ? { clause } : {}) } : undefined;
}

/**
 * A reply typed in a consultation comment's thread becomes the Working Group's response: the
 * thread's first comment carries the comment id (its contextValue); the disposition is asked.
 */
async function replyWithResponse(getClient: () => LanguageClient | undefined, reply: vscode.CommentReply): Promise<void> {
  const commentId = reply.thread.comments[0]?.contextValue;
  if (!commentId || !reply.text.trim()) return;
  const recorded = await recordResponse(getClient, { commentId, response: reply.text });
  if (!recorded?.disposition) return;
  const label = DISPOSITIONS.find(d => d.id === recorded.disposition)?.label ?? recorded.disposition;
  const body = new vscode.MarkdownString(undefined, false);
  body.appendText(reply.text);
  reply.thread.comments = [...reply.thread.comments, {
    author: { name: 'Working Group response' }, body, mode: vscode.CommentMode.Preview,
    label: `${label}${recorded.clause ? ` (${recorded.clause})` : ''}`,
  }];
}

let panel: vscode.WebviewPanel | undefined;

/** A report row's link: open the file at the line in the first editor group (the report stays beside). */
async function openReportLink(uri: unknown, line: unknown): Promise<void> {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return;
  const at = new vscode.Position(typeof line === 'number' && line >= 0 ? line : 0, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
}

async function prePublicationCheck(getClient: () => LanguageClient | undefined): Promise<void> {
  const client = running(getClient);
  if (!client) return;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'SEC Drafting: checking the workspace for publication…' },
    () => client.sendRequest<PrePublicationReportResult>(PRE_PUBLICATION_REPORT_REQUEST, { format: 'html' } satisfies PrePublicationReportParams),
  );
  if (!report) return;
  if (!panel) {
    // No scripts and no local resources: the report is inert HTML with its own CSP.
    panel = vscode.window.createWebviewPanel('secDrafting.report', 'SEC pre-publication report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [], enableCommandUris: [OPEN_REPORT_LINK_COMMAND] });
    panel.onDidDispose(() => { panel = undefined; });
  }
  // Rows link to the text; the webview may follow only the one command that opens a file at a line.
  panel.webview.html = toWebviewLinks(report.content);
  panel.reveal(undefined, true);
  if (report.ready) void vscode.window.showInformationMessage(`SEC Drafting: ${report.verdict}`);
  else {
    const choice = await vscode.window.showWarningMessage(`SEC Drafting: ${report.verdict}`, 'Record response…', 'Show problems');
    if (choice === 'Record response…') await recordResponse(getClient);
    else if (choice === 'Show problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

/**
 * A "Record response…" code action names the server's command (for any LSP client); in VS Code
 * it runs this extension's command with the same arguments, which asks with quick picks.
 */
export function toClientRecordResponse<T extends vscode.Command | vscode.CodeAction>(action: T): T {
  const command = 'command' in action && typeof action.command === 'object' ? action.command : (action as vscode.Command);
  if (command?.command === SERVER_RECORD_RESPONSE_COMMAND) command.command = RECORD_RESPONSE_COMMAND;
  return action;
}

export function registerGateCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(PRE_PUBLICATION_COMMAND, () => prePublicationCheck(getClient)),
    vscode.commands.registerCommand(OPEN_REPORT_LINK_COMMAND, (uri: unknown, line: unknown) => openReportLink(uri, line)),
    vscode.commands.registerCommand(RECORD_RESPONSE_COMMAND, async (args?: RecordResponseArgs) => !!(await recordResponse(getClient, args))),
    vscode.commands.registerCommand(REPLY_WITH_RESPONSE_COMMAND, (reply: vscode.CommentReply) => replyWithResponse(getClient, reply)),
  );
}
