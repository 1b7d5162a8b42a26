// The VS Code side: start the language server from the bundle over IPC and wire commands.
// No analysis happens here; everything comes from the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/processFlags';
import { registerGateCommands, toClientRecordResponse } from './gate';
import { convertShowReferences, type ThreadStats } from './comments';
import { registerConsultationView } from './commentsView';
import { INDEX_CHANGED_NOTIFICATION } from '../../server/src/lsp/protocol';
import { documentSelector } from './selector';
import { registerLanguageStatus } from './languageStatus';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;


/** `secDrafting.legalFiles` of every workspace folder (a multi-root workspace may set it per folder). */
function legalFileGlobs(): unknown[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes = folders.length ? folders.map(f => f.uri) : [undefined];
  return [...new Set(scopes.flatMap(scope => vscode.workspace.getConfiguration('secDrafting', scope).get<unknown[]>('legalFiles') ?? []))];
}

/** New legal-file globs: the client sends those files too, and the restarted server rescans the workspace. */
async function onLegalFilesChanged(): Promise<void> {
  if (!client) return;
  client.clientOptions.documentSelector = documentSelector(legalFileGlobs());
  await client.restart();
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const settings = vscode.workspace.getConfiguration('secDrafting');
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(legalFileGlobs()),
    // No fileEvents here: the server registers its file watchers itself (for every client).
    initializationOptions: {
      severity: settings.get('severity'),
      words: settings.get('words'),
      legalFiles: settings.get('legalFiles'),
      consultationFiles: settings.get('consultationFiles'),
      // Restricted Mode: the server then offers nothing that writes files (the baseline).
      workspaceTrusted: vscode.workspace.isTrusted,
      // Tell us when the workspace's files changed other than by typing (the start-up scan among them).
      indexChangedNotification: true,
    },
    // Respondent text is untrusted: the server renders it escaped and never as trusted markdown.
    markdown: { isTrusted: false, supportHtml: false },
    // The server's code lenses and "Record response…" actions name its own commands, which any
    // client can run; here they open VS Code's references peek and the quick-pick flow instead.
    middleware: {
      provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(convertShowReferences),
      provideCodeActions: async (document, range, context, token, next) => (await next(document, range, context, token))?.map(toClientRecordResponse),
    },
  };
  return new LanguageClient('secDrafting', 'SEC Drafting', serverOptions, clientOptions);
}

function updateStatus(state: State): void {
  if (!statusItem) return;
  const running = state === State.Running;
  statusItem.text = running ? '$(law) SEC' : state === State.Starting ? '$(sync~spin) SEC' : '$(error) SEC';
  statusItem.tooltip = running ? 'SEC Drafting: language server running' : 'SEC Drafting: language server not running — click to restart';
  statusItem.command = running ? 'secDrafting.showOutput' : 'secDrafting.restartServer';
}

/** What activate() returns to other extensions: counters the editor tests read (nothing that changes anything). */
export interface SecDraftingApi {
  commentThreadStats(): ThreadStats;
}

export async function activate(context: vscode.ExtensionContext): Promise<SecDraftingApi> {
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'SEC Drafting';
  statusItem.show();
  context.subscriptions.push(statusItem);

  client = createClient(context);
  context.subscriptions.push(client.onDidChangeState(e => updateStatus(e.newState)));
  context.subscriptions.push(
    vscode.commands.registerCommand('secDrafting.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('secDrafting.showOutput', () => client?.outputChannel.show(true)),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('secDrafting.legalFiles')) void onLegalFilesChanged(); }),
  );
  registerGateCommands(context, () => client);
  registerLanguageStatus(context, () => client);
  const { refresh: refreshComments, threads } = registerConsultationView(context, () => client);
  // The server reads the workspace after start-up, and files change on disk: it says when.
  context.subscriptions.push(client.onNotification(INDEX_CHANGED_NOTIFICATION, () => void refreshComments()));
  updateStatus(State.Starting);
  await client.start();
  void refreshComments();
  return { commentThreadStats: () => ({ ...threads.stats }) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
