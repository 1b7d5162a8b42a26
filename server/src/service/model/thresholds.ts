// Quantitative thresholds in SEC legal text: a number bound to what it counts and to a
// comparison ("more than 250,000 Domestic Premises", "its Combined Premises Number exceeds
// 250,000", "50,000 or fewer Non-Domestic Premises"), the population the test applies to
// ("which does not supply any Non-Domestic Premises"), what follows from it (the terms after
// "shall"), and the equations that combine counts ("CPN = (5 × NDP) + DP" with its "where:"
// legend, or "the number of Non-Domestic Premises multiplied by five, added to …").
import type { Range } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { LegalModel } from './document';
import { DerivedKey, derive } from '../cache';
import { type NumberMention, isFormulaLine, linesMatching, numbersOf, parseNumberWords } from './numbers';
import { clauseAtLine } from './structure';

// Derived values kept per owner (see cache.ts).
const WORKSPACE_THRESHOLDS = new DerivedKey<WorkspaceThresholds>('thresholds');
const CONTEXT_SUBJECT = new DerivedKey<string | undefined>('contextSubject');
const THRESHOLDS = new DerivedKey<ThresholdModel>('thresholds');
const COUNTED_SUBJECTS = new DerivedKey<(ThresholdModel['countedSubjects'][number] & { uri: string })[]>('countedSubjects');

/** gt "more than N", ge "at least N", lt "fewer than N", le "N or fewer". */
export type Comparison = 'gt' | 'ge' | 'lt' | 'le';

/** What is counted, broadly: premises and devices are different measures of a portfolio. */
export type Measure = 'premises' | 'devices' | 'time' | 'other';

export interface Threshold {
  uri: string;
  value: number;
  number: NumberMention;
  comparison: Comparison;
  /** The counted subject as written ("Domestic Premises"), if known. */
  subject?: string;
  /** Normalised subject: lower case, singular ("domestic premises", "smart metering system"). */
  subjectKey?: string;
  /** Where the subject came from: after the number, before the comparison, or the clause. */
  subjectSource: 'after' | 'before' | 'context' | 'none';
  measure: Measure;
  /** Who the test applies to: "not:non-domestic premises", "both:domestic premises+…". */
  population: string[];
  /** Capitalised terms of what follows from the test (after "shall"), normalised and sorted. */
  consequence: string[];
  /** The whole statement, e.g. "more than 250,000 Domestic Premises". */
  range: Range;
  text: string;
  clause?: string;
  /** The first line of the lettered paragraph ("(a) …") it sits in, if any: each limb of a clause is a test of its own. */
  limb?: number;
  line: number;
}

export interface EquationTerm {
  coefficient: number;
  subject: string;
  subjectKey: string;
}

/** A count defined from other counts ("Combined Premises Number" = 5 × NDP + DP). */
export interface Equation {
  uri: string;
  defines: string;
  definesKey: string;
  terms: EquationTerm[];
  form: 'formula' | 'words';
  range: Range;
  text: string;
  clause?: string;
  line: number;
}

export interface ThresholdModel {
  thresholds: Threshold[];
  equations: Equation[];
  /** Subjects named in "the number of X" phrases: what the text says it counts, and where. */
  countedSubjects: { key: string; clause?: string }[];
}

/** How far around a number the tests look: a sentence of a 1 MB line is read near the number only. */
const WINDOW = 600;

/** A stretch of prose read as one: a line with its wrapped continuation lines, or a table cell. */
interface Passage {
  text: string;
  pieces: { offset: number; line: number; column: number }[];
  line: number;
  /** For a paragraph "(a) …", the clause's opening words, which name who the list is about. */
  leadIn: string;
  /** For a table cell: its column's header ("Domestic Premises"), which names what a bare number counts. */
  header?: string;
}

