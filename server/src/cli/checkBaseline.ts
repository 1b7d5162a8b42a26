// `secdraft check` and the baseline: which file, each finding's identity, writing it
// (`--update-baseline`) and leaving out what it accepts. The file format and the matching are
// baseline.ts's; this is only the CLI's use of them.
import * as path from 'path';
import type { SecDiagnostic } from '../service';
import { BASELINE_FILE, type Baseline, BaselineError, baselineOf, baselinePath, identitiesIn, type FindingIdentity, matchBaseline, mergeBaseline, readBaseline, writeBaseline } from '../io/baseline';
import type { LoadedWorkspace } from './load';
import { UsageError } from './errors';

export interface CheckedFile {
  uri: string;
  path: string;
  diagnostics: SecDiagnostic[];
}

/** `--baseline FILE`, else `.secdraft-baseline.json` beside `.secdraft.json`, else in the current folder. */
export function baselineFileFor(ws: LoadedWorkspace, option: string | undefined): string {
  if (option) return path.resolve(option);
  return path.join(ws.config.source ? path.dirname(ws.config.source) : process.cwd(), BASELINE_FILE);
}

export function identitiesOf(ws: LoadedWorkspace, file: CheckedFile, baselineDir: string): FindingIdentity[] {
  const text = ws.service.documentText(file.uri) ?? '';
  const p = baselinePath(baselineDir, file.path);
  return identitiesIn(p, file.diagnostics, text);
}

export function loadBaseline(file: string): Baseline | undefined {
  try {
    return readBaseline(file);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(e.message);
    throw e;
  }
}

/** Write every finding of the checked files as accepted; other files' entries are kept. Returns the count. */
export function updateBaseline(ws: LoadedWorkspace, files: CheckedFile[], file: string): number {
  const dir = path.dirname(file);
  const identities = files.flatMap(f => identitiesOf(ws, f, dir));
  const checked = new Set(files.map(f => baselinePath(dir, f.path)));
  writeBaseline(file, mergeBaseline(loadBaseline(file), checked, baselineOf(identities)));
  return identities.length;
}

/** The files with the findings the baseline accepts left out, and how many were left out. */
export function withoutBaselined<F extends CheckedFile>(ws: LoadedWorkspace, files: F[], baseline: Baseline, file: string): { files: F[]; baselined: number } {
  const dir = path.dirname(file);
  let baselined = 0;
  const kept = files.map(f => {
    const accepted = matchBaseline(baseline, identitiesOf(ws, f, dir));
    baselined += accepted.filter(Boolean).length;
    return { ...f, diagnostics: f.diagnostics.filter((_, i) => !accepted[i]) };
  });
  return { files: kept, baselined };
}
