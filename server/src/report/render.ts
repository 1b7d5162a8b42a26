// The pre-publication report as HTML (one self-contained file: inline CSS, no script, no
// network, a Content-Security-Policy that forbids everything else; prints cleanly) and as
// Markdown (tables a drafter pastes into the modification report). Every string that comes
// from a document or a respondent is escaped: a collation is untrusted input. Rows link to the
// text they are about (`file:` URI#Lline, which VS Code's webview and a browser open); plain
// links need nothing the report's CSP forbids.
import { type QuestionSummary, type ReportComment, type ReportData, type ReportFinding, DISPOSITION_LABELS } from '../service';
import { changesHtml, changesMarkdown } from './changesRender';
import * as path from 'path';
import { fileURLToPath } from 'url';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The link target for a path the report shows and a 1-based line, when the file is known. */
export type HrefOf = (path: string, line: number) => string | undefined;

export interface RenderOptions {
  /** Without it the report names places as text only (as before links). */
  href?: HrefOf;
}

/**
 * Wrap the function that turns a URI into the path people read, so the report can link each
 * path it shows back to its file. Only `file:` URIs are linked (an unsaved or a git baseline
 * document has nowhere to open). With `relativeTo` (a folder) the links are relative to it, so
 * a Markdown report pasted or moved with its folder keeps working; without, absolute `file:` URIs.
 */