export const TERM_SOURCE = String.raw`[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,5}`;
export const UNIT_SOURCE = String.raw`(?:(?:non-)?domestic\s+)?premises|smart\s+metering\s+systems?|(?:metering|meter|supply)\s+points?|meters?|mpans?|mprns?|customers?|consumers?|sites?|(?:working\s+|business\s+)?days?|months?|years?|weeks?|hours?|per\s+cent`;
const UNIT_AT_START = new RegExp(`^(?:${UNIT_SOURCE})\\b`, 'i');
const TERM_AT_START = new RegExp(`^${TERM_SOURCE}`);
const UNIT_AT_END = new RegExp(`(?:${UNIT_SOURCE})$`, 'i');
const TERM_AT_END = new RegExp(`(${TERM_SOURCE})$`);
// Global regexes are shared and run with exec loops: matchAll clones its regex on every call,
// and these run once per passage or per number. A loop over one must not call code that uses it.
const TERMS_RE = new RegExp(TERM_SOURCE, 'g');
const UNITS_RE = new RegExp(`\\b(?:${UNIT_SOURCE})\\b`, 'gi');
const NUMBER_OF_RE = /\bnumber\s+of\s+/gi;
const COUNTED_RE = /\bnumber\s+of\s+(\S.*)/gi;
const SENTENCE_END_RE = /[.;]\s+(?=[A-Z(])/g;
const NOT_ANY_RE = /\b(?:not\s+(?:\w+\s+){0,2}?any|no)\s+(\S.*)/gi;
const ONLY_RE = /\bonly\s+(\S.*)/gi;
const BOTH_RE = /\bboth\s+(\S.*?)\s+and\s+(\S.*)/gi;
const SCOPE_CUT_RE = /,\s+(?:and|or)\s+(?:a|an|any|each)\s+|;\s+/g;
const NOT_SUBJECTS = /^(?:Section|Sections|Part|Schedule|Where|The|A|An|In|On|Each|Any)$/;

/** "Smart Metering Systems" → "smart metering system"; "Premises" stays. */
export function subjectKey(subject: string): string {
  return keyOf(subject);
}

function keyOf(subject: string): string {
  const s = subject.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/premises$|ss$/.test(s)) return s;
  if (/ies$/.test(s)) return s.slice(0, -3) + 'y';
  return s.replace(/s$/, '');
}

export function measureOf(key: string | undefined): Measure {
  return key ? findMeasure(key) : 'other';
}

function findMeasure(key: string): Measure {
  if (!key) return 'other';
  if (/premises/.test(key)) return 'premises';
  if (/smart metering system|meter|metering point|supply point|mpan|mprn/.test(key)) return 'devices';
  if (/\b(?:day|month|year|week|hour|minute)$/.test(key)) return 'time';
  return 'other';
}

/** The text up to its first white space (`text.split(/\s+/)[0]` without the array). */
function firstWord(text: string): string {
  const space = /\s/.exec(text);
  return space ? text.slice(0, space.index) : text;
}

/** The counted subject at the start of `text`: a unit word or a capitalised term. */
function subjectAtStart(text: string): string | undefined {
  const unit = UNIT_AT_START.exec(text);
  if (unit) return unit[0];
  const term = TERM_AT_START.exec(text);
  if (!term) return undefined;
  return NOT_SUBJECTS.test(firstWord(term[0])) ? undefined : term[0];
}

/** The counted subject at the end of `text` ("its Combined Premises Number"), if it is a count. */
function subjectAtEnd(text: string): string | undefined {
  const t = text.replace(/\s+(?:is|are|was|were|be|shall\s+be|will\s+be|does|do|has|have)\s*$/i, '').replace(/\s+$/, '');
  const unit = UNIT_AT_END.exec(t);
  if (unit && (unit.index === 0 || /\s/.test(t[unit.index - 1]))) return unit[0];
  const term = TERM_AT_END.exec(t);
  if (!term) return undefined;
  const subject = term[1];
  return measureOf(subjectKey(subject)) !== 'other' || /\b(?:Number|Count|Total|Amount|Quantity)$/.test(subject) ? subject : undefined;
}

const CURRENCIES: Record<string, string> = { '£': 'pounds', $: 'dollars', '€': 'euros' };

/** "the aggregate number of Domestic Premises supplied by it exceeds": the last "number of X" before a comparison. */
function lastCountedSubject(text: string): string | undefined {
  let subject: string | undefined;
  NUMBER_OF_RE.lastIndex = 0;
  for (let m = NUMBER_OF_RE.exec(text); m; m = NUMBER_OF_RE.exec(text)) subject = subjectAtStart(text.slice(m.index + m[0].length)) ?? subject;
  return subject;
}

