// The baseline in the editor: the server hides the findings `.secdraft-baseline.json` accepts
// (as `secdraft check` does, so the editor and CI agree), and offers "Suppress in baseline" on
// each finding, so published legal text need not carry `sec-disable` comments. The action runs
// the workspace/executeCommand below (any LSP editor can run it); the server writes the file
// through baseline.ts, atomically, refusing when the file changed on disk since it was read.
import * as fs from 'fs';
import * as path from 'path';
import { type CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { type Range, type SecDiagnostic, comparePositions, toLspDiagnostic } from '../service';
import { BASELINE_FILE, type Baseline, BaselineError, baselineOf, baselinePath, type FindingIdentity, identitiesIn, matchBaseline, parseBaseline, writeBaseline } from '../io/baseline';
import { WriteConflictError } from '../io/atomicWrite';
import { uriToPath } from '../io/workspace';

export const SUPPRESS_IN_BASELINE_COMMAND = 'secDrafting.suppressInBaseline';

/** What the command receives: the finding's identity (its path relative to the baseline's folder). */
export type SuppressArgs = FindingIdentity;

export type SuppressResult = { ok: true; message: string } | { ok: false; message: string };

export class EditorBaseline {
  private baseline: Baseline | undefined;
  /** The file's text when read (undefined: no file), so a write never overwrites an edit made meanwhile. */
  private onDisk: string | undefined;
  /** Bumped on every reload: a document's filtered list is recomputed only when this or its findings change. */
  private generation = 0;
  private readonly filtered = new WeakMap<readonly SecDiagnostic[], { generation: number; kept: SecDiagnostic[] }>();

  constructor(
    private readonly folder: () => string | undefined,
    private readonly documentText: (uri: string) => string | undefined,
  ) {}

  file(): string | undefined {
    const folder = this.folder();
    return folder ? path.join(folder, BASELINE_FILE) : undefined;
  }

  isBaselineFile(file: string): boolean {
    const mine = this.file();
    return mine !== undefined && path.resolve(file) === path.resolve(mine);
  }

  /** Read the file again; returns a message when it is broken (then nothing is hidden). */
  reload(): string | undefined {
    this.generation++;
    this.baseline = undefined;
    this.onDisk = undefined;
    const file = this.file();
    if (!file) return undefined;
    try {
      this.onDisk = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      this.baseline = this.onDisk === undefined ? undefined : parseBaseline(this.onDisk, file);
      return undefined;
    } catch (e) {
      return e instanceof BaselineError ? e.message : `${file}: could not be read (${(e as Error).message})`;
    }
  }

  private identities(uri: string, diagnostics: readonly SecDiagnostic[]): FindingIdentity[] | undefined {
    const folder = this.folder();
    const file = uriToPath(uri);
    const text = this.documentText(uri);
    if (!folder || !file || text === undefined) return undefined;
    const rel = baselinePath(folder, file);
    if (rel.startsWith('../') || path.isAbsolute(rel)) return undefined; // outside the workspace folder
    return identitiesIn(rel, diagnostics, text);
  }

  /** The findings the baseline does not accept; the same list object while nothing changed. */
  filter(uri: string, diagnostics: SecDiagnostic[]): SecDiagnostic[] {
    if (!this.baseline || diagnostics.length === 0) return diagnostics;
    const cached = this.filtered.get(diagnostics);
    if (cached && cached.generation === this.generation) return cached.kept;
    const identities = this.identities(uri, diagnostics);
    const accepted = identities ? matchBaseline(this.baseline, identities) : [];
    const kept = accepted.some(Boolean) ? diagnostics.filter((_, i) => !accepted[i]) : diagnostics;
    this.filtered.set(diagnostics, { generation: this.generation, kept });
    return kept;
  }

  /** "Suppress in baseline" for each shown finding the range touches. */
  actions(uri: string, diagnostics: SecDiagnostic[], range: Range, only?: string[]): CodeAction[] {
    if (only && !only.some(k => CodeActionKind.QuickFix.startsWith(k))) return [];
    const touched = diagnostics.filter(d => comparePositions(d.range.start, range.end) <= 0 && comparePositions(range.start, d.range.end) <= 0);
    const identities = this.identities(uri, touched);
    if (!identities) return [];
    return touched.map((d, i) => {
      const title = `Suppress '${d.code}' in the baseline (${BASELINE_FILE})`;
      const args: SuppressArgs = identities[i];
      return { title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d)], command: { title, command: SUPPRESS_IN_BASELINE_COMMAND, arguments: [args] } };
    });
  }

  /** Add one finding to the file (created when missing); refused with a message, never silently. */
  suppress(args: SuppressArgs): SuppressResult {
    const file = this.file();
    if (!file) return { ok: false, message: 'The baseline lives in the workspace folder; open a folder first.' };
    if (!args || typeof args.path !== 'string' || typeof args.code !== 'string' || typeof args.text !== 'string') {
      return { ok: false, message: 'Not added to the baseline: the finding was not named (path, code, text).' };
    }
    const problem = this.reload();
    if (problem) return { ok: false, message: `${problem}; fix it by hand first — it is never overwritten while broken.` };
    const old = this.baseline?.findings.flatMap(e => Array.from({ length: e.count }, () => e)) ?? [];
    const entry: FindingIdentity = { path: args.path, code: args.code, ...(args.clause ? { clause: args.clause } : {}), text: args.text };
    try {
      writeBaseline(file, baselineOf([...old, entry]), { expected: this.onDisk });
    } catch (e) {
      this.reload();
      if (e instanceof WriteConflictError) return { ok: false, message: `${BASELINE_FILE} changed on disk while it was being written; nothing was written — try again.` };
      return { ok: false, message: `${BASELINE_FILE} could not be written: ${(e as Error).message}` };
    }
    this.reload();
    return { ok: true, message: `Added '${args.code}'${args.clause ? ` in ${args.clause}` : ''} to ${BASELINE_FILE}.` };
  }
}
