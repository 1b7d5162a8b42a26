// Uses of defined terms in text, found in ONE pass over each document's words with a
// word-level trie of every defined term (built once per change of the set of terms):
// - longest term first: "User Security Assessment Report" is one use, not a use of "User";
// - plurals (s, es, y → ies) and possessives (User's, User’s, Users’) of a term's last word;
// - whitespace-normalised: words are compared, not characters, so "User  Security" matches;
// - case decides what a match is: "Non-Domestic Premises" is a use, "non-domestic premises"
//   is the term written in lower case, "other Users" is neither.
import type { Range } from '../types';
import type { LegalModel } from './document';
import { type DefinitionSite, definitionsOf, normaliseTermText, termKey } from './definitions';
import { memo } from './memo';
import { clauseAtLine } from './structure';
import { referencesOf } from './references';
import type { WorkspaceIndex } from '../workspaceIndex';

// ---------------------------------------------------------------------------------------
// Words

export interface Token {
  line: number;
  /** Columns of the word as written, possessive included. */
  start: number;
  end: number;
  /** The word without its possessive ending, as written. */
  surface: string;
  /** `surface` in lower case with one kind of apostrophe and hyphen: what the trie compares. */
  norm: string;
  /** "’s", "'s", "’", "'" or "". */
  possessive: string;
  /** True when punctuation, a bracket, a quote or a line break that ends a phrase precedes it. */
  barrierBefore: boolean;
  /** True for the first word of a clause, paragraph or sentence (capitalised for grammar, not meaning). */
  sentenceStart: boolean;
  /** Which hyphen-separated parts start with a capital ("Non-Domestic" → "11", "Follow-up" → "10"). */
  caps: string;
  /** No capital letter anywhere. */
  lower: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}]+)*['\u2019]?/gu;

export function normaliseWord(word: string): string {
  return /^[A-Za-z0-9]*$/.test(word) ? word.toLowerCase() : normaliseTermText(word).toLowerCase();
}

const isQuote = (c: number) => c === 39 || c === 0x2019;
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;

function capsOf(word: string): string {
  let caps = '';
  let partStart = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (partStart) {
      if (c < 128) caps += c >= 65 && c <= 90 ? '1' : '0';
      else {
        const ch = String.fromCodePoint(word.codePointAt(i)!);
        caps += ch !== ch.toLowerCase() ? '1' : '0';
      }
    }
    partStart = isHyphen(c);
  }
  return caps;
}

/** A word of ASCII letters and digits has no other spelling to normalise: the common case, done without regexes. */
function asciiWordCase(word: string): 'lower' | 'mixed' | undefined {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return undefined;
  }
  return upper ? 'mixed' : 'lower';
}

function makeToken(line: number, start: number, raw: string, barrierBefore: boolean, sentenceStart: boolean): Token {
  let surface = raw;
  let possessive = '';
  const n = raw.length;
  const last = raw.charCodeAt(n - 1);
  if (last === 115 /* s */ && n > 2 && isQuote(raw.charCodeAt(n - 2))) {
    possessive = raw.slice(-2);
    surface = raw.slice(0, -2);
  } else if (isQuote(last)) {
    surface = raw.slice(0, -1);
    // "Users’" is a plural possessive; "approved’" closes a quotation.
    const s = surface.charCodeAt(surface.length - 1);
    if (s === 115 || s === 83) possessive = raw.slice(-1);
  }
  const end = start + surface.length + possessive.length;
  const ascii = asciiWordCase(surface);
  const norm = ascii === 'lower' ? surface : ascii === 'mixed' ? surface.toLowerCase() : normaliseWord(surface);
  const lower = ascii === 'lower' || (ascii === undefined && surface === surface.toLowerCase());
  return { line, start, end, surface, norm, possessive, barrierBefore, sentenceStart, caps: capsOf(surface), lower };
}

