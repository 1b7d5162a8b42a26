// References to a threshold stated elsewhere: "the threshold of 150,000 set out in Sections
// G10.7 and G10.8", "the figure referred to in Section G8.41", "the number of Non-Domestic
// Premises specified in Section G8.40(a)", "the threshold in Section G8.44A". A citation is read
// only where a threshold word, a number or a counted subject stands right before a citing verb
// ("set out in", "referred to in", "specified in" …) and the reference: a clause merely
// mentioned in the same sentence ("the liability under Section M2.4 shall not exceed
// £1,000,000") is not a citation of a threshold.
import type { Range } from '../types';
import type { LegalModel } from './document';
import { DerivedKey, derive } from '../cache';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type Comparison, type Threshold, TERM_SOURCE, UNIT_SOURCE, subjectKey, thresholdsOf } from './thresholds';
import { numbersOf } from './numbers';
import { rangeCovers, referencesOf, type SecReference } from './references';
import { clauseAtLine } from './structure';

// Derived values kept per owner (see cache.ts).
const THRESHOLD_REFERENCES = new DerivedKey<ThresholdReference[]>('thresholdReferences');

/** What the citing phrase names: a threshold word, "the number of X", or a number itself. */
export type CitationForm = 'word' | 'count' | 'number';

export interface ThresholdReference {
  uri: string;
  /** From the start of the citing phrase to the end of the reference. */
  range: Range;
  /** The citing phrase before the reference ("the threshold of 150,000 set out in"). */
  phraseRange: Range;
  text: string;
  form: CitationForm;
  /** The threshold word ("threshold", "figure") when there is one. */
  word?: string;
  /** The number the phrase quotes, as written ("150,000", "£1,000,000"), with its value and range. */
  value?: number;
  valueText?: string;
  valueRange?: Range;
  /** A comparison quoted with the number ("more than 250,000"). */
  comparison?: Comparison;
  /** What the phrase says is counted ("Non-Domestic Premises"). */
  subject?: string;
  subjectKey?: string;
  /** The clauses cited, with a paragraph path ("(a)") where one is named. */
  targets: { id: string; paragraphPath?: string }[];
  /** "or" lists, "(as the case may be)" and ranges cite alternatives; "and" lists cite each clause. */
  mode: 'each' | 'any';
  /** For a range ("Sections G8.40 to G8.44A"): the reference, so the covered clauses can be found. */
  reference: SecReference;
  clause?: string;
  line: number;
}

const NUM = String.raw`(?:[£$€]\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[£$€]\s?)?\d+(?:\.\d+)?`;
const CMP = String.raw`(?:more|greater|less|fewer)\s+than|at\s+least|at\s+most|not\s+more\s+than|in\s+excess\s+of|up\s+to`;
const SUBJ = `${TERM_SOURCE}|(?:${UNIT_SOURCE})`;
const WORDS = 'threshold|figure|limit|number|amount|cap|level';

/** "set out in", "referred to in" …: a citing verb, then the reference. */
const VERB_TAIL_RE = /(?:,\s*)?\s+(?:as\s+)?(?:set\s+out|referred\s+to|specified|stated|mentioned|provided\s+for|prescribed|laid\s+down|described|contained)\s+(?:in|under|by)\s+$/;
/** A bare "in" or "under" only after a threshold word: "the threshold in Section G8.44A". */
const BARE_TAIL_RE = /\s+(?:in|under)\s+$/;
/** "the (relevant) (250,000 (Domestic Premises)) threshold (of (more than) 150,000 (X) (or more))". */
const WORD_PHRASE_RE = new RegExp(String.raw`\b[Tt]he\s+(?:relevant\s+|applicable\s+|same\s+|said\s+)?(?:(${NUM})\s+(?:(${SUBJ})\s+)?)?(${WORDS})s?(?:\s+of\s+(?:(${CMP})\s+)?(${NUM})(?:\s+(${SUBJ}))?(\s+or\s+(?:more|greater|fewer|less))?)?$`);
/** "the (total) number of Non-Domestic Premises". */
const COUNT_PHRASE_RE = new RegExp(String.raw`\b[Tt]he\s+(?:total\s+|aggregate\s+)?number\s+of\s+(${SUBJ})$`);
/** "(more than) 250,000 (Domestic Premises)". */
const NUMBER_PHRASE_RE = new RegExp(String.raw`(?<![\w.,£$€])(?:(${CMP})\s+)?(${NUM})(?:\s+(${SUBJ}))?(\s+or\s+(?:more|greater|fewer|less))?$`);
/** How far before a reference a citing phrase may start. */
const LOOK_BACK = 200;

