// Publishing findings to the client (textDocument/publishDiagnostics), with its own state:
// what was last sent per document, which documents wait, and the rounds that send them.
//  - The edited document is published at once (on the next turn of the event loop, so edits
//    in one batch coalesce); every other document after a short debounce, one at a time,
//    yielding between them so that requests and new edits are served meanwhile.
//  - A change made during a round ends it; the next debounce picks up what is left.
//  - A document whose findings (the service's cached list) and version are what the client
//    has already is not sent again: re-sending every file after every change made start-up
//    publish megabytes.
//  - When a round ends with nothing left and a change other than typing was announced, the
//    client is told (sec/indexChanged, lsp/protocol.ts), if it asked for that.
import { withClauseInWord } from './readOnlyDocuments';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type SecDiagnostic, type SecLanguageService, toLspDiagnostic } from '../service';
import { ruleDocHref } from '../io/ruleDocs';
import { INDEX_CHANGED_NOTIFICATION, type IndexChangedParams } from './protocol';

const DIAGNOSTIC_DELAY_MS = 120;

export interface PublisherContext {
  connection: Connection;
  service: SecLanguageService;
  documents: TextDocuments<TextDocument>;
  /** The findings to show of those the service found (the editor baseline hides accepted ones). */
  shown: (uri: string, found: SecDiagnostic[]) => SecDiagnostic[];
  /** Whether the client asked for sec/indexChanged. */
  notifiesIndexChanges: () => boolean;
}

export class DiagnosticsPublisher {
  /** Documents with findings on the client (an empty list is sent only to clear them). */
  private readonly published = new Set<string>();
  /** What was last published per document: the service's findings list and the version. */
  private readonly lastSent = new Map<string, { found: readonly unknown[]; version: number | undefined }>();
  /** Documents waiting for the next background round. */
  private readonly dirty = new Set<string>();
  /** Edited documents, published on the next turn of the event loop. */
  private readonly urgent = new Set<string>();
  /** Each code's page (docs/rules), the link the Problems panel makes of the code. */
  private readonly docHrefs = new Map<string, string | undefined>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts changes: a background round stops as soon as a newer change makes it stale. */
  private changes = 0;
  /** Until the start-up scan is done, findings that depend on other files would be wrong. */
  private workspaceRead = false;
  private publishing = false;
  /** A change other than typing happened since the client was last told. */
  private indexChanged = false;

  constructor(private readonly ctx: PublisherContext) {}

  /** The start-up scan is done: from now on an edited document is published at once. */
  markWorkspaceRead(): void {
    this.workspaceRead = true;
  }

  /** A folder added while running is being read: as at start-up, the client is told once it is. */
  markWorkspaceReading(): void {
    this.workspaceRead = false;
  }

  /**
   * A change in one file can change findings in any other (terms, references, links): the
   * edited document (`first`) at once, the rest in the background. `announce` for changes
   * other than typing (files on disk, settings, responses, the start-up scan).
   */
  changed(first?: string, announce = false): void {
    this.changes++;
    if (announce) this.indexChanged = true;
    if (first && this.workspaceRead) this.publishSoon(first);
    this.schedule([...this.ctx.service.documentUris(), ...this.published]);
  }

  private withDocLink(d: ReturnType<typeof toLspDiagnostic>) {
    const code = String(d.code);
    if (!this.docHrefs.has(code)) this.docHrefs.set(code, ruleDocHref(code));
    const href = this.docHrefs.get(code);
    return href ? { ...d, codeDescription: { href } } : d;
  }

  /** Publish one document's diagnostics; an empty list is sent only to clear earlier ones. */
  private publishOne(uri: string): void {
    const { connection, service, documents } = this.ctx;
    try {
      if (!service.hasDocument(uri)) {
        this.lastSent.delete(uri);
        if (this.published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const found = this.ctx.shown(uri, service.getDiagnostics(uri));
      const doc = documents.get(uri);
      const last = this.lastSent.get(uri);
      if (last && last.found === found && last.version === doc?.version) return;
      const diagnostics = found.map(d => this.withDocLink(toLspDiagnostic(withClauseInWord(uri, d))));
      this.lastSent.set(uri, { found, version: doc?.version });
      if (diagnostics.length || this.published.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics, ...(doc ? { version: doc.version } : {}) });
        if (diagnostics.length) this.published.add(uri);
        else this.published.delete(uri);
      }
    } catch (e) {
      connection.console.error(`diagnostics for ${uri} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** Publish the dirty documents one at a time; a change made meanwhile ends this round. */
  private async publishDirty(): Promise<void> {
    this.pendingTimer = undefined;
    if (this.publishing) return this.schedule([]);
    this.publishing = true;
    const round = this.changes;
    try {
      for (const uri of this.dirty) {
        if (this.changes !== round) return;
        this.dirty.delete(uri);
        this.publishOne(uri);
        await new Promise(resolve => setImmediate(resolve));
      }
    } finally {
      this.publishing = false;
    }
    if (this.changes === round && this.dirty.size === 0) this.settled();
  }

  /** Everything is published: tell the client, if a change it cannot see happened. */
  private settled(): void {
    if (!this.indexChanged || !this.workspaceRead) return;
    this.indexChanged = false;
    if (!this.ctx.notifiesIndexChanges()) return;
    const params: IndexChangedParams = { documents: this.ctx.service.documentUris().length };
    void this.ctx.connection.sendNotification(INDEX_CHANGED_NOTIFICATION, params);
  }

  private schedule(uris: Iterable<string>, delay = DIAGNOSTIC_DELAY_MS): void {
    for (const u of uris) this.dirty.add(u);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => void this.publishDirty(), delay);
  }

  private publishSoon(uri: string): void {
    if (this.urgent.size === 0) {
      setImmediate(() => {
        for (const u of this.urgent) {
          this.dirty.delete(u);
          this.publishOne(u);
        }
        this.urgent.clear();
      });
    }
    this.urgent.add(uri);
  }
}
