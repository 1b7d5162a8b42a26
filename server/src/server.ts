// LSP wiring: capabilities, and handlers that fetch the document, call the core and return.
// Every handler runs inside runSafe, so one failing request answers with an error and the
// server keeps serving.
import {
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Disposable,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type SecCommentsParams, type SecLanguageService, createSecLanguageService, FIX_ALL_KIND, isResponsesFile, RENUMBER_ACTION_KIND, RENUMBER_COMMANDS,
  SEMANTIC_TOKENS_LEGEND,
} from './service';
import { readWorkspaceConfig, scanFolders, uriToPath } from './workspace';
import { isProblem, readTextFile } from './files';
import { type SecConfig, DEFAULT_CONFIG } from './config';
import { isWordListFile, workspaceWordList } from './wordList';
import { registerGateRequests } from './gateRequests';
import { convertedFrom, isOriginal, readOriginal } from './extract';
import { withoutReadOnlyEdits } from './readOnlyDocuments';
import { EditorBaseline } from './editorBaseline';
import { type ClientAbilities, executeCommand, SERVER_COMMANDS } from './lsp/commands';
import { watchFiles } from './lsp/watchedFiles';
import { EditorChanges } from './editorChanges';
import { DiagnosticsPublisher } from './lsp/diagnosticsPublisher';
import { COMMENTS_REQUEST } from './lsp/protocol';
import { type ClientSettings, mergeSettings, settingsIn } from './settings';