/** Comparisons written before the number, most specific first (negations before plain words). */
const PREFIXES: [RegExp, Comparison][] = [
  [/\b(?:(?:more|greater)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:more|greater)\s+than)\s*$/i, 'ge'],
  [/\b(?:(?:less|fewer)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|fewer)\s+than|up\s+to\s+and\s+including)\s*$/i, 'le'],
  [/\b(?:not|no)\s+more\s+than\s*$/i, 'le'],
  [/\b(?:not|no)\s+greater\s+than\s*$/i, 'le'],
  [/\bnot\s+(?:exceeding|in\s+excess\s+of|above|over)\s*$/i, 'le'],
  [/\b(?:does|do|did|shall|will|may)\s+not\s+exceed\s*$/i, 'le'],
  [/\b(?:at\s+most|up\s+to|a\s+maximum\s+of)\s*$/i, 'le'],
  [/\b(?:not|no)\s+(?:less|fewer)\s+than\s*$/i, 'ge'],
  [/\b(?:at\s+least|a\s+minimum\s+of)\s*$/i, 'ge'],
  [/\b(?:more|greater)\s+than\s*$/i, 'gt'],
  [/\b(?:in\s+excess\s+of|exceeds?|exceeding|exceeded|over|above)\s*$/i, 'gt'],
  [/\b(?:less|fewer)\s+than\s*$/i, 'lt'],
  [/\b(?:below|under)\s*$/i, 'lt'],
];
const SUFFIX_GE = /^\s+or\s+(?:more|greater|above|over)\b/i;
const SUFFIX_LE = /^\s+or\s+(?:fewer|less|below|under)\b/i;

/** Words after a number that are not what it counts ("exceeds 250,000 in any year"). */
const NOT_NOUNS = /^(?:and|or|in|of|on|at|by|for|to|within|per|is|are|was|were|be|shall|will|may|must|the|a|an|which|that|than|but|with|from|during|after|before|each|any|its|their|as|if|where|when|then|so|such|under|over|above|below|between|whichever|respectively|thereof|calendar)$/i;

/** What the number counts, written right after it: a unit, a capitalised term, a "per cent of X", or a plain noun. */
function subjectAfter(after: string): { subject: string; length: number } | undefined {
  const percent = /^\s*(?:%|per\s+cent\b)/i.exec(after);
  if (percent) {
    const of = /^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?/i.exec(after.slice(percent[0].length));
    const rest = of ? after.slice(percent[0].length + of[0].length) : '';
    const what = of ? subjectAtStart(rest) ?? /^[a-z][\w-]*/.exec(rest)?.[0] : undefined;
    return what
      ? { subject: `per cent of ${what}`, length: percent[0].length + of![0].length + what.length }
      : { subject: 'per cent', length: percent[0].length };
  }
  const gap = /^\s+(?:of\s+(?:the\s+)?)?/.exec(after);
  if (!gap) return undefined;
  const rest = after.slice(gap[0].length);
  const term = subjectAtStart(rest);
  if (term) return { subject: term, length: gap[0].length + term.length };
  const noun = /^[a-z][\w-]*/.exec(rest)?.[0];
  return noun && !NOT_NOUNS.test(noun) ? { subject: noun, length: gap[0].length + noun.length } : undefined;
}

/** The words every comparison prefix ends with. */
const PREFIX_LAST_WORDS = new Set(['to', 'than', 'including', 'exceeding', 'of', 'above', 'over', 'exceed', 'exceeds', 'exceeded', 'most', 'least', 'below', 'under']);

/**
 * Could a comparison end `before`? Its last ASCII word (before white space) must be one that
 * comparisons end with. The 13 prefix regexes, anchored at the end only, try every position of
 * the 80 characters before each number; most numbers ("within 10 Working Days") fail this.
 */
function mayEndInComparison(before: string): boolean {
  let k = before.length;
  for (; k > 0; k--) {
    const c = before.charCodeAt(k - 1);
    if (c >= 128) return true; // perhaps Unicode white space: let the regexes decide
    if (c !== 32 && (c < 9 || c > 13)) break;
  }
  let start = k;
  while (start > 0 && /[A-Za-z]/.test(before[start - 1])) start--;
  return PREFIX_LAST_WORDS.has(before.slice(start, k).toLowerCase());
}

function comparisonBefore(before: string): { comparison: Comparison; length: number } | undefined {
  if (!mayEndInComparison(before)) return undefined;
  for (const [re, comparison] of PREFIXES) {
    const m = re.exec(before);
    if (m) return { comparison, length: m[0].length };
  }
  return undefined;
}

/** The last character of `text` that is not white space (as `\s` reads it), if any. */
function lastNonSpace(text: string): string | undefined {
  for (let k = text.length - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /(\S)\s*$/.exec(text)?.[1]; // Unicode white space: let the regex decide
    if (c !== 32 && (c < 9 || c > 13)) return text[k];
  }
  return undefined;
}

