// The baseline: findings a team accepted on a given day, in `.secdraft-baseline.json`, so CI and
// the editor report only what is new. A finding is identified by its file, code, clause and the
// text it flags — never its line — so edits elsewhere in the file do not invalidate the entry.
// The same identity gives SARIF's partialFingerprints. The CLI and the server read and write
// the file through this module only (writes are atomic and refuse to overwrite a concurrent edit).
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { type Line, type Range, type SecDiagnostic, splitLines } from '../service';
import { type AtomicWriteOptions, writeFileAtomic } from './atomicWrite';

export const BASELINE_FILE = '.secdraft-baseline.json';

/** One accepted finding; `count` when the same code flags the same text more than once in a clause. */
export interface BaselineEntry {
  /** The file, relative to the baseline's folder, with `/` separators. */
  path: string;
  code: string;
  clause?: string;
  text: string;
  count: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** The longest flagged text kept: enough to tell findings apart, short enough to read in a diff. */
const MAX_TEXT = 120;

/**
 * The text a finding flags. Whitespace alone (a double space, a stray tab) says nothing, so
 * the words either side are added: "User  Security" rather than "  ".
 */
export function flaggedText(text: string | readonly Line[], range: Range): string {
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const start = lines[range.start.line];
  if (!start) return '';
  let flagged: string;
  if (range.end.line === range.start.line) flagged = start.text.slice(range.start.character, range.end.character);
  else {
    const parts = [start.text.slice(range.start.character)];
    for (let l = range.start.line + 1; l < range.end.line && l < lines.length; l++) parts.push(lines[l].text);
    parts.push(lines[range.end.line]?.text.slice(0, range.end.character) ?? '');
    flagged = parts.join('\n');
  }
  if (flagged.trim() === '') {
    const before = /\S*\s*$/.exec(start.text.slice(0, range.start.character))?.[0] ?? '';
    const after = /^\s*\S*/.exec(start.text.slice(range.end.character))?.[0] ?? '';
    flagged = before + flagged + after;
  }
  return flagged.length > MAX_TEXT ? flagged.slice(0, MAX_TEXT) : flagged;
}

/** What identifies a finding across edits: its file, code, clause and flagged text. */
export interface FindingIdentity {
  path: string;
  code: string;
  clause?: string;
  text: string;
}

/** Each finding's identity; the document is split into lines once, however many findings it has. */
export function identitiesIn(filePath: string, diagnostics: readonly SecDiagnostic[], documentText: string): FindingIdentity[] {
  if (diagnostics.length === 0) return [];
  const lines = splitLines(documentText);
  return diagnostics.map(d => ({ path: filePath, code: d.code, ...(d.clause ? { clause: d.clause } : {}), text: flaggedText(lines, d.range) }));
}

function keyOf(i: { path: string; code: string; clause?: string; text: string }): string {
  return JSON.stringify([i.path, i.code, i.clause ?? '', i.text]);
}

/**
 * A fingerprint per finding for SARIF's partialFingerprints: a hash of code, clause and flagged
 * text (not the file: code scanning keys fingerprints by file already), plus the occurrence
 * number among identical ones, so two double spaces in one clause stay two results.
 */
export function fingerprints(identities: readonly Omit<FindingIdentity, 'path'>[]): string[] {
  const seen = new Map<string, number>();
  return identities.map(i => {
    const key = keyOf({ ...i, path: '' });
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
  });
}

/** Accepted findings per identity, counted, in a stable order (so the file diffs well). */
export function baselineOf(identities: readonly FindingIdentity[]): Baseline {
  const counted = new Map<string, BaselineEntry>();
  for (const i of identities) {
    const key = keyOf(i);
    const entry = counted.get(key);
    if (entry) entry.count++;
    else counted.set(key, { path: i.path, code: i.code, ...(i.clause ? { clause: i.clause } : {}), text: i.text, count: 1 });
  }
  const findings = [...counted.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.clause ?? '', b.clause ?? '') || cmp(a.code, b.code) || cmp(a.text, b.text));
  return { version: 1, findings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Which findings the baseline covers. Each entry covers up to `count` findings of its identity,
 * in document order, so a third double space where two were accepted is reported.
 */
export function matchBaseline(baseline: Baseline, identities: readonly FindingIdentity[]): boolean[] {
  const left = new Map(baseline.findings.map(e => [keyOf(e), e.count]));
  return identities.map(i => {
    const key = keyOf(i);
    const n = left.get(key) ?? 0;
    if (n <= 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** The new baseline after a run over some files: their entries replaced, every other file's kept. */
export function mergeBaseline(old: Baseline | undefined, checkedPaths: ReadonlySet<string>, fresh: Baseline): Baseline {
  const kept = (old?.findings ?? []).filter(e => !checkedPaths.has(e.path));
  return baselineOf([...kept.flatMap(e => Array.from({ length: e.count }, () => e)), ...fresh.findings.flatMap(e => Array.from({ length: e.count }, () => e))]);
}

export function serialiseBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Parse and check the file's shape; a broken baseline is an error naming the file, never ignored. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const d = data as Partial<Baseline> | null;
  if (!d || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.findings)) {
    throw new BaselineError(`${file}: not a secdraft baseline (expected {"version": 1, "findings": [...]})`);
  }
  d.findings.forEach((e, i) => {
    const ok = e && typeof e === 'object' && typeof e.path === 'string' && typeof e.code === 'string' && typeof e.text === 'string'
      && (e.clause === undefined || typeof e.clause === 'string') && Number.isInteger(e.count) && e.count > 0;
    if (!ok) throw new BaselineError(`${file}: finding ${i + 1} needs "path", "code", "text" (strings) and "count" (a whole number, 1 or more)`);
  });
  return { version: 1, findings: d.findings };
}

/** The baseline in `file`, or undefined when there is none. */
export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`${file}: could not be read (${(e as Error).message})`);
  }
  return parseBaseline(text, file);
}

/** Write atomically; with `options.expected`, refuse if the file changed since it was read. */
export function writeBaseline(file: string, baseline: Baseline, options: AtomicWriteOptions = {}): void {
  writeFileAtomic(file, serialiseBaseline(baseline), options);
}

/** A path as the baseline stores it: relative to the baseline's folder, `/`-separated. */
export function baselinePath(baselineDir: string, file: string): string {
  return path.relative(baselineDir, path.resolve(file)).split(path.sep).join('/');
}
