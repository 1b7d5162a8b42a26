// `secdraft check [paths…] [--format stylish|json|sarif|github] [--config file] [--fail-on level]`
// `secdraft check --report-only FILES…` reads the whole workspace but reports on FILES only.
// Exit 0 when clean, 1 when a finding reaches the failure severity, 2 on usage/input errors.
import * as path from 'path';
import { type SecDiagnostic, type SeverityLevel, RULES } from '../service';
import { loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';
import { toSarif } from './sarif';
import { applyCertainFixes, type FixMode, unifiedDiff } from './fix';
import { toGithub } from './github';
import { baselineFileFor, identitiesOf, loadBaseline, updateBaseline, withoutBaselined } from './checkBaseline';
import { fingerprints } from '../io/baseline';
import { ruleDocHref, ruleDocText } from '../io/ruleDocs';
import { applyCompareTo } from './changes';

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
  /** `--report-only`: `paths` are the files to report on; the workspace read is `workspace` (default "."). */
  reportOnly?: boolean;
  workspace?: string;
  /** `--baseline FILE` (default: .secdraft-baseline.json beside the config or in the current folder). */
  baseline?: string;
  /** `--update-baseline`: accept every current finding of the checked files. */
  updateBaseline?: boolean;
  /** `--compare-to DIR|REV`: the text the modification is compared with (#21; not the findings baseline). */
  compareTo?: string;
  /** `--changed-only`: only findings of changed clauses and those a change causes. */
  changedOnly?: boolean;
}

export interface FileReport {
  uri: string;
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
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  // The files the findings are in, and (when that differs) how many were checked.
  const withFindings = reports.filter(r => r.diagnostics.length > 0).length;
  const checked = withFindings === reports.length ? '' : ` (${files(reports.length)} checked)`;
  out.push('');
  out.push(total === 0
    ? `No findings in ${files(reports.length)}.`
    : `${total} finding${total === 1 ? '' : 's'} in ${files(withFindings)}${checked}: ${summary.error} error, ${summary.warning} warning, ${summary.information} information, ${summary.hint} hint.`);
  return out.join('\n');
}

/**
 * The JSON report, written finding by finding: the same text as JSON.stringify of the whole
 * report with two-space indentation, without ever holding all of it in one string (the report
 * of a 10 MB file runs to hundreds of megabytes).
 */
