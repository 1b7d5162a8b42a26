// repeated-word: "the the", also when the second word starts the next line. Only words that
// follow each other with nothing but whitespace between them: a comma, bracket, quote or a
// paragraph label "(b)" in between makes them two phrases. Numbers are not words here
// ("10 10" is a numbers matter, and "Section G8 8" is not prose).
//
// Legitimate doubles are not flagged:
// - "had had" is grammatical;
// - "that that" is grammatical when the second "that" points at something ("provides that
//   that User shall …", "that that assessment"): it is flagged only when an article or
//   pronoun follows ("that that the …"), where one "that" is plainly surplus.
import type { Finding, Position, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import { flatten, proseBlocks } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

const WORD_RE = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;
const ALWAYS_GRAMMATICAL = new Set(['had']);
const NOT_A_DETERMINER_AFTER = /^(?:the|a|an|this|these|those|it|its|they|he|she|we|such|any|each)$/i;

interface Word {
  text: string;
  start: number;
  end: number;
}

function isLegitimateDouble(lower: string, next: Word | undefined): boolean {
  if (ALWAYS_GRAMMATICAL.has(lower)) return true;
  if (lower === 'that') return next !== undefined && !NOT_A_DETERMINER_AFTER.test(next.text);
  return false;
}

/** Delete the second word with the whitespace before it; across a line break, with the whitespace after it. */
function deletionFix(uri: string, text: string, first: Word, second: Word, positionAt: (o: number) => Position): SecFix {
  const gap = text.slice(first.end, second.start);
  let from = first.end;
  let to = second.end;
  if (gap.includes('\n')) {
    const trailing = /^[ \t]+/.exec(text.slice(second.end))?.[0] ?? '';
    const atLineEnd = /^(?:\n|$)/.test(text.slice(second.end + trailing.length));
    if (!atLineEnd) {
      from = second.start;
      to = second.end + trailing.length;
    }
  }
  return {
    title: `Delete the repeated '${second.text}'`,
    certain: true,
    isPreferred: true,
    edits: [{ uri, range: { start: positionAt(from), end: positionAt(to) }, newText: '' }],
  };
}

function repeatedWords(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const block of proseBlocks(model)) {
    for (const segment of block.segments) {
      const flat = flatten(segment);
      const words: Word[] = [...flat.text.matchAll(WORD_RE)].map(m => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
      for (let i = 1; i < words.length; i++) {
        const [first, second] = [words[i - 1], words[i]];
        const lower = first.text.toLowerCase();
        if (lower !== second.text.toLowerCase() || /\d/.test(lower)) continue;
        if (!/^\s+$/.test(flat.text.slice(first.end, second.start))) continue;
        if (isLegitimateDouble(lower, words[i + 1])) continue;
        findings.push({
          code: 'repeated-word',
          range: { start: flat.positionAt(first.start), end: flat.positionAt(second.end) },
          message: `'${first.text}' is repeated; delete one.`,
          fixes: [deletionFix(model.uri, flat.text, first, second, flat.positionAt)],
        });
        i++; // "the the the" is one slip, reported once
      }
    }
  }
  return findings;
}

export const wordRules: RuleFamily = {
  name: 'words',
  kinds: ['legal'],
  codes: ['repeated-word'],
  check(ctx: RuleContext): Finding[] {
    return ctx.model.kind === 'legal' ? repeatedWords(ctx.model) : [];
  },
};