function comparisonOf(before: string | undefined, after: string | undefined): Comparison | undefined {
  const b = before?.replace(/\s+/g, ' ').toLowerCase();
  if (b === 'more than' || b === 'greater than' || b === 'in excess of') return 'gt';
  if (b === 'at least') return 'ge';
  if (b === 'less than' || b === 'fewer than') return 'lt';
  if (b === 'at most' || b === 'not more than' || b === 'up to') return 'le';
  if (after && /more|greater/.test(after)) return 'ge';
  if (after && /fewer|less/.test(after)) return 'le';
  return undefined;
}

const CURRENCIES: Record<string, string> = { '£': 'pounds', $: 'dollars', '€': 'euros' };

function numberValue(text: string): number {
  return Number(text.replace(/[£$€,\s]/g, ''));
}

interface PhraseMatch {
  start: number;
  form: CitationForm;
  word?: string;
  valueText?: string;
  valueStart?: number;
  comparison?: Comparison;
  subject?: string;
}

/** The citing phrase that ends `before` (the text up to the reference), if any. */
export function citingPhrase(before: string): PhraseMatch | undefined {
  const verb = VERB_TAIL_RE.exec(before);
  const bare = verb ? undefined : BARE_TAIL_RE.exec(before);
  const tail = verb ?? bare;
  if (!tail) return undefined;
  const np = before.slice(0, tail.index);
  const w = WORD_PHRASE_RE.exec(np);
  if (w && (verb || /^(?:threshold|figure|limit|cap)$/.test(w[3]))) {
    const valueText = w[5] ?? w[1];
    const valueStart = valueText === undefined ? undefined : w[5] !== undefined ? w.index + w[0].lastIndexOf(w[5]) : w.index + w[0].indexOf(w[1]);
    return {
      start: w.index, form: 'word', word: w[3], valueText, valueStart,
      comparison: w[5] !== undefined ? comparisonOf(w[4], w[7]) : undefined,
      subject: w[6] ?? w[2],
    };
  }
  if (!verb) return undefined;
  const c = COUNT_PHRASE_RE.exec(np);
  if (c) return { start: c.index, form: 'count', subject: c[1] };
  const n = NUMBER_PHRASE_RE.exec(np);
  if (n) {
    const valueStart = n.index + (n[1] ? n[0].indexOf(n[2], n[1].length) : 0);
    return { start: n.index, form: 'number', valueText: n[2], valueStart, comparison: comparisonOf(n[1], n[4]), subject: n[3] };
  }
  return undefined;
}

