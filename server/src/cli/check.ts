// `secdraft check [paths…] [--format stylish|json] [--config file] [--fail-on level]`
// Exit 0 when clean, 1 when a finding reaches the failure severity, 2 on usage/input errors.
import type { SecDiagnostic, SeverityLevel } from '../service/types';
import { loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';
import { toSarif } from './sarif';
import { applyCertainFixes, type FixMode, unifiedDiff } from './fix';
import { RULES } from '../service/rules/registry';

declare const SECDRAFT_VERSION: string | undefined;

export interface CheckOptions {
  paths: string[];
  format: string;
  config?: string;
  failOn?: string;
  /** CI policy: also fail when there are more than this many warnings (`--max-warnings N`). */
  maxWarnings?: string;
  /** `--fix` writes every certain fix; `--fix-dry-run` prints them as a diff instead. */
  fix?: FixMode;
}

export interface FileReport {
  path: string;
  kind: string;
  diagnostics: SecDiagnostic[];
  lines: string[];
}

const RANK: Record<string, number> = { hint: 1, information: 2, warning: 3, error: 4 };

export function toJsonDiagnostic(d: SecDiagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    ...(d.clause ? { clause: d.clause } : {}),
  };
}

export function summarise(reports: FileReport[]) {
  const summary = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const d of r.diagnostics) summary[d.severity]++;
  return summary;
}

function stylish(reports: FileReport[], summary: ReturnType<typeof summarise>): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out.push(`${where}  ${d.severity.padEnd(11)} ${d.message}  ${d.code}${d.clause ? `  (${d.clause})` : ''}`);
    }
  }
  const total = summary.error + summary.warning + summary.information + summary.hint;
  out.push('');
  out.push(total === 0
    ? `No findings in ${reports.length} file${reports.length === 1 ? '' : 's'}.`
    : `${total} finding${total === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}: ${summary.error} error, ${summary.warning} warning, ${summary.information} information, ${summary.hint} hint.`);
  return out.join('\n');
}

export async function runCheck(options: CheckOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  if (!['stylish', 'json', 'sarif'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected stylish, json or sarif)`);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings must be a whole number, 0 or more');
  // .docx and .pdf collations are read too: their comments are checked (unknown-clause, …).
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  const failOn = (options.failOn ?? ws.config.failOn) as SeverityLevel;
  if (!(failOn in RANK)) throw new UsageError(`--fail-on must be hint, information, warning or error`);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const fixed = options.fix ? applyCertainFixes(ws, options.fix, writeErr) : undefined;
  if (fixed) {
    const count = fixed.files.reduce((n, f) => n + f.applied, 0);
    writeErr(`secdraft: ${options.fix === 'write' ? 'fixed' : 'would fix'} ${count} finding${count === 1 ? '' : 's'} in ${fixed.files.length} file${fixed.files.length === 1 ? '' : 's'}`);
  }
  const reports: FileReport[] = ws.uris.map(uri => {
    const model = ws.service.workspace.model(uri)!;
    return { path: ws.pathOf.get(uri)!, kind: model.kind, diagnostics: ws.service.getDiagnostics(uri), lines: [] };
  });
  const summary = summarise(reports);
  if (options.fix === 'dry-run') {
    const diff = unifiedDiff(fixed!.files);
    if (diff) write(diff);
  } else if (options.format === 'sarif') {
    write(JSON.stringify(toSarif({ files: reports, rules: RULES, problems: ws.problems, toolVersion: typeof SECDRAFT_VERSION === 'string' ? SECDRAFT_VERSION : '0.0.0-dev' }), null, 2));
  } else if (options.format === 'json') {
    write(JSON.stringify({
      version: 1,
      files: reports.map(r => ({ path: r.path, kind: r.kind, diagnostics: r.diagnostics.map(toJsonDiagnostic) })),
      summary,
    }, null, 2));
  } else {
    write(stylish(reports, summary));
  }
  const failing = reports.some(r => r.diagnostics.some(d => RANK[d.severity] >= RANK[failOn])) || (maxWarnings !== undefined && summary.warning > maxWarnings);
  if (ws.problems.length > 0 || (fixed?.failures ?? 0) > 0) return 2;
  return failing ? 1 : 0;
}
