// The CLI and the baseline the modification is compared with: `--compare-to DIR|REV` (or
// "compareTo" in .secdraft.json) read into the core, `--changed-only`, and the verb
// `secdraft changes [paths…] --compare-to DIR|REV [--format text|json] [--all]`, which lists
// the clauses added, changed, renumbered and deleted.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CompareToError, isUnder, readCompareTo } from '../io/changesBaseline';
import { isInside } from '../io/config';
import type { ChangeSet, ClauseChange, DiffPart } from '../service';
import { type LoadedWorkspace, loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';

/**
 * Read the baseline named by `--compare-to` (relative to the current folder) or by the config's
 * "compareTo" (relative to the config, and inside its folder), into the workspace's service.
 * Returns its label, or undefined when none is named.
 */
export async function applyCompareTo(ws: LoadedWorkspace, option: string | undefined, paths: string[], writeErr: (s: string) => void): Promise<string | undefined> {
  const fromConfig = option === undefined ? ws.config.compareTo : undefined;
  const spec = option ?? fromConfig;
  if (spec === undefined) return undefined;
  const cwd = fromConfig !== undefined && ws.config.source ? path.dirname(ws.config.source) : process.cwd();
  if (fromConfig !== undefined && ws.config.source && fs.existsSync(path.resolve(cwd, spec)) && !isInside(cwd, path.resolve(cwd, spec))) {
    throw new UsageError(`${ws.config.source}: "compareTo" folder "${spec}" lies outside the workspace; refused (name it with --compare-to instead)`);
  }
  try {
    const baseline = await readCompareTo(spec, { cwd, paths: paths.map(p => path.resolve(p)), legalGlobs: ws.config.legalGlobs });
    for (const p of baseline.problems) writeErr(`secdraft: baseline ${p}`);
    if (baseline.docs.length === 0) writeErr(`secdraft: warning: the baseline (${baseline.label}) holds no legal text: every clause counts as added`);
    ws.service.setBaseline(baseline.docs, baseline.label, { legalGlobs: ws.config.legalGlobs, consultationGlobs: ws.config.consultationGlobs });
    if (baseline.folder) leaveOut(ws, baseline.folder);
    return baseline.label;
  } catch (e) {
    if (e instanceof CompareToError) throw new UsageError(`${fromConfig !== undefined ? `${ws.config.source}: "compareTo": ` : '--compare-to: '}${e.message}`);
    throw e;
  }
}

/** A baseline folder or file inside the checked folders is the old text, not part of the workspace: it is left out. */
function leaveOut(ws: LoadedWorkspace, folder: string): void {
  const inside = ws.uris.filter(uri => isUnder(folder, uri));
  for (const uri of inside) {
    ws.service.removeDocument(uri);
    ws.pathOf.delete(uri);
  }
  ws.uris = ws.uris.filter(uri => !inside.includes(uri));
}

/** A baseline file as people read it: "main:sec/g8.sec.md" for a revision, a relative path for a folder. */
export function baselinePathOf(uri: string): string {
  const rev = /\?rev=([^&#]*)&path=([^&#]*)$/.exec(uri);
  if (rev) return `${decodeURIComponent(rev[1])}:${decodeURIComponent(rev[2])}`;
  try {
    return path.relative(process.cwd(), fileURLToPath(uri));
  } catch {
    return uri;
  }
}

/** `git diff --word-diff` style: [-removed-]{+added+}. */
export function plainWordDiff(parts: readonly DiffPart[]): string {
  return parts.map(p => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('');
}

export function changeToJson(c: ClauseChange, displayPath: (uri: string) => string) {
  return {
    id: c.id,
    status: c.status,
    ...(c.current ? { path: displayPath(c.current.uri), line: c.current.line + 1, heading: c.current.heading ?? '' } : {}),
    ...(c.baseline ? { baselineId: c.baseline.id, baselinePath: baselinePathOf(c.baseline.uri), baselineLine: c.baseline.line + 1 } : {}),
    wordsChanged: c.wordsChanged,
    ...(c.diff ? { diff: c.diff } : {}),
  };
}

function textListing(changes: ChangeSet, listed: ClauseChange[], displayPath: (uri: string) => string, label: string): string {
  const out = [`Compared with ${label}: ${(['added', 'changed', 'renumbered', 'deleted', 'unchanged'] as const).map(s => `${changes.counts[s]} ${s}`).join(', ')}.`];
  for (const c of listed) {
    const where = c.current ? `${displayPath(c.current.uri)}:${c.current.line + 1}` : `${baselinePathOf(c.baseline!.uri)}:${c.baseline!.line + 1}`;
    const how = c.status === 'renumbered' ? `renumbered from ${c.baseline!.id}${c.wordsChanged ? ', words changed' : ''}` : c.status;
    out.push('', `${c.id}  ${how}  ${where}`);
    if (c.diff) out.push(`  ${plainWordDiff(c.diff)}`);
    else if (c.status === 'added') out.push(`  {+${c.current!.text}+}`);
    else if (c.status === 'deleted') out.push(`  [-${c.baseline!.text}-]`);
  }
  return out.join('\n');
}

export interface ChangesOptions {
  paths: string[];
  compareTo?: string;
  format: string;
  config?: string;
  /** List the unchanged clauses too. */
  all?: boolean;
}

export async function runChanges(options: ChangesOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  if (!['text', 'json'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected text or json)`);
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const label = await applyCompareTo(ws, options.compareTo, options.paths, writeErr);
  if (label === undefined) throw new UsageError('changes needs a baseline: --compare-to DIR|REV, or "compareTo" in .secdraft.json');
  const changes = ws.service.getChanges()!;
  const displayPath = (uri: string) => ws.pathOf.get(uri) ?? uri;
  const listed = changes.clauses.filter(c => options.all || c.status !== 'unchanged');
  if (options.format === 'json') {
    write(JSON.stringify({ version: 1, baseline: label, clauses: listed.map(c => changeToJson(c, displayPath)), summary: changes.counts }, null, 2));
  } else write(textListing(changes, listed, displayPath, label));
  return ws.problems.length > 0 ? 2 : 0;
}
