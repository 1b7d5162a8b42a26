// "Record response…" in a client that cannot ask for text (LSP has no text prompt; Neovim's
// code actions pass only the server's arguments): the comment's entry is drafted in the
// responses file with workspace/applyEdit — an unsaved edit in the editor — and the drafter
// writes the response there and saves. Until the text is written the entry is a `file-error`
// on that line and the comment stays unanswered: nothing is recorded that the drafter did not write.
import * as fs from 'fs';
import * as path from 'path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { type CommentEntry, type Disposition, baseName, emptyResponses, endOfText, parseResponses, responsesPathFor, serialiseResponses, withResponse } from '../service';
import { uriToPath } from '../io/workspace';

export interface DraftOutcome {
  ok: false;
  /** True when the entry was drafted in the editor (the drafter completes it). */
  drafted: boolean;
  message: string;
  uri?: string;
}

export interface DraftClient {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The client can create files in a workspace edit (resourceOperations "create"). */
  canCreateFiles: boolean;
  /** The client answers window/showDocument. */
  canShowDocument: boolean;
}

/** Draft the entry (disposition and clause as known, empty response) and point the drafter at it. */
export async function draftResponse(client: DraftClient, entry: CommentEntry, who: string, disposition: string | undefined, clause: string | undefined): Promise<DraftOutcome> {
  const uri = responsesPathFor(entry.uri);
  const file = uriToPath(uri);
  if (!file) return { ok: false, drafted: false, message: `Responses can only be recorded beside a collation on disk (${entry.uri}).` };
  const name = path.basename(file);
  const current = client.documents.get(uri)?.getText() ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  if (current === undefined && !client.canCreateFiles) {
    return { ok: false, drafted: false, uri, message: `Response to ${who} not recorded: give its text as the command's argument {"commentId", "disposition", "response"} (README, "Other editors").` };
  }
  const parsed = current === undefined ? { file: emptyResponses(baseName(entry.uri)), problems: [] } : parseResponses(current, baseName(entry.uri));
  if (parsed.problems.length) {
    const first = parsed.problems[0];
    return { ok: false, drafted: false, uri, message: `${name} is broken (line ${first.range.start.line + 1}: ${first.message}); fix it by hand first.` };
  }
  const existing = Object.hasOwn(parsed.file.responses, entry.comment.id) ? parsed.file.responses[entry.comment.id] : undefined;
  const chosenClause = clause ?? existing?.clause;
  const text = serialiseResponses(withResponse(parsed.file, entry.comment.id, {
    disposition: (disposition ?? existing?.disposition ?? '') as Disposition,
    ...(chosenClause ? { clause: chosenClause } : {}),
    response: existing?.response ?? '',
    respondent: entry.comment.respondent,
  }));
  const start: Position = { line: 0, character: 0 };
  const edit: WorkspaceEdit = current === undefined
    ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: text }] }] }
    : { changes: { [uri]: [{ range: { start, end: endOfText(current) }, newText: text }] } };
  const applied = await client.connection.workspace.applyEdit({ label: `Draft the response to ${who}`, edit });
  if (!applied.applied) return { ok: false, drafted: false, uri, message: `The response to ${who} could not be drafted in ${name}: ${applied.failureReason ?? 'the editor did not apply the edit'}.` };
  // The entry's "response" line: where the drafter writes.
  const lines = text.split('\n');
  const at = lines.findIndex(l => l.trim().startsWith(`${JSON.stringify(entry.comment.id)}:`));
  const responseLine = at < 0 ? 0 : at + lines.slice(at).findIndex(l => l.trim().startsWith('"response":'));
  if (client.canShowDocument) {
    const position = { line: responseLine, character: lines[responseLine]?.length ?? 0 };
    void client.connection.window.showDocument({ uri, takeFocus: true, selection: { start: position, end: position } }).catch(() => undefined);
  }
  return {
    ok: false, drafted: true, uri,
    message: `The response to ${who} is drafted in ${name}, line ${responseLine + 1}: write it in "response"${disposition ? '' : ' and set "disposition"'} there, and save.`,
  };
}
