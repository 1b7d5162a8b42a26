// `inconsistent-threshold` through references: a clause that cites a threshold stated elsewhere
// ("the threshold of 150,000 set out in Sections G10.7 and G10.8") must quote what the cited
// clause states: the same number, the same counted subject, the same boundary where it quotes a
// comparison. A citation of alternatives ("Section G8.40, G8.41 or G8.44A (as the case may be)")
// agrees when one of them does. A citation whose clause states no number at all points nowhere
// (information). Nothing is reported where the citation quotes no figure and the clause has one.
import type { Finding, SecFix, SecRelated } from '../types';
import type { LegalModel } from '../model/document';
import { formatGrouped, numbersOf } from '../model/numbers';
import { type Threshold, cutOf, isComparable, measureOf, thresholdsOf } from '../model/thresholds';
import {
  type CitedClause, type ThresholdReference, citedClauses, subjectsCompatible, thresholdReferencesOf,
} from '../model/thresholdReferences';
import type { WorkspaceIndex } from '../workspaceIndex';
import { RELATED_LIMIT, type RuleContext, type RuleFamily, signatureKey } from './context';

const CODE = 'inconsistent-threshold';

function cite(c: { id: string; paragraphPath?: string }): string {
  return `Section ${c.id}${c.paragraphPath ?? ''}`;
}

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

function statedAs(c: CitedClause, statements: readonly Threshold[] = c.statements): string {
  return `${cite(c)} states ${statements.map(s => quote(s.text)).join(' and ')}`;
}

function relatedOf(cited: readonly CitedClause[]): SecRelated[] {
  return cited.flatMap(c => c.statements.map(s => ({ uri: s.uri, range: s.range, message: `${cite(c)}: ${quote(s.text)}` }))).slice(0, RELATED_LIMIT);
}

/** Subjects are compared only where both are premises or devices: the measures the Code counts. */
function countsPortfolio(key: string | undefined): boolean {
  const m = measureOf(key);
  return m === 'premises' || m === 'devices';
}

/**
 * The statements a citation's figure is compared with: of a portfolio count (premises, devices),
 * those counting the same (or a bare "exceeds 250,000"); of another named subject (pounds,
 * Working Days), those of exactly that subject; with no subject ("the threshold of 150,000"),
 * the cited clause's real thresholds (a countable subject, ten or more, not a time limit).
 */
function matchingSubject(r: ThresholdReference, c: CitedClause): Threshold[] {
  if (countsPortfolio(r.subjectKey)) return c.statements.filter(s => s.subjectKey === undefined || (countsPortfolio(s.subjectKey) && subjectsCompatible(r.subjectKey, s.subjectKey)));
  if (r.subjectKey !== undefined) return c.statements.filter(s => s.subjectKey === r.subjectKey);
  return c.statements.filter(s => isComparable(s) || /^(?:pound|dollar|euro)s?$/.test(s.subjectKey ?? ''));
}

function valueFix(r: ThresholdReference, stating: readonly CitedClause[]): SecFix[] {
  const values = new Set(stating.flatMap(c => matchingSubject(r, c).map(s => s.value)));
  if (values.size !== 1 || !r.valueRange || !r.valueText) return [];
  const [value] = values;
  const currency = /^[£$€]\s?/.exec(r.valueText)?.[0] ?? '';
  const grouped = r.valueText.includes(',') || value >= 10_000;
  const newText = `${currency}${grouped ? formatGrouped(value) : String(value)}`;
  return [{ title: `Quote the cited value: ${newText}`, edits: [{ uri: r.uri, range: r.valueRange, newText }], certain: false, isPreferred: true }];
}

function valueFindings(r: ThresholdReference, stating: CitedClause[]): Finding[] {
  if (r.value === undefined) return [];
  // Only clauses with a statement of the kind cited can agree or disagree.
  const comparable = stating.filter(c => matchingSubject(r, c).length > 0);
  const disagree = comparable.filter(c => !matchingSubject(r, c).some(s => s.value === r.value));
  const wrong = r.mode === 'any' ? (disagree.length === comparable.length ? disagree : []) : disagree;
  if (wrong.length === 0) return [];
  return [{
    code: CODE,
    range: r.range,
    message: `This cites the threshold as ${r.valueText} (${quote(r.text)}), but ${wrong.map(c => statedAs(c, matchingSubject(r, c))).join('; ')}. ` +
      `The text contradicts itself: change the figure here or in the cited clause so that the two agree.`,
    related: relatedOf(stating),
    fixes: valueFix(r, stating),
    data: { kind: 'reference-value', value: r.value, cited: stating.flatMap(c => c.statements.map(s => s.value)) },
  }];
}