/** Alternatives: an "or" list, "(as the case may be)", "as applicable", or a range of clauses. */
function modeOf(ref: SecReference, lineText: string): 'each' | 'any' {
  if (ref.isRange) return 'any';
  const oneLine = ref.range.end.line === ref.range.start.line;
  const inside = lineText.slice(ref.range.start.character, oneLine ? ref.range.end.character : undefined);
  const after = oneLine ? lineText.slice(ref.range.end.character, ref.range.end.character + 40) : '';
  return /\sor\s/.test(inside) || /^\s*,?\s*\(?(?:as\s+the\s+case\s+may\s+be|as\s+applicable|whichever)/i.test(after) ? 'any' : 'each';
}

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** Every citation of a threshold in a legal document (memoised per model). */
export function thresholdReferencesOf(model: LegalModel): ThresholdReference[] {
  return derive(model, THRESHOLD_REFERENCES, () => {
    const out: ThresholdReference[] = [];
    for (const ref of referencesOf(model)) {
      const targets = ref.targets.filter(t => t.kind === 'clause');
      if (targets.length === 0 || targets.length !== ref.targets.length) continue;
      const line = ref.range.start.line;
      const lineText = model.lines[line]?.text ?? '';
      const from = Math.max(0, ref.range.start.character - LOOK_BACK);
      const phrase = citingPhrase(lineText.slice(from, ref.range.start.character));
      if (!phrase) continue;
      const start = from + phrase.start;
      const valueStart = phrase.valueStart === undefined ? undefined : from + phrase.valueStart;
      // "£1,000,000" counts pounds, as the statements of thresholds.ts do.
      const subject = phrase.subject ?? CURRENCIES[phrase.valueText?.[0] ?? ''];
      // A reference may run onto the next line (wrapped text): the citation then ends where it does.
      const oneLine = ref.range.end.line === line;
      out.push({
        uri: model.uri,
        range: { start: { line, character: start }, end: ref.range.end },
        phraseRange: range(line, start, ref.range.start.character),
        text: oneLine ? lineText.slice(start, ref.range.end.character) : `${lineText.slice(start)} ${(model.lines[ref.range.end.line]?.text ?? '').slice(0, ref.range.end.character).trimStart()}`,
        form: phrase.form,
        ...(phrase.word ? { word: phrase.word } : {}),
        ...(phrase.valueText !== undefined && valueStart !== undefined
          ? { value: numberValue(phrase.valueText), valueText: phrase.valueText, valueRange: range(line, valueStart, valueStart + phrase.valueText.length) }
          : {}),
        ...(phrase.comparison ? { comparison: phrase.comparison } : {}),
        ...(subject ? { subject, subjectKey: subjectKey(subject) } : {}),
        targets: targets.map(t => (t.paragraphPath ? { id: t.id, paragraphPath: t.paragraphPath } : { id: t.id })),
        mode: modeOf(ref, lineText),
        reference: ref,
        clause: clauseAtLine(model.structure, line)?.id,
        line,
      });
    }
    return out;
  });
}

/** A clause (or paragraph) a citation names, as found in the workspace, with what it states. */
export interface CitedClause {
  id: string;
  paragraphPath?: string;
  uri: string;
  /** The threshold statements inside the clause (or the paragraph). */
  statements: Threshold[];
  /** Whether it writes any number at all. */
  statesNumber: boolean;
  /** Whether it says how something is counted ("the number of …"): a citation of "the number" may mean that. */
  countsSomething: boolean;
  /** Where to point when it states nothing: its number, or the paragraph's label. */
  range: Range;
}

/** The clause ids a citation names: its targets, or every clause of the workspace inside its range. */
function citedIds(r: ThresholdReference, workspace: WorkspaceIndex): { id: string; paragraphPath?: string }[] {
  if (!r.reference.isRange) return r.targets;
  return [...workspace.clauseIndex().keys()].filter(id => rangeCovers(r.reference, id)).map(id => ({ id }));
}

/** The cited clauses that exist in the workspace (an unknown one is `broken-reference`'s business). */
export function citedClauses(r: ThresholdReference, workspace: WorkspaceIndex): CitedClause[] {
  const out: CitedClause[] = [];
  for (const target of citedIds(r, workspace)) {
    const at = workspace.findClause(target.id);
    const model = at && workspace.model(at.uri);
    if (!at || model?.kind !== 'legal') continue;
    let first = at.clause.firstLine;
    let last = at.clause.lastLine;
    let where = at.clause.idRange;
    if (target.paragraphPath) {
      const para = at.clause.paragraphs.find(p => p.path === target.paragraphPath);
      if (!para) continue;
      first = para.line;
      last = para.endLine;
      where = para.labelRange;
    }
    const inside = (line: number) => line >= first && line <= last;
    let countsSomething = false;
    for (let l = first; l <= last && !countsSomething; l++) countsSomething = /\bnumber\s+of\b/i.test(model.lines[l]?.text ?? '');
    out.push({
      id: target.id,
      ...(target.paragraphPath ? { paragraphPath: target.paragraphPath } : {}),
      uri: at.uri,
      statements: thresholdsOf(model).thresholds.filter(t => inside(t.range.start.line)),
      statesNumber: numbersOf(model).some(n => inside(n.line)),
      countsSomething,
      range: where,
    });
  }
  return out;
}

/** Two counted subjects that may be the same: equal, or one is premises of any kind. */
export function subjectsCompatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b || a === 'premises' || b === 'premises';
}
