// Spacing slips a respondent would otherwise point out: double spaces (E.ON's G8.44C
// comment in SECMP0059). Never inside URLs, code, table padding or indentation.
import type { Finding, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import { lineRange } from '../text/lines';
import { nonProseSpans, overlaps } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

const PROSE_KINDS = new Set(['clause', 'paragraph', 'continuation', 'table-row', 'sub-heading', 'part-heading', 'section-heading']);

function replaceFix(uri: string, title: string, line: number, from: number, to: number, newText: string): SecFix {
  return { title, certain: true, isPreferred: true, edits: [{ uri, range: lineRange(line, from, to), newText }] };
}

function doubleSpaces(model: LegalModel, allowAfterSentence: boolean): Finding[] {
  const findings: Finding[] = [];
  const { lines, kinds, contentColumn } = model.structure;
  const runRe = / {2,}/g;
  for (const l of lines) {
    if (!PROSE_KINDS.has(kinds[l.line]) || !l.text.includes('  ')) continue;
    const skip = nonProseSpans(l.text);
    const contentEnd = l.text.replace(/\s+$/, '').length;
    runRe.lastIndex = contentColumn[l.line];
    for (let m = runRe.exec(l.text); m; m = runRe.exec(l.text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to >= contentEnd) break; // trailing whitespace is its own check
      if (overlaps(skip, from, to)) continue;
      const before = l.text[from - 1];
      const after = l.text[to];
      if (before === '|' || after === '|') continue; // table cell padding
      if (allowAfterSentence && /[.?!:]/.test(before)) continue;
      const word = (s: string) => s.match(/[\p{L}\p{N}’'-]+$/u)?.[0] ?? s.slice(-1);
      const left = word(l.text.slice(0, from));
      const right = l.text.slice(to).match(/^[\p{L}\p{N}’'-]+/u)?.[0] ?? after;
      findings.push({
        code: 'double-space',
        range: lineRange(l.line, from, to),
        message: `${m[0].length} spaces between '${left}' and '${right}'; use one.`,
        fixes: [replaceFix(model.uri, 'Replace with a single space', l.line, from, to, ' ')],
      });
    }
  }
  return findings;
}

export const spacingRules: RuleFamily = {
  name: 'spacing',
  kinds: ['legal'],
  codes: ['double-space'],
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return doubleSpaces(ctx.model, ctx.settings.allowDoubleSpaceAfterSentence);
  },
};