/** Build the prose passages of a legal document: wrapped lines joined, table cells apart. */
function passagesOf(model: LegalModel): Passage[] {
  const { lines, kinds, contentColumn } = model.structure;
  const out: Passage[] = [];
  let current: Passage | undefined;
  // The passage being built: its lines' contents, joined once it is complete (not string by
  // string, which re-read a growing text per line), and whether its text ends a sentence.
  let parts: string[] = [];
  let length = 0;
  let endsSentence = false;
  const finish = () => {
    if (current && parts.length > 1) current.text = parts.join(' ');
    current = undefined;
  };
  let clauseLeadIn = '';
  let headers: string[] = [];
  for (const l of lines) {
    const kind = kinds[l.line];
    const column = contentColumn[l.line];
    const content = l.text.slice(column);
    if (kind === 'table-row') {
      finish();
      // A Markdown table's first row, above its |---| line, heads the columns.
      if (kinds[l.line + 1] === 'table-separator') headers = content.split('|');
      else if (kinds[l.line - 1] !== 'table-row' && kinds[l.line - 1] !== 'table-separator') headers = [];
      let offset = column;
      content.split('|').forEach((cell, i) => {
        const header = headers[i]?.trim();
        const pieces = [{ offset: 0, line: l.line, column: offset }];
        out.push(header ? { text: cell, pieces, line: l.line, leadIn: '', header } : { text: cell, pieces, line: l.line, leadIn: '' });
        offset += cell.length + 1;
      });
      continue;
    }
    // Page furniture cuts a sentence in two without ending it.
    if (kind === 'furniture') continue;
    if (kind !== 'clause' && kind !== 'paragraph' && kind !== 'continuation' && kind !== 'definition-row') {
      finish();
      continue;
    }
    if (kind === 'clause') {
      const colon = content.indexOf(':');
      clauseLeadIn = colon < 0 ? content : content.slice(0, colon);
    }
    const formula = isFormulaLine(content);
    const joins = kind === 'continuation' && current && !formula && !endsSentence;
    // "Ends with [.;:] and white space": a blank content adds only white space to the text.
    const last = lastNonSpace(content);
    if (last !== undefined) endsSentence = last === '.' || last === ';' || last === ':';
    else if (!joins) endsSentence = false;
    if (joins && current) {
      current.pieces.push({ offset: length + 1, line: l.line, column });
      parts.push(content);
      length += 1 + content.length;
    } else {
      finish();
      current = { text: content, pieces: [{ offset: 0, line: l.line, column }], line: l.line, leadIn: kind === 'paragraph' ? clauseLeadIn : '' };
      parts = [content];
      length = content.length;
      out.push(current);
    }
    if (formula) finish();
  }
  finish();
  return out;
}

function positionAt(p: Passage, offset: number): { line: number; character: number } {
  let piece = p.pieces[0];
  for (const candidate of p.pieces) if (candidate.offset <= offset) piece = candidate;
  return { line: piece.line, character: piece.column + offset - piece.offset };
}

function rangeIn(p: Passage, from: number, to: number): Range {
  return { start: positionAt(p, from), end: positionAt(p, to) };
}

/** Does the passage run over any of the lines? */
function onAnyLine(p: Passage, lines: { has(line: number): boolean }): boolean {
  for (const piece of p.pieces) if (lines.has(piece.line)) return true;
  return false;
}

/** The number mentions inside a passage, with their offsets in its text. */
function numbersIn(p: Passage, byLine: Map<number, NumberMention[]>): { mention: NumberMention; offset: number }[] {
  const out: { mention: NumberMention; offset: number }[] = [];
  p.pieces.forEach((piece, i) => {
    const pieceEnd = i + 1 < p.pieces.length ? p.pieces[i + 1].offset - 1 : p.text.length;
    for (const mention of byLine.get(piece.line) ?? []) {
      const offset = piece.offset + mention.start - piece.column;
      if (offset >= piece.offset && offset + (mention.end - mention.start) <= pieceEnd) out.push({ mention, offset });
    }
  });
  return out;
}

/** The sentence around an offset (sentences end at ". " before a capital, or the passage's end). */
function sentenceAround(text: string, offset: number): { start: number; text: string } {
  const from = Math.max(0, offset - WINDOW);
  const before = text.slice(from, offset);
  let start = from;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(before); m; m = SENTENCE_END_RE.exec(before)) start = from + m.index + 1;
  const next = /[.;]\s+(?=[A-Z(])/.exec(text.slice(offset, offset + WINDOW));
  const end = next ? offset + next.index + 1 : Math.min(text.length, offset + WINDOW);
  return { start, text: text.slice(start, end) };
}

