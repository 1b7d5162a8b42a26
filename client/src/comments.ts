// Consultation comments in VS Code: each comment linked to a clause becomes a read-only
// comment thread on that clause (inline in the editor and in the Comments panel). The data
// comes from the server's `sec/comments` request (server/src/service/features/comments.ts);
// respondent text is untrusted, so bodies are plain text inside an untrusted MarkdownString.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// The names and shapes are the server's own (lsp/protocol.ts: names and types only).
import { COMMENTS_REQUEST, SHOW_LOCATIONS_COMMAND, type SecCommentInfo, type SecCommentLinkInfo, type SecCommentsResult } from '../../server/src/lsp/protocol';

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

function linkLine(link: CommentLinkInfo): string {
  if (link.kind === 'explicit') return `Names ${link.clause}.`;
  const because = link.because?.length ? ` because of: ${link.because.join(', ')}` : '';
  return `Inferred link to ${link.clause} (score ${link.score.toFixed(2)})${because}.`;
}

/** The read-only threads, rebuilt from the server's answer on each refresh. */
export class CommentThreads implements vscode.Disposable {
  private readonly controller: vscode.CommentController;
  private threads: vscode.CommentThread[] = [];

  constructor() {
    this.controller = vscode.comments.createCommentController('secDrafting.consultation', 'SEC Consultation');
    this.controller.options = { prompt: 'Reply with the Working Group\'s response, then "Record as Response"', placeHolder: 'The response, as it will appear in the modification report' };
  }

  show(comments: CommentInfo[]): void {
    this.clear();
    for (const c of comments) {
      for (const link of c.links) {
        if (!link.target) continue;
        const uri = vscode.Uri.parse(link.target.uri);
        const body = plainMarkdown(`${c.text || '(no comment text)'}\n\n${linkLine(link)}`);
        const comment: vscode.Comment = {
          author: { name: `${c.respondent}${c.category ? ` (${c.category})` : ''}` },
          body,
          mode: vscode.CommentMode.Preview,
          label: `Question ${c.question}${c.response ? ` · ${c.response}` : ''}`,
          contextValue: c.id,
        };
        const thread = this.controller.createCommentThread(uri, toRange(link.target.range), [comment]);
        thread.canReply = true; // a reply is recorded as the response (client/src/gate.ts)
        thread.label = `${link.clause}: ${c.respondent}`;
        thread.contextValue = 'secConsultationComment';
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        this.threads.push(thread);
      }
    }
  }

  clear(): void {
    for (const t of this.threads) t.dispose();
    this.threads = [];
  }

  dispose(): void {
    this.clear();
    this.controller.dispose();
  }
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
