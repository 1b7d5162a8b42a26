// Checks on defined terms across the workspace: undefined-term, unused-definition,
// duplicate-definition, lowercase-defined-term and circular-definition.
// undefined-term is where drafting tools lose their users, so it reports only capitalised
// runs that nothing explains: not sentence openings, headings, reference headings, quoted
// text, acronyms, dates, legislation, known proper names or the drafter's own word list.
import type { Finding, Range, SecFix, SecRelated } from '../types';
import type { LegalModel } from '../model/document';
import { type DefinitionSite, definitionsOf, normaliseTermText, pointerMatches } from '../model/definitions';
import {
  type CandidateRun, type DefinedTerm, type DocUses, type TermIndex, type TermUse, type Words, BARRIER, CAPITALISED, SENTENCE_START, TermMatcher,
  COVERED, TERM_USE, capitalisedRuns, docUses, isUse, pluralise, possessiveOf, surfaceOf, termIndex, usedTerms, useOf, useStartingAt, wordRange, wordsOf,
} from '../model/terms';
import { referencesOf } from '../model/references';
import type { WorkspaceIndex } from '../workspaceIndex';
import { abbreviates, definedThingNameSpans, definedThingNames } from './definedThingNames';
import { DerivedKey, type Store, derive, storeOf } from '../cache';
import { vocabulariesOf } from '../model/vocabularies';
import type { RuleContext, RuleFamily } from './context';
import { nearestTerms } from './termSuggestions';
import { withWrappedLine } from '../text/prose';
import { rangeContains } from '../text/lines';

// Derived values kept per owner (see cache.ts).
const DEFINITION_CYCLES = new DerivedKey<Map<number, string[]>>('terms.cycles');
const DEFINITIONS_DOCUMENT = new DerivedKey<{ model: LegalModel; rows: DefinitionSite[] } | undefined>('terms.definitionsDocument');
const QUOTED_SPANS = new DerivedKey<Range[]>('terms.quoted');
const STUB_FIXES = new DerivedKey<Map<string, SecFix | undefined>>('terms.stubFixes');
const ROW_MAXIMA = new DerivedKey<string[]>('terms.rowMaxima');
const UNDEFINED_RUNS = new DerivedKey<WeakMap<TermMatcher, CandidateRun[]>>('terms.undefinedRuns');
const HEAD_EDGES = new DerivedKey<[string, number][]>('terms.headEdges');

/** Proper names common in SEC text that are not defined in the Code. */
const KNOWN_NAMES = [
  'Secretary of State', 'Gas and Electricity Markets Authority', 'Smart Energy Code', 'Great Britain', 'United Kingdom',
  'England', 'Wales', 'Scotland', 'Northern Ireland', 'England and Wales', 'Ofgem', 'Parliament', 'Crown', 'Government',
  'Competition and Markets Authority', 'Information Commissioner', 'Citizens Advice', 'European Union', 'High Court',
  'Her Majesty', 'His Majesty', 'Bank of England', 'Christmas Day', 'Good Friday', 'Easter Monday', 'New Year',
  'London', 'Edinburgh', 'Cardiff', 'Belfast', 'Greenwich Mean Time', 'British Summer Time', 'Coordinated Universal Time',
];

const TEXT_KINDS = new Set(['clause', 'paragraph', 'continuation', 'table-row', 'definition-row']);
// Straight single quotes only where they cannot be apostrophes: no letter outside either mark ('DCC User Gateway Interface Specification').
const QUOTED_RE = /“[^“”]*”|‘.*?’(?![\p{L}])|"[^"]*"|(?<![\p{L}\p{N}])'[^'\n]{1,120}?'(?![\p{L}\p{N}])/gu;

/** The matcher of the known names, the word list and the definitions' full names, kept by the service instance until they change. */
const NAMES_MATCHER = new DerivedKey<{ signature: string; matcher: TermMatcher }>('terms.namesMatcher');