/** Qualifiers over counted subjects in a stretch of text: "no X", "does not supply any X", "only X", "both X and Y". */
export function populationOf(text: string, ownKey: string | undefined): string[] {
  const out = new Set<string>();
  const add = (kind: string, raw: string) => {
    const subject = subjectAtStart(raw);
    const key = subject && subjectKey(subject);
    if (key && key !== ownKey && measureOf(key) !== 'other' && measureOf(key) !== 'time') out.add(`${kind}:${key}`);
  };
  NOT_ANY_RE.lastIndex = 0;
  for (let m = NOT_ANY_RE.exec(text); m; m = NOT_ANY_RE.exec(text)) add('not', m[1]);
  ONLY_RE.lastIndex = 0;
  for (let m = ONLY_RE.exec(text); m; m = ONLY_RE.exec(text)) add('only', m[1]);
  BOTH_RE.lastIndex = 0;
  for (let m = BOTH_RE.exec(text); m; m = BOTH_RE.exec(text)) {
    const a = subjectAtStart(m[1]);
    const b = subjectAtStart(m[2]);
    if (a && b) {
      out.delete(`not:${subjectKey(a)}`);
      out.add(`both:${[subjectKey(a), subjectKey(b)].sort().join('+')}`);
    }
  }
  return [...out].sort();
}

/** Capitalised terms after "shall"/"must": what the test decides (e.g. a Full User Security Assessment). */
function consequenceOf(sentence: string, ownKey: string | undefined): string[] {
  const m = /\b(?:shall|must)\b/.exec(sentence);
  if (!m) return [];
  const terms = new Set<string>();
  const rest = sentence.slice(m.index);
  TERMS_RE.lastIndex = 0;
  for (let t = TERMS_RE.exec(rest); t; t = TERMS_RE.exec(rest)) {
    const key = subjectKey(t[0]);
    if (key !== ownKey && !NOT_SUBJECTS.test(firstWord(t[0])) && !/^[A-Z]{1,2}\d/.test(t[0])) terms.add(key);
  }
  return [...terms].sort();
}

/** Who the test applies to: the text before "shall", cut to the actor the threshold sits with. */
function scopeOf(sentence: string, offset: number, leadIn: string): string {
  const shall = /\b(?:shall|must)\b/.exec(sentence);
  const pre = shall ? sentence.slice(0, shall.index) : sentence;
  if (offset >= pre.length) return `${leadIn} ${pre}`;
  const cuts: number[] = [];
  SCOPE_CUT_RE.lastIndex = 0;
  for (let m = SCOPE_CUT_RE.exec(pre); m; m = SCOPE_CUT_RE.exec(pre)) cuts.push(m.index);
  let start = 0;
  let end = pre.length;
  for (const c of cuts) {
    if (c <= offset) start = c;
    else { end = c; break; }
  }
  return `${leadIn} ${pre.slice(start, end)}`;
}

/** The first counted subject of the passage, else of the clause's opening words: what a bare "exceeds 250,000" is about. */
function contextSubject(passages: Passage[], p: Passage, model: LegalModel): string | undefined {
  return derive(p, CONTEXT_SUBJECT, () => findContextSubject(passages, p, model));
}

function findContextSubject(passages: Passage[], p: Passage, model: LegalModel): string | undefined {
  // A table cell is about its column, never about the clause the table sits in.
  if (p.pieces.length === 1 && model.structure.kinds[p.line] === 'table-row') {
    const header = p.header && p.header.split(/\s+/).length <= 6 ? subjectAtStart(p.header) : undefined;
    return header && measureOf(subjectKey(header)) !== 'time' ? header : undefined;
  }
  const clause = clauseAtLine(model.structure, p.line);
  const opening = clause ? passages.find(q => q.line === clause.firstLine) : undefined;
  for (const text of [p.text, opening && opening !== p ? opening.text : '']) {
    UNITS_RE.lastIndex = 0;
    for (let m = UNITS_RE.exec(text); m; m = UNITS_RE.exec(text)) {
      const measure = measureOf(subjectKey(m[0]));
      if (measure === 'premises' || measure === 'devices') return m[0];
    }
  }
  return undefined;
}

