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
import { createSecLanguageService, type SecLanguageService } from './service';
import { toLspDiagnostic, FIX_ALL_KIND } from './service/features/codeActions';
import type { SecSettings } from './service/types';
import { readWorkspaceConfig, scanFolders, uriToPath } from './workspace';
import { isProblem, readTextFile } from './files';
import { type SecConfig, DEFAULT_CONFIG } from './config';
import { isWordListFile, workspaceWordList } from './wordList';
import { SEMANTIC_TOKENS_LEGEND } from './service/features/semanticTokens';
import { RENUMBER_ACTION_KIND, RENUMBER_COMMANDS } from './service/features/renumber';
import { COMMENTS_REQUEST, type SecCommentsParams } from './service/features/comments';
import { registerGateRequests } from './gateRequests';
import { isResponsesFile } from './service/model/responses';
import { convertedFrom, isOriginal, readOriginal } from './extract';
import { isReadOnlyDocument, withClauseInWord, withoutReadOnlyEdits } from './readOnlyDocuments';
import { EditorBaseline } from './editorBaseline';
import { ruleDocHref } from './ruleDocs';
import { type ClientAbilities, executeCommand, SERVER_COMMANDS } from './lsp/commands';
import { watchFiles } from './lsp/watchedFiles';

/**
 * The client's `secDrafting.*` settings as they arrive: in initializationOptions (flat, or under
 * `secDrafting`), pushed in workspace/didChangeConfiguration, or pulled with workspace/configuration.
 */
interface ClientSettings {
  severity?: Record<string, SecSettings['severity'][string]>;
  words?: string[];
  legalFiles?: string[];
  consultationFiles?: string[];
  allowDoubleSpaceAfterSentence?: boolean;
  linkThreshold?: number;
  /** False in VS Code's Restricted Mode: then nothing that writes files is offered. */
  workspaceTrusted?: boolean;
}

const DIAGNOSTIC_DELAY_MS = 120;

