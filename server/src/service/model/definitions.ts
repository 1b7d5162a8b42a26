// Where terms are defined in a legal document. Four forms (DESIGN.md §2):
//   A1.1 table rows           Term | means …            (also Markdown: | Term | means … |)
//   A1.1 pointer rows         Term | has the meaning given to that expression in Section G8.37 (…)
//   quoted definitions        “Term” means …            (straight or curly quotes)
//   inline definitions        (a “User Security Assessment Report”), A “Full User …” shall be …
// A pointer row and the inline definition it points to are two sites of ONE definition.
// Parsing never throws; what does not read as a definition is simply not one.
import type { Range } from '../types';
import { lineRange } from '../text/lines';
import type { LegalModel } from './document';
import { memo } from './memo';
import { clauseAtLine } from './structure';

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
}

/** The identity of a term: words in lower case, one space between them, one kind of quote and dash. */
export function termKey(term: string): string {
  return normaliseTermText(term).toLowerCase();
}

/** Collapse whitespace and unify apostrophes and hyphens, keeping case. */
export function normaliseTermText(term: string): string {
  return term.replace(/[\u2018\u2019`]/g, "'").replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim();
}

const POINTER_RE = /^(?:has|shall\s+have|bears?)\s+the\s+meaning\s+(?:given|ascribed|set\s+out|assigned)(?:\s+to\s+(?:that|the|this)\s+(?:expression|term)|\s+to\s+it)?\s+in\s+Sections?\s+([A-Z]{1,2}\d{0,3}(?:\.\d{1,3}[A-Z]{0,2})?)/i;
const MEANS_RE = /^(?:means|shall\s+mean|includes|shall\s+include|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|is\s+defined)\b/i;
const QUOTED_MEANS_RE = /^(?:\([a-zA-Z]{1,4}\)\s+)?(?:\*\*|__|\*|_)?(["“‘])([^"“”‘’]{1,120}?)(["”’])(?:\*\*|__|\*|_)?\s*(?:\||means\b|shall\s+mean\b|includes\b|has\s+the\s+meaning\b|shall\s+have\s+the\s+meaning\b)/;
/** Words that show quoted text is cited or amended rather than defined. */
const CITATION_BEFORE_RE = /\b(?:words?|expressions?|terms?|phrases?|references?\s+to|(?:replac|delet|insert|substitut)\w*(?:\s+(?:by|with))?|reads?|entitled|headed|status\s+of|marked)\s*$/i;

/** A term is a short run of words that starts with a capital (or digit) and does not end in punctuation. */
export function looksLikeTerm(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 100 || !/^[A-Z0-9]/.test(t) || /[.,;:!?]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 10) return false;
  // Most words of a term are capitalised ("Follow-up Security Assessment", "Other User").
  const content = words.filter(w => !/^(?:of|and|or|for|the|to|in|on|by|with|a|an|up)$/i.test(w));
  return content.length > 0 && content.filter(w => /^[A-Z0-9]/.test(w)).length / content.length >= 0.5;
}

/** Split a table row into cells with their columns, dropping Markdown's outer pipes. */
function tableCells(text: string, from: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = from;
  for (let i = from; i <= text.length; i++) {
    if (i === text.length || text[i] === '|') {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim(), start: start + lead });
      start = i + 1;
    }
  }
  if (cells.length && cells[0].text === '' && text.slice(from).trimStart().startsWith('|')) cells.shift();
  if (cells.length && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

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

/** The sentence around a column: from the previous full stop (or line start) to the next. */
function sentenceAround(text: string, from: number, column: number): { text: string; start: number } {
  let start = from;
  for (let i = column - 1; i >= from; i--) if (/[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '')) { start = i + 1; break; }
  let end = text.length;
  for (let i = column; i < text.length; i++) if (/[.!?]/.test(text[i]) && (i + 1 === text.length || /\s/.test(text[i + 1]))) { end = i + 1; break; }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: start + lead };
}

// Double quotes always open a possible definition; single curly quotes only where the
// context defines (a parenthesis around it, or "means" after it), since ‘approved’ is a label.
const INLINE_QUOTE_RE = /“([^“”]{1,120})”|"([^"]{1,120})"|‘([^‘’]{1,120})’(?![\p{L}])/gu;

function inlineSites(model: LegalModel, line: number, from: number): DefinitionSite[] {
  const text = model.structure.lines[line].text;
  const sites: DefinitionSite[] = [];
  INLINE_QUOTE_RE.lastIndex = from;
  for (let m = INLINE_QUOTE_RE.exec(text); m; m = INLINE_QUOTE_RE.exec(text)) {
    const inner = m[1] ?? m[2] ?? m[3];
    if (!looksLikeTerm(inner)) continue;
    const before = text.slice(Math.max(from, m.index - 40), m.index);
    if (CITATION_BEFORE_RE.test(before)) continue;
    const after = text.slice(m.index + m[0].length);
    if (m[3] !== undefined) {
      const inParenthesis = /\([^()]*$/.test(before) && /^\s*\)/.test(after);
      if (!inParenthesis && !/^\s*(?:means|shall\s+mean)\b/.test(after)) continue;
    }
    const termStart = m.index + 1;
    const sentence = sentenceAround(text, from, m.index);
    sites.push({
      term: normaliseTermText(inner),
      key: termKey(inner),
      form: 'inline',
      uri: model.uri,
      range: lineRange(line, termStart, termStart + inner.length),
      text: sentence.text,
      textRange: lineRange(line, sentence.start, sentence.start + sentence.text.length),
    });
  }
  return sites;
}

/** The opening quotation marks a quoted or inline definition starts with. */
const QUOTE_RE = /["“‘]/;

/** Every definition site in a legal document, in document order. Memoised per model. */
export function definitionsOf(model: LegalModel): DefinitionSite[] {
  return memo(model, 'definitions', () => {
    const { lines, kinds, contentColumn } = model.structure;
    const sites: DefinitionSite[] = [];
    for (const l of lines) {
      const kind = kinds[l.line];
      let from = contentColumn[l.line];
      if (kind === 'table-row') {
        const site = tableSite(model, l.line) ?? quotedSite(model, l.line, from);
        if (site) sites.push(site);
        continue;
      }
      if (kind !== 'clause' && kind !== 'paragraph' && kind !== 'continuation') continue;
      // Both forms in running text need a quotation mark: most lines have none and are passed by.
      if (!QUOTE_RE.test(l.text)) continue;
      const clause = clauseAtLine(model.structure, l.line);
      if (kind === 'clause' && clause && clause.firstLine === l.line) from = clause.textColumn;
      const quoted = quotedSite(model, l.line, from);
      const found = quoted ? [quoted] : inlineSites(model, l.line, from);
      for (const s of found) sites.push(clause ? { ...s, clause: clause.id } : s);
    }
    return sites;
  });
}

/** Does a pointer row's target ("G8.37", "G8") name the clause an inline site sits in? */
export function pointerMatches(pointer: DefinitionSite, inline: DefinitionSite): boolean {
  if (!pointer.pointsTo || !inline.clause) return false;
  return inline.clause === pointer.pointsTo || inline.clause.startsWith(pointer.pointsTo + '.');
}
