// Section A as it comes off the page: the two-column definitions table flattened into lines,
// with no separator between a term and its meaning —
//   Acceptance Testing means testing of …
//   Assessment Year has the meaning given to that expression in Section G8.37 (…)
//   Charges includes …    Relevant Party in relation to a Modification Proposal, means …
//   Effective Date, in respect of a Modification Proposal, means …
// A row may wrap over several lines; the next row starts at the next line that opens with a
// capitalised run followed by one of those verbs. Rows are read only inside the definitions
// part (after the A1.1 introduction "the expressions in the left hand column …", or under a
// heading named Definitions): elsewhere "The Panel means …" in a sentence is not a row.

/** A term in the left-hand column: capitalised words, acronyms and figures ("SMETS2+"), joined by small words. */
const TERM_WORD = String.raw`[A-Z0-9][\p{L}\p{N}’'\-/&.]*\+?`;
const JOINER = String.raw`(?:of|and|or|for|to|the|in|on|by|with|from|under|a|an|up|at)`;
const TERM_WORDS = String.raw`(?:[ \t]+(?:${TERM_WORD}|${JOINER}(?=[ \t]+[A-Z0-9])))*?`;
/**
 * One bracketed part of capitalised words after the first word: "SMKI PMA (Supplier) Member",
 * "Panel (Elected) Member"; not a label ("(A)", "(1)").
 */
const BRACKETED_PART = String.raw`[ \t]+\([A-Z][\p{L}\p{N}’'\-/&.]+(?:[ \t]+${TERM_WORD})*\)`;
const TERM = String.raw`${TERM_WORD}${TERM_WORDS}(?:${BRACKETED_PART}${TERM_WORDS})?`;
/** Verbs that open the right-hand column whatever came before. */
const STRONG_VERB = String.raw`means\b|shall\s+mean\b|has\s+the\s+meaning\b|shall\s+have\s+the\s+meaning\b|bears\s+the\s+meaning\b|is\s+defined\s+in\b`;
/** Verbs that open it only at the start of a row (after a row or text that ended). */
const WEAK_VERB = String.raw`includes\b|shall\s+include\b|shall\s+be\s+construed\b|is\s+to\s+be\s+construed\b|,?\s*(?:in\s+relation\s+to|in\s+respect\s+of|with\s+respect\s+to|for\s+the\s+purposes\s+of)\b[^.;:]{1,160}?,?\s+means\b`;

// Separated by white space: one space in flattened text, a tab or several spaces from Word.
const ROW_START_RE = new RegExp(String.raw`^["“‘]?(${TERM})["”’]?(?:\s+|(?=,))(?:(${STRONG_VERB})|(${WEAK_VERB}))`, 'u');

export interface RowStart {
  /** The term as written (without quotes). */
  term: string;
  /** Column of the term within the content passed in. */
  termColumn: number;
  /** Column where the meaning starts (its verb). */
  meaningColumn: number;
  /** "means", "has the meaning" …: a row can start here whatever the line before ended with. */
  strong: boolean;
}

/** Does a line's content open a flattened definitions row? */
export function definitionRowStart(content: string): RowStart | undefined {
  const m = ROW_START_RE.exec(content);
  if (!m) return undefined;
  const term = m[1];
  const termColumn = content.indexOf(term);
  const verb = m[2] ?? m[3];
  const lead = /^[,\s]*/.exec(verb)![0].length;
  return { term, termColumn, meaningColumn: m[0].length - verb.length + lead, strong: m[2] !== undefined };
}

/** The A1.1 introduction: "the expressions in the left hand column below shall have the meanings …". */
const INTRODUCTION_RE = /\b(?:expressions?|terms?|words?)\b[^.]{0,80}?\b(?:shall\s+have|have|bear)\s+the\s+meanings?\b|\bleft[\s-]+hand\s+column\b/i;
const DEFINITIONS_TITLE_RE = /\bdefinitions?\b/i;

/** Does this text introduce a definitions table? */
export function introducesDefinitions(text: string): boolean {
  return INTRODUCTION_RE.test(text);
}

/** Is a heading's title that of a definitions part ("SECTION A: DEFINITIONS AND INTERPRETATION", "A1 DEFINITIONS")? */
export function namesDefinitions(title: string): boolean {
  return DEFINITIONS_TITLE_RE.test(title);
}

/** Does a line end what it says, so that the next line may open a row with a weak verb? */
export function endsStatement(text: string): boolean {
  return /[.;:\]]["”’)]*\s*$/.test(text);
}

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

/**
 * The white space between a row's term and its meaning when the copy kept the table's columns
 * (several spaces or a tab, as `pdftotext -layout` or Word gives): offsets within the content.
 */
export interface ColumnGap {
  from: number;
  to: number;
  /** A tab between the columns (Word), not only spaces (`pdftotext -layout`). */
  tabbed: boolean;
}

export function columnGap(content: string, row: RowStart): ColumnGap | undefined {
  const from = row.termColumn + row.term.length;
  const gap = content.slice(from, row.meaningColumn);
  if (!/^(?: {2,}|[ ]*\t[ \t]*)$/.test(gap)) return undefined;
  return { from, to: row.meaningColumn, tabbed: gap.includes('\t') };
}

/** The rest of a term wrapped in the left-hand column, and where the meaning's own words go on (if on the same line). */
export interface TermTail {
  term: string;
  /** Column where the line's meaning text starts; undefined when the line holds only the term's rest. */
  meaningColumn?: number;
}

/**
 * A line under a column-layout row that starts in the term column: the term's next words
 * ("Infrastructure"), alone or followed, after a gap, by the meaning's next words at the
 * meaning column ("Infrastructure              accordance with Section L.").
 */
export function termTailOf(text: string, termColumn: number, meaningColumn: number, tabbed: boolean): TermTail | undefined {
  const lead = text.search(/\S/);
  if (lead < 0 || Math.abs(lead - termColumn) > 1) return undefined;
  const m = /^(\S+(?: \S+)*)(?:( {2,}|[ ]*\t[ \t]*)(\S.*))?$/.exec(text.slice(lead).trimEnd());
  if (!m || !looksLikeTerm(m[1]) || m[1].length > meaningColumn - termColumn) return undefined;
  if (m[3] === undefined) return { term: m[1] };
  const restColumn = lead + m[1].length + m[2].length;
  // Spaces line the meaning up under the first line's; a tab only separates the columns.
  if (!tabbed && Math.abs(restColumn - meaningColumn) > 2) return undefined;
  if (definitionRowStart(text.slice(lead))?.strong) return undefined; // a new row, not the rest of this one
  return { term: m[1], meaningColumn: restColumn };
}