function thresholdsIn(model: LegalModel, passages: Passage[], byLine: Map<number, NumberMention[]>): Threshold[] {
  const out: Threshold[] = [];
  for (const p of passages) {
    if (!onAnyLine(p, byLine)) continue; // most passages hold no number
    for (const { mention, offset } of numbersIn(p, byLine)) {
      if (mention.inFormula || mention.malformed) continue;
      const end = offset + (mention.end - mention.start);
      // "exceeds £5,000": the currency sign sits between the comparison and the number.
      const currency = /[£$€]\s*$/.exec(p.text.slice(Math.max(0, offset - 2), offset))?.[0] ?? '';
      const before = p.text.slice(Math.max(0, offset - currency.length - 80), offset - currency.length);
      let after = p.text.slice(end, end + 200);
      let comparison: Comparison | undefined;
      let from = offset;
      let to = end;
      const prefix = comparisonBefore(before);
      if (prefix) {
        comparison = prefix.comparison;
        from = offset - currency.length - prefix.length;
      } else from = offset - currency.length;
      const suffix = SUFFIX_GE.exec(after) ?? SUFFIX_LE.exec(after);
      if (!comparison && suffix) {
        comparison = SUFFIX_GE.test(after) ? 'ge' : 'le';
        to += suffix[0].length;
        after = after.slice(suffix[0].length);
      }
      // "250,000 Domestic Premises or more"
      let subject: string | undefined;
      let subjectSource: Threshold['subjectSource'] = 'none';
      const named = currency ? { subject: CURRENCIES[currency.trim()], length: 0 } : subjectAfter(after);
      if (named) {
        subject = named.subject;
        subjectSource = 'after';
        to += named.length;
        const trailing = p.text.slice(to, to + 40);
        const late = !comparison ? SUFFIX_GE.exec(trailing) ?? SUFFIX_LE.exec(trailing) : null;
        if (late) {
          comparison = SUFFIX_GE.test(trailing) ? 'ge' : 'le';
          to += late[0].length;
        }
      }
      if (!comparison) continue;
      if (!subject) {
        const beforeComparison = p.text.slice(Math.max(0, from - 120), from);
        subject = subjectAtEnd(beforeComparison) ?? lastCountedSubject(beforeComparison);
        if (subject) subjectSource = 'before';
        else {
          subject = contextSubject(passages, p, model);
          if (subject) subjectSource = 'context';
        }
      }
      const key = subject ? subjectKey(subject) : undefined;
      const sentence = sentenceAround(p.text, offset);
      const scope = scopeOf(sentence.text, offset - sentence.start, p.leadIn);
      const range = rangeIn(p, from, to);
      const population = populationOf(scope, key);
      const consequence = consequenceOf(`${p.leadIn} ${sentence.text}`, key);
      const text = p.text.slice(from, to);
      const clause = clauseAtLine(model.structure, range.start.line)?.id;
      const limb = model.structure.kinds[p.line] === 'paragraph' ? p.line : undefined;
      // Written out in full, not with a spread of the optional subject: one object shape, no copy.
      out.push(subject
        ? { uri: model.uri, value: mention.value, number: mention, comparison, subject, subjectKey: key, subjectSource, measure: measureOf(key), population, consequence, range, text, clause, limb, line: range.start.line }
        : { uri: model.uri, value: mention.value, number: mention, comparison, subjectSource, measure: measureOf(key), population, consequence, range, text, clause, limb, line: range.start.line });
    }
  }
  return out;
}

/** "(5 × NDP) + DP" → [{5, NDP}, {1, DP}]; undefined when it is not a sum of weighted symbols. */
export function parseFormulaTerms(rhs: string): { coefficient: number; symbol: string }[] | undefined {
  const terms: { coefficient: number; symbol: string }[] = [];
  for (const raw of rhs.replace(/[()[\]]/g, ' ').split(/\s[+]\s|\+/)) {
    const symbols = raw.match(/[A-Za-z][A-Za-z]*/g)?.filter(s => !/^x$/.test(s)) ?? [];
    if (symbols.length !== 1 || /[-/÷]/.test(raw)) return undefined;
    const numbers = raw.match(/\d+(?:\.\d+)?/g) ?? [];
    terms.push({ coefficient: numbers.reduce((a, n) => a * Number(n), 1), symbol: symbols[0] });
  }
  return terms.length > 0 ? terms : undefined;
}

const LEGEND_RE = /^(?:\([a-z]+\)\s*)?([A-Z][A-Za-z]{0,11})\s+(?:is|means|denotes|=)\s+(?:the\s+)?(?:total\s+)?(?:number\s+of\s+)?(.*)$/;

