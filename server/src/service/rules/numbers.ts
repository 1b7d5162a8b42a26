// `number-format`: the same number written differently across the workspace — "250000" where
// the text elsewhere writes "250,000", "fifty thousand" where it writes "50,000", a "five (6)"
// pair whose words and figures disagree, or separators in the wrong places ("25,0000").
// Where the value is certain the quick fix writes the workspace's dominant form.
import type { Finding, SecFix, SecRelated } from '../types';
import type { LegalModel } from '../model/document';
import { type NumberMention, formatGrouped, numbersOf } from '../model/numbers';
import { clauseAtLine } from '../model/structure';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { RuleContext, RuleFamily } from './context';

const CODE = 'number-format';
/** Below ten, words and figures are both ordinary drafting ("three", "5 ×"); only larger numbers are compared. */
const SMALLEST_COMPARED = 10;
/** Numbers this large are expected to carry thousands separators when the workspace uses them. */
const GROUPING_FROM = 10_000;

interface Located {
  mention: NumberMention;
  uri: string;
  clause?: string;
}

/** The ways one value is written across the workspace. */
interface ValueUsage {
  all: Located[];
  /** spelling → its mentions */
  spellings: Map<string, Located[]>;
  dominant?: { text: string; count: number; example: Located };
}

interface NumberUsage {
  /** value → every plain, grouped or words mention of it (pairs, formulas and malformed numbers aside). */
  byValue: Map<number, ValueUsage>;
  located: Map<NumberMention, Located>;
  grouped: Located[];
  ungroupedLarge: number;
}

function usageOf(workspace: WorkspaceIndex): NumberUsage {
  return workspace.derived('numberUsage', () => {
    const usage: NumberUsage = { byValue: new Map(), located: new Map(), grouped: [], ungroupedLarge: 0 };
    for (const m of workspace.legalModels()) {
      for (const mention of numbersOf(m)) {
        if (mention.inFormula || mention.malformed || mention.form === 'pair') continue;
        const located = { mention, uri: m.uri, clause: clauseAtLine(m.structure, mention.line)?.id };
        usage.located.set(mention, located);
        if (mention.form === 'grouped') usage.grouped.push(located);
        if (mention.form === 'plain' && mention.value >= GROUPING_FROM) usage.ungroupedLarge++;
        if (mention.value < SMALLEST_COMPARED) continue;
        let value = usage.byValue.get(mention.value);
        if (!value) usage.byValue.set(mention.value, (value = { all: [], spellings: new Map() }));
        value.all.push(located);
        const same = value.spellings.get(spelling(mention));
        if (same) same.push(located);
        else value.spellings.set(spelling(mention), [located]);
      }
    }
    for (const value of usage.byValue.values()) if (value.spellings.size > 1) value.dominant = dominantSpelling(value.spellings);
    return usage;
  }, ['legal']);
}

function where(l: Located): string {
  return l.clause ? `Section ${l.clause}` : `line ${l.mention.line + 1}`;
}

/** How a mention is written, for comparison: "250,000", "250000" or the words in lower case. */
function spelling(m: NumberMention): string {
  return m.form === 'words' ? m.text.toLowerCase().replace(/\s+/g, ' ') : m.text;
}

/** The most used spelling of a value; ties go to figures with separators, then words. */
function dominantSpelling(spellings: Map<string, Located[]>): { text: string; count: number; example: Located } {
  const rank = (s: string) => (s.includes(',') ? 0 : /[a-z]/i.test(s) ? 1 : 2);
  const [text, uses] = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || rank(a[0]) - rank(b[0]))[0];
  return { text, count: uses.length, example: uses[0] };
}

function fix(uri: string, m: NumberMention, newText: string, certain: boolean, title = `Write ${newText}`): SecFix {
  return { title, certain, isPreferred: certain, edits: [{ uri, range: m.range, newText }] };
}

/** Keep a sentence-initial capital when the replacement is in words. */
function matchCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) && /^[a-z]/.test(replacement) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