/** The words of one line; `joined` says whether the first word continues the previous line's phrase. */
export function tokeniseLine(text: string, line: number, from = 0, joined = false): Token[] {
  const tokens: Token[] = [];
  let prevEnd = from;
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const first = tokens.length === 0;
    let barrier: boolean;
    let sentenceStart: boolean;
    if (m.index - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) {
      // One space, the usual gap: no barrier, no sentence end (what the general case gives).
      barrier = first && !joined;
      sentenceStart = first && !joined;
    } else {
      const gap = text.slice(prevEnd, m.index);
      barrier = first ? !joined || gap.trim() !== '' : /[^\s]/.test(gap);
      sentenceStart = (first && !joined) || /[.?!:;[]["“‘'(*\s]*$/.test(gap);
    }
    const token = makeToken(line, m.index, m[0], barrier, sentenceStart);
    tokens.push(token);
    prevEnd = token.end;
  }
  return tokens;
}

const LABEL_RE = /^\(([a-zA-Z]{1,6}|\d{1,2})\)\s*/;

/** Where a line's words start: after a clause number or a paragraph label. */
function textColumn(model: LegalModel, line: number, column: number): number {
  const kind = model.structure.kinds[line];
  if (kind === 'clause') {
    const clause = clauseAtLine(model.structure, line);
    if (clause && clause.firstLine === line) return clause.textColumn;
  }
  if (kind === 'paragraph') return column + (LABEL_RE.exec(model.lines[line].text.slice(column))?.[0].length ?? 0);
  return column;
}

const ENDS_IN_WORD_RE = /[\p{L}\p{N}]\s*$/u;

/** Does the line's last visible character belong to a word? (Read only for continuation lines.) */
function endsInWord(text: string): boolean {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 32 || (c >= 9 && c <= 13); c = text.charCodeAt(end - 1)) end--;
  if (end === 0) return false;
  const c = text.charCodeAt(end - 1);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c > 127 && ENDS_IN_WORD_RE.test(text);
}

/** Every word of a legal document in order; a phrase runs on over a line break only into a continuation line. */
export function tokensOf(model: LegalModel): Token[] {
  return memo(model, 'tokens', () => {
    const { lines, kinds, contentColumn } = model.structure;
    const tokens: Token[] = [];
    for (const l of lines) {
      const kind = kinds[l.line];
      if (kind === 'blank' || kind === 'suppression' || kind === 'table-separator') continue;
      const joined = kind === 'continuation' && l.line > 0 && endsInWord(lines[l.line - 1].text);
      for (const t of tokeniseLine(l.text, l.line, textColumn(model, l.line, contentColumn[l.line]), joined)) tokens.push(t);
    }
    return tokens;
  });
}

// ---------------------------------------------------------------------------------------
// The trie

interface TrieEnd {
  term: number;
  plural: boolean;
  /** The singular of a term defined in the plural. */
  singular?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: TrieEnd[];
}

export type MatchKind = 'use' | 'lowercase';

export interface TokenMatch {
  term: number;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  kind: MatchKind;
  plural: boolean;
  singular?: boolean;
}

/** "Party" → ["parties"], "User" → ["users"], "Premises" → ["premiseses"] (harmless). */
export function pluralForms(word: string): string[] {
  const forms = [word + 's'];
  if (/(?:s|x|z|ch|sh)$/.test(word)) forms.push(word + 'es');
  if (/[^aeiou]y$/.test(word)) forms.push(word.slice(0, -1) + 'ies');
  return forms;
}

/** A term defined in the plural is used in the singular too ("Relevant Parties" → "relevant party"). */
export function singularForms(word: string): string[] {
  if (/[^aeiou]ies$/.test(word)) return [word.slice(0, -3) + 'y'];
  if (/[^su]s$/.test(word) && word.length > 3) return [word.slice(0, -1)];
  return [];
}

/** The singular of a term defined in the plural, as the text wrote it ("Relevant Parties" → "Relevant Party"). */
export function singularise(term: string): string {
  if (/[^aeiouAEIOU]ies$/.test(term)) return term.slice(0, -3) + 'y';
  return term.replace(/s$/, '');
}

/** Pluralise a term's last word as the text did ("Supplier Entity" → "Supplier Entities"). */
export function pluralise(term: string): string {
  if (/[^aeiouAEIOU]y$/.test(term)) return term.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(term)) return term + 'es';
  return term + 's';
}


export class TermMatcher {
  private readonly root: TrieNode = { next: new Map(), ends: [] };
  /** Each term's words' capitals (see Token.caps), for deciding what a match is. */
  private readonly caps: string[][];
  private readonly hasCapital: boolean[];

