// `secdraft check --format github`: one GitHub Actions workflow command per finding, so each
// shows as an annotation on the pull request's changed lines:
//   ::warning file=G8.sec.txt,line=88,col=31,endLine=88,endColumn=33,title=double-space::Two spaces …
// Escaping follows the workflow-command rules: in the message %, CR and LF are percent-encoded;
// in property values also ":" and ",", which would otherwise end the value.
import * as path from 'path';
import type { SecDiagnostic } from '../service';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub knows error, warning and notice. */
function commandOf(severity: SecDiagnostic['severity']): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/** Annotations need paths relative to the repository root (the job's working folder), with `/`. */
function repoPath(p: string, cwd: string): string {
  const rel = path.isAbsolute(p) ? path.relative(cwd, p) : p;
  return rel.split(path.sep).join('/').replace(/^\.\//, '');
}

export function githubAnnotation(filePath: string, d: SecDiagnostic, cwd = process.cwd()): string {
  const props = [
    `file=${escapeProperty(repoPath(filePath, cwd))}`,
    `line=${d.range.start.line + 1}`,
    `col=${d.range.start.character + 1}`,
    `endLine=${d.range.end.line + 1}`,
    `endColumn=${d.range.end.character + 1}`,
    `title=${escapeProperty(d.code)}`,
  ].join(',');
  const message = d.clause ? `${d.message} [${d.clause}]` : d.message;
  return `::${commandOf(d.severity)} ${props}::${escapeData(message)}`;
}

export function toGithub(files: { path: string; diagnostics: SecDiagnostic[] }[], cwd = process.cwd()): string {
  return files.flatMap(f => f.diagnostics.map(d => githubAnnotation(f.path, d, cwd))).join('\n');
}
