// The "Changes" part of the pre-publication report, as HTML and Markdown: per changed clause
// how it changed, the word diff (removed words struck through, added ones underlined/bold),
// its findings and the comments on it. Every word is escaped: drafters' and respondents' text.
import type { DiffPart, ReportChangesPart, ReportComment, ReportFinding } from '../service';
import { escapeHtml, mdCell } from './render';

const STYLE = `<style>
del.change { color: #991b1b; background: #fee2e2; } ins.change { color: #14532d; background: #dcfce7; text-decoration: underline; }
.diff { white-space: pre-wrap; border-left: 3px solid #bbb; padding: .2rem .6rem; margin: .3rem 0 .6rem; }
</style>`;

function diffHtml(parts: readonly DiffPart[]): string {
  return parts.map(p => (p.kind === 'same' ? escapeHtml(p.text) : p.kind === 'added' ? `<ins class="change">${escapeHtml(p.text)}</ins>` : `<del class="change">${escapeHtml(p.text)}</del>`)).join('');
}

function summaryOf(part: ReportChangesPart): string {
  const c = part.counts;
  return `Compared with ${part.baseline}: ${c.added} added, ${c.changed} changed, ${c.renumbered} renumbered, ${c.deleted} deleted, ${c.unchanged} unchanged.`;
}

/** The HTML section; `findings` and `comments` render a clause's entries as the rest of the report does. */
export function changesHtml(part: ReportChangesPart, findings: (f: ReportFinding[]) => string, comments: (c: ReportComment[]) => string): string {
  const clauses = part.clauses.map(ch => {
    const where = [ch.path !== undefined ? `${ch.path}:${ch.line}` : '', ch.baselinePath !== undefined ? `baseline ${ch.baselinePath}:${ch.baselineLine}` : ''].filter(Boolean).join(' · ');
    return `<section class="clause change" id="change-${escapeHtml(ch.id)}-${ch.status}"><h3>${escapeHtml(ch.id)} <span class="heading">${escapeHtml(ch.description)}${ch.heading ? ` · ${escapeHtml(ch.heading)}` : ''}</span></h3><div class="where">${escapeHtml(where)}</div><div class="diff">${diffHtml(ch.diff)}</div>${findings(ch.findings)}${comments(ch.comments)}</section>`;
  });
  return `<h2>Changes</h2>\n${STYLE}\n<p>${escapeHtml(summaryOf(part))}</p>\n${clauses.join('\n') || '<p class="quiet">No clause changed.</p>'}`;
}

/** Markdown: the diff as ~~removed~~ and **added** words. */
function diffMarkdown(parts: readonly DiffPart[]): string {
  return parts.map(p => {
    const text = mdCell(p.text.trim());
    if (p.kind === 'same' || !text) return mdCell(p.text);
    const mark = p.kind === 'added' ? '**' : '~~';
    return `${/^\s/.test(p.text) ? ' ' : ''}${mark}${text}${mark}${/\s$/.test(p.text) ? ' ' : ''}`;
  }).join('').replace(/~~\*\*/g, '~~ **');
}

export function changesMarkdown(part: ReportChangesPart, findings: (f: ReportFinding[]) => string[], comments: (c: ReportComment[]) => string[]): string[] {
  const out = ['', '## Changes', '', summaryOf(part)];
  for (const ch of part.clauses) {
    const where = [ch.path !== undefined ? `${ch.path}:${ch.line}` : '', ch.baselinePath !== undefined ? `baseline ${ch.baselinePath}:${ch.baselineLine}` : ''].filter(Boolean).join(' · ');
    out.push('', `### ${ch.id} ${mdCell(ch.description)}${ch.heading ? ` · ${mdCell(ch.heading)}` : ''}`, '', mdCell(where), '', `> ${diffMarkdown(ch.diff)}`);
    const body = [...findings(ch.findings), ...comments(ch.comments)];
    if (body.length) out.push('', ...body);
  }
  return out;
}