  constructor(readonly terms: readonly string[]) {
    const words = terms.map(t => tokeniseLine(t, 0));
    this.caps = words.map(ws => ws.map(w => w.caps));
    this.hasCapital = terms.map(t => t !== t.toLowerCase());
    words.forEach((ws, term) => {
      if (ws.length === 0) return;
      let node = this.root;
      for (const w of ws.slice(0, -1)) node = this.child(node, w.norm);
      const last = ws[ws.length - 1].norm;
      this.child(node, last).ends.push({ term, plural: false });
      for (const p of pluralForms(last)) this.child(node, p).ends.push({ term, plural: true });
      for (const p of singularForms(last)) this.child(node, p).ends.push({ term, plural: false, singular: true });
    });
  }

  private child(node: TrieNode, word: string): TrieNode {
    let next = node.next.get(word);
    if (!next) node.next.set(word, (next = { next: new Map(), ends: [] }));
    return next;
  }

  /** How the words of tokens[from, to) relate to the term: a use, the term in lower case, or neither. */
  private classify(tokens: readonly Token[], from: number, to: number, term: number): MatchKind | undefined {
    const caps = this.caps[term];
    let allLower = true;
    let sameCase = true;
    for (let i = from; i < to; i++) {
      if (!tokens[i].lower) allLower = false;
      if (tokens[i].caps !== caps[i - from]) sameCase = false;
    }
    if (sameCase) return 'use';
    if (allLower && this.hasCapital[term]) return 'lowercase';
    return undefined;
  }

  /** Is `a` a better match than `b` starting at the same word? Longer, then a use, then singular. */
  private static better(a: TokenMatch, b: TokenMatch | undefined): boolean {
    if (!b) return true;
    if (a.to !== b.to) return a.to > b.to;
    if (a.kind !== b.kind) return a.kind === 'use';
    return !a.plural && b.plural;
  }

  /**
   * Leftmost-longest matches over a token stream. At each word the trie is walked as far as
   * the words allow; the longest term that reads as a use (or as the term in lower case) wins
   * and the scan resumes after it.
   */
  scan(tokens: readonly Token[]): TokenMatch[] {
    const out: TokenMatch[] = [];
    const n = tokens.length;
    let i = 0;
    while (i < n) {
      let node = this.root.next.get(tokens[i].norm);
      let best: TokenMatch | undefined;
      for (let j = i; node; ) {
        for (const end of node.ends) {
          const kind = this.classify(tokens, i, j + 1, end.term);
          const m: TokenMatch | undefined = kind ? { term: end.term, from: i, to: j + 1, kind, plural: end.plural, ...(end.singular ? { singular: true } : {}) } : undefined;
          if (m && TermMatcher.better(m, best)) best = m;
        }
        if (tokens[j].possessive) break; // a possessive ends the phrase
        j++;
        if (j >= n || tokens[j].barrierBefore) break;
        node = node.next.get(tokens[j].norm);
      }
      if (best) {
        out.push(best);
        i = best.to;
      } else i++;
    }
    return out;
  }
}

export function tokenRange(tokens: readonly Token[], from: number, to: number): Range {
  const first = tokens[from];
  const last = tokens[to - 1];
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}

// ---------------------------------------------------------------------------------------
// The workspace's defined terms

export interface DefinedTerm {
  /** The term as first defined. */
  term: string;
  key: string;
  /** Every site, in workspace order (documents by uri, then by line). */
  sites: DefinitionSite[];
}

export interface TermIndex {
  /** Sorted by key; a term's position is its number in matches. */
  terms: DefinedTerm[];
  byKey: Map<string, DefinedTerm>;
  /** Key → position in `terms`. */
  numberOf: Map<string, number>;
  matcher: TermMatcher;
}

/** The automaton of the last set of terms per workspace: rebuilt only when the set changes. */
const matcherCache = new WeakMap<WorkspaceIndex, { signature: string; matcher: TermMatcher }>();

/** The last index per workspace and the definition lists it was built from (uri, sites). */
const indexCache = new WeakMap<WorkspaceIndex, { inputs: [string, DefinitionSite[]][]; index: TermIndex }>();

/** Same documents with the same definition lists (a list without sites equals any other)? */
function sameInputs(a: readonly [string, DefinitionSite[]][], b: readonly [string, DefinitionSite[]][]): boolean {
  return a.length === b.length && a.every(([uri, sites], i) => uri === b[i][0] && (sites === b[i][1] || (sites.length === 0 && b[i][1].length === 0)));
}

