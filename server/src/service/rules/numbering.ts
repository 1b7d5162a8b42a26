// `clause-numbering`: clause numbers duplicated, skipped (G8.31 → G8.33), out of order or
// badly suffixed (G8.44 → G8.44B; G8.44C before G8.44B), and paragraph labels out of
// sequence ((a), (b), (d); (i), (iii)). The first clause of a Part in a file is never a gap,
// since excerpts start part-way through; an elision line ("[…]") starts a new excerpt.
// "[Not used]" clauses keep their number and count like any other.
import type { Finding, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import type { Clause, Paragraph } from '../model/structure';
import { clauseRuns, paragraphOrdinal, toRoman } from '../model/structure';
import { type ClauseNumber, compareClauseNumbers, formatClauseId, ordinalSuffix, parseClauseId, suffixOrdinal } from '../model/clauseIds';
import type { RuleContext, RuleFamily } from './context';

const CODE = 'clause-numbering';

/** What may follow `prev` in the same Part: its next insertion, or the next whole number. */
function expectedAfter(prev: ClauseNumber): [nextInsertion: string, nextWhole: string] {
  return [formatClauseId({ ...prev, suffix: ordinalSuffix(suffixOrdinal(prev.suffix) + 1) }), formatClauseId({ ...prev, base: prev.base + 1, suffix: '' })];
}

/** Why `cur` cannot follow `prev`, or undefined when it may. */
function clauseProblem(prev: Clause, cur: Clause): { message: string; expected: string } | undefined {
  const [nextInsertion, nextWhole] = expectedAfter(prev);
  if (cur.id === nextInsertion || cur.id === nextWhole) return undefined;
  const order = compareClauseNumbers(cur, prev);
  if (order < 0) return { message: `Clause ${cur.id} is out of order: it follows ${prev.id}; expected ${nextWhole}.`, expected: nextWhole };
  if (cur.base === prev.base) return { message: `Inserted clause ${cur.id} follows ${prev.id}; expected ${nextInsertion}.`, expected: nextInsertion };
  if (cur.base === prev.base + 1) {
    return { message: `Inserted clause ${cur.id} has no ${formatClauseId({ ...cur, suffix: '' })} before it; expected ${nextWhole}.`, expected: nextWhole };
  }
  return { message: `Clause numbering skips from ${prev.id} to ${cur.id}; expected ${nextWhole}.`, expected: nextWhole };
}

/** "H4.6 – H4.8 [Not used]" / "H4.6 to H4.8 [Not used]": one line stands for the whole range; its last clause. */
function notUsedRangeEnd(clause: Clause): Clause | undefined {
  const m = /^(?:–|—|-|to)\s*([A-Z]{1,2}\d+\.\d+[A-Z]*)\s*\[\s*not\s+used\s*\]/i.exec(clause.text.replace(/^\*\*|\*\*$/g, '').trim());
  const end = m ? parseClauseId(m[1]) : undefined;
  return end && end.part === clause.part && compareClauseNumbers(end, clause) > 0 ? { ...clause, ...end, id: m![1] } : undefined;
}

function clauseFindings(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const run of clauseRuns(model.structure)) {
    // The highest number so far: after an out-of-order clause, later ones are compared with it.
    let high = run[0];
    const seen = new Map<string, Clause>([[high.id, high]]);
    for (const cur of run.slice(1)) {
      const first = seen.get(cur.id);
      const expected = expectedAfter(high)[1];
      const problem = first
        ? { message: `Clause number ${cur.id} is used twice (first at line ${first.firstLine + 1}); expected ${expected}.`, expected }
        : clauseProblem(high, cur);
      if (problem) {
        findings.push({
          code: CODE,
          range: cur.idRange,
          message: problem.message,
          data: { expected: problem.expected },
          ...(first ? { related: [{ uri: model.uri, range: first.idRange, message: `${cur.id} is first used here` }] } : {}),
        });
      }
      if (!first) seen.set(cur.id, cur);
      const last = notUsedRangeEnd(cur) ?? cur;
      if (compareClauseNumbers(last, high) > 0) high = last;
    }
  }
  return findings;
}

/** The label with a given ordinal at a level: (c), (iv), (C); (aa) after (z). */
export function paragraphLabel(ordinal: number, level: number): string {
  if (level === 2) return toRoman(ordinal);
  const letter = ordinal <= 26 ? String.fromCharCode(96 + ordinal) : String.fromCharCode(96 + ordinal - 26).repeat(2);
  return level === 3 ? letter.toUpperCase() : letter;
}

