// Completion of clause numbers after "Section ", "Sections G8.40 to ", "Section G8.40, " …,
// with each clause's heading as detail; Parts are offered too.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';

// "Section G8.4|", "Sections G8.40 to G8.4|", "Section G8.40, G8.41 or G|".
const AFTER_SECTION_RE = /\bSections?\s+(?:[A-Z]{1,2}\d{1,3}(?:\.\d{1,3}[A-Z]{0,2})?(?:\([a-z]+\))*(?:,\s+|\s+(?:to|or|and)\s+))*([A-Z]{0,2}\d{0,3}(?:\.\d{0,3}[A-Z]{0,2})?)$/;

export function clauseCompletion(ctx: FeatureContext): CompletionItem[] {
  const lineText = ctx.model.lines[ctx.position.line]?.text ?? '';
  const m = AFTER_SECTION_RE.exec(lineText.slice(0, ctx.position.character));
  if (!m) return [];
  const typed = m[1];
  const start = ctx.position.character - typed.length;
  const range = { start: { line: ctx.position.line, character: start }, end: ctx.position };
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
