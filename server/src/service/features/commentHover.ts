// Hover in legal text on a clause number or a reference to one: every consultation comment
// linked to that clause — respondent, category, response, question, the sentence that
// addresses the clause, explicit or inferred (score and the words that made the link), the
// Working Group's recorded disposition and response (or that none is recorded yet) and a
// plain file link to the comment. Hover in a collation on a clause it names: that clause's
// text. Respondent text is untrusted: everything shown is escaped, links are `file:` only.
import type { Position, Range } from '../types';
import type { DocumentModel } from '../model/document';
import type { ConsultationModel } from '../model/consultation';
import { commentsByClause } from '../model/consultation/linking';
import type { CommentEntry, CommentLink } from '../model/consultation/types';
import type { WorkspaceIndex } from '../workspaceIndex';
import { escapeMarkdown, type FeatureContext } from './context';
import type { HoverPart } from './hover';
import { answerState } from './commentAnswers';

const ID_RE = /[A-Z]{1,2}\d{1,3}\.\d{1,3}[A-Z]{0,2}(?![A-Za-z0-9])/g;

/** The clause number under the cursor (a clause's own number or one inside a reference). */
export function clauseIdAt(model: DocumentModel, position: Position): { id: string; range: Range } | undefined {
  const text = model.lines[position.line]?.text;
  if (!text) return undefined;
  ID_RE.lastIndex = 0;
  for (let m = ID_RE.exec(text); m; m = ID_RE.exec(text)) {
    if (m.index > 0 && /[\w.]/.test(text[m.index - 1])) continue;
    const end = m.index + m[0].length;
    if (position.character >= m.index && position.character <= end) {
      return { id: m[0], range: { start: { line: position.line, character: m.index }, end: { line: position.line, character: end } } };
    }
  }
  return undefined;
}

/** A `file:` link to a comment's line; anything else is not linked. */
export function commentLink(uri: string, line: number): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  return `${uri.replace(/[()\s<>]/g, c => encodeURIComponent(c))}#L${line + 1}`;
}

function questionTitle(workspace: WorkspaceIndex, entry: CommentEntry): string {
  const model = workspace.model(entry.uri) as ConsultationModel | undefined;
  return model?.kind === 'consultation' ? (model.questions.find(q => q.number === entry.comment.question)?.title ?? '') : '';
}

function how(link: CommentLink): string {
  if (link.kind === 'explicit') return 'names this clause';
  const because = link.because?.length ? `; because of: ${link.because.map(escapeMarkdown).join(', ')}` : '';
  return `inferred, score ${link.score.toFixed(2)}${because}`;
}

function commentSection(workspace: WorkspaceIndex, entry: CommentEntry, link: CommentLink): string {
  const c = entry.comment;
  const title = questionTitle(workspace, entry);
  const who = [`**${escapeMarkdown(c.respondent)}**`, c.category && `(${escapeMarkdown(c.category)})`, c.response && `— ${escapeMarkdown(c.response)}`].filter(Boolean).join(' ');
  const target = commentLink(entry.uri, c.range.start.line);
  const lines = [
    who,
    `Question ${escapeMarkdown(c.question)}${title ? `: ${escapeMarkdown(title)}` : ''} · ${how(link)}`,
    '',
    `> ${escapeMarkdown(link.quote || c.text)}`,
  ];
  lines.push('', answerLine(workspace, entry));
  // A row read by a guess says so, so the Working Group checks it against the original.
  if (c.confidence === 'unsure') lines.push('', `*Unsure reading of this row: ${escapeMarkdown(c.unsure ?? 'check it against the original')}*`);
  if (target) lines.push('', `[Open the full comment](${target})`);
  return lines.join('\n');
}

/** The Working Group's recorded answer to a comment, or that none is recorded yet. */
function answerLine(workspace: WorkspaceIndex, entry: CommentEntry): string {
  const { answer } = answerState(workspace, entry);
  if (!answer) return '*No response recorded yet.*';
  const changed = answer.clause ? ` (${escapeMarkdown(answer.clause)})` : '';
  return `**Response — ${escapeMarkdown(answer.dispositionLabel)}${changed}:** ${escapeMarkdown(answer.response.replace(/\s*\n\s*/g, ' '))}`;
}

/** The comments linked to a clause, explicit links first, then by score. */
export function commentsOnClause(workspace: WorkspaceIndex, id: string): { entry: CommentEntry; link: CommentLink }[] {
  return [...(commentsByClause(workspace).get(id) ?? [])].sort((a, b) =>
    (a.link.kind === b.link.kind ? 0 : a.link.kind === 'explicit' ? -1 : 1) || b.link.score - a.link.score);
}

function clauseText(workspace: WorkspaceIndex, id: string): string | undefined {
  const found = workspace.findClause(id);
  const model = found && workspace.model(found.uri);
  if (!found || model?.kind !== 'legal') return undefined;
  const { clause } = found;
  const body = model.lines.slice(clause.firstLine, clause.lastLine + 1).map(l => l.text).join('\n');
  const shown = body.length > 1500 ? body.slice(0, 1500) + '…' : body;
  const heading = clause.heading ? ` — ${escapeMarkdown(clause.heading)}` : '';
  return `**${escapeMarkdown(id)}**${heading}\n\n${escapeMarkdown(shown)}`;
}

export function commentHover(ctx: FeatureContext): HoverPart[] {
  const hit = clauseIdAt(ctx.model, ctx.position);
  if (!hit) return [];
  if (ctx.model.kind === 'consultation') {
    const text = clauseText(ctx.workspace, hit.id);
    return text ? [{ markdown: text, range: hit.range }] : [];
  }
  if (ctx.model.kind !== 'legal') return [];
  const on = commentsOnClause(ctx.workspace, hit.id);
  if (on.length === 0) return [];
  const answered = on.filter(({ entry }) => answerState(ctx.workspace, entry).answered).length;
  const header = `**${on.length} consultation comment${on.length === 1 ? '' : 's'} on ${escapeMarkdown(hit.id)}** · ${answered} answered, ${on.length - answered} without a response`;
  return [{ markdown: [header, ...on.map(({ entry, link }) => commentSection(ctx.workspace, entry, link))].join('\n\n'), range: hit.range }];
}
