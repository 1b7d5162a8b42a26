// Where terms are defined in a legal document. Four forms (DESIGN.md §2):
//   A1.1 table rows           Term | means …            (also Markdown: | Term | means … |, and the
//                             published table flattened: Term means …, wrapped over lines)
//   A1.1 pointer rows         Term | has the meaning given to that expression in Section G8.37 (…)
//   quoted definitions        “Term” means …            (straight or curly quotes)
//   inline definitions        (a “User Security Assessment Report”), A “Full User …” shall be …,
//                             and, bold in the original and plain once copied, (the Application
//                             Fee), (each a Volume Statement); **Term** in Markdown
// A pointer row and the inline definition it points to are two sites of ONE definition.
// Parsing never throws; what does not read as a definition is simply not one.
import type { Position, Range } from '../types';
import { lineRange } from '../text/lines';
import { type FlatSegment, type ProsePiece, flatten } from '../text/prose';
import { tableCells } from '../text/tableCells';
import type { LegalModel } from './document';
import { DerivedKey, derive } from '../cache';
import { clauseAtLine, ownTextColumn } from './structure';
import { looksLikeTerm } from './definitionRows';

// Derived values kept per owner (see cache.ts).
const DEFINITIONS = new DerivedKey<DefinitionSite[]>('definitions');

export { looksLikeTerm };

export type DefinitionForm = 'table' | 'table-pointer' | 'quoted' | 'inline';

export interface DefinitionSite {
  /** The term as written at this site ("Supplier Party"). */
  term: string;
  /** The term's identity across the workspace (see termKey). */
  key: string;
  form: DefinitionForm;
  uri: string;
  /** Range of the term's words (inside the quotes, or the table cell). */
  range: Range;
  /** The definition's words: the table cell, the text after the quoted term, or the sentence of an inline definition. */
  text: string;
  /** Range of `text`. */
  textRange: Range;
  /** For a pointer row: the clause or Part it points to ("G8.37"). */
  pointsTo?: string;
  /** The clause the site sits in, if any. */
  clause?: string;
  /**
   * An inline definition known only by its brackets ("(the Application Fee)"): bold in the
   * original, plain once copied. Weaker evidence than quotes, so it never makes a duplicate.
   */
  unmarked?: boolean;
  /**
   * An inline definition that opens a bracket ("(the SMKI PMA)", "(a “Full User …”)", "(the
   * **Fee**)"): where the bracket stands. The name before it may be what the term abbreviates.
   */
  bracketAt?: Position;
}

/** The identity of a term: words in lower case, one space between them, one kind of quote and dash. */
export function termKey(term: string): string {
  return normaliseTermText(term).toLowerCase();
}

