// Semantic tokens: defined terms (their uses, and their definition sites as declarations) and
// clause references, so themes colour the words that carry defined meanings.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { DocumentModel } from '../model/document';
import { definitionsOf } from '../model/definitions';
import { referencesOf } from '../model/references';
import { termIndex, termUsesOf } from '../model/terms';
import type { WorkspaceIndex } from '../workspaceIndex';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['variable', 'namespace'],
  tokenModifiers: ['declaration', 'readonly'],
};
const TERM = 0;
const REFERENCE = 1;
const DECLARATION = 1 << 0;
const READONLY = 1 << 1;

interface Span {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

/** Split a range into one span per line (tokens may not cross lines). */
function spans(model: DocumentModel, range: Range, type: number, modifiers: number): Span[] {
  const out: Span[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const start = line === range.start.line ? range.start.character : 0;
    const end = line === range.end.line ? range.end.character : model.lines[line]?.text.length ?? start;
    if (end > start) out.push({ line, start, length: end - start, type, modifiers });
  }
  return out;
}

export function getSemanticTokens(model: DocumentModel, workspace: WorkspaceIndex): SemanticTokens {
  if (model.kind !== 'legal') return { data: [] };
  const index = termIndex(workspace);
  const all: Span[] = [
    ...definitionsOf(model).flatMap(s => spans(model, s.range, TERM, DECLARATION | READONLY)),
    ...termUsesOf(model, index).filter(u => u.kind === 'use').flatMap(u => spans(model, u.range, TERM, READONLY)),
    ...referencesOf(model).flatMap(r => r.targets.flatMap(t => spans(model, t.range, REFERENCE, 0))),
  ];
  all.sort((a, b) => a.line - b.line || a.start - b.start);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const s of all) {
    if (s.line === lastLine && s.start < lastEnd) continue; // never overlap
    data.push(s.line - line, s.line === line ? s.start - char : s.start, s.length, s.type, s.modifiers);
    line = s.line;
    char = s.start;
    lastLine = s.line;
    lastEnd = s.start + s.length;
  }
  return { data };
}