/** Every defined term in the workspace, with one matcher for all of them. */
export function termIndex(workspace: WorkspaceIndex): TermIndex {
  return workspace.derived('terms.index', () => {
    const models = workspace.legalModels().slice().sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    // Typing in a document without definitions leaves every list as it was: keep the index.
    const inputs = models.map((m): [string, DefinitionSite[]] => [m.uri, definitionsOf(m)]);
    const last = indexCache.get(workspace);
    if (last && sameInputs(last.inputs, inputs)) return last.index;
    const index = buildTermIndex(workspace, models);
    indexCache.set(workspace, { inputs, index });
    return index;
  }, ['legal']);
}

function buildTermIndex(workspace: WorkspaceIndex, models: readonly LegalModel[]): TermIndex {
  const byKey = new Map<string, DefinedTerm>();
  for (const m of models) {
    for (const site of definitionsOf(m)) {
      const known = byKey.get(site.key);
      if (known) known.sites.push(site);
      else byKey.set(site.key, { term: site.term, key: site.key, sites: [site] });
    }
  }
  const terms = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const signature = terms.map(t => t.key).join('\n');
  let cached = matcherCache.get(workspace);
  if (!cached || cached.signature !== signature) {
    cached = { signature, matcher: new TermMatcher(terms.map(t => t.term)) };
    matcherCache.set(workspace, cached);
  }
  return { terms, byKey, numberOf: new Map(terms.map((t, i) => [t.key, i])), matcher: cached.matcher };
}

// ---------------------------------------------------------------------------------------
// Uses in a document

export interface TermUse {
  uri: string;
  /** Number of the term in TermIndex.terms. */
  term: number;
  kind: MatchKind;
  range: Range;
  plural: boolean;
  /** Written in the singular, the term being defined in the plural. */
  singular?: boolean;
  possessive: string;
  /** The words as written. */
  text: string;
  /** Index of the first and one past the last token in tokensOf(model). */
  from: number;
  to: number;
  /** In a heading or a reference's bracketed heading: found by rename, not counted as a use. */
  inHeading: boolean;
}

const HEADING_KINDS = new Set(['section-heading', 'part-heading', 'sub-heading']);

/** A document's definition sites by the line they start on: a match looks only at its own line. */
function sitesByLine(model: LegalModel): Map<number, DefinitionSite[]> {
  return memo(model, 'terms.sitesByLine', () => {
    const byLine = new Map<number, DefinitionSite[]>();
    for (const s of definitionsOf(model)) {
      const list = byLine.get(s.range.start.line);
      if (list) list.push(s);
      else byLine.set(s.range.start.line, [s]);
    }
    return byLine;
  });
}

function overlapsSite(byLine: Map<number, DefinitionSite[]>, range: Range): boolean {
  const sites = byLine.get(range.start.line);
  return !!sites && sites.some(s => range.start.character < s.range.end.character && range.end.character > s.range.start.character);
}

/** Uses (and lower-case writings) of defined terms in a document, not counting its definition sites. */
export function termUsesOf(model: LegalModel, index: TermIndex): TermUse[] {
  const perMatcher = memo(model, 'terms.uses', () => new WeakMap<TermMatcher, TermUse[]>());
  const cached = perMatcher.get(index.matcher);
  if (cached) return cached;
  const tokens = tokensOf(model);
  const sites = sitesByLine(model);
  const refHeadings = new Map<number, Range[]>();
  for (const r of referencesOf(model)) {
    const h = r.headingRange;
    if (!h) continue;
    const list = refHeadings.get(h.start.line);
    if (list) list.push(h);
    else refHeadings.set(h.start.line, [h]);
  }
  const inRefHeading = (r: Range) => refHeadings.get(r.start.line)?.some(h => h.start.character <= r.start.character && r.end.character <= h.end.character) ?? false;
  const uses: TermUse[] = [];
  for (const m of index.matcher.scan(tokens)) {
    const range = tokenRange(tokens, m.from, m.to);
    if (overlapsSite(sites, range)) continue;
    const last = tokens[m.to - 1];
    const text = model.lines[range.start.line].text.slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined);
    const inHeading = HEADING_KINDS.has(model.structure.kinds[range.start.line]) || inRefHeading(range);
    uses.push({ uri: model.uri, term: m.term, kind: m.kind, range, plural: m.plural, ...(m.singular ? { singular: true } : {}), possessive: last.possessive, text, from: m.from, to: m.to, inHeading });
  }
  perMatcher.set(index.matcher, uses);
  return uses;
}

