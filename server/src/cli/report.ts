// `secdraft report [paths…] [--out report.html|report.md] [--title TEXT]`: one document a
// Working Group can read before publication — per clause its heading, open findings and the
// comments on it with their dispositions; a summary table per consultation question; the
// comments still unanswered; and a one-line verdict. The language server builds the same
// report for "SEC: Pre-publication check".
import * as fs from 'fs';
import * as path from 'path';
import { loadWorkspaceWithOriginals } from './load';
import { UsageError } from './errors';
import { renderHtml, renderMarkdown } from '../report/render';
import { applyCompareTo, baselinePathOf } from './changes';

export interface ReportOptions {
  paths: string[];
  out?: string;
  config?: string;
  title?: string;
  /** `--compare-to DIR|REV`: add the "Changes" part (also from "compareTo" in .secdraft.json). */
  compareTo?: string;
}

export async function runReport(options: ReportOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const format = options.out === undefined ? 'md' : /\.html?$/i.test(options.out) ? 'html' : /\.(md|markdown)$/i.test(options.out) ? 'md' : undefined;
  if (!format) throw new UsageError(`--out must name a .html or .md file (got "${options.out}")`);
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  await applyCompareTo(ws, options.compareTo, options.paths, writeErr);
  const root = path.resolve(options.paths[0] ?? '.');
  const title = options.title ?? `Pre-publication report: ${path.basename(fs.existsSync(root) && fs.statSync(root).isFile() ? path.dirname(root) : root)}`;
  const data = ws.service.getReportData(uri => ws.pathOf.get(uri) ?? uri, { title, failOn: ws.config.failOn }, baselinePathOf);
  const text = format === 'html' ? renderHtml(data) : renderMarkdown(data);
  if (options.out === undefined) write(text);
  else {
    try {
      fs.writeFileSync(options.out, text);
    } catch (e) {
      throw new UsageError(`${options.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    writeErr(`secdraft: wrote ${options.out}: ${data.verdict.text}`);
  }
  if (ws.problems.length > 0) return 2;
  return data.verdict.ready ? 0 : 1;
}
