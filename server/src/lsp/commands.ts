// The server's own commands (workspace/executeCommand), so that any LSP client can run what
// the code actions and code lenses offer — not only VS Code, whose client maps the first two
// to its own UI (quick picks, the references peek) through middleware:
//   secDrafting.lsp.recordResponse  [RecordResponseArgs]          → RecordResponseResult
//   secDrafting.lsp.showLocations   [uri, position, locations, what] → the locations
//   secDrafting.suppressInBaseline  [SuppressArgs]                → {ok, message}
// Input is asked with window/showMessageRequest only when the client declares it can answer;
// otherwise it comes in the arguments. Outcomes are window/showMessage notifications.
import * as path from 'path';
import { type Connection, type ExecuteCommandParams, type MessageActionItem, type TextDocuments, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import {
  type Disposition, type RecordResponseArgs, type SecLanguageService, type ShowLocationsArgs, DISPOSITIONS, RECORD_RESPONSE_COMMAND, SHOW_LOCATIONS_COMMAND,
} from '../service';
import { recordResponse } from '../io/responsesStore';
import type { RecordResponseResult } from './protocol';
import { type EditorBaseline, SUPPRESS_IN_BASELINE_COMMAND, type SuppressArgs } from './editorBaseline';
import { uriToPath } from '../io/workspace';
import { draftResponse, type DraftOutcome } from './draftResponse';
import { withoutReadOnlyEdits } from './readOnlyDocuments';

/** What the client can do for the commands, from its capabilities. */
export interface ClientAbilities {
  /** Answers window/showMessageRequest. */
  ask: boolean;
  /** Applies workspace/applyEdit. */
  applyEdit: boolean;
  /** Creates files in a workspace edit. */
  createFiles: boolean;
  /** Answers window/showDocument. */
  showDocument: boolean;
}

export const SERVER_COMMANDS = [RECORD_RESPONSE_COMMAND, SHOW_LOCATIONS_COMMAND, SUPPRESS_IN_BASELINE_COMMAND];

export interface CommandContext {
  connection: Connection;
  service: SecLanguageService;
  documents: TextDocuments<TextDocument>;
  baseline: EditorBaseline;
  /** What the client said it can do in its capabilities. */
  client: () => ClientAbilities;
  workspaceTrusted: () => boolean;
  /** Re-publish diagnostics after files changed. */
  refresh: () => void;
}

/** How many places a showLocations message names before "and N more". */
const LISTED = 10;

function notify(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message: `SEC Drafting: ${message}` });
}

/** Ask one question with buttons; undefined when cancelled or the client cannot answer. */
async function ask(ctx: CommandContext, question: string, choices: string[]): Promise<string | undefined> {
  try {
    const picked = await ctx.connection.sendRequest<MessageActionItem | null>('window/showMessageRequest', {
      type: MessageType.Info, message: `SEC Drafting: ${question}`, actions: choices.map(title => ({ title })),
    });
    return picked?.title;
  } catch {
    return undefined;
  }
}