/** A use with its document (every TermUse carries its uri). */
export type LocatedUse = TermUse;

/** A document's uses by the number of their first token, for "what term follows this word?". */
export function usesByFirstToken(model: LegalModel, index: TermIndex): Map<number, TermUse> {
  const uses = termUsesOf(model, index);
  return memo(uses, 'byFrom', () => new Map(uses.map(u => [u.from, u])));
}

/** One document's uses (not lower-case writings) by term number; kept while its text and the terms stay. */
function usesByTerm(model: LegalModel, index: TermIndex): Map<number, TermUse[]> {
  const uses = termUsesOf(model, index);
  return memo(uses, 'byTerm', () => {
    const byTerm = new Map<number, TermUse[]>();
    for (const u of uses) {
      if (u.kind !== 'use') continue;
      const list = byTerm.get(u.term);
      if (list) list.push(u);
      else byTerm.set(u.term, [u]);
    }
    return byTerm;
  });
}

/**
 * Every use of every term across the workspace's legal documents, by term number: a merge of
 * each document's own index, so an edit recomputes only the edited document's uses.
 */
export function workspaceTermUses(workspace: WorkspaceIndex): Map<number, LocatedUse[]> {
  return workspace.derived('terms.uses', () => {
    const index = termIndex(workspace);
    const byTerm = new Map<number, LocatedUse[]>();
    for (const m of workspace.legalModels()) {
      for (const [term, uses] of usesByTerm(m, index)) {
        const list = byTerm.get(term);
        if (list) for (const u of uses) list.push(u);
        else byTerm.set(term, uses.slice());
      }
    }
    return byTerm;
  }, ['legal']);
}

/**
 * The terms used (outside headings) somewhere in the workspace: the union of each document's
 * set, cheaper than the full index of uses when only "is it used?" matters.
 */
export function usedTerms(workspace: WorkspaceIndex): Set<number> {
  return workspace.derived('terms.used', () => {
    const index = termIndex(workspace);
    const used = new Set<number>();
    for (const m of workspace.legalModels()) {
      const uses = termUsesOf(m, index);
      const own = memo(uses, 'usedTerms', () => new Set(uses.filter(u => u.kind === 'use' && !u.inHeading).map(u => u.term)));
      for (const n of own) used.add(n);
    }
    return used;
  }, ['legal']);
}

