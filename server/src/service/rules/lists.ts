// list-punctuation: the items of an (a)/(b)/(c) list end with ";", the last but one with
// "; and" or "; or", and the last with "." (truth.json conventions.lists). An item that ends
// with ":" introduces sub-paragraphs, and its last sub-paragraph takes the punctuation the
// item itself would have had (G8.22(b)(ii) ends "; and" because (b) is the last but one).
// Formula legends ("where: (a) CPN is …;") are lists like any other.
//
// Only lists introduced by words ending ":" are checked: paragraphs that are sentences of
// their own ("(a) The Panel shall …. (b) …") follow no list convention. Wrapped lines after
// an item belong to it. The one certain fix is "," → ";" where a semicolon is expected.
import type { Finding, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import type { Clause, Paragraph } from '../model/structure';
import { paragraphOrdinal } from '../model/structure';
import { lineRange } from '../text/lines';
import { isProseLine, maskNonProse } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

type Expected = 'semicolon' | 'conjunction' | 'full-stop';
type Ending = Expected | 'comma' | 'comma-conjunction' | 'colon' | 'none';

interface Item {
  para: Paragraph;
  children: Item[][];
}

/** Where an item's (or an introducer's) own words end: the line and its text's last character. */
interface TextEnd {
  line: number;
  /** Column just after the last prose character. */
  end: number;
  ending: Ending;
  /** Column of the punctuation mark that decides the ending (the "," of ", and"). */
  markColumn: number;
}

function endingOf(line: number, text: string, from: number): TextEnd | undefined {
  // Closing quotes, Markdown emphasis and masked syntax after the mark do not count.
  const body = maskNonProse(text).replace(/[\s\u0000’”'"]+$/, '');
  if (body.length <= from) return undefined;
  const conj = /([;,])\s*(?:and\/or|and|or)$/i.exec(body);
  let ending: Ending;
  let markColumn = body.length - 1;
  if (conj) {
    ending = conj[1] === ';' ? 'conjunction' : 'comma-conjunction';
    markColumn = conj.index;
  } else {
    const last = body[body.length - 1];
    ending = ({ ';': 'semicolon', '.': 'full-stop', ',': 'comma', ':': 'colon' } as Record<string, Ending>)[last] ?? 'none';
  }
  return { line, end: body.length, ending, markColumn };
}

/** The end of the prose on lines first..last (the last prose line that has text). */
function textEnd(model: LegalModel, first: number, last: number, firstColumn: number): TextEnd | undefined {
  for (let line = last; line >= first; line--) {
    if (!isProseLine(model, line) || model.structure.kinds[line] === 'table-row') continue;
    const from = line === first ? firstColumn : model.structure.contentColumn[line];
    const end = endingOf(line, model.lines[line].text, from);
    if (end) return end;
  }
  return undefined;
}

/** A line holding only the conjunction that a hard wrap carried off its item ("…compliance;⏎and"). */
const BARE_CONJUNCTION_RE = /^\s*(?:and\/or|and|or)\s*$/i;

/** "; ⏎and" reads as "; and", and ", ⏎and" as ", and": the wrap does not change the ending. */
function withWrappedConjunction(model: LegalModel, end: TextEnd, lastLine: number): TextEnd {
  if (end.ending !== 'semicolon' && end.ending !== 'comma') return end;
  let next = end.line + 1;
  while (next <= lastLine && model.structure.kinds[next] === 'furniture') next++;
  if (next > lastLine || !BARE_CONJUNCTION_RE.test(model.lines[next].text)) return end;
  return { ...end, ending: end.ending === 'semicolon' ? 'conjunction' : 'comma-conjunction' };
}

/** Group a clause's paragraphs into lists: siblings under one parent, split where lettering restarts. */
function buildLists(paras: Paragraph[]): Item[][] {
  const roots: Item[][] = [];
  const stack: Item[] = [];
  const listOf = (parent: Item | undefined, ordinal: number): Item[] => {
    const lists = parent ? parent.children : roots;
    const current = lists[lists.length - 1];
    const prev = current?.[current.length - 1];
    if (!current || !prev || paragraphOrdinal(prev.para.label, prev.para.level) >= ordinal) lists.push([]);
    return lists[lists.length - 1];
  };
  for (const para of paras) {
    while (stack.length && stack[stack.length - 1].para.level >= para.level) stack.pop();
    const item: Item = { para, children: [] };
    listOf(stack[stack.length - 1], paragraphOrdinal(para.label, para.level)).push(item);
    stack.push(item);
  }
  return roots;
}

const WANT: Record<Expected, string> = {
  semicolon: "';'",
  conjunction: "'; and' or '; or'",
  'full-stop': "'.'",
};
const FOUND: Record<Ending, string> = {
  semicolon: "';'",
  conjunction: "'; and'/'; or'",
  'full-stop': "'.'",
  comma: "','",
  'comma-conjunction': "', and'/', or'",
  colon: "':'",
  none: 'no punctuation',
};

function why(expected: Expected, inherited: string | undefined): string {
  if (inherited) return `as the last sub-paragraph it carries the punctuation of ${inherited}`;
  return expected === 'semicolon' ? 'more items follow' : expected === 'conjunction' ? 'it is the last but one item' : 'it is the last item';
}

function fixFor(uri: string, end: TextEnd, expected: Expected): SecFix | undefined {
  const semicolonForComma = (expected === 'semicolon' && end.ending === 'comma') || (expected === 'conjunction' && end.ending === 'comma-conjunction');
  if (!semicolonForComma) return undefined;
  return { title: "Replace ',' with ';'", certain: true, isPreferred: true, edits: [{ uri, range: lineRange(end.line, end.markColumn, end.markColumn + 1), newText: ';' }] };
}

interface ListContext {
  model: LegalModel;
  clause: Clause;
  findings: Finding[];
}

const CLOSING: ReadonlySet<Ending> = new Set(['semicolon', 'conjunction', 'full-stop', 'colon']);

/**
 * Where an item's own words end: its wrapped lines run until one ends with ";", "." or ":".
 * Lines after that (before the next item) are the clause's own words — flush-out text such
 * as "…, the Panel shall decide." or the introduction of a second list — and `flushAfter`
 * says there are some.
 */
function itemEnd(ctx: ListContext, item: Item, next: Paragraph | undefined): (TextEnd & { flushAfter: boolean }) | undefined {
  const { model } = ctx;
  const lastLine = next ? next.line - 1 : ctx.clause.lastLine;
  const columnOf = (line: number) => (line === item.para.line ? item.para.textColumn : model.structure.contentColumn[line]);
  let end: TextEnd | undefined;
  for (let line = item.para.line; line < lastLine && !end; line++) {
    const lineEnd = textEnd(model, line, line, columnOf(line));
    if (lineEnd && CLOSING.has(lineEnd.ending)) end = lineEnd;
  }
  end ??= textEnd(model, item.para.line, lastLine, item.para.textColumn);
  if (!end) return undefined;
  end = withWrappedConjunction(model, end, lastLine);
  if (end.ending === 'conjunction' || end.ending === 'comma-conjunction') return { ...end, flushAfter: false };
  const flushAfter = end.line < lastLine && textEnd(model, end.line + 1, lastLine, model.structure.contentColumn[end.line + 1]) !== undefined;
  return { ...end, flushAfter };
}

function checkList(ctx: ListContext, list: Item[], terminal: Expected, inherited: string | undefined, allParas: Paragraph[]): void {
  const nextOf = (item: Item) => (item.children.length ? item.children[0][0].para : allParas[allParas.indexOf(item.para) + 1]);
  const ends = list.map(item => itemEnd(ctx, item, nextOf(item)));
  // Items that are whole sentences ("(a) The Panel shall meet. (b) …") follow no list convention.
  if (list.length > 1 && ends.every(e => e?.ending === 'full-stop')) return;
  list.forEach((item, i) => {
    const last = i === list.length - 1;
    const expected: Expected = i < list.length - 2 ? 'semicolon' : i === list.length - 2 ? 'conjunction' : terminal;
    const end = ends[i];
    if (item.children.length) {
      // Only an item that introduces its sub-paragraphs with ":" hands its punctuation down.
      if (end?.ending === 'colon') for (const sub of item.children) checkList(ctx, sub, expected, item.para.path, allParas);
      return;
    }
    // Flush-out words after the last item ("…, the Panel shall decide.") end the sentence instead.
    if (!end || end.ending === expected || (last && end.flushAfter)) return;
    const fix = fixFor(ctx.model.uri, end, expected);
    ctx.findings.push({
      code: 'list-punctuation',
      range: { start: item.para.labelRange.start, end: { line: end.line, character: end.end } },
      message: `List item ${item.para.path} ends with ${FOUND[end.ending]}; it should end with ${WANT[expected]} (${why(expected, last ? inherited : undefined)}).`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  });
}

function checkClause(model: LegalModel, clause: Clause): Finding[] {
  const paras = clause.paragraphs;
  if (paras.length === 0) return [];
  const ctx: ListContext = { model, clause, findings: [] };
  const lists = buildLists(paras);
  for (const list of lists) {
    const first = list[0].para;
    const previous = paras[paras.indexOf(first) - 1];
    // The introducer: the clause's words before the list, or the words of the item before it.
    const intro = previous
      ? textEnd(model, previous.line, first.line - 1, previous.textColumn)
      : textEnd(model, clause.firstLine, first.line - 1, clause.textColumn);
    if (intro?.ending !== 'colon') continue;
    checkList(ctx, list, 'full-stop', undefined, paras);
  }
  return ctx.findings;
}

export const listRules: RuleFamily = {
  name: 'lists',
  dependsOn: [],
  kinds: ['legal'],
  codes: ['list-punctuation'],
  docs: listDocs(),
  check(ctx: RuleContext): Finding[] {
    const model = ctx.model;
    if (model.kind !== 'legal') return [];
    return model.structure.clauses.flatMap(c => checkClause(model, c));
  },
};

/**
 * The page of list-punctuation: docs/rules/list-punctuation.md is rendered from it by `npm run rules:sync`.
 */
function listDocs(): RuleFamily['docs'] {
  return {
    'list-punctuation': {
      finds: 'List items (introduced by ":", formula legends after "where:" included) that do not end `;`, the last but one `; and` / `; or`, the last `.`. An item ending ":" hands its punctuation to its last sub-paragraph. Flush-out words after the last item, and paragraphs that are sentences of their own, are left alone.',
      why: 'In the SEC the "and" or "or" at the end of the last but one item decides whether the conditions are cumulative or alternative. A list without it, or with the wrong one, changes what a Party must do.',
      reported: 'G8.41 A User shall:\n(a) notify the Panel,\n(b) publish the report; and\n(c) keep records.',
      notReported: 'G8.41 A User shall:\n(a) notify the Panel;\n(b) publish the report; and\n(c) keep records.',
      fix: 'End each item as the rule says. Replacing a "," with ";" is certain (the quick fix, "Fix all" and `secdraft check --fix` apply it); adding "and" or "or" is for the drafter to choose.',
    },
  };
}
