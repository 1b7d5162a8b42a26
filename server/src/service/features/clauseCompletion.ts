// Completion of clause numbers after "Section ", "Sections G8.40 to ", "Section G8.40, " …,
// with each clause's heading as detail (Parts are offered too), and of a clause's paragraphs
// after "Section G8.41(".
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Position } from '../types';
import { CLAUSE_ID_SOURCE } from '../model/clauseIds';
import type { FeatureContext } from './context';

// "Section G8.4|", "Sections G8.40 to G8.4|", "Section G8.40, G8.41 or G|".
const AFTER_SECTION_RE = /\bSections?\s+(?:[A-Z]{1,2}\d{1,3}(?:\.\d{1,3}[A-Z]{0,2})?(?:\([a-z]+\))*(?:,\s+|\s+(?:to|or|and)\s+))*([A-Z]{0,2}\d{0,3}(?:\.\d{0,3}[A-Z]{0,2})?)$/;
// "Section G8.41(|", "Section G8.22(b)(|".
const AFTER_CLAUSE_RE = new RegExp(String.raw`\bSections?\s+(?:.*\s)?(${CLAUSE_ID_SOURCE})((?:\([a-zA-Z]+\))*\([a-zA-Z]*)$`);

function replacing(position: Position, typed: string) {
  return { start: { line: position.line, character: position.character - typed.length }, end: position };
}

function clauseNumbers(ctx: FeatureContext, typed: string): CompletionItem[] {
  const range = replacing(ctx.position, typed);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (id: string, detail: string | undefined, kind: CompletionItemKind) => {
    if (seen.has(id) || !id.startsWith(typed)) return;
    seen.add(id);
    items.push({ label: id, kind, ...(detail ? { detail } : {}), sortText: String(items.length).padStart(6, '0'), textEdit: { range, newText: id } });
  };
  for (const model of ctx.workspace.legalModels()) {
    for (const part of model.structure.parts) add(part.id, part.title, CompletionItemKind.Module);
    for (const c of model.structure.clauses) add(c.id, c.notUsed ? '[Not used]' : c.heading, CompletionItemKind.Reference);
  }
  return items;
}

function paragraphPaths(ctx: FeatureContext, id: string, typed: string): CompletionItem[] {
  const clause = ctx.workspace.findClause(id)?.clause;
  if (!clause) return [];
  const range = replacing(ctx.position, typed);
  return clause.paragraphs
    .filter(p => p.path.startsWith(typed))
    .map((p, i) => ({ label: p.path, kind: CompletionItemKind.EnumMember, detail: p.text.trim().slice(0, 80), sortText: String(i).padStart(6, '0'), textEdit: { range, newText: p.path } }));
}

export function clauseCompletion(ctx: FeatureContext): CompletionItem[] {
  const before = (ctx.model.lines[ctx.position.line]?.text ?? '').slice(0, ctx.position.character);
  const para = AFTER_CLAUSE_RE.exec(before);
  if (para) return paragraphPaths(ctx, para[1], para[2]);
  const m = AFTER_SECTION_RE.exec(before);
  return m ? clauseNumbers(ctx, m[1]) : [];
}
