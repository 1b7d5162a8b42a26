// Completion of defined terms, with the definition as documentation. Several words typed so
// far ("User Sec") are replaced as a whole, so multi-word terms complete naturally.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { termIndex } from '../model/terms';
import type { FeatureContext } from './context';

const MAX_PREFIX_WORDS = 6;

export function termCompletions(ctx: FeatureContext): CompletionItem[] {
  if (ctx.model.kind !== 'legal') return [];
  const lineText = ctx.model.lines[ctx.position.line]?.text ?? '';
  const before = lineText.slice(0, ctx.position.character);
  if (/\bSections?\s+\S*$/.test(before)) return []; // clause numbers complete there
  const index = termIndex(ctx.workspace);
  // The longest run of typed words that begins some defined term.
  const starts = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map(m => m.index!).filter(i => i < before.length);
  let from = ctx.position.character;
  if (/[\p{L}\p{N}'’-]$/u.test(before)) from = starts[starts.length - 1] ?? from;
  for (const start of starts.slice(-MAX_PREFIX_WORDS)) {
    const typed = before.slice(start).replace(/\s+/g, ' ').toLowerCase();
    if (index.terms.some(t => t.key.startsWith(typed))) {
      from = start;
      break;
    }
  }
  const range = { start: { line: ctx.position.line, character: from }, end: ctx.position };
  return index.terms.map(t => {
    const site = t.sites.find(s => s.form !== 'table-pointer') ?? t.sites[0];
    return {
      label: t.term,
      kind: CompletionItemKind.Reference,
      detail: 'Defined term',
      documentation: { kind: 'markdown', value: site.text.replace(/[\\`*_[\]<>]/g, c => '\\' + c) },
      filterText: t.term,
      textEdit: { range, newText: t.term },
    };
  });
}