/** The defined term at a position: a use of it or one of its definition sites. */
export function termAt(model: LegalModel, index: TermIndex, line: number, character: number): { term: number; range: Range; use?: TermUse; site?: DefinitionSite } | undefined {
  const inside = (r: Range) => r.start.line <= line && line <= r.end.line
    && (r.start.line < line || r.start.character <= character) && (r.end.line > line || character <= r.end.character);
  for (const site of definitionsOf(model)) {
    if (inside(site.range)) {
      const term = index.numberOf.get(site.key);
      if (term !== undefined) return { term, range: site.range, site };
    }
  }
  for (const use of termUsesOf(model, index)) {
    if (use.kind === 'use' && inside(use.range)) return { term: use.term, range: use.range, use };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Candidate undefined terms: runs of capitalised words that no defined term explains

/** Words capitalised only because they open a sentence ("Each", "The", "In this Code"). */
const OPENING_WORDS = new Set(('a an the each every any all both either neither no not in if where when whether while unless until '
  + 'for on at by to from with within without under upon after before during since subject save except notwithstanding '
  + 'this that these those such its it there here as so but and or nor further furthermore accordingly however having '
  + 'following nothing where whereas provided other otherwise once then thereafter').split(' '));
/** Lower-case words that may join a proper name's words ("Secretary of State", "England and Wales"). */
const CONNECTORS = new Set(['of', 'and', 'for']);
const CALENDAR = new Set(('january february march april may june july august september october november december '
  + 'monday tuesday wednesday thursday friday saturday sunday').split(' '));
/** Words that name a part of a document before its number ("Section G8", "Schedule 1"). */
const STRUCTURAL = new Set(('section sections part parts schedule schedules appendix appendices annex annexes paragraph paragraphs '
  + 'clause clauses condition conditions article articles table tables figure figures chapter chapters').split(' '));
/** Last words of the titles of legislation ("Companies Act 2006", "… Regulations 2012") and of companies' names. */
const NAME_ENDINGS = new Set(['act', 'acts', 'regulation', 'regulations', 'order', 'rules', 'directive', 'measure', 'ordinance', 'statute',
  'ltd', 'limited', 'plc', 'llp', 'inc']);
const COMPANY_ENDINGS = new Set(['ltd', 'limited', 'plc', 'llp', 'inc']);
/** First words of the names of public bodies joined by "of"/"for" ("Office for National Statistics", "Department for …"). */
const BODY_HEADS = new Set(['office', 'department', 'ministry', 'bank', 'court', 'commission', 'agency', 'council', 'institute', 'institution', 'chamber']);

/** "Office for National Statistics", "Ministry of Justice": a public body's name, not a term. */
function namesPublicBody(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from >= 3 && BODY_HEADS.has(tokens[from].norm) && CONNECTORS.has(tokens[from + 1].surface);
}

/** "Category 1", "Release 2", "Phase 3": one word before a number is a label, like "Schedule 3". */
function labelsANumber(tokens: readonly Token[], from: number, to: number): boolean {
  const next = tokens[to];
  return to - from === 1 && next !== undefined && !next.barrierBefore && /^\d+[A-Za-z]?$/.test(next.surface);
}

/** Does a company's legal form follow the run within the same phrase ("Smart DCC Ltd")? */
function beforeCompanyEnding(tokens: readonly Token[], to: number): boolean {
  for (let k = to; k < Math.min(tokens.length, to + 3); k++) {
    if (tokens[k].barrierBefore || !/^\p{Lu}/u.test(tokens[k].surface)) return false;
    if (COMPANY_ENDINGS.has(tokens[k].norm)) return true;
  }
  return false;
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.surface);
}

/** Acronyms, formula symbols, numbers and single letters are never terms to define here. */
function isNeverTerm(t: Token): boolean {
  return /\d/.test(t.surface) || t.surface.length === 1 || /^\p{Lu}[\p{Lu}\d]+s?$/u.test(t.surface)
    || /^\p{Lu}[\p{Lu}\d]+-\p{Ll}/u.test(t.surface) // "SMETS-compliant", "DCC-owned"
    || CALENDAR.has(t.norm) || STRUCTURAL.has(t.norm);
}

export interface CandidateRun {
  from: number;
  to: number;
}

/**
 * Runs of capitalised words among the tokens not `covered` (by a defined term, a known name,
 * quotes, a heading …), joined by "of"/"and"/"for" between capitalised words. A sentence's
 * opening word is dropped when it is a function word; a run of one word at a sentence start
 * is dropped; titles of legislation are dropped.
 */
export function capitalisedRuns(tokens: readonly Token[], covered: readonly boolean[]): CandidateRun[] {
  const runs: CandidateRun[] = [];
  const usable = (i: number) => i < tokens.length && !covered[i] && isCapitalised(tokens[i]) && !isNeverTerm(tokens[i]);
  let i = 0;
  while (i < tokens.length) {
    if (!usable(i)) {
      i++;
      continue;
    }
    let to = i + 1;
    for (;;) {
      if (usable(to) && !tokens[to].barrierBefore) to++;
      else if (to + 1 < tokens.length && !covered[to] && CONNECTORS.has(tokens[to].surface) && !tokens[to].barrierBefore
        && usable(to + 1) && !tokens[to + 1].barrierBefore) to += 2;
      else break;
    }
    let from = i;
    if (tokens[from].sentenceStart) {
      if (OPENING_WORDS.has(tokens[from].norm)) from++;
      else if (to - from === 1) from = to;
    }
    while (from < to && CONNECTORS.has(tokens[from].surface)) from++;
    const isName = NAME_ENDINGS.has(tokens[to - 1].norm) || beforeCompanyEnding(tokens, to)
      || namesPublicBody(tokens, from, to) || labelsANumber(tokens, from, to);
    if (from < to && !isName) runs.push({ from, to });
    i = to;
  }
  return runs;
}

export { termKey };