export function writeJsonReport<D>(writeOut: (s: string) => void, files: readonly { head: Record<string, unknown>; diagnostics: readonly D[] }[],
  toJson: (d: D) => object, tail: Record<string, unknown>): void {
  // Pieces are gathered into chunks of about a megabyte: one write per finding would be slow.
  let chunk = '';
  const write = (s: string) => {
    chunk += s;
    if (chunk.length >= 1 << 20) {
      writeOut(chunk);
      chunk = '';
    }
  };
  const indented = (value: unknown, by: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${by}`);
  const fields = (entries: Record<string, unknown>, by: string) => Object.entries(entries).map(([key, value]) => `${by}${JSON.stringify(key)}: ${indented(value, by)}`);
  // Every piece but the last ends with a line break (`write` adds one to a piece that has none).
  write(files.length === 0 ? '{\n  "version": 1,\n  "files": [],\n' : '{\n  "version": 1,\n  "files": [\n');
  files.forEach((file, i) => {
    const head = fields(file.head, '      ').join(',\n');
    if (file.diagnostics.length === 0) write(`    {\n${head},\n      "diagnostics": []\n    }${i < files.length - 1 ? ',' : ''}\n`);
    else {
      write(`    {\n${head},\n      "diagnostics": [\n`);
      file.diagnostics.forEach((d, k) => write(`        ${indented(toJson(d), '        ')}${k < file.diagnostics.length - 1 ? ',' : ''}\n`));
      write(`      ]\n    }${i < files.length - 1 ? ',' : ''}\n`);
    }
  });
  if (files.length > 0) write('  ],\n');
  writeOut(chunk + `${fields(tail, '  ').join(',\n')}\n}`);
}

export async function runCheck(options: CheckOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  if (!['stylish', 'json', 'sarif', 'github'].includes(options.format)) throw new UsageError(`unknown format "${options.format}" (expected stylish, json, sarif or github)`);
  if (options.reportOnly && options.paths.length === 0) throw new UsageError('--report-only needs the files to report on (e.g. the files a pull request changed)');
  if (options.reportOnly && options.fix) throw new UsageError('--fix changes every file it can; it takes no --report-only');
  if (options.updateBaseline && (options.fix || options.reportOnly)) throw new UsageError('--update-baseline takes neither --fix nor --report-only');
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings must be a whole number, 0 or more');
  // .docx and .pdf collations are read too: their comments are checked (unknown-clause, …).
  const ws = await loadWorkspaceWithOriginals(options.reportOnly ? [options.workspace ?? '.'] : options.paths, options.config);
  const failOn = (options.failOn ?? ws.config.failOn) as SeverityLevel;
  if (!(failOn in RANK)) throw new UsageError(`--fail-on must be hint, information, warning or error`);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const fixed = options.fix ? applyCertainFixes(ws, options.fix, writeErr) : undefined;
  if (fixed) {
    const count = fixed.files.reduce((n, f) => n + f.applied, 0);
    writeErr(`secdraft: ${options.fix === 'write' ? 'fixed' : 'would fix'} ${count} finding${count === 1 ? '' : 's'} in ${fixed.files.length} file${fixed.files.length === 1 ? '' : 's'}`);
  }
  const changedOnly = options.changedOnly ?? ws.config.changedOnly ?? false;
  // "compareTo" in the config costs a git run: read it only when --changed-only needs it.
  const comparedWith = changedOnly || options.compareTo !== undefined
    ? await applyCompareTo(ws, options.compareTo, options.reportOnly ? [options.workspace ?? '.'] : options.paths, writeErr) : undefined;
  if (changedOnly && comparedWith === undefined) throw new UsageError('--changed-only needs a baseline to compare with: --compare-to DIR|REV, or "compareTo" in .secdraft.json');
  let leftOut = 0;
  const wanted = options.reportOnly ? new Set(options.paths.map(p => path.resolve(p))) : undefined;
  const checked: FileReport[] = ws.uris
    .filter(uri => !wanted || wanted.has(path.resolve(ws.pathOf.get(uri)!)))
    .map(uri => {
      const model = ws.service.getModel(uri)!;
      const diagnostics = changedOnly ? ws.service.getChangedOnlyDiagnostics(uri) : ws.service.getDiagnostics(uri);
      leftOut += ws.service.getDiagnostics(uri).length - diagnostics.length;
      return { uri, path: ws.pathOf.get(uri)!, kind: model.kind, diagnostics, lines: [] };
    });
  const baselineFile = baselineFileFor(ws, options.baseline);
  if (options.updateBaseline) {
    const count = updateBaseline(ws, checked, baselineFile);
    writeErr(`secdraft: ${count} finding${count === 1 ? '' : 's'} accepted in ${baselineFile}`);
    return ws.problems.length > 0 ? 2 : 0;
  }
  const baseline = loadBaseline(baselineFile);
  const { files: reports, baselined } = baseline ? withoutBaselined(ws, checked, baseline, baselineFile) : { files: checked, baselined: 0 };
  if (baselined > 0) writeErr(`secdraft: ${baselined} finding${baselined === 1 ? '' : 's'} accepted in the baseline (${path.relative(process.cwd(), baselineFile) || baselineFile}) not reported`);
  if (changedOnly) writeErr(`secdraft: ${leftOut} finding${leftOut === 1 ? '' : 's'} of clauses unchanged since ${comparedWith} not reported (--changed-only)`);
  const summary = summarise(reports);
  if (options.fix === 'dry-run') {
    const diff = unifiedDiff(fixed!.files);
    if (diff) write(diff);
  } else if (options.format === 'sarif') {
    const files = reports.map(r => ({ ...r, fingerprints: fingerprints(identitiesOf(ws, r, process.cwd())) }));
    write(JSON.stringify(toSarif({
      files, rules: RULES, problems: ws.problems, toolVersion: typeof SECDRAFT_VERSION === 'string' ? SECDRAFT_VERSION : '0.0.0-dev',
      pathOfUri: uri => ws.pathOf.get(uri), ruleHelp: code => ({ uri: ruleDocHref(code), markdown: ruleDocText(code) }), baselined,
    }), null, 2));
  } else if (options.format === 'github') {
    const annotations = toGithub(reports);
    if (annotations) write(annotations);
  } else if (options.format === 'json') {
    writeJsonReport(write, reports.map(r => ({ head: { path: r.path, kind: r.kind }, diagnostics: r.diagnostics })), toJsonDiagnostic, {
      summary,
      ...(baseline ? { baselined } : {}),
      ...(changedOnly ? { changedOnly: { comparedWith, leftOut } } : {}),
    });
  } else {
    write(stylish(reports, summary));
  }
  const failing = reports.some(r => r.diagnostics.some(d => RANK[d.severity] >= RANK[failOn])) || (maxWarnings !== undefined && summary.warning > maxWarnings);
  if (ws.problems.length > 0 || (fixed?.failures ?? 0) > 0) return 2;
  return failing ? 1 : 0;
}
