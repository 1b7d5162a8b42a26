// LSP wiring: capabilities, and handlers that fetch the document, call the core and return.
// Every handler runs inside runSafe, so one failing request answers with an error and the
// server keeps serving.
import {
  type CancellationToken,
  type Connection,
  type InitializeParams,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type SecCommentsParams, type SecLanguageService, createSecLanguageService, isResponsesFile } from '../service';
import { scanFolders, uriToPath } from '../io/workspace';
import { isProblem, readTextFile } from '../io/files';
import { isIgnored } from '../io/ignores';
import { registerGateRequests } from './gateRequests';
import { convertedFrom, isOriginal, readOriginal } from '../io/extract';
import { isReadOnlyDocument, withoutReadOnlyEdits } from './readOnlyDocuments';
import { EditorChanges } from './editorChanges';
import { EditorBaseline } from './editorBaseline';
import { type ClientAbilities, executeCommand } from './commands';
import { SERVER_CAPABILITIES } from './capabilities';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { COMMENTS_REQUEST } from './protocol';
import type { ClientSettings } from '../io/settings';
import { ServerSettings } from './serverSettings';
import { WorkspaceFolders } from './workspaceFolders';

export function startServer(connection: Connection): SecLanguageService {
  const documents = new TextDocuments(TextDocument);
  const service = createSecLanguageService();
  let abilities: ClientAbilities = { ask: false, applyEdit: false, createFiles: false, showDocument: false };
  let workspaceTrusted = true;
  /** The client asked for sec/indexChanged (lsp/protocol.ts) in its initialization options. */
  let notifiesIndexChanges = false;
  const baseline = new EditorBaseline(() => workspaceFolders()[0], uri => service.documentText(uri));
  /** The comparison with the current Code (secDrafting.compareTo / "compareTo"), issue 21. */
  const compared = new EditorChanges(service, () => workspaceFolders()[0], message => warn(message));
  const publisher = new DiagnosticsPublisher({
    connection, service, documents, shown: (uri, found) => baseline.filter(uri, compared.filter(uri, found)), notifiesIndexChanges: () => notifiesIndexChanges,
  });
  /** Re-check and publish: `first` is the edited document; `announce` a change other than typing. */
  const scheduleAll = (first?: string, announce = false) => publisher.changed(first, announce);
  /** The workspace folders, followed as the client adds and removes them (lsp/workspaceFolders.ts). */
  const folders = new WorkspaceFolders({
    connection, service, documents, reading: () => publisher.markWorkspaceReading(), scan: list => readFolders(list),
    refresh: () => {
      compared.refreshTracked(); // a removed folder's Word tracked changes go with it
      scheduleAll(undefined, true);
    },
    reloadSettings: async () => { settings.readRepoConfig(false); settings.apply(); forgetIgnored(); await settings.rewatch(); },
  });
  const workspaceFolders = () => folders.list();
  const settings = new ServerSettings({
    connection, service, root: () => workspaceFolders()[0], folders: workspaceFolders, warn: message => warn(message), configRead: () => reloadBaseline(), changed: () => scheduleAll(undefined, true),
    applied: ({ legalGlobs, consultationGlobs, client, config }) => void compared
      .configure({ legalGlobs, consultationGlobs, compareTo: client.compareTo || config.compareTo, changedOnly: client.changedOnly || config.changedOnly, trusted: workspaceTrusted })
      .then(changed => changed && scheduleAll(undefined, true)),
  });
  /**
   * Show a warning: a window/showMessage notification, never window/showMessageRequest (which
   * this LSP library's showWarningMessage sends, and which some clients, Neovim among them, turn
   * into a prompt that blocks the editor until answered). Also logged.
   */
  function warn(message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    connection.console.warn(message);
  }

  /** Run a handler; log and answer with an error instead of crashing the server. */
  function runSafe<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      try {
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return (await handler(params, token)) ?? fallback;
      } catch (e) {
        connection.console.error(`${name} failed: ${(e as Error)?.stack ?? e}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error)?.message ?? e}`);
      }
    };
  }

  connection.onInitialize((params: InitializeParams) => {
    settings.initialize(params);
    abilities = {
      ask: !!params.capabilities.window?.showMessage,
      applyEdit: !!params.capabilities.workspace?.applyEdit,
      createFiles: !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      showDocument: !!params.capabilities.window?.showDocument?.support,
    };
    folders.initialize(params);
    workspaceTrusted = (params.initializationOptions as ClientSettings | undefined)?.workspaceTrusted !== false;
    notifiesIndexChanges = (params.initializationOptions as { indexChangedNotification?: unknown } | undefined)?.indexChangedNotification === true;
    return SERVER_CAPABILITIES;
  });

  connection.onInitialized(() => folders.start(async () => {
    await settings.start();
    await loadWorkspace();
    await settings.rewatch();
  }));

  async function loadWorkspace(): Promise<void> {
    settings.readRepoConfig();
    settings.apply();
    if (workspaceFolders().length === 0) publisher.markWorkspaceRead();
    else await readFolders(workspaceFolders());
  }

  /** Read folders' files into the core, with progress: at start-up, and for a folder added later. */
  async function readFolders(list: string[]): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('SEC Drafting', 0, 'Reading the workspace…', false);
    try {
      const result = await scanFolders(
        list,
        { ...settings.globs(), ignores: settings.ignoreRules() },
        file => compared.owns(file.uri) || (service.setDocument({ uri: file.uri, version: 0, text: file.text, fileProblems: file.warnings, fileNotes: file.notes, languageId: file.languageId }), compared.wordRead(file.uri, file.textBeforeChanges, false)),
        (done, total) => progress.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`),
        uri => documents.get(uri) !== undefined,
      );
      compared.refreshTracked(); // the tracked changes of Word legal text, when no compareTo is named
      for (const p of result.problems) connection.console.warn(`${p.path}: ${p.reason}`);
      if (result.problems.length) {
        warn(`SEC Drafting: ${result.problems.length} file(s) could not be read (see the output channel): ${result.problems[0].path}: ${result.problems[0].reason}`);
      }
    } finally {
      progress.done();
      publisher.markWorkspaceRead();
    }
    scheduleAll(undefined, true);
  }

  function reloadBaseline(): void {
    const problem = baseline.reload();
    if (problem) warn(`SEC Drafting: ${problem}. Every finding is shown until it is fixed.`);
  }

  connection.onDidChangeConfiguration(params => settings.didChangeConfiguration(params));

  /** Files read before "ignores" named them are forgotten (open ones stay while open). */
  function forgetIgnored(): void {
    for (const uri of service.documentUris()) {
      const file = uriToPath(uri);
      if (file && !documents.get(uri) && isIgnored(file, settings.ignoreRules())) service.removeDocument(uri);
    }
  }

  connection.onDidChangeWatchedFiles(params => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (settings.isSettingsFile(file)) {
        settings.settingsFileChanged();
        forgetIgnored();
        continue;
      }
      if (baseline.isBaselineFile(file)) {
        reloadBaseline();
        continue;
      }
      if (!folders.contains(file)) continue; // a file of no workspace folder (one removed) is not read back
      if (documents.get(change.uri) || compared.owns(change.uri)) continue; // the editor's copy wins while open; the baseline is not the workspace
      if (isIgnored(file, settings.ignoreRules())) continue; // .secdraft.json "ignores": never read
      if (change.type === 3 /* Deleted */) service.removeDocument(change.uri);
      else if (isOriginal(file)) {
        // A .docx/.pdf collation: extracted asynchronously, then checked like the rest.
        void readOriginal(file, { ...settings.globs(), foundInFolder: true }).then(loaded => {
          if (!loaded) service.removeDocument(change.uri); // a Word document that is not (or no longer) ours
          else if (isProblem(loaded)) connection.console.warn(`${loaded.path}: ${loaded.reason}`);
          else service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, languageId: loaded.languageId });
          compared.wordRead(change.uri, loaded && !isProblem(loaded) ? loaded.textBeforeChanges : undefined);
          scheduleAll(undefined, true);
        });
      } else {
        const loaded = readTextFile(file);
        if (!isProblem(loaded)) service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes });
        const word = convertedFrom(file); // `secdraft convert` wrote it: the Word original gives way
        if (word && !isProblem(loaded)) service.removeDocument(word);
      }
    }
    compared.refreshTracked(); // the other legal files' text as now on disk
    scheduleAll(undefined, true);
  });

  documents.onDidChangeContent(e => {
    if (isReadOnlyDocument(e.document.uri)) return; // a .docx/.pdf opened as text: its extracted text stays what is checked
    if (compared.owns(e.document.uri)) return; // a baseline file opened to read it
    service.setDocument({ uri: e.document.uri, version: e.document.version, text: e.document.getText(), languageId: e.document.languageId });
    scheduleAll(e.document.uri);
  });

  documents.onDidClose(e => {
    if (isReadOnlyDocument(e.document.uri)) return; // never replaced while open (above), so nothing to restore
    // Back to the file on disk (or gone if it was never saved, or is in no workspace folder: one removed).
    const file = uriToPath(e.document.uri);
    const loaded = file && folders.contains(file) ? readTextFile(file) : undefined;
    if (loaded && !isProblem(loaded) && !compared.owns(e.document.uri) && (service.kindOf({ uri: e.document.uri, version: 0, text: loaded.text }) !== 'other' || isResponsesFile(e.document.uri))) {
      service.setDocument({ uri: e.document.uri, version: 0, text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes });
    } else service.removeDocument(e.document.uri);
    scheduleAll(undefined, true);
  });

  connection.onDocumentSymbol(runSafe('documentSymbol', [], params => service.getDocumentSymbols(params.textDocument.uri)));

  connection.onCodeAction(runSafe('codeAction', [], params => {
    const uri = params.textDocument.uri;
    const actions = service.getCodeActions(uri, params.range, params.context.only);
    if (!workspaceTrusted) return actions;
    return [...actions, ...baseline.actions(uri, baseline.filter(uri, service.getDiagnostics(uri)), params.range, params.context.only)];
  }));

  // Record response, the code lenses' places, suppress in baseline and the renumbering edits:
  // run here, for any client (lsp/commands.ts).
  connection.onExecuteCommand(runSafe('executeCommand', null, params => executeCommand({
    connection, service, documents, baseline, client: () => abilities, workspaceTrusted: () => workspaceTrusted, refresh: () => scheduleAll(undefined, true),
  }, params)));

  connection.onHover(runSafe('hover', null, (params, token) => service.getHover(params.textDocument.uri, params.position, token)));

  connection.onDefinition(runSafe('definition', [], (params, token) => service.getDefinition(params.textDocument.uri, params.position, token)));

  connection.onReferences(runSafe('references', [], (params, token) =>
    service.getReferences(params.textDocument.uri, params.position, params.context.includeDeclaration, token)));

  connection.onCompletion(runSafe('completion', [], (params, token) => service.getCompletions(params.textDocument.uri, params.position, token)));

  connection.onCodeLens(runSafe('codeLens', [], (params, token) => service.getCodeLenses(params.textDocument.uri, token)));

  // Consultation comments with their clause links, for the client's threads and tree view.
  connection.onRequest(COMMENTS_REQUEST, runSafe('comments', { comments: [] }, (params: SecCommentsParams | null) => service.getCommentsResult(params ?? {})));

  compared.register(connection, runSafe);

  connection.onWorkspaceSymbol(runSafe('workspaceSymbol', [], (params, token) => service.getWorkspaceSymbols(params.query, token)));

  connection.onFoldingRanges(runSafe('foldingRange', [], params => service.getFoldingRanges(params.textDocument.uri)));

  connection.onDocumentHighlight(runSafe('documentHighlight', [], (params, token) => service.getDocumentHighlights(params.textDocument.uri, params.position, token)));

  // A refused rename (a clause number that does not exist, or a new number already taken) answers
  // with an error whose message says why: the editor shows it instead of doing nothing.
  connection.onPrepareRename(runSafe('prepareRename', null, (params, token) => {
    const refused = service.renameRefusal(params.textDocument.uri, params.position, undefined, token);
    return refused ? new ResponseError(ErrorCodes.InvalidRequest, refused) : service.prepareRename(params.textDocument.uri, params.position, token);
  }));

  connection.onRenameRequest(runSafe('rename', null, (params, token) => {
    const refused = service.renameRefusal(params.textDocument.uri, params.position, params.newName, token);
    return refused ? new ResponseError(ErrorCodes.InvalidRequest, refused) : withoutReadOnlyEdits(service.rename(params.textDocument.uri, params.position, params.newName, token));
  }));

  connection.languages.semanticTokens.on(runSafe('semanticTokens', { data: [] }, params => service.getSemanticTokens(params.textDocument.uri)));

  // The publication gate: record responses, list unanswered comments, build the report.
  registerGateRequests(connection, {
    service, documents, runSafe, refresh: () => scheduleAll(undefined, true),
    workspaceFolders, failOn: () => settings.config.failOn,
  });

  documents.listen(connection);
  connection.listen();
  return service;
}
