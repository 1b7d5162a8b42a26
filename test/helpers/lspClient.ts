// A real JSON-RPC client for protocol tests: spawns the built server (dist/server.js) over
// stdio and speaks LSP to it exactly as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { tempDir } from './tempDir';

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}

export const SERVER_JS = path.resolve(__dirname, '..', '..', 'server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  stderr: () => string;
  /** What the server answered to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown> };
  /**
   * Resolves with the next diagnostics published for `uri` that satisfy `accept`. With
   * `assumeEmpty`, a file never published counts as having none (the server publishes a file
   * only once it has findings).
   */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number, assumeEmpty?: boolean): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<void>;
}

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(p)).toString();
}

/** Start the server, initialize it with the given workspace folder (or none). */
export async function startServer(options: {
  rootPath?: string; initializationOptions?: unknown;
  /** More workspace folders after rootPath (a multi-root workspace). */
  moreFolders?: string[];
  /** Send only rootUri, as a client without workspace folders does (workspaceFolders: null). */
  rootUriOnly?: boolean;
  serverJs?: string; args?: string[]; nodeFlags?: readonly string[];
  /** The client capabilities to declare instead of the default minimal editor's. */
  capabilities?: Record<string, unknown>;
  /** Answers to the server's requests (and notifications) by method, instead of the defaults. */
  handlers?: Record<string, (params: never) => unknown>;
  /** Listeners for the server's own notifications (sec/indexChanged), registered before it starts. */
  notifications?: Record<string, (params: never) => void>;
} = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.serverJs ?? SERVER_JS, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', d => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of waiters.slice()) {
      if (w.uri === p.uri && w.accept(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  // Answer the server's requests as a minimal editor would.
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  for (const [method, handler] of Object.entries(options.handlers ?? {})) {
    const answer = handler as (params: unknown) => unknown;
    if (method === 'window/showMessage' || method === 'window/logMessage') connection.onNotification(method, (params: unknown) => void answer(params));
    else connection.onRequest(method, answer);
  }
  for (const [method, listener] of Object.entries(options.notifications ?? {})) connection.onNotification(method, listener as (params: unknown) => void);
  connection.listen();
  const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
  const initializeResult = await connection.sendRequest<TestClient['initializeResult']>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri && !options.rootUriOnly ? [{ uri: rootUri, name: 'ws' }, ...(options.moreFolders ?? []).map((f, i) => ({ uri: fileUri(f), name: `ws${i + 2}` }))] : null,
    capabilities: options.capabilities ?? { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    initializeResult,
    stderr: () => stderr,
    diagnostics(uri, accept = () => true, timeoutMs = 10000, assumeEmpty = false) {
      const have = latest.get(uri) ?? (assumeEmpty ? [] : undefined);
      if (have && accept(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: d => { clearTimeout(timer); resolve(d); } });
      });
    },
    async open(uri, text, languageId = 'sec', version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    async change(uri, version, text) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    request(method, params) {
      return connection.sendRequest(method, params);
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

/**
 * The usual start of a protocol test: a temporary workspace folder holding `files` (removed when
 * the test file's process ends) and the server started and initialized on it.
 */
export async function startServerIn(files: Record<string, string | Uint8Array>, prefix: string, options: Parameters<typeof startServer>[0] = {}): Promise<{ dir: string; client: TestClient }> {
  const dir = tempDir(files, prefix);
  return { dir, client: await startServer({ rootPath: dir, ...options }) };
}
