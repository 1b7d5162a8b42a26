// The outline of a consultation collation: each question with its respondents, so a drafter
// can jump to "Question 2 › E.ON" as they jump to a clause in the legal text (issue 18).
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { ConsultationModelBase } from '../model/document';
import type { ConsultationComment } from '../model/consultation/types';

function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The smallest range holding all of them (a question's heading and its rows may be apart). */
function cover(ranges: Range[]): Range {
  let { start, end } = ranges[0];
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

function respondentSymbol(c: ConsultationComment): DocumentSymbol {
  const what = c.text ? shorten(c.text) : 'no comment text';
  return {
    name: c.respondent || '(no respondent name)',
    detail: [c.category, c.response, what].filter(Boolean).join(' · '),
    kind: SymbolKind.Object,
    range: c.range,
    selectionRange: c.range,
  };
}

/** Question → respondents, in file order; rows of a question the file never titles go under "Question N". */
export function getCollationSymbols(model: ConsultationModelBase): DocumentSymbol[] {
  const byQuestion = new Map<string, ConsultationComment[]>();
  for (const c of model.comments) byQuestion.set(c.question, [...(byQuestion.get(c.question) ?? []), c]);
  const numbers = [...new Set([...model.questions.map(q => q.number), ...byQuestion.keys()])];
  const symbols: DocumentSymbol[] = [];
  for (const number of numbers) {
    const question = model.questions.find(q => q.number === number);
    const rows = byQuestion.get(number) ?? [];
    const ranges = [...(question ? [question.range] : []), ...rows.map(c => c.range)];
    if (ranges.length === 0) continue;
    symbols.push({
      name: `Question ${number}`,
      detail: shorten(`${question?.title ?? ''}`) + (rows.length ? ` (${rows.length} ${rows.length === 1 ? 'respondent' : 'respondents'})` : ''),
      kind: SymbolKind.Namespace,
      range: cover(ranges),
      selectionRange: question?.range ?? rows[0].range,
      children: rows.map(respondentSymbol),
    });
  }
  return symbols.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
}