/** The `secDrafting` settings in what a client sent: `{secDrafting: {…}}` or the settings themselves. */
function settingsIn(value: unknown, nestedOnly = false): ClientSettings | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const nested = (value as { secDrafting?: unknown }).secDrafting;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) return nested as ClientSettings;
  return nestedOnly ? undefined : (value as ClientSettings);
}

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
  const published = new Set<string>();
  /** What was last published per document: the service's findings list and the version. */
  const lastSent = new Map<string, { found: readonly unknown[]; version: number | undefined }>();
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;
  const dirty = new Set<string>();
  const baseline = new EditorBaseline(() => workspaceFolders[0], uri => service.workspace.document(uri)?.text);
  /** Each code's page (docs/rules), the link the Problems panel makes of the code. */
  const docHrefs = new Map<string, string | undefined>();
  const withDocLink = (d: ReturnType<typeof toLspDiagnostic>) => {
    const code = String(d.code);
    if (!docHrefs.has(code)) docHrefs.set(code, ruleDocHref(code));
    const href = docHrefs.get(code);
    return href ? { ...d, codeDescription: { href } } : d;
  };

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
    const base = repoConfig?.settings ?? {};
    const wordList = workspaceWordList(workspaceFolders[0], repoConfig ?? DEFAULT_CONFIG);
    const settings: Partial<SecSettings> = {
      ...base,
      ...(clientSettings.allowDoubleSpaceAfterSentence !== undefined ? { allowDoubleSpaceAfterSentence: clientSettings.allowDoubleSpaceAfterSentence } : {}),
      ...(clientSettings.linkThreshold !== undefined ? { linkThreshold: clientSettings.linkThreshold } : {}),
      // The repository's config wins over personal settings for severities: CI must agree.
      severity: { ...(clientSettings.severity ?? {}), ...(base.severity ?? {}) },
      words: [...(base.words ?? []), ...wordList.words, ...(clientSettings.words ?? [])],
      ...(wordList.uri ? { wordListUri: wordList.uri } : {}),
    };
    service.updateSettings(settings, {
      legalGlobs: [...(repoConfig?.legalGlobs ?? []), ...(clientSettings.legalFiles ?? [])],
      consultationGlobs: [...(repoConfig?.consultationGlobs ?? []), ...(clientSettings.consultationFiles ?? [])],
    });
    scheduleAll();
  }

  /** Publish one document's diagnostics; an empty list is sent only to clear earlier ones. */
  function publishOne(uri: string): void {
    try {
      if (!service.workspace.has(uri)) {
        lastSent.delete(uri);
        if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const found = baseline.filter(uri, service.getDiagnostics(uri));
      const doc = documents.get(uri);
      // The same findings (the service's cached list) for the same version are on the client
      // already: re-sending every file after every change made start-up publish megabytes.
      const last = lastSent.get(uri);
      if (last && last.found === found && last.version === doc?.version) return;
      const diagnostics = found.map(d => withDocLink(toLspDiagnostic(withClauseInWord(uri, d))));
      lastSent.set(uri, { found, version: doc?.version });
      if (diagnostics.length || published.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics, ...(doc ? { version: doc.version } : {}) });
        if (diagnostics.length) published.add(uri);
        else published.delete(uri);
      }
    } catch (e) {
      connection.console.error(`diagnostics for ${uri} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** Counts changes: a background round stops as soon as a newer change makes it stale. */
  let changes = 0;
  /** Until the start-up scan is done, findings that depend on other files would be wrong. */
  let workspaceRead = false;
  let publishing = false;

  /**
   * Publish the dirty documents one at a time, yielding between them so that requests and
   * new edits are served while a large workspace is checked; a change made meanwhile ends
   * this round, and the next debounce picks up what is left.
   */
  async function publishDirty(): Promise<void> {
    pendingTimer = undefined;
    if (publishing) return schedule([]);
    publishing = true;
    const round = changes;
    try {
      for (const uri of dirty) {
        if (changes !== round) return;
        dirty.delete(uri);
        publishOne(uri);
        await new Promise(resolve => setImmediate(resolve));
      }
    } finally {
      publishing = false;
    }
  }

  function schedule(uris: Iterable<string>, delay = DIAGNOSTIC_DELAY_MS): void {
    for (const u of uris) dirty.add(u);
    if (pendingTimer) clearTimeout(pendingTimer);
    pendingTimer = setTimeout(() => void publishDirty(), delay);
  }

  /** Edited documents, published on the next turn of the event loop (edits in one batch coalesce). */
  const urgent = new Set<string>();

  function publishSoon(uri: string): void {
    if (urgent.size === 0) {
      setImmediate(() => {
        for (const u of urgent) {
          dirty.delete(u);
          publishOne(u);
        }
        urgent.clear();
      });
    }
    urgent.add(uri);
  }

  /** A change in one file can change findings in any other (terms, references, links). */
  function scheduleAll(first?: string): void {
    changes++;
    // The edited document first and at once; the rest after the debounce, in the background.
    if (first && workspaceRead) publishSoon(first);
    schedule([...service.workspace.uris(), ...published]);
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
    const extra = [...config.legalGlobs, ...config.consultationGlobs, ...config.wordFiles, ...(clientSettings.legalFiles ?? []), ...(clientSettings.consultationFiles ?? [])];
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
      workspaceRead = true;
      return;
    }
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('SEC Drafting', 0, 'Reading the workspace…', false);
    try {
      const result = await scanFolders(
        workspaceFolders,
        {
          legalGlobs: [...config.legalGlobs, ...(clientSettings.legalFiles ?? [])],
          consultationGlobs: [...config.consultationGlobs, ...(clientSettings.consultationFiles ?? [])],
        },
        file => service.setDocument({ uri: file.uri, version: 0, text: file.text, fileProblems: file.warnings, fileNotes: file.notes, languageId: file.languageId }),
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
    workspaceRead = true;
    scheduleAll();
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
      if (documents.get(change.uri)) continue; // the editor's copy wins while open
      if (change.type === 3 /* Deleted */) service.removeDocument(change.uri);
      else if (isOriginal(file)) {
        // A .docx/.pdf collation: extracted asynchronously, then checked like the rest.
        const legalGlobs = [...(repoConfig?.legalGlobs ?? []), ...(clientSettings.legalFiles ?? [])];
        const consultationGlobs = [...(repoConfig?.consultationGlobs ?? []), ...(clientSettings.consultationFiles ?? [])];
        void readOriginal(file, { legalGlobs, consultationGlobs, foundInFolder: true }).then(loaded => {
          if (!loaded) service.removeDocument(change.uri); // a Word document that is not (or no longer) ours
          else if (isProblem(loaded)) connection.console.warn(`${loaded.path}: ${loaded.reason}`);
          else service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, languageId: loaded.languageId });
          scheduleAll();
        });
      } else {
        const loaded = readTextFile(file);
        if (!isProblem(loaded)) service.setDocument({ uri: change.uri, version: Date.now(), text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes });
        const word = convertedFrom(file); // `secdraft convert` wrote it: the Word original gives way
        if (word && !isProblem(loaded)) service.removeDocument(word);
      }
    }
    scheduleAll();
  });

  documents.onDidChangeContent(e => {
    if (isReadOnlyDocument(e.document.uri)) return; // a .docx/.pdf opened as text: its extracted text stays what is checked
    service.setDocument({ uri: e.document.uri, version: e.document.version, text: e.document.getText(), languageId: e.document.languageId });
    scheduleAll(e.document.uri);
  });

  documents.onDidClose(e => {
    if (isReadOnlyDocument(e.document.uri)) return; // never replaced while open (above), so nothing to restore
    // Back to the file on disk (or gone if it was never saved).
    const file = uriToPath(e.document.uri);
    const loaded = file ? readTextFile(file) : undefined;
    if (loaded && !isProblem(loaded) && (service.workspace.kindOf({ uri: e.document.uri, version: 0, text: loaded.text }) !== 'other' || isResponsesFile(e.document.uri))) {
      service.setDocument({ uri: e.document.uri, version: 0, text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes });
    } else service.removeDocument(e.document.uri);
    scheduleAll();
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
    connection, service, documents, baseline, client: () => abilities, workspaceTrusted: () => workspaceTrusted, refresh: () => scheduleAll(),
  }, params)));

  connection.onHover(runSafe('hover', null, (params, token) => service.getHover(params.textDocument.uri, params.position, token)));

  connection.onDefinition(runSafe('definition', [], (params, token) => service.getDefinition(params.textDocument.uri, params.position, token)));

  connection.onReferences(runSafe('references', [], (params, token) =>
    service.getReferences(params.textDocument.uri, params.position, params.context.includeDeclaration, token)));

  connection.onCompletion(runSafe('completion', [], (params, token) => service.getCompletions(params.textDocument.uri, params.position, token)));

  connection.onCodeLens(runSafe('codeLens', [], (params, token) => service.getCodeLenses(params.textDocument.uri, token)));

  // Consultation comments with their clause links, for the client's threads and tree view.
  connection.onRequest(COMMENTS_REQUEST, runSafe('comments', { comments: [] }, (params: SecCommentsParams | null) => service.getCommentsResult(params ?? {})));

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
    service, documents, runSafe, refresh: () => scheduleAll(),
    workspaceFolders: () => workspaceFolders, failOn: () => repoConfig?.failOn ?? DEFAULT_CONFIG.failOn,
  });

  documents.listen(connection);
  connection.listen();
  return service;
}