/** One matcher for the known names and the drafter's word list (with the full names the definitions give: definedThingNames). */
function namesMatcher(store: Store, words: readonly string[]): TermMatcher {
  const names = [...KNOWN_NAMES, ...words.map(normaliseTermText).filter(w => w !== '')];
  const signature = names.join('\n');
  const kept = store.kept(NAMES_MATCHER);
  if (kept && kept.signature === signature) return kept.matcher;
  return store.keep(NAMES_MATCHER, { signature, matcher: new TermMatcher(vocabulariesOf(store).words, names) }).matcher;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function where(site: DefinitionSite): string {
  return `${fileName(site.uri)} line ${site.range.start.line + 1}${site.clause ? ` (${site.clause})` : ''}`;
}

// ---------------------------------------------------------------------------------------
// undefined-term

/** Mark the words whose columns fall inside any of the spans (words are in line order: found by binary search). */
function coverSpans(words: Words, covered: Uint8Array, spans: readonly Range[]): void {
  const { line, start, end, count } = words;
  for (const s of spans) {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (line[mid] < s.start.line) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < count && line[i] <= s.end.line; i++) {
      const from = s.start.line === line[i] ? s.start.character : 0;
      const to = s.end.line === line[i] ? s.end.character : Number.MAX_SAFE_INTEGER;
      if (start[i] < to && end[i] > from) covered[i] = 1;
    }
  }
}

/** Quoted text in a document (kept per document: two checks read it). */
function quotedSpans(model: LegalModel): Range[] {
  return derive(model, QUOTED_SPANS, () => findQuotedSpans(model));
}

