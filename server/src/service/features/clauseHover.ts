// Hover on a clause number or a reference: the target's heading and opening words, and the
// paragraph itself when the reference names one ("Section G8.22(b)(i)").
import type { Clause } from '../model/structure';
import type { WorkspaceIndex } from '../workspaceIndex';
import { escapeMarkdown, type FeatureContext } from './context';
import type { HoverPart } from './hover';
import { type ClauseHit, clauseHitAt, incomingReferences } from './clauseNavigation';
import { baseName } from '../model/classify';

const OPENING_CHARS = 280;

function opening(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > OPENING_CHARS ? t.slice(0, OPENING_CHARS - 1).trimEnd() + '…' : t;
}

/** The clause's words: its first line and the lines that continue it, up to its first paragraph. */
function clauseOpening(clause: Clause, workspace: WorkspaceIndex, uri: string): string {
  const model = workspace.model(uri);
  const firstPara = clause.paragraphs[0]?.line ?? clause.lastLine + 1;
  const more = model ? model.lines.slice(clause.firstLine + 1, firstPara).map(l => l.text) : [];
  return opening([clause.text, ...more].join(' '));
}

function clauseMarkdown(hit: ClauseHit, workspace: WorkspaceIndex): string | undefined {
  const at = workspace.findClause(hit.id);
  if (!at) return undefined;
  const { clause } = at;
  const lines = [`**${clause.id}**${clause.heading ? ` — ${escapeMarkdown(clause.heading)}` : ''}`, '', escapeMarkdown(clauseOpening(clause, workspace, at.uri))];
  // Where it is, and on the number itself how often it is referred to.
  const where = `${baseName(at.uri)}, line ${clause.firstLine + 1}`;
  const count = hit.declaration ? incomingReferences(clause.id, workspace).length : undefined;
  lines.push('', `_${escapeMarkdown(where)}${count === undefined ? '' : ` · referred to ${count === 1 ? 'once' : `${count} times`}`}_`);
  const path = hit.target?.paragraphPath;
  const para = path ? clause.paragraphs.find(p => p.path === path) : undefined;
  if (para) {
    const wrapped = workspace.model(at.uri)?.lines.slice(para.line + 1, para.endLine + 1).map(l => l.text) ?? [];
    lines.push('', `**${escapeMarkdown(clause.id + path)}** ${escapeMarkdown(opening([para.text, ...wrapped].join(' ')))}`);
  }
  else if (path) lines.push('', `_${escapeMarkdown(clause.id + path)} is not in the workspace._`);
  return lines.join('\n');
}

function headingMarkdown(hit: ClauseHit, workspace: WorkspaceIndex): string | undefined {
  for (const m of workspace.legalModels()) {
    if (hit.kind === 'part') {
      const part = m.structure.parts.find(p => p.id === hit.id);
      const count = m.structure.clauses.filter(c => c.part === hit.id).length;
      if (part) return `**${part.id}** — ${escapeMarkdown(part.title)}\n\n${count} clause${count === 1 ? '' : 's'} in this workspace`;
    } else if (m.structure.section?.letter === hit.id) {
      return `**Section ${hit.id}** — ${escapeMarkdown(m.structure.section.title)}`;
    }
  }
  return undefined;
}

export function clauseHover(ctx: FeatureContext): HoverPart[] {
  const hit = clauseHitAt(ctx.model, ctx.position, ctx.workspace);
  if (!hit) return [];
  const markdown = hit.kind === 'clause' ? clauseMarkdown(hit, ctx.workspace) : headingMarkdown(hit, ctx.workspace);
  if (markdown) return [{ markdown, range: hit.range }];
  // A reference the workspace cannot resolve still deserves an answer.
  return hit.declaration ? [] : [{ markdown: `**${hit.id}** is not in this workspace.`, range: hit.range }];
}
