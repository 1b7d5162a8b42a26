// `number-format`: the same number written differently across the workspace — "250000" where
// the text elsewhere writes "250,000", "fifty thousand" where it writes "50,000", a "five (6)"
// pair whose words and figures disagree, or separators in the wrong places ("25,0000").
// Where the value is certain the quick fix writes the workspace's dominant form.
import type { Finding, SecFix, SecRelated } from '../types';
import type { LegalModel } from '../model/document';
import { type NumberMention, formatGrouped, numbersOf } from '../model/numbers';
import { DerivedKey, derive } from '../cache';
import { clauseAtLine } from '../model/structure';
import type { WorkspaceIndex } from '../workspaceIndex';
import { RELATED_LIMIT, type RuleContext, type RuleFamily, signatureKey } from './context';

// Derived values kept per owner (see cache.ts).
const NUMBER_USAGE = new DerivedKey<NumberUsage>('numberUsage');
const DOCUMENT_USAGE = new DerivedKey<DocumentUsage>('numberUsage');

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

/** How often one spelling of a value is used, and its first use. */
interface SpellingUse {
  count: number;
  first: Located;
}

/** The ways one value is written across the workspace. */
interface ValueUsage {
  /** Every mention, as each document's list in workspace order (merged without copying the mentions). */
  all: Located[][];
  /** spelling → its uses, in order of first appearance */
  spellings: Map<string, SpellingUse>;
  /** How the workspace should write it: its most used form, with figures in the workspace's grouping style. */
  expected?: Expected;
}

interface Expected {
  text: string;
  /** Mentions already written so (0 when only the grouping style asks for it). */
  count: number;
  example?: Located;
}

interface NumberUsage {
  /** value → every plain, grouped or words mention of it (pairs, formulas and malformed numbers aside). */
  byValue: Map<number, ValueUsage>;
  firstGrouped?: Located;
  grouped: number;
  ungroupedLarge: number;
  largeInWords: number;
}

/** One document's share of the usage, found once per model: an edit re-reads only its own file, then merges. */
interface DocumentUsage extends Omit<NumberUsage, 'byValue'> {
  located: Map<NumberMention, Located>;
  /** value → its mentions and spellings in this document (values below SMALLEST_COMPARED left out). */
  byValue: Map<number, { all: Located[]; spellings: Map<string, SpellingUse> }>;
}

function documentUsage(model: LegalModel): DocumentUsage {
  return derive(model, DOCUMENT_USAGE, () => {
    const doc: DocumentUsage = { located: new Map(), byValue: new Map(), grouped: 0, ungroupedLarge: 0, largeInWords: 0 };
    for (const mention of numbersOf(model)) {
      if (mention.inFormula || mention.malformed || mention.form === 'pair') continue;
      const located = { mention, uri: model.uri, clause: clauseAtLine(model.structure, mention.line)?.id };
      doc.located.set(mention, located);
      if (mention.form === 'grouped' && doc.grouped++ === 0) doc.firstGrouped = located;
      // Large numbers in words become figures with separators when fixed: they count for that style.
      if (mention.form === 'words' && mention.value >= GROUPING_FROM) doc.largeInWords++;
      if (mention.form === 'plain' && mention.value >= GROUPING_FROM) doc.ungroupedLarge++;
      if (mention.value < SMALLEST_COMPARED) continue;
      let value = doc.byValue.get(mention.value);
      if (!value) doc.byValue.set(mention.value, (value = { all: [], spellings: new Map() }));
      value.all.push(located);
      const same = value.spellings.get(spelling(mention));
      if (same) same.count++;
      else value.spellings.set(spelling(mention), { count: 1, first: located });
    }
    return doc;
  });
}