/** A prose line ending with ":" between two paragraphs ("where:") starts a new list at (a). */
function newListBetween(model: LegalModel, from: number, to: number): boolean {
  const { kinds, lines } = model.structure;
  for (let l = from + 1; l < to; l++) if (kinds[l] === 'continuation' && /:\s*$/.test(lines[l].text)) return true;
  return false;
}

/**
 * Renumbering one label is certain only when it alone is wrong: nothing follows it at its
 * level, or the next sibling already carries the number after the expected one.
 */
function aloneInError(paras: Paragraph[], index: number, expected: number): boolean {
  const level = paras[index].level;
  const next = paras.slice(index + 1).find(q => q.level <= level);
  return !next || next.level < level || paragraphOrdinal(next.label, next.level) === expected + 1;
}

function paragraphFindings(model: LegalModel, clause: Clause): Finding[] {
  const findings: Finding[] = [];
  const paras = clause.paragraphs;
  // Per level, the ordinal of the last sibling; a shallower label resets the deeper levels.
  const last: (number | undefined)[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const ordinal = paragraphOrdinal(p.label, p.level);
    last.length = p.level + 1;
    const prev = last[p.level];
    const expected = (prev ?? 0) + 1;
    const restarts = ordinal === 1 && i > 0 && newListBetween(model, paras[i - 1].line, p.line);
    if (ordinal === expected || restarts) {
      last[p.level] = ordinal;
      continue;
    }
    const renumber = prev !== undefined && ordinal > prev && aloneInError(paras, i, expected);
    findings.push(paragraphFinding(model, clause, p, ordinal, expected, prev, renumber));
    // A label with a certain renumbering counts as corrected; otherwise count on from it.
    last[p.level] = renumber ? expected : Math.max(ordinal, prev ?? 0);
  }
  return findings;
}

function paragraphFinding(model: LegalModel, clause: Clause, p: Paragraph, ordinal: number, expected: number, prev: number | undefined, renumber: boolean): Finding {
  const want = `(${paragraphLabel(expected, p.level)})`;
  const what = prev === undefined
    ? `Paragraph (${p.label}) of ${clause.id} should start its list`
    : ordinal === prev ? `Paragraph (${p.label}) of ${clause.id} is used twice`
    : ordinal < prev ? `Paragraph (${p.label}) of ${clause.id} is out of order`
    : `Paragraph numbering in ${clause.id} skips to (${p.label})`;
  const fix: SecFix = { title: `Renumber (${p.label}) as ${want}`, certain: true, isPreferred: true, edits: [{ uri: model.uri, range: p.labelRange, newText: want }] };
  return { code: CODE, range: p.labelRange, message: `${what}; expected ${want}.`, data: { expected: want }, ...(renumber ? { fixes: [fix] } : {}) };
}

export const numberingRules: RuleFamily = {
  name: 'numbering',
  dependsOn: [],
  kinds: ['legal'],
  codes: [CODE],
  docs: numberingDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    const model = ctx.model;
    const findings = clauseFindings(model);
    for (const clause of model.structure.clauses) {
      if (ctx.token.isCancellationRequested) break;
      findings.push(...paragraphFindings(model, clause));
    }
    return findings;
  },
};

/**
 * The page of clause-numbering: docs/rules/clause-numbering.md is rendered from it by `npm run rules:sync`.
 */
function numberingDocs(): RuleFamily['docs'] {
  return {
    'clause-numbering': {
      finds: 'Clause and paragraph numbers that are duplicated, skipped (`G8.31` → `G8.33`, expected `G8.32`), out of order, inserted clauses out of order (`G8.44` → `G8.44B`), and paragraphs out of sequence (`(a)`, `(b)`, `(d)`; `(i)`, `(iii)`). `[Not used]` clauses keep their number; the first clause of a Part in a file is never a gap, since excerpts start part-way through; a line holding only an elision mark (`…`, `[...]`) splits an excerpt.',
      why: "Clause numbers are how the rest of the Code, the Panel's decisions, consultation responses and other industry documents point into the text. A duplicate or a gap makes references ambiguous or broken, and the SEC inserts clauses with capital suffixes (`G8.44A`, `G8.44B`) precisely so that existing numbers never move.",
      reported: 'G8.31 …\nG8.33 …',
      notReported: 'G8.31 …\nG8.32 [Not used]\nG8.33 …',
      fix: 'Renumber the clause or paragraph (new clauses between existing ones take the next capital suffix). When renumbering one paragraph label is certain, the quick fix does it; check the references to any clause you renumber.',
    },
  };
}