/** "Record response…": whatever the arguments do not say is asked, where the client can. */
async function recordResponseCommand(ctx: CommandContext, args: RecordResponseArgs | undefined): Promise<RecordResponseResult | DraftOutcome> {
  const fail = (message: string): RecordResponseResult => {
    notify(ctx.connection, MessageType.Warning, message);
    return { ok: false, message };
  };
  if (!ctx.workspaceTrusted()) return fail('recording responses writes files, which Restricted Mode does not allow. Trust the workspace first.');
  if (!args?.commentId) return fail('Response not recorded: name the comment ({"commentId": …}).');
  const entry = ctx.service.getComments()
    .find(e => e.comment.id === args.commentId && (!args.consultationUri || e.uri === args.consultationUri));
  const who = entry ? `${entry.comment.respondent} (Question ${entry.comment.question})` : args.commentId;
  const can = ctx.client();
  // The text cannot be typed into a message with buttons: without it, the entry is drafted in
  // the responses file for the drafter to complete, or (a client that cannot edit) nothing is asked.
  const draft = !args.response?.trim();
  if (draft && (!can.applyEdit || !entry)) {
    return fail(entry
      ? `Response to ${who} not recorded: give its text as the command's argument {"commentId", "disposition", "response", "clause"?} (README, "Other editors").`
      : `No consultation comment "${args.commentId}" in the workspace.`);
  }
  let disposition = args.disposition;
  if (!disposition && can.ask) {
    disposition = await ask(ctx, `Response to ${who}: disposition?`, [...DISPOSITIONS]);
    if (!disposition) return { ok: false, message: 'Cancelled.' };
  }
  if (!disposition && !draft) return fail(`Response to ${who} not recorded: give "disposition" (${DISPOSITIONS.join(', ')}) in the command's argument.`);
  let clause = args.clause;
  if (disposition === 'accepted' && !clause?.trim()) {
    const linked = [...new Set(entry?.links.map(l => l.clause) ?? [])];
    if (linked.length === 1) clause = linked[0];
    else if (linked.length > 1 && can.ask) {
      clause = await ask(ctx, `Response to ${who}: which clause was changed?`, linked);
      if (!clause) return { ok: false, message: 'Cancelled.' };
    } else if (!draft) return fail(`Response to ${who} not recorded: an accepted comment names the changed clause ("clause": "G8.41").`);
  }
  if (draft) {
    const outcome = await draftResponse({ connection: ctx.connection, documents: ctx.documents, canCreateFiles: can.createFiles, canShowDocument: can.showDocument }, entry!, who, disposition, clause);
    notify(ctx.connection, outcome.drafted ? MessageType.Info : MessageType.Warning, outcome.message);
    return outcome;
  }
  const result = recordResponse(ctx.service, {
    commentId: args.commentId, disposition: disposition as Disposition, response: args.response!,
    ...(clause ? { clause } : {}), ...(args.consultationUri ? { consultationUri: args.consultationUri } : {}),
  }, uri => ctx.documents.get(uri)?.getText());
  ctx.refresh();
  notify(ctx.connection, result.ok ? MessageType.Info : MessageType.Warning, result.message);
  return result;
}

/** A place as a drafter reads it: the file's name and the line. */
function place(l: Location): string {
  const file = uriToPath(l.uri);
  return `${file ? path.basename(file) : l.uri}:${l.range.start.line + 1}`;
}

/** The code lenses' command: the places, as the answer and in one message. */
function showLocationsCommand(ctx: CommandContext, args: Partial<ShowLocationsArgs> | undefined): Location[] {
  const locations = Array.isArray(args?.[2]) ? args[2] : [];
  const what = typeof args?.[3] === 'string' ? args[3] : 'places';
  const listed = locations.slice(0, LISTED).map(place).join(', ');
  const more = locations.length > LISTED ? ` and ${locations.length - LISTED} more` : '';
  notify(ctx.connection, MessageType.Info, locations.length ? `${locations.length} ${what}: ${listed}${more}.` : `No ${what}.`);
  return locations;
}

function suppressCommand(ctx: CommandContext, args: SuppressArgs | undefined): unknown {
  if (!ctx.workspaceTrusted()) return { ok: false, message: 'Restricted Mode: the baseline is a file, which this workspace may not write. Trust the workspace first.' };
  const result = ctx.baseline.suppress(args as SuppressArgs);
  if (!result.ok) notify(ctx.connection, MessageType.Warning, result.message);
  ctx.refresh();
  return result;
}

export async function executeCommand(ctx: CommandContext, params: ExecuteCommandParams): Promise<unknown> {
  const first = params.arguments?.[0];
  switch (params.command) {
    case RECORD_RESPONSE_COMMAND: return recordResponseCommand(ctx, first as RecordResponseArgs | undefined);
    case SHOW_LOCATIONS_COMMAND: return showLocationsCommand(ctx, params.arguments as Partial<ShowLocationsArgs> | undefined);
    case SUPPRESS_IN_BASELINE_COMMAND: return suppressCommand(ctx, first as SuppressArgs | undefined);
    default: return coreEditCommand(ctx, params);
  }
}

/**
 * The core's commands that answer with an edit (insert a clause, renumber a list or a Part,
 * rename a clause): the server applies it through the client (workspace/applyEdit) and
 * answers with it, or with the reason it was refused.
 */
async function coreEditCommand(ctx: CommandContext, params: ExecuteCommandParams): Promise<unknown> {
  const answer = ctx.service.executeCommand(params.command, params.arguments);
  if (!answer) return new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
  if ('refused' in answer) return new ResponseError(ErrorCodes.InvalidRequest, answer.refused);
  const edit = withoutReadOnlyEdits(answer.ok); // never an edit to a Word document's extracted text
  const applied = await ctx.connection.workspace.applyEdit({ label: params.command, edit });
  return { applied: applied.applied, edit, ...(applied.failureReason ? { failureReason: applied.failureReason } : {}) };
}