/** The documents' usages merged in workspace order, per value and spelling rather than per mention. */
function usageOf(workspace: WorkspaceIndex): NumberUsage {
  return workspace.derived(NUMBER_USAGE, () => {
    const usage: NumberUsage = { byValue: new Map(), grouped: 0, ungroupedLarge: 0, largeInWords: 0 };
    for (const m of workspace.legalModels()) {
      const doc = documentUsage(m);
      usage.firstGrouped ??= doc.firstGrouped;
      usage.grouped += doc.grouped;
      usage.largeInWords += doc.largeInWords;
      usage.ungroupedLarge += doc.ungroupedLarge;
      for (const [n, own] of doc.byValue) {
        let value = usage.byValue.get(n);
        if (!value) usage.byValue.set(n, (value = { all: [], spellings: new Map() }));
        value.all.push(own.all);
        for (const [text, use] of own.spellings) {
          const same = value.spellings.get(text);
          if (same) same.count += use.count;
          else value.spellings.set(text, { ...use });
        }
      }
    }
    const groupedStyle = usage.grouped + usage.largeInWords > 0 && usage.grouped + usage.largeInWords >= usage.ungroupedLarge;
    for (const [n, value] of usage.byValue) value.expected = expectedSpelling(n, value, groupedStyle);
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

/**
 * How a value should be written: in words only where words are used more than figures; in
 * figures, with separators when the workspace groups its large numbers (one policy for every
 * value, so that fixes never undo each other), else as most often written (ties: separators).
 */
function expectedSpelling(value: number, usage: ValueUsage, groupedStyle: boolean): Expected {
  const entries = [...usage.spellings.entries()];
  const total = (list: [string, SpellingUse][]) => list.reduce((n, [, use]) => n + use.count, 0);
  const words = entries.filter(([text]) => /[a-z]/i.test(text));
  const figures = entries.filter(([text]) => !/[a-z]/i.test(text));
  const mostUsed = (list: [string, SpellingUse][]) =>
    [...list].sort((a, b) => b[1].count - a[1].count || Number(b[0].includes(',')) - Number(a[0].includes(',')))[0][0];
  const text = total(words) > total(figures) ? mostUsed(words)
    : value >= GROUPING_FROM && groupedStyle ? formatGrouped(value)
      : mostUsed(figures);
  const use = usage.spellings.get(text);
  return { text, count: use?.count ?? 0, ...(use ? { example: use.first } : {}) };
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


/** The other mentions of a value, at most RELATED_LIMIT (a generated file may hold thousands). */
function relatedOf(all: Located[][], self: Located): SecRelated[] {
  const out: SecRelated[] = [];
  for (const list of all) {
    for (const x of list) {
      if (out.length >= RELATED_LIMIT) return out;
      if (x !== self) out.push({ uri: x.uri, range: x.mention.range, message: `${where(x)}: “${x.mention.text}”` });
    }
  }
  return out;
}

function valueFinding(uri: string, l: Located, usage: NumberUsage): Finding | undefined {
  const value = usage.byValue.get(l.mention.value);
  const expected = value?.expected;
  if (!value || !expected || spelling(l.mention) === expected.text) return undefined;
  const newText = matchCase(l.mention.text, expected.text);
  const grouping = usage.firstGrouped;
  const message = expected.example
    ? `${formatGrouped(l.mention.value)} is written “${l.mention.text}” here but “${expected.text}” ` +
      `${expected.count === 1 ? 'in' : `${expected.count} times elsewhere, e.g. in`} ${where(expected.example)}; ` +
      `write the same number the same way throughout, so that no reader wonders whether two amounts are meant.`
    : `“${l.mention.text}” has no thousands separators, unlike the other large numbers in the text` +
      `${grouping ? ` (e.g. “${grouping.mention.text}” in ${where(grouping)})` : ''}; write ${newText}.`;
  return {
    code: CODE,
    range: l.mention.range,
    message,
    fixes: [fix(uri, l.mention, newText, true)],
    related: relatedOf(value.all, l),
    data: { kind: expected.example ? 'same-value' : 'grouping', value: l.mention.value, expected: newText },
  };
}

export function checkNumberFormat(model: LegalModel, workspace: WorkspaceIndex): Finding[] {
  const usage = usageOf(workspace);
  const own = documentUsage(model).located;
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
    const located = own.get(m) ?? { mention: m, uri: model.uri };
    const f = valueFinding(model.uri, located, usage);
    if (f) out.push(f);
  }
  return out;
}

/**
 * What other documents read from this one: every mention that counts towards the workspace's
 * usage (its value, text, place and clause). Typing words elsewhere in a file leaves it
 * unchanged, so the number findings of the other files are kept.
 */
function usageSignature(model: LegalModel): string {
  let out = '';
  for (const l of documentUsage(model).located.values()) {
    const r = l.mention.range;
    out += `${l.mention.value}|${l.mention.form}|${l.mention.text}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${l.clause ?? ''}\n`;
  }
  return out;
}

export const numberRules: RuleFamily = {
  name: 'numbers',
  dependsOn: ['legal'],
  inputsKey: signatureKey('numbers', usageSignature),
  kinds: ['legal'],
  codes: [CODE],
  docs: numberDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return checkNumberFormat(ctx.model, ctx.workspace);
  },
};

/**
 * The page of number-format: docs/rules/number-format.md is rendered from it by `npm run rules:sync`.
 */
function numberDocs(): RuleFamily['docs'] {
  return {
    'number-format': {
      finds: 'The same number written differently across the workspace (`250000` vs `250,000`, "fifty thousand" vs `50,000`, for numbers of ten and more; formulas aside), a large number without thousands separators where the text uses them, separators in the wrong places (`25,0000`), and "five (6)" pairs whose words and figures disagree.',
      why: 'Thresholds such as 250,000 Domestic Premises decide which obligations apply to a Supplier Party. Two ways of writing one number make a reader wonder whether two amounts are meant; a mismatched "five (6)" leaves the amount itself in doubt.',
      reported: 'G8.44B … more than 250000 Domestic Premises …\n\n(where G8.40 writes 250,000)',
      notReported: 'G8.44B … more than 250,000 Domestic Premises …',
      fix: 'Write the number the way the rest of the text does. The fix to the dominant form is certain ("Fix all" and `secdraft check --fix` apply it); for word/figure pairs and misplaced separators, where the value is in doubt, the fix is offered but never applied automatically.',
    },
  };
}
