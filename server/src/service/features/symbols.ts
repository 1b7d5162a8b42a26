// The outline: Section → Part → clause → paragraph, so a drafter can jump to G8.44C.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { LegalModel } from '../model/document';
import type { Clause, Paragraph, SecStructure } from '../model/structure';

function span(structure: SecStructure, fromLine: number, toLine: number, fromChar = 0): Range {
  const last = Math.max(fromLine, toLine);
  return { start: { line: fromLine, character: fromChar }, end: { line: last, character: structure.lines[last]?.text.length ?? 0 } };
}

function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function paragraphSymbols(structure: SecStructure, paragraphs: Paragraph[]): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const p of paragraphs) {
    const symbol: DocumentSymbol = {
      name: `(${p.label})`,
      detail: shorten(p.text),
      kind: SymbolKind.Field,
      range: span(structure, p.line, p.endLine, p.labelRange.start.character),
      selectionRange: p.labelRange,
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= p.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.symbol.children!.push(symbol);
      parent.symbol.range = { start: parent.symbol.range.start, end: symbol.range.end };
    } else roots.push(symbol);
    stack.push({ level: p.level, symbol });
  }
  return roots;
}

function clauseSymbol(structure: SecStructure, c: Clause): DocumentSymbol {
  return {
    name: c.id,
    detail: c.notUsed ? '[Not used]' : (c.heading ?? shorten(c.text)),
    kind: SymbolKind.Class,
    range: c.range,
    selectionRange: c.idRange,
    children: paragraphSymbols(structure, c.paragraphs),
  };
}

export function getDocumentSymbols(model: LegalModel): DocumentSymbol[] {
  const { structure } = model;
  const lastLine = structure.lines.length - 1;
  const partSymbols: DocumentSymbol[] = structure.parts.map((p, i) => {
    const nextLine = i + 1 < structure.parts.length ? structure.parts[i + 1].line - 1 : lastLine;
    return { name: p.id, detail: p.title, kind: SymbolKind.Module, range: span(structure, p.line, nextLine), selectionRange: p.idRange, children: [] };
  });
  const loose: DocumentSymbol[] = [];
  for (const c of structure.clauses) {
    const part = [...structure.parts].reverse().find(p => p.line < c.firstLine && p.id === c.part);
    const sym = clauseSymbol(structure, c);
    if (part) partSymbols[structure.parts.indexOf(part)].children!.push(sym);
    else loose.push(sym);
  }
  const body = [...partSymbols, ...loose].sort((a, b) => a.range.start.line - b.range.start.line);
  if (!structure.section) return body;
  const s = structure.section;
  return [{
    name: `Section ${s.letter}`,
    detail: s.title,
    kind: SymbolKind.Namespace,
    range: span(structure, s.range.start.line, lastLine),
    selectionRange: s.range,
    children: body,
  }];
}