/** Collapse whitespace, unify apostrophes and hyphens and expand ligatures, keeping case. */
export function normaliseTermText(term: string): string {
  // Ligatures (ﬁ, ﬂ, ﬀ …) are what a copy from a PDF leaves: "Certiﬁcate" is "Certificate".
  return term.replace(/[\u2018\u2019`]/g, "'").replace(/[\u2010\u2011]/g, '-').replace(/[\uFB00-\uFB06]/g, c => c.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

const POINTER_RE = /^(?:has|shall\s+have|bears?)\s+the\s+meaning\s+(?:given|ascribed|set\s+out|assigned)(?:\s+to\s+(?:that|the|this)\s+(?:expression|term)|\s+to\s+it)?\s+in\s+Sections?\s+([A-Z]{1,2}\d{0,3}(?:\.\d{1,3}[A-Z]{0,2})?)/i;
const MEANS_RE = /^(?:means|shall\s+mean|includes|shall\s+include|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|is\s+defined|shall\s+be\s+construed|is\s+to\s+be\s+construed|in\s+relation\s+to\b[^.;:]{1,160}?,?\s+means)\b/i;
const QUOTED_MEANS_RE = /^(?:\([a-zA-Z]{1,4}\)\s+)?(?:\*\*|__|\*|_)?(["“‘])([^"“”‘’]{1,120}?)(["”’])(?:\*\*|__|\*|_)?\s*(?:\||means\b|shall\s+mean\b|includes\b|has\s+the\s+meaning\b|shall\s+have\s+the\s+meaning\b)/;
/** Words that show quoted text is cited or amended rather than defined. */
const CITATION_BEFORE_RE = /\b(?:words?|expressions?|terms?|phrases?|references?\s+to|(?:replac|delet|insert|substitut)\w*(?:\s+(?:by|with))?|reads?|entitled|headed|status\s+of|marked)\s*$/i;

function unquote(cell: { text: string; start: number }): { text: string; start: number } {
  const m = /^(?:\*\*)?["“‘]?(.*?)["”’]?(?:\*\*)?$/.exec(cell.text)!;
  return { text: m[1], start: cell.start + cell.text.indexOf(m[1]) };
}

function tableSite(model: LegalModel, line: number): DefinitionSite | undefined {
  const { lines, contentColumn } = model.structure;
  const text = lines[line].text;
  const cells = tableCells(text, contentColumn[line]);
  if (cells.length < 2) return undefined;
  const term = unquote(cells[0]);
  const def = cells[1];
  if (!looksLikeTerm(term.text) || !MEANS_RE.test(def.text) && !POINTER_RE.test(def.text)) return undefined;
  const pointer = POINTER_RE.exec(def.text);
  const site: DefinitionSite = {
    term: normaliseTermText(term.text),
    key: termKey(term.text),
    form: pointer ? 'table-pointer' : 'table',
    uri: model.uri,
    range: lineRange(line, term.start, term.start + term.text.length),
    text: def.text,
    textRange: lineRange(line, def.start, def.start + def.text.length),
  };
  if (pointer) site.pointsTo = pointer[1];
  return site;
}

/** Kinds of line a flattened row runs on over: its wrapped text, its own paragraphs, page furniture. */
const ROW_BODY = new Set(['continuation', 'paragraph', 'furniture', 'definition-term']);

/** The rest of a term wrapped in the left-hand column on this line of a row (structure.markWrappedTerms), if any. */
function termTailAt(model: LegalModel, line: number): string | undefined {
  const { lines, kinds, contentColumn } = model.structure;
  const text = lines[line].text;
  if (kinds[line] === 'definition-term') return text.trim();
  const beforeContent = text.slice(0, contentColumn[line]).trim();
  return beforeContent && kinds[line] === 'continuation' ? beforeContent : undefined;
}

/** The start of a row's term on the line before it (flattened form), if structure found one there. */
function headBefore(model: LegalModel, line: number): string | undefined {
  const { kinds, lines } = model.structure;
  let l = line - 1;
  while (l >= 0 && kinds[l] === 'furniture') l--;
  return l >= 0 && kinds[l] === 'definition-term' ? lines[l].text.trim() : undefined;
}

/** A flattened Section A row ("Affiliate means …"), with its meaning read over the lines it wraps onto. */
function flatRowSite(model: LegalModel, line: number): DefinitionSite | undefined {
  const { lines, kinds, contentColumn, definitionRows } = model.structure;
  const column = contentColumn[line];
  const reading = definitionRows.get(line);
  if (!reading) return undefined;
  const { row } = reading;
  const pieces: ProsePiece[] = [{ line, column: column + row.meaningColumn, text: lines[line].text.slice(column + row.meaningColumn) }];
  const columns = reading.gap !== undefined;
  // Flattened, the term's start may stand on the line before ("SMKI Device Certificate" / "Policy means …").
  const head = columns ? undefined : headBefore(model, line);
  let term = head ? `${head} ${row.term}` : row.term;
  for (let l = line + 1; l < lines.length && ROW_BODY.has(kinds[l]); l++) {
    if (kinds[l] === 'definition-term' && !columns) break; // the next row's term, wrapped before it
    const tail = termTailAt(model, l);
    if (tail) term += ` ${tail}`;
    if (kinds[l] !== 'furniture' && kinds[l] !== 'definition-term') pieces.push({ line: l, column: contentColumn[l], text: lines[l].text.slice(contentColumn[l]) });
  }
  const meaning = flatten({ pieces });
  const text = normaliseTermText(meaning.text);
  const last = pieces[pieces.length - 1];
  const termStart = column + row.termColumn;
  const pointer = POINTER_RE.exec(text);
  return {
    term: normaliseTermText(term),
    key: termKey(term),
    form: pointer ? 'table-pointer' : 'table',
    uri: model.uri,
    range: lineRange(line, termStart, termStart + row.term.length),
    text,
    textRange: { start: { line, character: pieces[0].column }, end: { line: last.line, character: last.column + last.text.trimEnd().length } },
    ...(pointer ? { pointsTo: pointer[1] } : {}),
  };
}

/** “Term” means … at the start of a clause, paragraph or line. */
function quotedSite(model: LegalModel, line: number, from: number): DefinitionSite | undefined {
  const text = model.structure.lines[line].text;
  const m = QUOTED_MEANS_RE.exec(text.slice(from));
  if (!m || !looksLikeTerm(m[2])) return undefined;
  const termStart = from + m.index + m[0].indexOf(m[1]) + 1;
  const defStart = termStart + m[2].length + 1;
  const rest = text.slice(defStart).replace(/^(?:\*\*|__|\*|_)?\s*\|?\s*/, '');
  const restStart = text.length - rest.length;
  const pointer = POINTER_RE.exec(rest);
  return {
    term: normaliseTermText(m[2]),
    key: termKey(m[2]),
    form: pointer ? 'table-pointer' : 'quoted',
    uri: model.uri,
    range: lineRange(line, termStart, termStart + m[2].length),
    text: rest.trim(),
    textRange: lineRange(line, restStart, text.trimEnd().length),
    ...(pointer ? { pointsTo: pointer[1] } : {}),
  };
}

/** The sentence around an offset: from the previous full stop (or the start) to the next. */
function sentenceAround(text: string, at: number): { text: string; start: number } {
  let start = 0;
  for (let i = at - 1; i >= 0; i--) if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '')) { start = i + 1; break; }
  let end = text.length;
  for (let i = at; i < text.length; i++) if (/[.!?]/.test(text[i]) && (i + 1 === text.length || /\s/.test(text[i + 1]))) { end = i + 1; break; }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: start + lead };
}

// Double quotes always open a possible definition; single curly quotes only where the
// context defines (a parenthesis around it, or "means" after it), since ‘approved’ is a label.
// Quotes may hold a line break: the text is hard-wrapped ("an “Assessment⏎Year”").
// Double quotes may be mismatched (“Term" or "Term”) where a document was edited in two tools.
const INLINE_QUOTE_RE = /[“"]([^“”"]{1,120})[”"]|‘([^‘’]{1,120})’(?![\p{L}])/gu;

/**
 * A capitalised phrase alone in brackets after an article: "(an Applicant)", "(the Application
 * Fee)", "(each a Volume Statement)", "(together, the Shared Resource Users)", "(such objectives
 * being the General SEC Objectives)". Bold in the published text, plain once copied.
 */
const TERM_WORD = String.raw`[A-Z0-9][\p{L}\p{N}’'\-]*`;
const BRACKET_DEFINITION_RE = new RegExp(String.raw`\((?:(?:together|collectively|jointly|individually|both)\s*,?\s+|(?:[\p{L}][\p{L}’'\-]*\s+){1,6}?being\s+)?(?:each\s+)?(?:an?|the|its|their)\s+(${TERM_WORD}(?:\s+(?:${TERM_WORD}|(?:of|and|or|for|to|in|on|by|with|the)(?=\s+[A-Z0-9])))*)\s*\)`, 'gu');
/** Markdown bold marks a definition where the published text sets it in bold. */
const BOLD_DEFINITION_RE = /(\*\*|__)([A-Z0-9][^*_\n]{0,100}?)\1/g;
/** A line that may hold a bracketed definition: "(a ", "(the ", "(each ", "(together" … */
const MAY_BRACKET_RE = /\((?:an?|the|its|their|such|each|any|together|collectively|jointly|individually|both)(?:[\s,]|$)/;
/** A clause number in bold is a number, not a term ("**G8.41**"). */
const CLAUSE_ID_RE = /^[A-Z]{1,2}\d/;

/** Before an inline definition's term: the bracket it opens, its article and its quote or bold mark ("(the “", "(each a "). */
const OPENED_BY_BRACKET_RE = /\(\s*(?:(?:each\s+)?(?:an?|the)\s+)?[“‘'"]?(?:\*\*|__)?$/;

/** Kinds of line whose running text may define a term inline. */
const RUNNING_TEXT = new Set(['clause', 'paragraph', 'continuation']);

/** One inline definition site from a match in a unit of running text. */
function inlineSite(model: LegalModel, unit: FlatSegment, inner: string, innerStart: number, unmarked: boolean): DefinitionSite {
  const start = unit.positionAt(innerStart);
  const end = unit.positionAt(innerStart + inner.length);
  const sentence = sentenceAround(unit.text, innerStart);
  const opening = OPENED_BY_BRACKET_RE.exec(unit.text.slice(Math.max(0, innerStart - 40), innerStart));
  return {
    term: normaliseTermText(inner),
    key: termKey(inner),
    form: 'inline',
    uri: model.uri,
    range: { start, end },
    text: normaliseTermText(sentence.text),
    textRange: { start: unit.positionAt(sentence.start), end: unit.positionAt(sentence.start + sentence.text.length) },
    ...(unmarked ? { unmarked: true } : {}),
    ...(opening ? { bracketAt: unit.positionAt(innerStart - opening[0].length) } : {}),
  };
}

/** Quoted inline definitions in a unit of running text. */
function quotedInlineSites(model: LegalModel, unit: FlatSegment): DefinitionSite[] {
  const { text } = unit;
  const sites: DefinitionSite[] = [];
  INLINE_QUOTE_RE.lastIndex = 0;
  for (let m = INLINE_QUOTE_RE.exec(text); m; m = INLINE_QUOTE_RE.exec(text)) {
    const inner = m[1] ?? m[2];
    if (!looksLikeTerm(inner.replace(/\s+/g, ' '))) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (CITATION_BEFORE_RE.test(before)) continue;
    const after = text.slice(m.index + m[0].length);
    if (m[2] !== undefined) {
      const inParenthesis = /\([^()]*$/.test(before) && /^\s*\)/.test(after);
      if (!inParenthesis && !/^\s*(?:means|shall\s+mean)\b/.test(after)) continue;
    }
    sites.push(inlineSite(model, unit, inner, m.index + 1, false));
  }
  return sites;
}

/** Unquoted definitions a copy keeps only by their shape: bracketed after an article, or bold in Markdown. */
function unmarkedInlineSites(model: LegalModel, unit: FlatSegment): DefinitionSite[] {
  const { text } = unit;
  const sites: DefinitionSite[] = [];
  BRACKET_DEFINITION_RE.lastIndex = 0;
  for (let m = BRACKET_DEFINITION_RE.exec(text); m; m = BRACKET_DEFINITION_RE.exec(text)) {
    const inner = m[1];
    if (looksLikeTerm(inner.replace(/\s+/g, ' '))) sites.push(inlineSite(model, unit, inner, m.index + m[0].lastIndexOf(inner), true));
  }
  if (text.includes('**') || text.includes('__')) {
    BOLD_DEFINITION_RE.lastIndex = 0;
    for (let m = BOLD_DEFINITION_RE.exec(text); m; m = BOLD_DEFINITION_RE.exec(text)) {
      const inner = m[2].trim();
      if (!CLAUSE_ID_RE.test(inner) && looksLikeTerm(inner)) sites.push(inlineSite(model, unit, inner, m.index + m[1].length + m[2].indexOf(inner), false));
    }
  }
  return sites;
}

/** The opening quotation marks a quoted or inline definition starts with. */
const QUOTE_RE = /["“‘]/;

/** Might this line hold (part of) an inline definition? Most lines cannot and are passed by. */
function mayDefineInline(text: string): boolean {
  return QUOTE_RE.test(text) || MAY_BRACKET_RE.test(text.trimEnd()) || text.includes('**') || text.includes('__') || /\($/.test(text.trimEnd());
}

/**
 * Running text in units a definition cannot cross: a clause's opening words or one paragraph,
 * with the lines it wraps onto (page furniture passed over). Each unit is one string, so a
 * definition split by a line break is read whole.
 */
function runningTextUnits(model: LegalModel, skip: ReadonlySet<number>): FlatSegment[] {
  const { lines, kinds } = model.structure;
  const units: FlatSegment[] = [];
  let pieces: ProsePiece[] = [];
  let interesting = false;
  const close = () => {
    if (pieces.length && interesting) units.push(flatten({ pieces }));
    pieces = [];
    interesting = false;
  };
  for (const l of lines) {
    const kind = kinds[l.line];
    if (kind === 'furniture') continue;
    if (!RUNNING_TEXT.has(kind) || skip.has(l.line)) {
      close();
      continue;
    }
    if (kind !== 'continuation') close();
    const column = ownTextColumn(model.structure, l.line);
    pieces.push({ line: l.line, column, text: l.text.slice(column) });
    if (!interesting && mayDefineInline(l.text)) interesting = true;
  }
  close();
  return units;
}

/** A site in running text, with the clause it stands in. */
function inClause(model: LegalModel, site: DefinitionSite): DefinitionSite {
  const clause = clauseAtLine(model.structure, site.range.start.line);
  return clause ? { ...site, clause: clause.id } : site;
}

/** Every definition site in a legal document, in document order. Memoised per model. */
export function definitionsOf(model: LegalModel): DefinitionSite[] {
  return derive(model, DEFINITIONS, () => {
    const { lines, kinds, contentColumn } = model.structure;
    const sites: DefinitionSite[] = [];
    // Lines that open with “Term” means …: their quotes are that definition, not inline ones.
    const quotedLines = new Set<number>();
    for (const l of lines) {
      const kind = kinds[l.line];
      if (kind === 'table-row') {
        const site = tableSite(model, l.line) ?? quotedSite(model, l.line, contentColumn[l.line]);
        if (site) sites.push(site);
        continue;
      }
      if (kind === 'definition-row') {
        const site = flatRowSite(model, l.line);
        if (site) sites.push(site);
        continue;
      }
      if (!RUNNING_TEXT.has(kind) || !QUOTE_RE.test(l.text)) continue;
      const quoted = quotedSite(model, l.line, ownTextColumn(model.structure, l.line));
      if (quoted) {
        sites.push(inClause(model, quoted));
        quotedLines.add(l.line);
      }
    }
    for (const unit of runningTextUnits(model, quotedLines)) {
      for (const site of [...quotedInlineSites(model, unit), ...unmarkedInlineSites(model, unit)]) sites.push(inClause(model, site));
    }
    return sites.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
}

/** Does a pointer row's target ("G8.37", "G8") name the clause an inline site sits in? */
export function pointerMatches(pointer: DefinitionSite, inline: DefinitionSite): boolean {
  if (!pointer.pointsTo || !inline.clause) return false;
  return inline.clause === pointer.pointsTo || inline.clause.startsWith(pointer.pointsTo + '.');
}