export function startServer(connection: Connection): SecLanguageService {
  const documents = new TextDocuments(TextDocument);
  const service = createSecLanguageService();
  let workspaceFolders: string[] = [];
  let hasConfigurationCapability = false;
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let abilities: ClientAbilities = { ask: false, applyEdit: false, createFiles: false, showDocument: false };
  /** Settings given at start-up; pulled or pushed settings are laid over them. */
  let initSettings: ClientSettings = {};
  let repoConfig: SecConfig | undefined;
  let clientSettings: ClientSettings = {};
  let workspaceTrusted = true;
  /** The client asked for sec/indexChanged (lsp/protocol.ts) in its initialization options. */
  let notifiesIndexChanges = false;
  const baseline = new EditorBaseline(() => workspaceFolders[0], uri => service.documentText(uri));
  const compared = new EditorChanges(service, () => workspaceFolders[0], message => warn(message));
  const publisher = new DiagnosticsPublisher({
    connection, service, documents, shown: (uri, found) => baseline.filter(uri, compared.filter(uri, found)), notifiesIndexChanges: () => notifiesIndexChanges,
  });
  /** Re-check and publish: `first` is the edited document; `announce` a change other than typing. */
  const scheduleAll = (first?: string, announce = false) => publisher.changed(first, announce);
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

  function applySettings(): void {
    const config = repoConfig ?? DEFAULT_CONFIG;
    const { settings, legalGlobs, consultationGlobs } = mergeSettings(config, workspaceWordList(workspaceFolders[0], config), clientSettings);
    service.updateSettings(settings, { legalGlobs, consultationGlobs });
    scheduleAll(undefined, true);
    const changedOnly = clientSettings.changedOnly || config.changedOnly;
    void compared.configure({ legalGlobs, consultationGlobs, compareTo: clientSettings.compareTo || config.compareTo, changedOnly, trusted: workspaceTrusted })
      .then(changed => changed && scheduleAll(undefined, true));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    canRegisterWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    abilities = {
      ask: !!params.capabilities.window?.showMessage,
      applyEdit: !!params.capabilities.workspace?.applyEdit,
      createFiles: !!params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      showDocument: !!params.capabilities.window?.showDocument?.support,
    };
    workspaceFolders = (params.workspaceFolders ?? []).map(f => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (workspaceFolders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) workspaceFolders = [root];
    }
    initSettings = settingsIn(params.initializationOptions) ?? {};
    clientSettings = initSettings;
    workspaceTrusted = (params.initializationOptions as ClientSettings | undefined)?.workspaceTrusted !== false;
    notifiesIndexChanges = (params.initializationOptions as { indexChangedNotification?: unknown } | undefined)?.indexChangedNotification === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [' ', '.', '“', '"'] },
        codeLensProvider: { resolveProvider: false },
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, RENUMBER_ACTION_KIND] },
        executeCommandProvider: { commands: [...SERVER_COMMANDS, ...Object.values(RENUMBER_COMMANDS)] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'sec-drafting', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (hasConfigurationCapability) {
      // Only where the client can register it (Neovim 0.7 cannot, and warns): it pushes anyway.
      if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'secDrafting' });
      clientSettings = (await pullClientSettings()) ?? clientSettings;
    }
    await loadWorkspace();
    await rewatch();
  });

  /** The globs the settings add to the watchers, as last registered, and that registration. */
  let watchedExtra: string | undefined;
  let watchers: Disposable | undefined;

  /** (Re-)register the file watchers when the globs from the settings changed. */
  async function rewatch(): Promise<void> {
    if (!canRegisterWatchers) return;
    const config = repoConfig ?? DEFAULT_CONFIG;
    const { legalGlobs, consultationGlobs } = mergeSettings(config, { words: [] }, clientSettings);
    const extra = [...legalGlobs, ...consultationGlobs, ...config.wordFiles];
    if (JSON.stringify(extra) === watchedExtra) return;
    watchedExtra = JSON.stringify(extra);
    watchers = await watchFiles(connection, extra, watchers);
  }

  /** The client's settings over the start-up ones; undefined when they cannot be asked for. */
  async function pullClientSettings(): Promise<ClientSettings | undefined> {
    if (!hasConfigurationCapability) return undefined;
    try {
      const s = settingsIn(await connection.workspace.getConfiguration('secDrafting'));
      // A client with nothing under secDrafting answers null: the start-up settings stay.
      return { ...initSettings, ...(s ?? {}) };
    } catch (e) {
      connection.console.warn(`could not read settings: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** .secdraft.json: a broken one falls back to defaults; ignored keys are shown, once each read. */
  function readRepoConfig(): SecConfig {
    const { config, error } = readWorkspaceConfig(workspaceFolders[0]);
    repoConfig = config;
    if (error) warn(`SEC Drafting: ${error}. Using default settings.`);
    for (const warning of config.warnings ?? []) connection.console.warn(warning);
    if (config.warnings?.length) warn(`SEC Drafting: ${config.warnings.join('; ')}.`);
    reloadBaseline();
    return config;
  }

  async function loadWorkspace(): Promise<void> {
    const config = readRepoConfig();
    applySettings();
    if (workspaceFolders.length === 0) {
      publisher.markWorkspaceRead();
      return;
    }
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('SEC Drafting', 0, 'Reading the workspace…', false);
    try {
      const result = await scanFolders(
        workspaceFolders,
        mergeSettings(config, { words: [] }, clientSettings),
        file => compared.owns(file.uri) || service.setDocument({ uri: file.uri, version: 0, text: file.text, fileProblems: file.warnings, fileNotes: file.notes, languageId: file.languageId }),
        (done, total) => progress.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`),
        uri => documents.get(uri) !== undefined,
      );
      for (const p of result.problems) connection.console.warn(`${p.path}: ${p.reason}`);
      if (result.problems.length) {
        warn(`SEC Drafting: ${result.problems.length} file(s) could not be read (see the output channel): ${result.problems[0].path}: ${result.problems[0].reason}`);
      }
    } finally {
      progress.done();
    }
    publisher.markWorkspaceRead();
    scheduleAll(undefined, true);
  }

  function reloadBaseline(): void {
    const problem = baseline.reload();
    if (problem) warn(`SEC Drafting: ${problem}. Every finding is shown until it is fixed.`);
  }

  /** Counts configuration changes: a pull that a newer change overtook is dropped. */
  let configChanges = 0;

  connection.onDidChangeConfiguration(async params => {
    const change = ++configChanges;
    // Settings pushed in the notification are taken as they are; otherwise ask for them.
    const pushed = settingsIn(params?.settings, true);
    if (pushed) clientSettings = { ...initSettings, ...pushed };
    else {
      const pulled = await pullClientSettings();
      if (change !== configChanges) return;
      if (pulled) clientSettings = pulled;
    }
    applySettings();
    await rewatch();
  });

  connection.onDidChangeWatchedFiles(params => {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (file.endsWith('.secdraft.json') || isWordListFile(file, repoConfig ?? DEFAULT_CONFIG)) {
        readRepoConfig();
        applySettings();
        void rewatch();
        continue;
      }
      if (baseline.isBaselineFile(file)) {
        reloadBaseline();
        continue;
      }
      if (documents.get(change.uri) || compared.owns(change.uri)) continue; // the editor's copy wins while open; the baseline is not the workspace
      if (change.type === 3 /* Deleted */) service.removeDocument(change.uri);
      else if (isOriginal(file)) {
        // A .docx/.pdf collation: extracted asynchronously, then checked like the rest.
        const { legalGlobs, consultationGlobs } = mergeSettings(repoConfig ?? DEFAULT_CONFIG, { words: [] }, clientSettings);
        void readOriginal(file, { legalGlobs, consultationGlobs, foundInFolder: true }).then(loaded => {
          if (!loaded) service.removeDocument(change.uri); // a Word document that is not (or no longer) ours
          else if (isProblem(loaded)) connection.console.warn(`${loaded.path}: ${loaded.reason}`);
          else service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, languageId: loaded.languageId });
          scheduleAll(undefined, true);
        });
      } else {
        const loaded = readTextFile(file);
        if (!isProblem(loaded)) service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes });
        const word = convertedFrom(file); // `secdraft convert` wrote it: the Word original gives way
        if (word && !isProblem(loaded)) service.removeDocument(word);
      }
    }
    scheduleAll(undefined, true);
  });

  documents.onDidChangeContent(e => {
    if (compared.owns(e.document.uri)) return; // a baseline file opened to read it
    service.setDocument({ uri: e.document.uri, version: e.document.version, text: e.document.getText(), languageId: e.document.languageId });
    scheduleAll(e.document.uri);
  });

  documents.onDidClose(e => {
    // Back to the file on disk (or gone if it was never saved).
    const file = uriToPath(e.document.uri);
    const loaded = file ? readTextFile(file) : undefined;
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
    workspaceFolders: () => workspaceFolders, failOn: () => repoConfig?.failOn ?? DEFAULT_CONFIG.failOn,
  });

  documents.listen(connection);
  connection.listen();
  return service;
}