function subjectFindings(r: ThresholdReference, stating: CitedClause[]): Finding[] {
  if (!countsPortfolio(r.subjectKey)) return [];
  const pool = stating.flatMap(c => c.statements.filter(s => (r.value === undefined || s.value === r.value) && countsPortfolio(s.subjectKey)));
  if (pool.length === 0 || pool.some(s => subjectsCompatible(r.subjectKey, s.subjectKey))) return [];
  return [{
    code: CODE,
    range: r.range,
    message: `This cites a threshold counted in ${r.subject} (${quote(r.text)}), but ${[...new Set(pool.map(s => quote(s.text)))].join(' and ')} ` +
      `counts ${[...new Set(pool.map(s => s.subject))].join(' and ')}: the citation and the cited clause count different things.`,
    related: relatedOf(stating),
    data: { kind: 'reference-subject', subject: r.subjectKey, cited: [...new Set(pool.map(s => s.subjectKey))] },
  }];
}

/** Is the quoted figure a threshold statement of its own, of a count? Then the boundary check of rules/thresholds.ts compares it already. */
function isStatement(model: LegalModel, r: ThresholdReference): boolean {
  const at = r.valueRange?.start;
  return at !== undefined && thresholdsOf(model).thresholds.some(t => t.number.line === at.line && t.number.start === at.character && countsPortfolio(t.subjectKey));
}

function comparisonFindings(model: LegalModel, r: ThresholdReference, stating: CitedClause[]): Finding[] {
  if (r.comparison === undefined || r.value === undefined || isStatement(model, r)) return [];
  const cut = cutOf({ value: r.value, comparison: r.comparison });
  const same = stating.flatMap(c => matchingSubject(r, c).filter(s => s.value === r.value));
  if (same.length === 0 || same.some(s => cutOf(s) === cut)) return [];
  return [{
    code: CODE,
    range: r.range,
    message: `This quotes the threshold as ${quote(r.text)}, but the cited clause says ${[...new Set(same.map(s => quote(s.text)))].join(' and ')}: ` +
      `exactly ${formatGrouped(r.value)} is treated differently by the two. Quote the comparison as the cited clause states it.`,
    related: relatedOf(stating),
    data: { kind: 'reference-boundary', value: r.value },
  }];
}

/** Cited clauses that state no number at all: the citation points nowhere. */
function nowhereFindings(r: ThresholdReference, cited: CitedClause[]): Finding[] {
  // "the number of X referred to in Section G8.39" may cite how X is counted, not a figure.
  const empty = cited.filter(c => c.statements.length === 0 && !c.statesNumber && !((r.form === 'count' || r.word === 'number') && c.countsSomething));
  const pointless = r.mode === 'any' ? (empty.length === cited.length ? empty : []) : empty;
  if (pointless.length === 0) return [];
  return [{
    code: CODE,
    range: r.range,
    message: `This cites a threshold in ${pointless.map(cite).join(', ')} (${quote(r.text)}), but ${pointless.length === 1 ? 'that clause states' : 'those clauses state'} no number: the citation points nowhere. ` +
      `Check the clause number.`,
    related: pointless.map(c => ({ uri: c.uri, range: c.range, message: `${cite(c)} states no threshold` })),
    data: { kind: 'reference-nowhere', severityCap: 'information', cited: pointless.map(c => c.id) },
  }];
}

export function checkThresholdReferences(model: LegalModel, workspace: WorkspaceIndex): Finding[] {
  const out: Finding[] = [];
  for (const r of thresholdReferencesOf(model)) {
    const cited = citedClauses(r, workspace);
    if (cited.length === 0) continue;
    const stating = cited.filter(c => c.statements.length > 0);
    const found = [...valueFindings(r, stating), ...subjectFindings(r, stating), ...comparisonFindings(model, r, stating)];
    out.push(...(found.length > 0 ? [found[0]] : nowhereFindings(r, cited)));
  }
  return out;
}

/**
 * What citations read from every legal document: its clauses (number, lines, paragraphs), its
 * threshold statements, which lines hold numbers or say "number of". Typing a word inside a
 * clause changes none of them.
 */
function citationSignature(model: LegalModel): string {
  const clauses = model.structure.clauses.map(c => [c.id, c.firstLine, c.lastLine, c.paragraphs.map(p => [p.path, p.line, p.endLine])]);
  const statements = thresholdsOf(model).thresholds.map(t => [t.range, t.value, t.comparison, t.subjectKey, t.text]);
  const numbers = [...new Set(numbersOf(model).map(n => n.line))];
  const counting = model.lines.filter(l => /\bnumber\s+of\b/i.test(l.text)).map(l => l.line);
  return JSON.stringify([clauses, statements, numbers, counting]);
}

export const thresholdReferenceRules: RuleFamily = {
  name: 'threshold-references',
  dependsOn: ['legal'],
  inputsKey: signatureKey('threshold-references', citationSignature),
  kinds: ['legal'],
  codes: [CODE],
  docs: {}, // inconsistent-threshold's page is with the thresholds family (thresholds.ts)
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return checkThresholdReferences(ctx.model, ctx.workspace);
  },
};