/** Formula lines with their "where:" legend, in the clause they sit in. */
function formulaEquations(model: LegalModel): Equation[] {
  const { lines, contentColumn } = model.structure;
  const out: Equation[] = [];
  for (const l of lines) {
    const content = l.text.slice(contentColumn[l.line]);
    if (!isFormulaLine(content)) continue;
    const [lhs, rhs] = content.split('=');
    const terms = parseFormulaTerms(rhs);
    if (!terms) continue;
    const clause = clauseAtLine(model.structure, l.line);
    const legend = new Map<string, string>();
    for (let i = l.line + 1; i < lines.length && i <= (clause?.lastLine ?? l.line + 8); i++) {
      const m = LEGEND_RE.exec(lines[i].text.slice(contentColumn[i]));
      const subject = m ? subjectAtStart(m[2]) : undefined;
      if (m && subject) legend.set(m[1], subject);
    }
    const symbol = lhs.replace(/\*\*/g, '').trim();
    const quoted = clause ? /[“"]([^”"]+)[”"][^“"]*$/.exec(lines[clause.firstLine].text)?.[1] : undefined;
    const defines = legend.get(symbol) ?? quoted ?? symbol;
    const column = contentColumn[l.line];
    out.push({
      uri: model.uri,
      defines,
      definesKey: subjectKey(defines),
      terms: terms.map(t => {
        const subject = legend.get(t.symbol) ?? t.symbol;
        return { coefficient: t.coefficient, subject, subjectKey: subjectKey(subject) };
      }),
      form: 'formula',
      range: { start: { line: l.line, character: column }, end: { line: l.line, character: l.text.replace(/\s+$/, '').length } },
      text: content.trim(),
      clause: clause?.id,
      line: l.line,
    });
  }
  return out;
}

