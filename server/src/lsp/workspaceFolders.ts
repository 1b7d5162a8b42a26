// The workspace folders the server reads, followed while it runs (issue 18): the client names
// them at `initialize` (or only a rootUri, for a client without workspace folders) and then
// reports folders added and removed (workspace/didChangeWorkspaceFolders). A folder added is
// scanned as the start-up scan reads folders (the same function, with its progress); a folder
// removed has its files dropped from the workspace index, so their findings are cleared and
// their clauses and terms are no longer known. A document open in the editor stays while open.
// Changes are handled one at a time, after the start-up scan: each reads the settings again
// (every folder's .secdraft.json) before it scans.
import * as path from 'path';
import type { Connection, InitializeParams, TextDocuments, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SecLanguageService } from '../service';
import { uriToPath } from '../io/workspace';
import { relativeBelow } from '../io/config';

export interface WorkspaceFoldersContext {
  connection: Connection;
  service: SecLanguageService;
  documents: TextDocuments<TextDocument>;
  /** Read every folder's .secdraft.json again, hand the settings to the core, re-register the watchers. */
  reloadSettings: () => Promise<void>;
  /** Folders are about to be read: hold the announcement (sec/indexChanged) until `scan` has read them. */
  reading: () => void;
  /** Read the folders' files into the core (the start-up scan's function), then publish and announce. */
  scan: (folders: string[]) => Promise<void>;
  /** After files were dropped: rebuild what depends on the set of files, re-check and publish, announce (sec/indexChanged). */
  refresh: () => void;
}

/** Is `file` the folder itself or below it? */
export function inFolder(file: string, folder: string): boolean {
  return relativeBelow(folder, file) !== undefined;
}

export class WorkspaceFolders {
  private folders: string[] = [];
  /** Whether the client said it has workspace folders (and so may report changes to them). */
  private clientHasFolders = false;
  /** The start-up scan and each change, in the order they came. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: WorkspaceFoldersContext) {}

  /** The folders named at `initialize`; the rootUri when the client names none. */
  initialize(params: InitializeParams): void {
    this.clientHasFolders = !!params.capabilities.workspace?.workspaceFolders;
    this.folders = pathsOf(params.workspaceFolders ?? []);
    if (this.folders.length === 0 && params.rootUri) this.folders = pathsOf([{ uri: params.rootUri }]);
  }

  /** Every workspace folder; the first is where the workspace's own .secdraft.json is looked for. */
  list(): string[] {
    return this.folders;
  }

  /** Is the file in one of the folders? With no folder (single files opened), every file is. */
  contains(file: string): boolean {
    return this.folders.length === 0 || this.folders.some(folder => inFolder(file, folder));
  }

  /**
   * After `initialized`: listen for folders added and removed (before anything else, so that
   * no change is missed) and run the start-up scan first in the queue.
   */
  start(startUp: () => Promise<void>): Promise<void> {
    if (this.clientHasFolders) {
      this.ctx.connection.workspace.onDidChangeWorkspaceFolders(event => void this.enqueue(() => this.changed(event)));
    }
    return this.enqueue(startUp);
  }

  /** Run `work` after everything queued before it; a failure is logged and the queue goes on. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch(e => this.ctx.connection.console.error(`workspace folders: ${(e as Error)?.stack ?? e}`));
    return this.queue;
  }

  private async changed(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const removed = pathsOf(event.removed);
    const added = pathsOf(event.added).filter(f => !this.folders.includes(f) || removed.includes(f));
    this.folders = [...this.folders.filter(f => !removed.includes(f)), ...added];
    if (added.length) this.ctx.reading(); // before the settings are applied, which re-checks and would announce
    const dropped = this.dropDocumentsOf(removed);
    if (dropped) this.ctx.connection.console.info(`SEC Drafting: ${dropped} file(s) of the removed folder(s) are no longer read: ${removed.join(', ')}`);
    try {
      await this.ctx.reloadSettings();
    } finally {
      // Even if the settings failed (the queue logs why): the added folders' files are the workspace's now.
      if (added.length) await this.ctx.scan(added);
      else this.ctx.refresh();
    }
  }

  /**
   * Forget the files of removed folders that no remaining folder holds (a folder may sit
   * inside another) and that are not open in the editor. The publisher then clears their
   * findings: it sends an empty list for each document it published and the core no longer has.
   */
  private dropDocumentsOf(removed: string[]): number {
    const { service, documents } = this.ctx;
    let dropped = 0;
    for (const uri of service.documentUris()) {
      const file = uriToPath(uri);
      if (!file || documents.get(uri) || !removed.some(folder => inFolder(file, folder))) continue;
      if (this.folders.some(folder => inFolder(file, folder))) continue;
      service.removeDocument(uri);
      dropped++;
    }
    return dropped;
  }
}

/** The folders' paths; an entry without a file URI (Neovim 0.7 sends `removed: [{}]` with an addition) is passed over. */
function pathsOf(folders: readonly { uri: string }[] | undefined): string[] {
  return (folders ?? []).map(f => (typeof f?.uri === 'string' ? uriToPath(f.uri) : undefined)).filter((p): p is string => !!p).map(p => path.resolve(p));
}
