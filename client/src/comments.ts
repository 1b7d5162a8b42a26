// Consultation comments in VS Code: each comment linked to a clause becomes a read-only
// comment thread on its clause (once per legal document, naming all its clauses there: inline
// in the editor and in the Comments panel). The data
// comes from the server's `sec/comments` request (server/src/service/features/comments.ts);
// respondent text is untrusted, so bodies are plain text inside an untrusted MarkdownString.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// The names and shapes are the server's own (lsp/protocol.ts: names and types only).
import { COMMENTS_REQUEST, SHOW_LOCATIONS_COMMAND, type SecCommentInfo, type SecCommentLinkInfo, type SecCommentsResult } from '../../server/src/lsp/protocol';
import { planThreads, signature, threadSpecs, type ThreadSpec } from './threadPlan';

export type CommentInfo = SecCommentInfo;
export type CommentLinkInfo = SecCommentLinkInfo;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Untrusted text as markdown that shows it literally: no links, commands or HTML. */
export function plainMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(text);
  return md;
}

/** Ask the server for the comments (all, or those on one legal document). */
export async function fetchComments(client: LanguageClient | undefined, uri?: string): Promise<CommentInfo[]> {
  if (!client || !client.isRunning()) return [];
  const result = await client.sendRequest<SecCommentsResult>(COMMENTS_REQUEST, uri ? { uri } : {});
  return result?.comments ?? [];
}

/** How often the threads were touched: the editor test reads it to prove an idle window leaves them alone. */
export interface ThreadStats {
  refreshes: number;
  created: number;
  changed: number;
  removed: number;
  shown: number;
}

/**
 * The read-only threads, kept by a stable key and updated in place: a refresh touches only the
 * threads whose comment or links changed (threadPlan.ts), never disposes and recreates the rest.
 */
export class CommentThreads implements vscode.Disposable {
  private readonly controller: vscode.CommentController;
  private readonly threads = new Map<string, { thread: vscode.CommentThread; signature: string }>();
  readonly stats: ThreadStats = { refreshes: 0, created: 0, changed: 0, removed: 0, shown: 0 };

  constructor() {
    this.controller = vscode.comments.createCommentController('secDrafting.consultation', 'SEC Consultation');
    this.controller.options = { prompt: 'Reply with the Working Group\'s response, then "Record as Response"', placeHolder: 'The response, as it will appear in the modification report' };
  }

  show(comments: CommentInfo[]): void {
    this.stats.refreshes++;
    const shown = new Map([...this.threads].map(([key, t]) => [key, t.signature]));
    const plan = planThreads(shown, threadSpecs(comments));
    for (const key of plan.remove) {
      this.threads.get(key)?.thread.dispose();
      this.threads.delete(key);
    }
    for (const spec of plan.change) {
      const entry = this.threads.get(spec.key)!;
      // Only what differs is assigned: each assignment makes VS Code redraw the thread.
      const range = toRange(spec.range);
      if (!entry.thread.range?.isEqual(range)) entry.thread.range = range;
      if (entry.thread.label !== spec.label) entry.thread.label = spec.label;
      // Keep what was added below the comment (the Working Group's response from a reply).
      entry.thread.comments = [toComment(spec), ...entry.thread.comments.slice(1)];
      entry.signature = signature(spec);
    }
    for (const spec of plan.create) {
      const thread = this.controller.createCommentThread(vscode.Uri.parse(spec.uri), toRange(spec.range), [toComment(spec)]);
      thread.canReply = true; // a reply is recorded as the response (client/src/gate.ts)
      thread.label = spec.label;
      thread.contextValue = 'secConsultationComment';
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      this.threads.set(spec.key, { thread, signature: signature(spec) });
    }
    this.stats.created += plan.create.length;
    this.stats.changed += plan.change.length;
    this.stats.removed += plan.remove.length;
    this.stats.shown = this.threads.size;
  }

  clear(): void {
    for (const { thread } of this.threads.values()) thread.dispose();
    this.threads.clear();
  }

  dispose(): void {
    this.clear();
    this.controller.dispose();
  }
}

function toComment(spec: ThreadSpec): vscode.Comment {
  return {
    author: { name: spec.author },
    body: plainMarkdown(spec.body),
    mode: vscode.CommentMode.Preview,
    label: spec.commentLabel,
    contextValue: spec.commentId, // the reply's "Record as Response" reads it (gate.ts)
  };
}

/**
 * The server's code lenses name its own showLocations command (which any LSP client can run)
 * with JSON arguments; in VS Code they open the references peek, which wants a Uri, a Position
 * and Locations. Convert them on the way in.
 */
export function convertShowReferences(lens: vscode.CodeLens): vscode.CodeLens {
  const cmd = lens.command;
  if (!cmd || cmd.command !== SHOW_LOCATIONS_COMMAND || !Array.isArray(cmd.arguments) || typeof cmd.arguments[0] !== 'string') return lens;
  const [uri, position, locations] = cmd.arguments as [string, { line: number; character: number }, { uri: string; range: LspRange }[]];
  cmd.command = 'editor.action.showReferences';
  cmd.arguments = [
    vscode.Uri.parse(uri),
    new vscode.Position(position.line, position.character),
    (locations ?? []).map(l => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
  ];
  return lens;
}