/** "its “Combined Premises Number” is the number of X … multiplied by five, added to the number of Y". */
function wordEquations(model: LegalModel, passages: Passage[]): Equation[] {
  const out: Equation[] = [];
  // A definition's opening quote sits within one line: only passages over such lines are read.
  const quoteLines = linesMatching(model, /[“"]/g);
  for (const p of passages) {
    if (!onAnyLine(p, quoteLines)) continue;
    const def = /[“"]([^”"]+)[”"]\s+(?:is|means|shall\s+(?:be|mean))\b/.exec(p.text);
    if (!def) continue;
    const body = p.text.slice(def.index + def[0].length);
    const bodyStart = def.index + def[0].length;
    const occurrences = [...body.matchAll(/\b(?:(\w+)\s+times\s+|twice\s+)?the\s+(?:total\s+)?number\s+of\s+/gi)];
    const terms: EquationTerm[] = [];
    let lastEnd = 0;
    occurrences.forEach((occ, i) => {
      const rest = body.slice(occ.index! + occ[0].length);
      const subject = subjectAtStart(rest);
      if (!subject) return;
      const segment = body.slice(occ.index!, i + 1 < occurrences.length ? occurrences[i + 1].index : body.length);
      const multiplied = /\bmultiplied\s+by\s+([a-z-]+(?:\s+(?:hundred|thousand))?|\d[\d,]*)/i.exec(segment);
      let coefficient = 1;
      if (/^twice/i.test(occ[0])) coefficient = 2;
      else if (occ[1]) coefficient = parseNumberWords(occ[1]) ?? (Number(occ[1]) || 1);
      if (multiplied) coefficient *= parseNumberWords(multiplied[1]) ?? Number(multiplied[1].replace(/,/g, ''));
      if (!Number.isFinite(coefficient)) return;
      terms.push({ coefficient, subject, subjectKey: subjectKey(subject) });
      const subjectEnd = occ.index! + occ[0].length + subject.length;
      lastEnd = multiplied ? Math.max(subjectEnd, occ.index! + multiplied.index + multiplied[0].length) : subjectEnd;
    });
    if (terms.length < 2 && !terms.some(t => t.coefficient !== 1)) continue;
    const range = rangeIn(p, def.index, bodyStart + lastEnd);
    out.push({
      uri: model.uri,
      defines: def[1],
      definesKey: subjectKey(def[1]),
      terms,
      form: 'words',
      range,
      text: p.text.slice(def.index, bodyStart + lastEnd),
      clause: clauseAtLine(model.structure, range.start.line)?.id,
      line: range.start.line,
    });
  }
  return out;
}

/** Every threshold and equation of a legal document (memoised per model). */
export function thresholdsOf(model: LegalModel): ThresholdModel {
  return derive(model, THRESHOLDS, () => {
    const byLine = new Map<number, NumberMention[]>();
    for (const n of numbersOf(model)) {
      const list = byLine.get(n.line);
      if (list) list.push(n);
      else byLine.set(n.line, [n]);
    }
    const passages = passagesOf(model);
    const countedSubjects: ThresholdModel['countedSubjects'] = [];
    // "number" sits within one line's text: only passages over such a line can count anything.
    const numberLines = linesMatching(model, /number/gi);
    for (const p of passages) {
      if (!onAnyLine(p, numberLines)) continue;
      COUNTED_RE.lastIndex = 0;
      for (let m = COUNTED_RE.exec(p.text); m; m = COUNTED_RE.exec(p.text)) {
        // "(and not the number of Smart Metering Systems at them)" says what is not counted.
        if (/\bnot\s+(?:the\s+)?$/i.test(p.text.slice(Math.max(0, m.index - 10), m.index))) continue;
        const s = subjectAtStart(m[1]);
        if (s) countedSubjects.push({ key: subjectKey(s), clause: clauseAtLine(model.structure, p.line)?.id });
      }
    }
    return {
      thresholds: thresholdsIn(model, passages, byLine),
      equations: [...formulaEquations(model), ...wordEquations(model, passages)],
      countedSubjects,
    };
  });
}

/** The first value on the high side of a test: "more than 250,000" → 250,001; "250,000 or more" → 250,000. */
export function cutOf(t: Pick<Threshold, 'value' | 'comparison'>): number {
  return t.comparison === 'gt' || t.comparison === 'le' ? t.value + 1 : t.value;
}

/** Upper tests ("more than", "at least") pick out the large; lower ones the small. */
export function sideOf(c: Comparison): 'upper' | 'lower' {
  return c === 'gt' || c === 'ge' ? 'upper' : 'lower';
}

/** Thresholds the consistency checks compare: a known, countable subject and a real quantity (not "more than one"). */
export function isComparable(t: Threshold): boolean {
  return t.subjectKey !== undefined && t.subjectKey !== 'per cent' && t.measure !== 'time' && t.value >= 10;
}

/** "not:x" qualifiers must agree where both tests name any; a test with none applies to anyone. */
export function populationsCompatible(a: Threshold, b: Threshold): boolean {
  if (a.population.length === 0 || b.population.length === 0) return true;
  return a.population.join('|') === b.population.join('|');
}

export interface WorkspaceThresholds {
  thresholds: Threshold[];
  equations: Equation[];
  countedSubjects: { key: string; clause?: string; uri: string }[];
}

/** Every threshold and equation in the workspace's legal text, rebuilt once per workspace change. */
export function workspaceThresholds(workspace: WorkspaceIndex): WorkspaceThresholds {
  return workspace.derived(WORKSPACE_THRESHOLDS, () => {
    // Each document's statements are found once per model (an edit re-reads only its file); merging is concatenation.
    const parts = workspace.legalModels().map(thresholdsOf);
    return {
      thresholds: parts.flatMap(t => t.thresholds),
      equations: parts.flatMap(t => t.equations),
      countedSubjects: workspace.legalModels().flatMap(m => derive(m, COUNTED_SUBJECTS, () => thresholdsOf(m).countedSubjects.map(c => ({ ...c, uri: m.uri })))),
    };
  }, ['legal']);
}

/** Every other statement of the same threshold: the same number, or the same counted subject. */
export function statementsOf(t: Threshold, all: WorkspaceThresholds): { thresholds: Threshold[]; equations: Equation[] } {
  const comparable = isComparable(t);
  const thresholds = all.thresholds.filter(o => o !== t && isComparable(o) && comparable &&
    (o.value === t.value || o.subjectKey === t.subjectKey));
  const equations = all.equations.filter(e => t.subjectKey !== undefined &&
    (e.definesKey === t.subjectKey || e.terms.some(term => term.subjectKey === t.subjectKey)));
  return { thresholds, equations };
}

/** Document order across files: by uri, then position. */
export function compareStatements(a: { uri: string; range: Range }, b: { uri: string; range: Range }): number {
  // Most comparisons are within one file: skip the locale-aware comparison of equal uris.
  return (a.uri === b.uri ? 0 : a.uri.localeCompare(b.uri)) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
