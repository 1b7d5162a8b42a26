// Folding ranges: each Part (its heading to the line before the next Part) and each clause
// that runs over more than one line.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { LegalModel } from '../model/document';

/** The last line before `beforeLine` that has text (folds should not swallow blank lines). */
function lastTextLine(model: LegalModel, fromLine: number, beforeLine: number): number {
  let line = beforeLine - 1;
  while (line > fromLine && model.structure.kinds[line] === 'blank') line--;
  return line;
}

export function getFoldingRanges(model: LegalModel): FoldingRange[] {
  const { parts, clauses, lines } = model.structure;
  const ranges: FoldingRange[] = [];
  parts.forEach((p, i) => {
    const end = lastTextLine(model, p.line, i + 1 < parts.length ? parts[i + 1].line : lines.length);
    if (end > p.line) ranges.push({ startLine: p.line, endLine: end, kind: FoldingRangeKind.Region });
  });
  for (const c of clauses) if (c.lastLine > c.firstLine) ranges.push({ startLine: c.firstLine, endLine: c.lastLine, kind: FoldingRangeKind.Region });
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
