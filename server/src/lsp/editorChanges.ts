// What the modification changes, in the editor: the server reads the baseline named by the
// secDrafting.compareTo setting (else "compareTo" in .secdraft.json) — a folder, or a git
// revision in a trusted workspace — into the core, so hovers and the outline mark changed
// clauses; secDrafting.changedOnly (else "changedOnly") hides the findings of unchanged clauses
// as `secdraft check --changed-only` does; and the `sec/changes` request lists the changed
// clauses with their ranges and word diffs, for a client's gutter marks or filters.
import * as fs from 'fs';
import * as path from 'path';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { type ChangeSet, type SecDiagnostic, type SecLanguageService, describeChange } from '../service';
import { CHANGES_REQUEST, type SecChangedClause, type SecChangesParams, type SecChangesResult } from './protocol';
import { CompareToError, isUnder, readCompareTo } from '../io/changesBaseline';
import { isInside } from '../io/config';
import { trackedChangesBaseline } from '../io/trackedChanges';

export interface ChangesSettings {
  /** A folder (relative to the workspace folder) or a git revision. */
  compareTo?: string;
  changedOnly?: boolean;
  legalGlobs: string[];
  consultationGlobs: string[];
  /** Restricted Mode: no git is run and no folder outside the workspace is read. */
  trusted: boolean;
}

export class EditorChanges {
  private loaded = '';
  private changedOnly = false;
  /** A baseline folder or file inside the workspace: the old text, not the workspace's. */
  private folderInside: string | undefined;
  /** The last settings, and whether a compareTo was named (otherwise Word tracked changes are the baseline). */
  private settings: ChangesSettings | undefined;
  /** uri → the text before the tracked changes of each Word legal text that has some. */
  private readonly beforeChanges = new Map<string, string>();
  private readonly filtered = new WeakMap<readonly SecDiagnostic[], { changes: ChangeSet | undefined; changedOnly: boolean; kept: SecDiagnostic[] }>();

  constructor(
    private readonly service: SecLanguageService,
    private readonly folder: () => string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** Read the baseline again when the settings name another one; true when anything changed. Never rejects. */
  async configure(settings: ChangesSettings): Promise<boolean> {
    try {
      return await this.load(settings);
    } catch (e) {
      this.warn(`SEC Drafting: cannot compare with "${settings.compareTo}": ${(e as Error)?.message ?? e}`);
      return false;
    }
  }

  private async load(settings: ChangesSettings): Promise<boolean> {
    this.settings = settings;
    const changedOnlyBefore = this.changedOnly;
    this.changedOnly = settings.changedOnly === true;
    const root = this.folder();
    const key = JSON.stringify([settings.compareTo ?? '', settings.legalGlobs, settings.trusted, root]);
    if (key === this.loaded) return changedOnlyBefore !== this.changedOnly;
    this.loaded = key;
    const spec = settings.compareTo?.trim();
    const dir = spec && root ? path.resolve(root, spec) : undefined;
    const onDisk = dir !== undefined && fs.existsSync(dir);
    this.folderInside = onDisk && root && isInside(root, dir) ? dir : undefined;
    for (const uri of this.service.documentUris()) if (this.owns(uri)) this.service.removeDocument(uri);
    if (!spec || !root) {
      const had = this.service.hasBaseline();
      this.applyTracked();
      return had || this.service.hasBaseline() || changedOnlyBefore !== this.changedOnly;
    }
    try {
      if (!settings.trusted && !this.folderInside) throw new CompareToError('in Restricted Mode only a folder or file inside the workspace can be the baseline');
      const baseline = await readCompareTo(spec, { cwd: root, legalGlobs: settings.legalGlobs });
      if (this.loaded !== key) return false; // newer settings overtook this read
      for (const p of baseline.problems) this.warn(`SEC Drafting: baseline ${p}`);
      this.service.setBaseline(baseline.docs, baseline.label, { legalGlobs: settings.legalGlobs, consultationGlobs: settings.consultationGlobs });
    } catch (e) {
      if (this.loaded !== key) return false;
      this.service.setBaseline(undefined);
      this.warn(`SEC Drafting: cannot compare with "${spec}": ${e instanceof CompareToError ? e.message : (e as Error).message}`);
    }
    return true;
  }

  /**
   * A Word legal text was read (with its text before the tracked changes, if it has any) or is gone
   * (undefined): with no compareTo named, the tracked changes are the baseline. True when it changed.
   */
  wordRead(uri: string, textBeforeChanges: string | undefined, refresh = true): boolean {
    const had = this.beforeChanges.has(uri);
    if (textBeforeChanges === undefined) this.beforeChanges.delete(uri);
    else this.beforeChanges.set(uri, textBeforeChanges);
    return refresh && (had || textBeforeChanges !== undefined) && this.refreshTracked();
  }

  /**
   * Rebuild the tracked-changes baseline (when no compareTo is named) from the other legal files'
   * text now: called when the workspace was read and when files change on disk. True when there is one.
   */
  refreshTracked(): boolean {
    if (this.settings?.compareTo?.trim() && this.folder()) return false;
    const had = this.service.hasBaseline();
    this.applyTracked();
    return had || this.service.hasBaseline();
  }

  private applyTracked(): void {
    const tracked = trackedChangesBaseline(this.service, this.beforeChanges);
    if (!tracked) this.service.setBaseline(undefined);
    else this.service.setBaseline(tracked.docs, tracked.label, { legalGlobs: this.settings?.legalGlobs ?? [], consultationGlobs: this.settings?.consultationGlobs ?? [] });
  }

  /** Whether a file belongs to the baseline folder (then the workspace does not read it). */
  owns(uri: string): boolean {
    return this.folderInside !== undefined && isUnder(this.folderInside, uri);
  }

  /** A document's findings as published: only changed clauses' (and those a change causes) under changedOnly. */
  filter(uri: string, diagnostics: SecDiagnostic[]): SecDiagnostic[] {
    if (!this.changedOnly) return diagnostics; // the comparison is not worked out for nothing
    const changes = this.service.getChanges();
    if (!changes) return diagnostics;
    const cached = this.filtered.get(diagnostics);
    // The same list for the same comparison keeps its identity: the server sends it only once.
    if (cached && cached.changes === changes && cached.changedOnly === this.changedOnly) return cached.kept;
    const kept = this.service.getChangedOnlyDiagnostics(uri);
    this.filtered.set(diagnostics, { changes, changedOnly: this.changedOnly, kept });
    return kept;
  }

  result(params: SecChangesParams | null | undefined): SecChangesResult {
    const changes = this.service.getChanges();
    if (!changes) return { baseline: '', clauses: [] };
    const clauses: SecChangedClause[] = [];
    for (const c of changes.clauses) {
      if (c.status === 'unchanged' || (params?.uri && c.current?.uri !== params.uri)) continue;
      clauses.push({
        id: c.id, status: c.status, description: describeChange(c),
        ...(c.current ? { uri: c.current.uri, line: c.current.line, lastLine: c.current.lastLine } : {}),
        ...(c.baseline ? { baselineId: c.baseline.id } : {}),
        ...(c.diff ? { diff: c.diff } : {}),
      });
    }
    return { baseline: this.service.getBaselineName(), clauses };
  }

  register(connection: Connection, runSafe: <P, R>(name: string, fallback: R, handler: (params: P) => R) => (params: P, token: CancellationToken) => Promise<unknown>): void {
    connection.onRequest(CHANGES_REQUEST, runSafe('changes', { baseline: '', clauses: [] }, (params: SecChangesParams | null) => this.result(params)));
  }
}