function findQuotedSpans(model: LegalModel): Range[] {
  const spans: Range[] = [];
  for (const l of model.lines) {
    if (!/[“‘"']/.test(l.text)) continue;
    QUOTED_RE.lastIndex = 0;
    for (let m = QUOTED_RE.exec(l.text); m; m = QUOTED_RE.exec(l.text)) {
      spans.push({ start: { line: l.line, character: m.index }, end: { line: l.line, character: m.index + m[0].length } });
    }
  }
  return spans;
}

/** "Schedule 11 (Transition Arrangements)", "Appendix A (Forms)": the bracket holds a title, as after "Section G8". */
const TITLED_PART_RE = /\b(?:Schedules?|Appendix|Appendices|Annex(?:es)?|Parts?|Paragraphs?|Clauses?|Conditions?|Articles?|Chapters?|Tables?)\s+[A-Z0-9][\w.()-]*\s*\(([A-Z][^()]*)\)/g;
const TITLED_WORDS = String.raw`(?:Schedules?|Appendix|Appendices|Annex(?:es)?|Parts?|Paragraphs?|Clauses?|Conditions?|Articles?|Chapters?|Tables?)`;
/** A line that may hold a titled part: the word and a bracket, or the word and its number at the line's end (the title wrapped). */
const TITLE_WORD_RE = new RegExp(String.raw`\b${TITLED_WORDS}\b`);
const TITLE_AT_END_RE = new RegExp(String.raw`\b${TITLED_WORDS}\s+[A-Z0-9][\w.()-]*\s*$`);

function titledPartSpans(model: LegalModel): Range[] {
  const spans: Range[] = [];
  for (const l of model.lines) {
    if (!TITLE_WORD_RE.test(l.text) || (!l.text.includes('(') && !TITLE_AT_END_RE.test(l.text))) continue;
    // The title may be wrapped onto the next line: "Schedule 1 (Form of⏎Accession Agreement)".
    const { text, positionAt } = withWrappedLine(model, l.line, l.text);
    TITLED_PART_RE.lastIndex = 0;
    for (let m = TITLED_PART_RE.exec(text); m && m.index < l.text.length; m = TITLED_PART_RE.exec(text)) {
      const start = m.index + m[0].lastIndexOf('(') + 1;
      spans.push({ start: positionAt(start), end: positionAt(start + m[1].length) });
    }
  }
  return spans;
}

/** "(as defined in the Electricity Act 1989)": the term before it is defined by another instrument. */
const DEFINED_ELSEWHERE_RE = /^\s*\(\s*(?:as\s+(?:defined|that\s+(?:term|expression)\s+is\s+defined|such\s+(?:term|expression)\s+is\s+defined)|within\s+the\s+meaning\s+(?:of|given)|having\s+the\s+meaning)\b/i;

/** "the Specification ‘DCC User Gateway Interface Specification’": one capitalised word that labels the quoted name after it. */
const LABELS_QUOTED_NAME_RE = /^\s*[“‘'"]\s*[A-Z][\w-]*\s+[A-Z]/;

function labelsQuotedName(model: LegalModel, words: Words, run: CandidateRun): boolean {
  if (run.to - run.from !== 1) return false;
  return LABELS_QUOTED_NAME_RE.test(model.lines[words.line[run.from]].text.slice(words.end[run.from]));
}

/** From the end of a run to the bracket of a definition after it: the rest of the name ("… and Communications Company"), if any. */
const REST_OF_NAME_RE = /^(?:\s+(?:and|of|for|&|\p{Lu}[\p{L}\p{N}’'-]*))*\s*$/u;

/** The capitalised words (and their connectors) that end a text: the start of a name. */
const NAME_HEAD_RE = /(?:\p{Lu}[\p{L}\p{N}’'-]*\s+(?:(?:and|of|for|&)\s+)?)*$/u;

const BRACKET_SITES = new DerivedKey<Map<number, DefinitionSite[]>>('terms.bracketSitesByLine');

/** The inline definitions that open a bracket on a line and define their term on it, in order: looked up per run, made once. */
function bracketSitesOn(model: LegalModel, line: number): readonly DefinitionSite[] {
  const byLine = derive(model, BRACKET_SITES, () => {
    const map = new Map<number, DefinitionSite[]>();
    for (const s of definitionsOf(model)) {
      if (!s.bracketAt || s.range.start.line !== s.bracketAt.line) continue;
      (map.get(s.bracketAt.line) ?? map.set(s.bracketAt.line, []).get(s.bracketAt.line)!).push(s);
    }
    return map;
  });
  return byLine.get(line) ?? [];
}

/**
 * "to be known as the SMKI Policy Management Authority (the SMKI PMA)": the long name a
 * bracketed definition right after it abbreviates is named there, not used as an undefined term.
 */
function namedByDefinitionAfter(model: LegalModel, words: Words, run: CandidateRun): boolean {
  const line = words.line[run.to - 1];
  const end = words.end[run.to - 1];
  const text = model.lines[line].text;
  // The first bracket after the run's end that opens a definition on this line, with only the rest of the name before it.
  const site = bracketSitesOn(model, line).find(s => s.bracketAt!.character >= end && REST_OF_NAME_RE.test(text.slice(end, s.bracketAt!.character)));
  if (!site) return false;
  const runWords: string[] = [];
  for (let i = run.from; i < run.to; i++) runWords.push(surfaceOf(words, i));
  // The name may begin before the run ("Data and" before "Communications Company").
  const head = words.line[run.from] === line ? NAME_HEAD_RE.exec(model.lines[line].text.slice(0, words.start[run.from]))![0] : '';
  return abbreviates(head + runWords.join(' ') + text.slice(end, site.bracketAt!.character).trimEnd(), site.term);
}

/**
 * The last words of an excerpt that stops mid-sentence ("B1.6 The Code Administra"): what
 * they were to become cannot be known, so they are not judged.
 */
function cutOffAtEnd(model: LegalModel, words: Words, run: CandidateRun): boolean {
  if (run.to !== words.count) return false;
  const line = words.line[run.to - 1];
  const rest = model.lines[line].text.slice(words.end[run.to - 1]) + model.lines.slice(line + 1).map(l => l.text).join('');
  return rest.trim() === '';
}

/** Is the run followed by a note that another instrument defines it? */
function definedElsewhere(model: LegalModel, words: Words, run: CandidateRun): boolean {
  const line = words.line[run.to - 1];
  const after = withWrappedLine(model, line, model.lines[line].text).text.slice(words.end[run.to - 1]);
  return DEFINED_ELSEWHERE_RE.test(after);
}

/** Which words can never be part of an undefined term, and why not matter. */
function coveredWords(model: LegalModel, uses: DocUses, names: TermMatcher): Uint8Array {
  const words = wordsOf(model);
  const { kinds } = model.structure;
  const covered = new Uint8Array(words.count);
  // Decided by the line's kind: once per line, not once per word.
  let line = -1;
  let lineCovered = 0;
  for (let i = 0; i < words.count; i++) {
    const l = words.line[i];
    if (l !== line) {
      line = l;
      lineCovered = !TEXT_KINDS.has(kinds[l]) || (kinds[l] === 'table-row' && kinds[l + 1] === 'table-separator') ? COVERED : 0;
    }
    covered[i] = lineCovered;
  }
  // A capitalised use of a defined term may widen an undefined run next to it (see capitalisedRuns).
  for (let k = 0; k < uses.count; k++) covered.fill(isUse(uses, k) && !covered[uses.from[k]] ? TERM_USE : COVERED, uses.from[k], uses.to[k]);
  const named = names.scan(words);
  for (let k = 0; k < named.count; k++) covered.fill(COVERED, named.from[k], named.to[k]);
  const spans = [...quotedSpans(model), ...titledPartSpans(model), ...definitionsOf(model).map(s => s.range), ...definedThingNameSpans(model)];
  for (const ref of referencesOf(model)) if (ref.headingRange) spans.push(ref.headingRange);
  coverSpans(words, covered, spans);
  return covered;
}

/** The document holding the A1.1 table: the legal document with the most table definitions. */
function definitionsDocument(workspace: WorkspaceIndex): { model: LegalModel; rows: DefinitionSite[] } | undefined {
  return workspace.derived(DEFINITIONS_DOCUMENT, () => {
    let best: { model: LegalModel; rows: DefinitionSite[] } | undefined;
    for (const m of workspace.legalModels()) {
      const rows = definitionsOf(m).filter(s => s.form === 'table' || s.form === 'table-pointer');
      if (rows.length && (!best || rows.length > best.rows.length)) best = { model: m, rows };
    }
    return best;
  }, ['legal']);
}

/**
 * A stub row for a new term, in alphabetical order among the A1.1 rows. Kept per term while
 * the definitions document's rows stay the same (an edit elsewhere keeps every stub).
 */
function stubFix(workspace: WorkspaceIndex, term: string): SecFix | undefined {
  const doc = definitionsDocument(workspace);
  if (!doc) return undefined;
  const cache = derive(definitionsOf(doc.model), STUB_FIXES, () => new Map<string, SecFix | undefined>());
  if (!cache.has(term)) cache.set(term, makeStubFix(doc, term));
  return cache.get(term);
}

/** The first row whose term sorts after `key`: the running maximum of the rows' terms is searched by halves. */
function firstRowAfter(rows: readonly DefinitionSite[], key: string): DefinitionSite | undefined {
  const maxima = derive(rows, ROW_MAXIMA, () => {
    const out: string[] = [];
    let max = '';
    for (const r of rows) {
      const t = r.term.toLowerCase();
      if (out.length === 0 || t > max) max = t;
      out.push(max);
    }
    return out;
  });
  let lo = 0;
  let hi = maxima.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxima[mid] > key) hi = mid;
    else lo = mid + 1;
  }
  return rows[lo];
}

function makeStubFix(doc: { model: LegalModel; rows: DefinitionSite[] }, term: string): SecFix | undefined {
  const key = term.toLowerCase();
  const after = firstRowAfter(doc.rows, key);
  const sample = doc.model.lines[(after ?? doc.rows[doc.rows.length - 1]).range.start.line].text;
  const row = sample.trimStart().startsWith('|') ? `| ${term} | means [definition to be drafted]. |` : `${term} | means [definition to be drafted].`;
  const title = `Add a definition of “${term}” to ${fileName(doc.model.uri)}`;
  if (after) {
    const line = after.range.start.line;
    return { title, certain: false, edits: [{ uri: doc.model.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: row + '\n' }] };
  }
  const last = doc.rows[doc.rows.length - 1].range.start.line;
  const end = { line: last, character: doc.model.lines[last].text.length };
  return { title, certain: false, edits: [{ uri: doc.model.uri, range: { start: end, end }, newText: '\n' + row }] };
}

/**
 * Defined terms to offer instead. A slip in one word of a term ("Suplier Party") leaves the
 * rest matched as another term ("Party"), so the run is also tried with its neighbour.
 */
function replacements(model: LegalModel, index: TermIndex, run: CandidateRun, text: string, range: Range): { range: Range; term: string }[] {
  const words = wordsOf(model);
  const uses = docUses(model, index);
  const k = useStartingAt(uses, run.to);
  if (k >= 0 && isUse(uses, k) && !(words.flags[run.to] & BARRIER)) {
    const next = useOf(model, index, uses, k);
    const joined = wordRange(words, run.from, next.to);
    const near = nearestTerms(index, `${text} ${next.text}`, 2, 1);
    if (near.length) return near.map(term => ({ range: joined, term }));
  }
  return nearestTerms(index, text).map(term => ({ range, term }));
}

function undefinedTermFixes(ctx: RuleContext, index: TermIndex, run: CandidateRun, text: string, range: Range): SecFix[] {
  const model = ctx.model as LegalModel;
  const fixes: SecFix[] = replacements(model, index, run, text, range).map((r, i) => ({
    title: `Replace with the defined term “${r.term}”`,
    certain: false,
    isPreferred: i === 0,
    edits: [{ uri: model.uri, range: r.range, newText: r.term }],
  }));
  const wordList = ctx.settings.wordListUri;
  if (wordList) {
    // Inserted past the end of the file: editors clamp the position to the end.
    const end = { line: 1_000_000, character: 0 };
    fixes.push({ title: `Add “${text}” to the workspace word list (${fileName(wordList)})`, certain: false, edits: [{ uri: wordList, range: { start: end, end }, newText: `\n${text}\n`, createIfMissing: true }] });
  }
  const stub = stubFix(ctx.workspace, text);
  if (stub) fixes.push(stub);
  return fixes;
}

/** The runs to report in a document; recomputed only when its text, the matches of its terms or the word list change. */
function undefinedRuns(model: LegalModel, index: TermIndex, wordList: readonly string[], thingNames: readonly string[]): CandidateRun[] {
  const names = namesMatcher(storeOf(model), [...wordList, ...thingNames]);
  const uses = docUses(model, index);
  const byNames = derive(uses, UNDEFINED_RUNS, () => new WeakMap<TermMatcher, CandidateRun[]>());
  let runs = byNames.get(names);
  if (!runs) {
    const covered = coveredWords(model, uses, names);
    const words = wordsOf(model);
    runs = capitalisedRuns(words, covered).filter(run => !definedElsewhere(model, words, run)
      && !labelsQuotedName(model, words, run) && !cutOffAtEnd(model, words, run) && !namedByDefinitionAfter(model, words, run));
    byNames.set(names, runs);
  }
  return runs;
}

function undefinedTerms(ctx: RuleContext, model: LegalModel, index: TermIndex): Finding[] {
  const words = wordsOf(model);
  const findings: Finding[] = [];
  for (const run of undefinedRuns(model, index, ctx.settings.words, definedThingNames(ctx.workspace))) {
    if (ctx.token.isCancellationRequested) break;
    const range = wordRange(words, run.from, run.to);
    // The term is named without the possessive of its last word ("Affiliates'" → "Affiliates"): that is what a word list or a definition holds.
    const parts: string[] = [];
    for (let i = run.from; i < run.to; i++) parts.push(surfaceOf(words, i) + (i < run.to - 1 ? possessiveOf(words, i) : ''));
    const text = normaliseTermText(parts.join(' '));
    findings.push({
      code: 'undefined-term',
      range,
      message: `“${text}” is capitalised like a defined term but is defined nowhere in the workspace; define it, use a defined term or write it in lower case.`,
      data: { term: text },
      fixes: undefinedTermFixes(ctx, index, run, text, range),
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// unused-definition, duplicate-definition

/** The site a term is reported at: its A1.1 row (or quoted definition) if any, else the first. */
export function primarySite(term: DefinedTerm): DefinitionSite {
  return term.sites.find(s => s.form !== 'inline') ?? term.sites[0];
}

function unusedDefinitions(model: LegalModel, workspace: WorkspaceIndex, index: TermIndex): Finding[] {
  const used = usedTerms(workspace);
  const findings: Finding[] = [];
  index.terms.forEach((term, n) => {
    const site = primarySite(term);
    if (site.uri !== model.uri || used.has(n)) return;
    findings.push({
      code: 'unused-definition',
      range: site.range,
      message: `“${term.term}” is defined here but used nowhere else in the workspace; remove the definition or use the term.`,
      data: { term: term.term },
    });
  });
  return findings;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => normaliseTermText(s).toLowerCase().replace(/[“”"]/g, '"').replace(/[.;\s]+$/, '');
  return norm(a) === norm(b);
}

/** Can both sites stand together as one definition? */
function consistent(a: DefinitionSite, b: DefinitionSite): boolean {
  // A definition known only by its brackets may be a restatement of the term: silence.
  if (a.unmarked || b.unmarked) return true;
  const pointer = (s: DefinitionSite) => s.form === 'table-pointer';
  if (pointer(a) && pointer(b)) return a.pointsTo === b.pointsTo;
  if (pointer(a) || pointer(b)) {
    const [p, other] = pointer(a) ? [a, b] : [b, a];
    return other.form === 'inline' && pointerMatches(p, other);
  }
  if (a.form === 'inline' && b.form === 'inline' && a.uri === b.uri && a.clause !== undefined && a.clause === b.clause) return true;
  return sameText(a.text, b.text);
}

function duplicateDefinitions(model: LegalModel, index: TermIndex): Finding[] {
  const findings: Finding[] = [];
  for (const term of index.terms) {
    if (term.sites.length < 2) continue;
    term.sites.forEach((site, i) => {
      if (i === 0 || site.uri !== model.uri) return;
      const other = term.sites.slice(0, i).find(earlier => !consistent(earlier, site));
      if (!other) return;
      const related: SecRelated[] = [{ uri: other.uri, range: other.range, message: `The other definition of “${term.term}”` }];
      findings.push({
        code: 'duplicate-definition',
        range: site.range,
        message: `“${site.term}” is defined twice with different meanings: here and at ${where(other)}; keep one definition.`,
        related,
        data: { term: term.term },
      });
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// lowercase-defined-term

/** Ordinary words that open a term ("Other User") and read as plain English in lower case ("other users"). */
const ORDINARY_OPENERS = new Set(['other', 'any', 'each', 'all', 'such', 'relevant', 'same', 'new', 'first', 'second', 'third', 'last', 'further']);

function lowercaseTerms(model: LegalModel, index: TermIndex): Finding[] {
  const findings: Finding[] = [];
  const { kinds } = model.structure;
  const quoted = quotedSpans(model);
  const definitions = definitionsOf(model);
  // A definition describes its own term in plain words ("Consumer Prices Index | means the … consumer prices index").
  const inOwnDefinition = (use: TermUse) => definitions.some(d => d.key === index.terms[use.term].key
    && rangeContains(d.textRange, use.range.start) && rangeContains(d.textRange, use.range.end));
  const words = wordsOf(model);
  const uses = docUses(model, index);
  for (let k = 0; k < uses.count; k++) {
    if (isUse(uses, k) || uses.to[k] - uses.from[k] < 2 || !TEXT_KINDS.has(kinds[words.line[uses.from[k]]])) continue;
    const use = useOf(model, index, uses, k);
    const term = index.terms[use.term];
    if (ORDINARY_OPENERS.has(term.term.split(' ')[0].toLowerCase()) || inOwnDefinition(use)) continue;
    if (quoted.some(q => q.start.line === use.range.start.line && q.start.character <= use.range.start.character && use.range.end.character <= q.end.character)) continue;
    const replacement = (use.plural ? pluralise(term.term) : term.term) + use.possessive;
    findings.push({
      code: 'lowercase-defined-term',
      range: use.range,
      message: `“${use.text}” is the defined term “${term.term}” written in lower case; capitalise it if the defined meaning is intended.`,
      data: { term: term.term },
      fixes: [{ title: `Capitalise as “${replacement}”`, certain: false, isPreferred: true, edits: [{ uri: model.uri, range: use.range, newText: replacement }] }],
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------
// circular-definition

/** After a term, what makes it the start of a longer name: a year (a statute) or a capitalised word. */
const NAME_GOES_ON_RE = /^[ \t]+(?:(?:1[6-9]|20)\d\d\b|\p{Lu})/u;

/** Where a definition's head ends: the first comma, semicolon or relative clause. */
const HEAD_END_RE = /[,;(]|\b(?:which|who|whom|whose|that|where|when|in relation to|in respect of)\b/;

/**
 * A document's definition heads and the terms they use: [defined term's key, stable id of the
 * used term]. Kept while the document's uses stay (an edit elsewhere or a renamed term that
 * does not occur here keeps it).
 */
function headEdgesOf(model: LegalModel, index: TermIndex): [string, number][] {
  const uses = docUses(model, index);
  return derive(uses, HEAD_EDGES, () => {
    const words = wordsOf(model);
    // "Gas and Electricity Markets Authority" names a body; its last word is not a use of "Authority".
    const tailOfName = (from: number) => from > 0 && !(words.flags[from] & BARRIER) && (words.flags[from - 1] & CAPITALISED) !== 0
      && !(words.flags[from - 1] & SENTENCE_START);
    // "the Electricity Act 1989", "the Panel Secretariat": a longer name that starts with the term.
    const headOfName = (to: number) => NAME_GOES_ON_RE.test(words.texts[words.line[to]].slice(words.end[to], words.end[to] + 8));
    const usesByLine = new Map<number, number[]>();
    for (let k = 0; k < uses.count; k++) {
      if (!isUse(uses, k) || tailOfName(uses.from[k]) || headOfName(uses.to[k] - 1)) continue;
      const line = words.line[uses.from[k]];
      (usesByLine.get(line) ?? usesByLine.set(line, []).get(line)!).push(k);
    }
    const edges: [string, number][] = [];
    for (const site of definitionsOf(model)) {
      if (site.form !== 'table' && site.form !== 'quoted') continue;
      // The head is read on the definition's first line (a row may wrap; silence beyond it).
      const { line, character } = site.textRange.start;
      const firstLine = model.lines[line].text.slice(character);
      const head = HEAD_END_RE.exec(firstLine);
      const headEnd = character + (head ? head.index : firstLine.length);
      for (const k of usesByLine.get(line) ?? []) {
        const to = uses.to[k] - 1;
        if (words.line[to] !== line || words.start[uses.from[k]] < character || words.end[to] > headEnd) continue;
        edges.push([site.key, uses.term[k]]);
      }
    }
    return edges;
  });
}

/** The last cycles per workspace and the per-document edges they were found from. */
const LAST_CYCLES = new DerivedKey<{ index: TermIndex; inputs: [string, number][][]; cycles: Map<number, string[]> }>('terms.lastCycles');

/**
 * Each term's cycle, if its definition leads back to it. Only the head of an explicit
 * definition counts ("User | means a Party which … User Role"): "a Party" is what a User is;
 * the words after "which" only qualify it, and definitions that mention each other there
 * ("User" ↔ "User Role") are not circular.
 */
function definitionCycles(workspace: WorkspaceIndex): Map<number, string[]> {
  return workspace.derived(DEFINITION_CYCLES, () => {
    const index = termIndex(workspace);
    const inputs = workspace.legalModels().filter(m => definitionsOf(m).length > 0).map(m => headEdgesOf(m, index));
    const last = workspace.kept(LAST_CYCLES);
    if (last && last.index === index && last.inputs.length === inputs.length && last.inputs.every((e, i) => e === inputs[i])) return last.cycles;
    const edges = new Map<number, Set<number>>();
    for (const list of inputs) {
      for (const [key, id] of list) {
        const from = index.numberOf.get(key);
        const to = index.numberOfId[id];
        if (from === undefined || to < 0) continue;
        (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    const cycles = shortestCycles(edges, index);
    workspace.keep(LAST_CYCLES, { index, inputs, cycles });
    return cycles;
  }, ['legal']);
}

/** Per term in a cycle, the shortest way back to it (breadth-first, edges in the order found). */
function shortestCycles(edges: Map<number, Set<number>>, index: TermIndex): Map<number, string[]> {
  const cycles = new Map<number, string[]>();
  for (const start of edges.keys()) {
    const parent = new Map<number, number>();
    const queue = [start];
    search: for (let q = 0; q < queue.length; q++) {
      const n = queue[q];
      for (const next of edges.get(n) ?? []) {
        if (next === start) {
          const back: number[] = [];
          for (let at = n; at !== start; at = parent.get(at)!) back.push(at);
          cycles.set(start, [start, ...back.reverse(), start].map(t => index.terms[t].term));
          break search;
        }
        if (!parent.has(next)) {
          parent.set(next, n);
          queue.push(next);
        }
      }
    }
  }
  return cycles;
}

function circularDefinitions(model: LegalModel, workspace: WorkspaceIndex, index: TermIndex): Finding[] {
  const cycles = definitionCycles(workspace);
  const findings: Finding[] = [];
  for (const site of definitionsOf(model)) {
    if (site.form !== 'table' && site.form !== 'quoted') continue;
    const n = index.numberOf.get(site.key);
    const cycle = n === undefined ? undefined : cycles.get(n);
    if (!cycle) continue;
    const how = cycle.length === 2 ? 'its definition uses the term itself' : `its definition leads back to it: ${cycle.map(t => `“${t}”`).join(' → ')}`;
    findings.push({
      code: 'circular-definition',
      range: site.range,
      message: `“${site.term}” is defined circularly: ${how}. A definition must not depend on the term it defines.`,
      data: { term: site.term, cycle },
    });
  }
  return findings;
}

export const termRules: RuleFamily = {
  name: 'terms',
  dependsOn: ['legal'],
  kinds: ['legal'],
  codes: ['undefined-term', 'unused-definition', 'duplicate-definition', 'lowercase-defined-term', 'circular-definition'],
  docs: termDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    const model = ctx.model;
    const index = termIndex(ctx.workspace);
    const findings = [...undefinedTerms(ctx, model, index), ...lowercaseTerms(model, index)];
    // The checks on definitions report at definition sites: only documents that have some.
    if (definitionsOf(model).length === 0) return findings;
    return [
      ...findings,
      ...unusedDefinitions(model, ctx.workspace, index),
      ...duplicateDefinitions(model, index),
      ...circularDefinitions(model, ctx.workspace, index),
    ];
  },
};

/** The pages of the defined-term codes (docs/rules/<code>.md is rendered from these by `npm run rules:sync`). */
function termDocs(): RuleFamily['docs'] {
  return {
    'undefined-term': {
      finds: 'A capitalised run of words that reads like a defined term ("Non-Domestic Supplier") but is defined nowhere in the workspace: not in the Section A1.1 table, not as a quoted definition, not inline. Sentence openings ("Each", "In this Code"), headings, bracketed reference headings, quoted text, acronyms and formula symbols, dates, legislation ("Companies Act 2006") and common proper names are not reported.',
      why: 'In the SEC a capital letter is a promise: the words mean exactly what Section A (or the defining clause) says. A capitalised phrase with no definition leaves a Party to argue what it means, and is usually a slip for a term that does exist ("Supplier" for "Supplier Party") or a definition the modification forgot to add.',
      reported: 'G8.41 Each Non-Domestic Supplier shall complete a User Security Assessment.',
      notReported: 'G8.41 Each Supplier Party shall complete a User Security Assessment.\n\n'
        + '(with "Supplier Party" and "User Security Assessment" defined in Section A1.1)',
      fix: 'Use the defined term (the quick fix offers the nearest one, so "Suplier Party" becomes "Supplier Party"), add a definition (the quick fix inserts a stub into the A1.1 table in alphabetical order), or, for a proper name that is not a term (a body, a statute), add it to the workspace word list (`sec-words.txt`, `words` in `.secdraft.json` or the `secDrafting.words` setting). None of these fixes is applied automatically.',
    },
    'unused-definition': {
      finds: 'A term that is defined but used nowhere except at its own definition sites. Headings and bracketed reference headings are not uses.',
      why: 'A definition nothing relies on is dead text in a Code that is already long; more often it is a sign that the clause which used it was deleted or reworded, or that the text uses a different wording of the term.',
      reported: 'A1.1 "Assurance Status" means the status given to a User following an assessment.\n\n'
        + '(and "Assurance Status" appears nowhere else)',
      notReported: 'A1.1 "Assurance Status" means …\n'
        + `G8.44 The Panel shall publish each User's Assurance Status.`,
      fix: 'Delete the definition, or use the term where the text means it. When the term is defined for other Sections that are not in the workspace, check the whole Code before deleting; set the code to `ignore` for excerpts.',
    },
    'duplicate-definition': {
      finds: 'A term defined twice with different text, in one file or across the workspace (a pointer row whose inline definition sits in another clause counts as one definition, not two). The other definition is given as related information.',
      why: 'Two meanings for one defined term make every use ambiguous, and in a legal instrument the ambiguity is resolved by argument rather than by reading. Modifications that add an inline definition often collide with an existing A1.1 row.',
      reported: `A1.1 "Relevant Date" means the date of the Panel's decision.\n`
        + 'G8.40 … on the date it is notified (the "Relevant Date") …',
      notReported: 'A1.1 Relevant Date | has the meaning given to that expression in Section G8.40.\n'
        + 'G8.40 … on the date it is notified (the "Relevant Date") …',
      fix: 'Keep one definition and turn the other into a pointer ("has the meaning given to that expression in Section …"), or rename one of the terms if two meanings are really needed. There is no automatic fix.',
    },
    'lowercase-defined-term': {
      finds: `A defined term's words written in lower case ("non-domestic premises" where "Non-Domestic Premises" is defined), the longest term once. A term that opens with an ordinary word ("other users") is left alone.`,
      why: 'Lower case tells the reader the ordinary English meaning applies, not the definition. If the definition was intended, the clause means something other than what the drafter meant; if it was not, the reader cannot tell.',
      reported: 'G8.41 … the number of non-domestic premises supplied by it …',
      notReported: 'G8.41 … the number of Non-Domestic Premises supplied by it …',
      fix: 'Capitalise the term where the definition is meant (the quick fix does this; it is not applied automatically, as the ordinary meaning may be intended). Where the ordinary meaning is intended, reword so that it cannot be read as the term, or suppress the finding on that line.',
    },
    'circular-definition': {
      finds: 'A definition whose head leads back to the term it defines, directly or through other definitions ("Consumer means a Customer …", "Customer means a Consumer …"). The cycle is named. Words after "which", "who", "that" or a comma only qualify the head and are not followed.',
      why: 'A circular definition defines nothing: the reader goes round the loop and never reaches a meaning. Cycles appear when two modifications each define a term by the other.',
      reported: 'A1.1 "Consumer" means a Customer who uses energy.\n'
        + 'A1.1 "Customer" means a Consumer supplied by a Supplier Party.',
      notReported: 'A1.1 "Consumer" means a person who uses energy.\n'
        + 'A1.1 "Customer" means a Consumer supplied by a Supplier Party.',
      fix: 'Define one of the terms without the other (in words the Code already defines or ordinary words). There is no automatic fix.',
    },
  };
}