export function linkablePaths(displayPath: (uri: string) => string, relativeTo?: string): { displayPath: (uri: string) => string; href: HrefOf } {
  const uriOf = new Map<string, string>();
  return {
    displayPath: uri => {
      const shown = displayPath(uri);
      if (!uriOf.has(shown)) uriOf.set(shown, uri);
      return shown;
    },
    href: (shown, line) => {
      const uri = uriOf.get(shown);
      if (!uri?.startsWith('file:')) return undefined;
      const target = relativeTo === undefined ? uri.replace(/#.*$/, '') : relativeLink(relativeTo, uri);
      return target && `${target}#L${line}`;
    },
  };
}

function relativeLink(folder: string, uri: string): string | undefined {
  try {
    return encodeURI(path.relative(folder, fileURLToPath(uri)).split(path.sep).join('/')).replace(/[?#]/g, encodeURIComponent);
  } catch {
    return undefined; // not a local file path
  }
}

/** At most `max` characters of a comment on one line, cut at a word with an ellipsis; never inside a character. */
export function shortenText(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points: an emoji or other astral character is never split
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** Escaped text, linked to the place when its file is known. Shortening happens before escaping, so no entity is ever cut. */
function placeHtml(text: string, path: string, line: number, href: HrefOf | undefined): string {
  const target = href?.(path, line);
  return target ? `<a href="${escapeHtml(target)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** A Markdown link (or plain cell text) to a place; the URI's parentheses and spaces encoded so the link stays whole. */
function placeMd(text: string, path: string, line: number, href: HrefOf | undefined): string {
  const target = href?.(path, line);
  return target ? `[${mdCell(text)}](${target.replace(/[()\s<>|]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : mdCell(text);
}

const CSS = `
body { font: 11pt/1.45 system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h3 .heading { font-weight: normal; color: #444; }
.verdict { font-size: 1.15rem; font-weight: bold; padding: .6rem .9rem; border-radius: 4px; border: 2px solid; }
.verdict.ready { color: #14532d; border-color: #15803d; background: #f0fdf4; }
.verdict.not-ready { color: #7f1d1d; border-color: #b91c1c; background: #fef2f2; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95em; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; }
table.comments th:nth-child(4) { width: 36%; } table.comments th:nth-child(6) { width: 28%; }
tr.total td { font-weight: bold; }
.where { color: #555; font-size: .85em; white-space: nowrap; }
.sev-error { color: #b91c1c; font-weight: bold; } .sev-warning { color: #a16207; font-weight: bold; }
.sev-information, .sev-hint { color: #1d4ed8; }
.missing { color: #b91c1c; font-style: italic; }
.comment p { margin: 0 0 .4rem; white-space: pre-wrap; }
.quiet { color: #666; }
ul.findings { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  section.clause, tr { break-inside: avoid; }
  .verdict { border-width: 1px; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

function findingsHtml(findings: ReportFinding[], withPath: boolean, href?: HrefOf): string {
  if (findings.length === 0) return '';
  return `<ul class="findings">${findings.map(f => `<li><span class="sev-${f.severity}">${f.severity}</span> ${escapeHtml(f.message)} <code>${escapeHtml(f.code)}</code> <span class="where">${placeHtml(withPath ? `${f.path}:${f.line}:${f.column}` : `line ${f.line}`, f.path, f.line, href)}</span></li>`).join('')}</ul>`;
}

function paragraphsHtml(text: string): string {
  return text.split(/\n\s*\n/).map(p => `<p>${escapeHtml(p)}</p>`).join('');
}

function answerHtml(c: ReportComment): string {
  if (!c.answer) return '<td class="missing" colspan="2">No response recorded</td>';
  const disposition = DISPOSITION_LABELS[c.answer.disposition] + (c.answer.clause ? ` (${c.answer.clause})` : '');
  return `<td>${escapeHtml(disposition)}</td><td class="comment">${paragraphsHtml(c.answer.response)}</td>`;
}

function commentsTableHtml(comments: ReportComment[], href?: HrefOf): string {
  if (comments.length === 0) return '';
  const rows = comments.map(c => `<tr><td>${escapeHtml(c.respondent)}<div class="where">${placeHtml(`Q${c.question} · ${c.id}`, c.path, c.line, href)}</div></td><td>${escapeHtml(c.category)}</td><td>${escapeHtml(c.position)}</td><td class="comment">${paragraphsHtml(c.text)}</td>${answerHtml(c)}</tr>`);
  return `<table class="comments"><thead><tr><th>Respondent</th><th>Category</th><th>Response</th><th>Comment</th><th>Disposition</th><th>Working Group response</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function questionHtml(q: QuestionSummary): string {
  const head = `<tr><th>Category</th>${q.positions.map(p => `<th class="num">${escapeHtml(p)}</th>`).join('')}<th class="num">Total</th></tr>`;
  const rows = q.rows.map(r => `<tr><td>${escapeHtml(r.category)}</td>${q.positions.map(p => `<td class="num">${r.counts[p]}</td>`).join('')}<td class="num">${r.total}</td></tr>`);
  const total = `<tr class="total"><td>Total</td>${q.positions.map(p => `<td class="num">${q.totals[p]}</td>`).join('')}<td class="num">${q.total}</td></tr>`;
  return `<h3>Question ${escapeHtml(q.question)}${q.title ? `: <span class="heading">${escapeHtml(q.title)}</span>` : ''}</h3><table class="summary"><thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table>`;
}

/** "1 file checked: 0 errors, 1 warning, …": the counts, each in the singular when it is one. */
function countsLine(c: ReportData['counts']): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `${n(c.files, 'file')} checked: ${n(c.error, 'error')}, ${n(c.warning, 'warning')}, ${c.information} information, ${n(c.hint, 'hint')}; `
    + `${n(c.comments, 'consultation comment')}, ${c.unanswered} without a response.`;
}

export function renderHtml(data: ReportData, options: RenderOptions = {}): string {
  const c = data.counts;
  const href = options.href;
  const clauses = data.clauses.map(cl => {
    const body = findingsHtml(cl.findings, false, href) + commentsTableHtml(cl.comments, href);
    return `<section class="clause" id="clause-${escapeHtml(cl.id)}"><h3>${escapeHtml(cl.id)}${cl.heading ? ` <span class="heading">${escapeHtml(cl.heading)}</span>` : ''}</h3><div class="where">${placeHtml(`${cl.path}:${cl.line}`, cl.path, cl.line, href)}</div>${body || '<p class="quiet">No open findings or comments.</p>'}</section>`;
  });
  const unanswered = data.unanswered.length === 0
    ? '<p>Every comment has a recorded response.</p>'
    : `<table class="unanswered"><thead><tr><th>Comment</th><th>Respondent</th><th>Category</th><th>What they said</th><th>Where</th></tr></thead><tbody>${data.unanswered.map(u => `<tr><td><code>${escapeHtml(u.id)}</code></td><td>${escapeHtml(u.respondent)}</td><td>${escapeHtml(u.category)}</td><td class="comment">${escapeHtml(shortenText(u.text))}</td><td class="where">${placeHtml(`${u.path}:${u.line}`, u.path, u.line, href)}</td></tr>`).join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(data.title)}</h1>
<p class="verdict ${data.verdict.ready ? 'ready' : 'not-ready'}">${escapeHtml(data.verdict.text)}</p>
<p>${countsLine(c)}</p>
<h2>Unanswered comments</h2>
${unanswered}
<h2>Consultation questions</h2>
${data.questions.length ? data.questions.map(questionHtml).join('\n') : '<p class="quiet">No consultation responses in the workspace.</p>'}
${data.changes ? changesHtml(data.changes, f => findingsHtml(f, false, href), cs => commentsTableHtml(cs, href), (text, path, line) => placeHtml(text, path, line, href)) : ''}
<h2>Clauses</h2>
${clauses.join('\n') || '<p class="quiet">No legal text in the workspace.</p>'}
${data.generalComments.length ? `<h2>Comments not linked to a clause</h2>\n${commentsTableHtml(data.generalComments, href)}` : ''}
${data.otherFindings.length ? `<h2>Other findings</h2>\n${findingsHtml(data.otherFindings, true, href)}` : ''}
</body>
</html>
`;
}

/** A Markdown table cell: one line, pipes escaped, Markdown/HTML specials made inert. */
export function mdCell(s: string): string {
  return s.replace(/\r?\n\s*\r?\n/g, ' <br> ').replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, c => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/&lt;br&gt;/g, '<br>');
}

function mdFindings(findings: ReportFinding[], withPath: boolean, href?: HrefOf): string[] {
  return findings.map(f => `- **${f.severity}** ${mdCell(f.message)} \`${f.code}\` (${placeMd(withPath ? `${f.path}:${f.line}:${f.column}` : `line ${f.line}`, f.path, f.line, href)})`);
}

function mdComments(comments: ReportComment[], href?: HrefOf): string[] {
  if (comments.length === 0) return [];
  return [
    '',
    '| Respondent | Category | Response | Comment | Disposition | Working Group response |',
    '| --- | --- | --- | --- | --- | --- |',
    ...comments.map(c => `| ${href?.(c.path, c.line) ? `${mdCell(c.respondent)} (${placeMd(`Q${c.question}`, c.path, c.line, href)})` : mdCell(c.respondent)} | ${mdCell(c.category)} | ${mdCell(c.position)} | ${mdCell(c.text)} | ${c.answer ? mdCell(DISPOSITION_LABELS[c.answer.disposition] + (c.answer.clause ? ` (${c.answer.clause})` : '')) : '**No response recorded**'} | ${c.answer ? mdCell(c.answer.response) : ''} |`),
  ];
}

export function renderMarkdown(data: ReportData, options: RenderOptions = {}): string {
  const c = data.counts;
  const href = options.href;
  const out = [
    `# ${mdCell(data.title)}`, '',
    `**${data.verdict.text}**`, '',
    countsLine(c), '',
    '## Unanswered comments', '',
  ];
  if (data.unanswered.length === 0) out.push('Every comment has a recorded response.');
  else {
    out.push('| Comment | Respondent | Category | What they said | Where |', '| --- | --- | --- | --- | --- |');
    for (const u of data.unanswered) out.push(`| \`${u.id}\` | ${mdCell(u.respondent)} | ${mdCell(u.category)} | ${mdCell(shortenText(u.text))} | ${placeMd(`${u.path}:${u.line}`, u.path, u.line, href)} |`);
  }
  out.push('', '## Consultation questions');
  for (const q of data.questions) {
    out.push('', `### Question ${mdCell(q.question)}${q.title ? `: ${mdCell(q.title)}` : ''}`, '');
    out.push(`| Category | ${q.positions.map(mdCell).join(' | ')} | Total |`, `| --- |${' ---: |'.repeat(q.positions.length + 1)}`);
    for (const r of q.rows) out.push(`| ${mdCell(r.category)} | ${q.positions.map(p => r.counts[p]).join(' | ')} | ${r.total} |`);
    out.push(`| **Total** | ${q.positions.map(p => q.totals[p]).join(' | ')} | ${q.total} |`);
  }
  if (data.changes) out.push(...changesMarkdown(data.changes, f => mdFindings(f, false, href), cs => mdComments(cs, href)));
  out.push('', '## Clauses');
  for (const cl of data.clauses) {
    out.push('', `### ${cl.id}${cl.heading ? ` ${mdCell(cl.heading)}` : ''}`, '', placeMd(`${cl.path}:${cl.line}`, cl.path, cl.line, href));
    const body = [...mdFindings(cl.findings, false, href), ...mdComments(cl.comments, href)];
    out.push('', ...(body.length ? body : ['No open findings or comments.']));
  }
  if (data.generalComments.length) out.push('', '## Comments not linked to a clause', ...mdComments(data.generalComments, href));
  if (data.otherFindings.length) out.push('', '## Other findings', '', ...mdFindings(data.otherFindings, true, href));
  return out.join('\n') + '\n';
}