function pairFinding(uri: string, m: NumberMention): Finding | undefined {
  if (m.wordsValue === m.digitsValue || m.wordsValue === undefined || m.digitsValue === undefined) return undefined;
  const words = m.wordsText ?? m.text.replace(/\s*\(.*$/, '');
  return {
    code: CODE,
    range: m.range,
    message: `“${m.text}” says ${formatGrouped(m.wordsValue)} in words but ${formatGrouped(m.digitsValue)} in figures; ` +
      `the text cannot show which is meant, and a reader may rely on either. Make the words and the figures agree.`,
    fixes: m.text.trim().startsWith(words)
      ? [fix(uri, m, `${words} (${formatGrouped(m.wordsValue)})`, false, `Use ${formatGrouped(m.wordsValue)} (as the words say)`)]
      : [],
    data: { kind: 'pair', words: m.wordsValue, figures: m.digitsValue },
  };
}

function malformedFinding(uri: string, m: NumberMention): Finding {
  const digits = m.text.replace(/,/g, '');
  return {
    code: CODE,
    range: m.range,
    message: `“${m.text}” has thousands separators in the wrong places, so its value is uncertain (${formatGrouped(Number(digits))}?). ` +
      `Separate every three digits from the right.`,
    fixes: [fix(uri, m, formatGrouped(Number(digits)), false)],
    data: { kind: 'malformed' },
  };
}

const RELATED_LIMIT = 20;

/** The other mentions of a value, at most RELATED_LIMIT (a generated file may hold thousands). */
function relatedOf(all: Located[], self: Located): SecRelated[] {
  const out: SecRelated[] = [];
  for (const x of all) {
    if (out.length >= RELATED_LIMIT) break;
    if (x !== self) out.push({ uri: x.uri, range: x.mention.range, message: `${where(x)}: “${x.mention.text}”` });
  }
  return out;
}

function sameValueFinding(uri: string, l: Located, usage: NumberUsage): Finding | undefined {
  const value = usage.byValue.get(l.mention.value);
  const dominant = value?.dominant;
  if (!value || !dominant || spelling(l.mention) === dominant.text) return undefined;
  const newText = matchCase(l.mention.text, dominant.text);
  return {
    code: CODE,
    range: l.mention.range,
    message: `${formatGrouped(l.mention.value)} is written “${l.mention.text}” here but “${dominant.text}” ` +
      `${dominant.count === 1 ? 'in' : `${dominant.count} times elsewhere, e.g. in`} ${where(dominant.example)}; ` +
      `write the same number the same way throughout, so that no reader wonders whether two amounts are meant.`,
    fixes: [fix(uri, l.mention, newText, true)],
    related: relatedOf(value.all, l),
    data: { kind: 'same-value', value: l.mention.value, expected: newText },
  };
}

function groupingFinding(uri: string, l: Located, usage: NumberUsage): Finding | undefined {
  if (l.mention.form !== 'plain' || l.mention.value < GROUPING_FROM) return undefined;
  if (usage.grouped.length === 0 || usage.grouped.length < usage.ungroupedLarge) return undefined;
  const example = usage.grouped[0];
  const newText = formatGrouped(l.mention.value);
  return {
    code: CODE,
    range: l.mention.range,
    message: `“${l.mention.text}” has no thousands separators, unlike the other large numbers in the text (e.g. “${example.mention.text}” in ${where(example)}); write ${newText}.`,
    fixes: [fix(uri, l.mention, newText, true)],
    data: { kind: 'grouping', value: l.mention.value, expected: newText },
  };
}

export function checkNumberFormat(model: LegalModel, workspace: WorkspaceIndex): Finding[] {
  const usage = usageOf(workspace);
  const out: Finding[] = [];
  for (const m of numbersOf(model)) {
    if (m.form === 'pair') {
      const f = pairFinding(model.uri, m);
      if (f) out.push(f);
      continue;
    }
    if (m.malformed) {
      out.push(malformedFinding(model.uri, m));
      continue;
    }
    if (m.inFormula) continue;
    const located = usage.located.get(m) ?? { mention: m, uri: model.uri };
    const f = sameValueFinding(model.uri, located, usage) ?? groupingFinding(model.uri, located, usage);
    if (f) out.push(f);
  }
  return out;
}

export const numberRules: RuleFamily = {
  name: 'numbers',
  dependsOn: ['legal'],
  kinds: ['legal'],
  codes: [CODE],
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return checkNumberFormat(ctx.model, ctx.workspace);
  },
};
