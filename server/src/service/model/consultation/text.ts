// Collations as text extracted from the published PDF: "Question N: …" sections, each a table
// "Respondent | Category | Response | Rationale" (or "… | Comments") laid out as lines.
// Extraction garbles the table in known ways, and this reader undoes them by what a person
// uses — the category and response vocabularies, names seen elsewhere in the file, company
// suffixes — never by the shape of one document:
//   - the header row repeats at page breaks, on one line or one cell per line;
//   - a name or category wraps onto the next lines, interleaved with the rationale
//     ("Haven Power … / Limited group consultation", "Smart DCC Other … / respondent other …");
//   - after a page break the cells of a row stand one per line, blank lines between them;
//   - `|` separators are sometimes present; comment cells may be empty.
import { type Line, lineRange } from '../../text/lines';
import type { Finding } from '../../types';
import { COMPANY_SUFFIXES, CommentIds, type ParsedCollation, RESPONSES, canonicalCategory, canonicalResponse } from './common';
import type { ConsultationComment, ConsultationQuestion } from './types';
import { type Cell, CategoryVocabulary, KNOWN_CATEGORIES } from './categories';
import { learnVocabulary } from './vocabulary';
import { readBarredSection } from './barTables';

/** Question numbers written as words ("Question One"). */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const QUESTION_RE = new RegExp(String.raw`^\s*\|?\s*(?:Question|Q)\s*(\d+[a-z]?|${NUMBER_WORDS.join('|')})\s*(?:[:.)\-–—]\s*|\s+(?=[A-Z]))(.*)$`, 'i');
/** What a "Confidential/Anonymous" column says. */
const CONFIDENTIALITY = ['Confidential', 'Anonymous', 'Public', 'Non-confidential', 'Not confidential', 'Attributable'];
/** The first column of a response table: who responded. */
const RESPONDENT_COLUMN_RE = /^(?:respondents?|organi[sz]ations?|company|companies|party|parties|name)\b/;
const HEADER_WORDS = new Set(['respondent', 'respondents', 'organisation', 'organization', 'organisations', 'organizations', 'company', 'party', 'name',
  'category', 'response', 'rationale', 'comments', 'comment', 'respondent category', 'response rationale',
  'confidential/anonymous', 'confidential', 'anonymous', 'working', 'group', 'role(s)', 'roles', 'role', 'represented']);
const HEADER_INITIALS = new Set([...HEADER_WORDS].map(w => w[0]));
/** Header cells that may stand alone on a line (a page break lays the header out one cell per line); "Party" alone ends a category. */
const HEADER_CELLS = new Set(['respondent', 'respondents', 'organisation', 'organization', 'name', 'category', 'response', 'rationale', 'comments', 'comment', 'respondent category', 'response rationale', 'company', 'confidential/anonymous']);
const PAGE_NUMBER_RE = /^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$/i;
/** Words that begin sentences, never a respondent's name. */
const SENTENCE_STARTERS = new Set(('a an we our it its this that these those each any all where when if in for as however and but also there such no not ' +
  'although while with under from to on at by i they their is are would should could may please see note given both further what which who how ' +
  'only now then so therefore thus however,').split(' '));
const NAME_CONNECTORS = new Set(['of', 'and', 'the', 'for', '&', 'de', 'und', '-', 'on', 'in']);

const byLength = (a: string, b: string) => b.length - a.length;
const RESPONSE_RE = new RegExp(`^(${[...RESPONSES].sort(byLength).map(escapeRe).join('|')})(?![\\w-])`, 'i');
/** The wrapped end of a company name: up to three capitalised words and a suffix ("Retail Limited"). */
const SUFFIX_RE = new RegExp(`^((?:[A-Z][\\w&'’.-]*\\s+){0,3}(?:${COMPANY_SUFFIXES.map(escapeRe).join('|')}))(?=\\s|$|[,|])`);
const ENDS_WITH_SUFFIX_RE = new RegExp(`\\b(?:${COMPANY_SUFFIXES.map(escapeRe).join('|')})$`);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SPACE_OR_PIPE = /[\s|]/;

/** Without the spaces and cell bars at either end (a scan, not a regex: `[\s|]+$` is quadratic on long space runs). */
function stripPipes(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && SPACE_OR_PIPE.test(s[start])) start++;
  while (end > start && SPACE_OR_PIPE.test(s[end - 1])) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** One space for every run of spaces and cell bars. */
function normal(s: string): string {
  const t = stripPipes(s);
  return NORMALISABLE_RE.test(t) ? t.replace(/[\s|]+/g, ' ') : t;
}

/** White space that collapsing to single spaces would change: a run, or other than a space. */
const COLLAPSIBLE_RE = /\s\s|[^\S ]/;
/** The same, or a cell bar. */
const NORMALISABLE_RE = /\||\s\s|[^\S ]/;

/** A header row (or the first cell of a header laid out one cell per line). */
function headerKind(text: string): 'row' | 'cell' | undefined {
  // Every header word starts with r, o, n or c: most lines (comment text) are refused here
  // without normalising them (this runs twice per line of every collation).
  let k = 0;
  while (k < text.length && SPACE_OR_PIPE.test(text[k])) k++;
  if (k === text.length || !HEADER_INITIALS.has(text[k].toLowerCase())) return undefined;
  const t = normal(text).toLowerCase();
  if (!t) return undefined;
  if (RESPONDENT_COLUMN_RE.test(t) && /\b(category|response|rationale|comments?|confidential\/anonymous|represented)\b/.test(t) && t.split(' ').every(w => HEADER_WORDS.has(w) || w === '/')) return 'row';
  // A header cell alone on its line is capitalised; "respondent" alone ends a category ("Other / respondent").
  if (HEADER_CELLS.has(t) && /^[A-Z]/.test(stripPipes(text))) return 'cell';
  return undefined;
}

const NAME_MAX = 60;
const COMPANY_SUFFIX_SET = new Set(COMPANY_SUFFIXES);
/** How many lines a wrapped name or category cell may take. */
const MAX_CELL_LINES = 8;

/** Could this be a respondent's name? `strict` also refuses names starting like a sentence ("So Energy"). */
function isPlausibleName(raw: string, known: Set<string>, strict = true): boolean {
  const name = normal(raw);
  if (!name || name.length > NAME_MAX) return false;
  if (known.has(name.toLowerCase())) return true;
  if (/[,;:!?"“”]/.test(name) || /\.$/.test(name) && !/(Ltd|Inc|Co|plc)\.$|\.\w+$/.test(name)) return false;
  // A full stop then a space inside ends a sentence ("DCC. We"), bar abbreviations ("Co. Ltd").
  if (/\b(?!(?:Ltd|Inc|Co|St|Bros)\.)\w+\.\s/.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 7) return false;
  const first = words[0].toLowerCase();
  if (strict && SENTENCE_STARTERS.has(first)) return false;
  if (first === 'the' && words.length < (strict ? 3 : 2)) return false;
  if (!/^[A-Z0-9]/.test(words[0])) return false;
  // A name never ends with a connector ("The SEC on …" is a sentence).
  if (words.length > 1 && NAME_CONNECTORS.has(words[words.length - 1].toLowerCase())) return false;
  const content = words.filter(w => !NAME_CONNECTORS.has(w.toLowerCase()));
  const capitalised = content.filter(w => /^[A-Z0-9(]/.test(w) || COMPANY_SUFFIX_SET.has(w)).length;
  // Every word of a name is capitalised, bar connectors and company suffixes ("Bryt Energy plc").
  return content.length > 0 && capitalised === content.length;
}

/** Word starts in a line (where a category may begin). */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (isAsciiLetter(text.charCodeAt(i)) && (i === 0 || isSpaceOrPipe(text.charCodeAt(i - 1)))) starts.push(i);
  return starts;
}

/** How many characters from `from` on are neither spaces nor cell bars. */
function nonSpaceFrom(text: string, from: number): number {
  let n = 0;
  for (let k = from; k < text.length; k++) if (!isSpaceOrPipe(text.charCodeAt(k))) n++;
  return n;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[\s|]` on a character code, without a regex or a one-character string for the common ASCII case. */
function isSpaceOrPipe(code: number): boolean {
  if (code < 128) return code === 32 || code === 124 || (code >= 9 && code <= 13);
  return SPACE_OR_PIPE.test(String.fromCharCode(code));
}

/** A category found at `at` on a line whose cells are barred, widened to its whole cell. */
function wholeCell(text: string, at: number, cell: Cell): Cell {
  const bar = text.indexOf('|', cell.end);
  const extra = bar > 0 ? text.slice(cell.end, bar).trim() : '';
  if (!extra || extra.split(/\s+/).length > 3 || !/^[A-Za-z]/.test(extra)) return cell;
  return { category: text.slice(at, bar).trim().replace(/\s+/g, ' '), end: text.slice(0, bar).trimEnd().length };
}

interface RowStart {
  name: string;
  category: string;
  response: string;
  /** Line and column where the comment text begins. */
  textLine: number;
  textColumn: number;
  /** Lines consumed by the row's name/category/response cells. */
  lastCellLine: number;
  score: number;
  /** The category's last words wrapped onto a later line (found there by repairWraps). */
  partial: boolean;
}

interface Section {
  hasResponse: boolean | undefined;
  known: Set<string>;
}

/**
 * What each line is whatever names are known (header or not, its word starts, the categories
 * at each): read once and shared by both passes of the reader.
 */
class LineFacts {
  /** 0: not read yet; 1: no header; 2: a header row; 3: a header cell. */
  private readonly headers: Uint8Array;
  private readonly starts: (number[] | undefined)[];
  private readonly cells: (Cell[][] | undefined)[];

  constructor(readonly lines: Line[], readonly categories: CategoryVocabulary = KNOWN_CATEGORIES) {
    this.headers = new Uint8Array(lines.length);
    this.starts = new Array(lines.length).fill(undefined);
    this.cells = new Array(lines.length).fill(undefined);
  }

  header(i: number): 'row' | 'cell' | undefined {
    if (this.headers[i] === 0) {
      const kind = headerKind(this.lines[i].text);
      this.headers[i] = kind === 'row' ? 2 : kind === 'cell' ? 3 : 1;
    }
    return this.headers[i] === 2 ? 'row' : this.headers[i] === 3 ? 'cell' : undefined;
  }

  wordStarts(i: number): number[] {
    return this.starts[i] ??= wordStarts(this.lines[i].text);
  }

  /** The categories at each word start of line i (NO_CELLS for none), computed up to word k at least. */
  cellsAt(i: number, k: number): Cell[] {
    const starts = this.wordStarts(i);
    const cells = this.cells[i] ??= [];
    while (cells.length <= k) cells.push(this.categories.at(this.lines[i].text, starts[cells.length]));
    return cells[k];
  }
}

class Reader {
  /** No longer prefix of a line can be a name: plausible names are short, known ones as long as the longest. */
  readonly maxName: number;

  readonly categories: CategoryVocabulary;

  constructor(readonly lines: Line[], readonly known: Set<string>, readonly facts: LineFacts = new LineFacts(lines)) {
    this.categories = facts.categories;
    let longest = NAME_MAX;
    for (const k of known) {
      longest = Math.max(longest, k.length);
      for (let at = k.indexOf(' '); at >= 0; at = k.indexOf(' ', at + 1)) {
        const start = k.slice(0, at);
        const list = this.knownByStart.get(start);
        if (list) list.push(k);
        else this.knownByStart.set(start, [k]);
      }
    }
    this.maxName = longest;
  }

  /**
   * Known names by each of their first words ("haven power" → ["haven power limited"]), in the
   * order they were read: one look-up per row instead of a pass over every name (quadratic in
   * the file's size, as both grow with it).
   */
  readonly knownByStart = new Map<string, string[]>();

  /** The document's categories that continue a category's first words ("shared resource" → ["shared resource provider"]), looked up once each. */
  categoriesContinuing(lowerCategory: string): readonly string[] {
    let list = this.continuations.get(lowerCategory);
    if (!list) this.continuations.set(lowerCategory, (list = this.categories.whole.filter(c => c.startsWith(lowerCategory + ' '))));
    return list;
  }

  private readonly continuations = new Map<string, readonly string[]>();

  /**
   * What may still follow a name, and a category, as each known one that continues it goes on
   * (lower-cased words), with the empty rest last (nothing follows): split once per name or
   * category, not at every row that starts with it.
   */
  restsOfName(lowerName: string): Rests {
    return restsFrom(this.nameRests, lowerName, () => this.knownByStart.get(lowerName) ?? []);
  }

  restsOfCategory(lowerCategory: string): Rests {
    return restsFrom(this.categoryRests, lowerCategory, () => this.categoriesContinuing(lowerCategory));
  }

  private readonly nameRests = new Map<string, Rests>();
  private readonly categoryRests = new Map<string, Rests>();

  nextNonBlank(i: number, limit: number): number | undefined {
    for (let j = i + 1; j < limit && j <= i + 3; j++) if (this.lines[j].text.trim()) return j;
    return undefined;
  }

  /** After a category ending at (line, end): the response cell (same line or the next) and where the text starts. */
  responseAfter(line: number, end: number, section: Section, limit: number): { response: string; textLine: number; textColumn: number; lastCellLine: number } | undefined {
    const text = this.lines[line].text;
    const afterStart = end + (/^[\s|]*/.exec(text.slice(end))?.[0].length ?? 0);
    const after = text.slice(afterStart);
    const m = RESPONSE_RE.exec(after);
    if (m && section.hasResponse !== false) {
      const textColumn = afterStart + m[0].length + (/^[\s|]*/.exec(after.slice(m[0].length))?.[0].length ?? 0);
      return { response: m[1], textLine: line, textColumn, lastCellLine: line };
    }
    if (after.trim() === '' && section.hasResponse) {
      // One cell per line: the response may stand on the next line.
      const j = this.nextNonBlank(line, limit);
      const mj = j !== undefined ? RESPONSE_RE.exec(stripPipes(this.lines[j].text)) : null;
      if (j !== undefined && mj) {
        const lead = /^[\s|]*/.exec(this.lines[j].text)![0].length;
        const col = lead + mj[0].length;
        return { response: mj[1], textLine: j, textColumn: col + (/^[\s|]*/.exec(this.lines[j].text.slice(col))?.[0].length ?? 0), lastCellLine: j };
      }
      return { response: '', textLine: line, textColumn: text.length, lastCellLine: line };
    }
    if (section.hasResponse === true) return undefined;
    // Without a response column the comment follows the category, starting like a sentence.
    if (after.trim() !== '' && !/^[A-Z0-9("“‘'[]/.test(after)) return undefined;
    return { response: '', textLine: line, textColumn: afterStart, lastCellLine: line };
  }

  knownScore(name: string): number {
    const n = normal(name).toLowerCase();
    if (this.known.has(n)) return 10;
    if (this.knownByStart.has(n)) return 5;
    return 0;
  }

  /** Every way line i could start a row; the best wins. */
  rowStart(i: number, section: Section, limit: number): RowStart | undefined {
    const text = this.lines[i].text;
    if (!text.trim() || this.facts.header(i)) return undefined;
    let best: RowStart | undefined;
    // On a tie the longer name wins: "British Gas | Network Party" over "British | Gas Network Party".
    const consider = (r: RowStart | undefined) => {
      if (r && (!best || r.score > best.score || (r.score === best.score && r.name.length > best.name.length))) best = r;
    };
    // Name and category on the same line. A name is at most `maxName` characters (spaces and
    // bars aside), so the scan stops there: trying every word of a long line was quadratic.
    let inName = 0;
    let counted = 0;
    const starts = this.facts.wordStarts(i);
    for (let k = 0; k < starts.length; k++) {
      const at = starts[k];
      for (; counted < at; counted++) if (!isSpaceOrPipe(text.charCodeAt(counted))) inName++;
      if (inName > this.maxName) break;
      const cells = this.facts.cellsAt(i, k);
      if (cells.length === 0) continue;
      const prefix = text.slice(0, at);
      // The first words of a name seen whole elsewhere may end with a connector ("Wexby of" … "Bralith").
      const strict = isPlausibleName(prefix, this.known) || this.knownByStart.has(normal(prefix).toLowerCase());
      // A name like "So Energy" is believed when a category and a response follow it.
      if (!strict && !(section.hasResponse && isPlausibleName(prefix, this.known, false))) continue;
      const barred = /\|\s*$/.test(prefix);
      for (const found of cells) {
        // Between bars the category is the whole cell ("| Energy Service Company |"), whatever it starts with.
        const cell = barred ? wholeCell(text, at, found) : found;
        // The response first: it refuses most heads in running text more cheaply than endAhead.
        const resp = this.responseAfter(i, cell.end, section, limit);
        // A response cell is capitalised ("agree" is prose); a name that starts like a sentence needs one.
        if (!resp || (resp.response && !/^[A-Z]/.test(resp.response)) || (!strict && !resp.response)) continue;
        const ahead = cell.partial ? this.endAhead(cell.category, resp.lastCellLine, limit, normal(prefix)) : 0;
        if (cell.partial && !ahead) continue;
        // A category whose end the next lines were seen to carry beats the shorter one it starts with.
        let score = this.knownScore(prefix) + (resp.response ? 3 : 0) + (barred ? 2 : 0) + (ahead === 2 ? 1 : 0);
        // "Smart DCC" alone followed by a category line is a name, not name + category.
        const j = this.nextNonBlank(i, limit);
        if (!cell.partial && !barred && stripPipes(text.slice(cell.end)) === '' && j !== undefined && this.categories.at(stripPipes(this.lines[j].text), 0).length) score -= 5;
        score += this.completion(cell.category, i, limit) ? 2 : 0;
        consider({ name: normal(prefix), category: cell.category, response: resp.response, textLine: resp.textLine, textColumn: resp.textColumn, lastCellLine: resp.lastCellLine, score, partial: !!cell.partial });
      }
    }
    // The name alone on its line, the category on the next non-blank line.
    // (Alone: one cell, no bar between words.)
    if (inName + nonSpaceFrom(text, counted) <= this.maxName && !stripPipes(text).includes('|') && (isPlausibleName(text, this.known) || this.knownByStart.has(normal(text).toLowerCase()))) {
      const j = this.nextNonBlank(i, limit);
      if (j !== undefined && !this.facts.header(j)) {
        const lineJ = this.lines[j].text;
        const lead = /^[\s|]*/.exec(lineJ)![0].length;
        for (const cell of this.categories.at(lineJ, lead)) {
          const resp = this.responseAfter(j, cell.end, section, limit);
          if (!resp || (resp.response && !/^[A-Z]/.test(resp.response))) continue;
          const ahead = cell.partial ? this.endAhead(cell.category, resp.lastCellLine, limit, normal(text)) : 0;
          if (cell.partial && !ahead) continue;
          const score = 4 + this.knownScore(text) + (resp.response ? 3 : 0) + (ahead === 2 ? 1 : 0);
          consider({ name: normal(text), category: cell.category, response: resp.response, textLine: resp.textLine, textColumn: resp.textColumn, lastCellLine: resp.lastCellLine, score, partial: !!cell.partial });
        }
      }
    }
    return best;
  }

  /**
   * The lines after a row's first that carry the rest of its name or category, as the
   * document's names and categories say: they continue the row and cannot start another.
   */
  continuationLines(start: RowStart, limit: number): number[] {
    const at: number[] = [];
    for (let j = start.lastCellLine + 1; j < Math.min(limit, this.lines.length) && at.length < MAX_CELL_LINES; j++) {
      if (this.lines[j].text.trim() && !this.facts.header(j)) at.push(j);
    }
    const plan = completeFromDocument(this, start.name, start.category, at.map(j => this.lines[j].text));
    return plan?.complete ? plan.taken.map(t => at[t.index]) : [];
  }

  /**
   * Does a line soon after start with the rest of a category whose head is on `line`
   * ("Shared Resource" … "Provider …"; "Other SEC" … "Limited" … "Party")? Only then is the
   * head a category and not the rationale's words.
   */
  endAhead(head: string, line: number, limit: number, name = ''): 0 | 1 | 2 {
    if (name) {
      // The rest of a known name may come first on the next lines ("Valton Trading" / "Bexton member").
      const texts: string[] = [];
      for (let j = line + 1; j < Math.min(limit, this.lines.length) && texts.length < MAX_CELL_LINES; j++) if (this.lines[j].text.trim() && !this.facts.header(j)) texts.push(this.lines[j].text);
      const plan = completeFromDocument(this, name, head, texts);
      if (plan?.complete && plan.categoryWords.length > 0) return 2;
      // The name's known rest comes, and the category's does not: the head is not cut here.
      if (plan && plan.nameWords.length > 0) return 0;
    }
    let seen = 0;
    for (let j = line + 1; j < Math.min(limit, this.lines.length) && seen < 5; j++) {
      const t = stripPipes(this.lines[j].text);
      if (!t) continue;
      seen++;
      const afterName = t.replace(SUFFIX_RE, '').replace(/^[\s|]+/, '');
      if (this.categories.complete(head, t) || this.categories.complete(head, afterName)) return 1;
    }
    return 0;
  }


  /** A category cut short by a line wrap ("Other" … next line "respondent"): the full one. */
  completion(category: string, line: number, limit: number): { full: string; line: number; length: number } | undefined {
    const lower = category.toLowerCase() + ' ';
    for (let j = line + 1; j < Math.min(limit, this.lines.length) && j <= line + 3; j++) {
      const t = this.lines[j].text;
      if (!t.trim()) continue;
      // A repeated header is page furniture, never the end of a category.
      if (this.facts.header(j) === 'row') return undefined;
      if (this.facts.header(j)) continue;
      const lead = /^[\s|]*/.exec(t)![0].length;
      for (const c of this.categories.whole) {
        if (!c.startsWith(lower)) continue;
        const remainder = c.slice(category.length + 1);
        const head = t.slice(lead, lead + remainder.length);
        if (head.toLowerCase() === remainder && !/[\w-]/.test(t[lead + remainder.length] ?? '')) {
          return { full: category + ' ' + head, line: j, length: lead + remainder.length };
        }
      }
      return undefined;
    }
    return undefined;
  }
}

interface Fragment {
  line: number;
  /** Column where the kept text starts. */
  column: number;
  text: string;
}

/** Join a cell's lines into paragraphs: a blank line breaks a paragraph only between sentences. */
function joinFragments(parts: (Fragment | 'blank')[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let pendingBreak = false;
  for (const p of parts) {
    if (p === 'blank') {
      pendingBreak = current !== '';
      continue;
    }
    // Most lines have single spaces only: then collapsing white space would only copy them.
    const t = (COLLAPSIBLE_RE.test(p.text) ? p.text.replace(/\s+/g, ' ') : p.text).trim();
    if (!t) continue;
    if (pendingBreak && /[.!?:;)"”’]$/.test(current) && /^[A-Z(“"‘'0-9•–-]/.test(t)) {
      paragraphs.push(current);
      current = t;
    } else if (!current) current = t;
    else if (/[A-Za-z]-$/.test(current) && /^[a-z]/.test(t)) current += t;
    else current += ' ' + t;
    pendingBreak = false;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n\n');
}

interface RawQuestion {
  number: string;
  title: string;
  line: number;
  end: number;
}

/** "3", "3a", or "Three" → "3". */
function questionNumber(raw: string): string {
  const k = NUMBER_WORDS.indexOf(raw.toLowerCase());
  return k >= 0 ? String(k + 1) : raw;
}

function findQuestions(lines: Line[]): RawQuestion[] {
  const qs: RawQuestion[] = [];
  for (const l of lines) {
    const m = QUESTION_RE.exec(l.text);
    if (m) qs.push({ number: questionNumber(m[1]), title: m[2].trim(), line: l.line, end: lines.length });
  }
  for (let k = 0; k < qs.length; k++) if (k + 1 < qs.length) qs[k].end = qs[k + 1].line;
  if (qs.length === 0) {
    const header = lines.find(l => headerKind(l.text));
    if (header) qs.push({ number: '1', title: '', line: header.line, end: lines.length });
  }
  return qs;
}

/** Does the header of a section (lines from..to) have a Response column? */
function sectionColumns(lines: Line[], from: number, to: number): { hasResponse: boolean | undefined; bodyStart: number; bordered: boolean } {
  for (let i = from; i < to; i++) {
    const kind = headerKind(lines[i].text);
    if (!kind) continue;
    let words = normal(lines[i].text).toLowerCase();
    let j = i + 1;
    if (kind === 'cell') {
      for (; j < to; j++) {
        const t = lines[j].text;
        if (!t.trim()) continue;
        if (headerKind(t) !== 'cell') break;
        words += ' ' + normal(t).toLowerCase();
      }
    }
    // A Response column holds "Approve", "Yes" … when a text column follows it; last, it is the text.
    return { hasResponse: /\bresponse\b(?=.*\b(?:rationale|comments?)\b)/.test(words), bodyStart: j, bordered: /^\s*\|/.test(lines[i].text) };
  }
  return { hasResponse: undefined, bodyStart: from + 1, bordered: false };
}

/**
 * How a section is read: `closed` when the respondents are known from the document's response
 * tables, so that in a table without a response column a line that opens with an acronym known
 * nowhere else as a respondent ("DCC …") is taken for the comment's text (and the row marked
 * unsure), not a new row.
 */
function readSection(reader: Reader, q: RawQuestion, ids: CommentIds, out: ConsultationComment[], closed = false, nameMayGoOn?: Map<ConsultationComment, string>): void {
  const { lines } = reader;
  const { hasResponse, bodyStart, bordered } = sectionColumns(lines, q.line + 1, q.end);
  const section: Section = { hasResponse, known: reader.known };
  interface OpenRow { start: RowStart; startLine: number; parts: (Fragment | 'blank')[]; nameEnds: string[]; categoryEnds: { line: number; text: string }[]; unsure?: string }
  const rows: OpenRow[] = [];
  let current: OpenRow | undefined;
  let reserved = new Set<number>();
  for (let i = bodyStart; i < q.end; i++) {
    const text = lines[i].text;
    if (!text.trim() || PAGE_NUMBER_RE.test(text)) {
      current?.parts.push('blank');
      continue;
    }
    if (reader.facts.header(i)) continue;
    let start = reader.rowStart(i, section, q.end);
    // A line the open row's name or category continues on starts no row, unless it opens with
    // a respondent's whole name ("Bralton" continued by "Bralton Ltd | Storage | Approve").
    if (start && reserved.has(i) && !(reader.known.has(start.name.toLowerCase()) && (start.response || !hasResponse))) start = undefined;
    // Acronyms opening a line of prose ("DCC DCC …", "SEC DCC …") read like a name and a category.
    if (start && closed && hasResponse === false && current && reader.knownScore(start.name) === 0 && !/[a-z]/.test(start.name)) {
      current.unsure ??= `line ${i + 1} ("${normal(text).slice(0, 40)}") was read as this comment's text; it could be a row of a respondent named nowhere else`;
      start = undefined;
    }
    if (start) {
      current = { start, startLine: i, parts: [], nameEnds: [], categoryEnds: [] };
      rows.push(current);
      reserved = new Set(reader.continuationLines(start, q.end));
      const rest = lines[start.textLine].text.slice(start.textColumn);
      if (rest.trim()) current.parts.push({ line: start.textLine, column: start.textColumn, text: stripPipes(rest) });
      i = start.textLine;
      continue;
    }
    const wrap = current && current.parts.length < 2 * MAX_CELL_LINES ? pipeWrap(text, hasResponse, bordered) : undefined;
    if (current && wrap) {
      if (wrap.nameEnd) current.nameEnds.push(wrap.nameEnd);
      if (wrap.categoryEnd) current.categoryEnds.push({ line: i, text: wrap.categoryEnd });
      if (wrap.text) current.parts.push({ line: i, column: wrap.column, text: wrap.text });
      continue;
    }
    current?.parts.push({ line: i, column: 0, text: stripPipes(text) });
  }
  for (const row of rows) {
    const firstParts = row.parts.slice();
    const repaired = repairWraps(reader, row.start, row.parts);
    const name = [repaired.name, ...row.nameEnds].join(' ');
    const goesOn = name === row.start.name ? capitalisedNextLine(row.start, firstParts, name) : undefined;
    // A category's end in a barred wrap line, unless the category was already completed from that line.
    let category = repaired.category;
    for (const end of row.categoryEnds) {
      // Completed from this line already: only what the completion did not take.
      const rest = end.line === repaired.completedOn ? stripLeadingWords(end.text, repaired.completedWith ?? '').trim() : end.text;
      if (rest && !(end.line === repaired.completedOn && rest === end.text)) category = `${category} ${rest}`;
    }
    const fragments = row.parts.filter((p): p is Fragment => p !== 'blank');
    const lastLine = fragments.length ? fragments[fragments.length - 1].line : row.start.lastCellLine;
    out.push({
      id: ids.next(q.number, name),
      question: q.number,
      respondent: name,
      category: canonicalCategory(category),
      response: canonicalResponse(row.start.response),
      text: joinFragments(row.parts),
      range: { start: { line: row.startLine, character: 0 }, end: { line: lastLine, character: lines[lastLine].text.length } },
      ...(row.unsure ? { confidence: 'unsure' as const, unsure: row.unsure } : {}),
    });
    if (goesOn && nameMayGoOn) nameMayGoOn.set(out[out.length - 1], goesOn);
  }
}

/** The end of a name wrapped in its cell: name words and connectors ("of Fenmere", "and"). */
function isNameContinuation(cell: string): boolean {
  const words = cell.split(' ');
  return words.length <= 5 && words.every(w => NAME_CONNECTORS.has(w.toLowerCase()) || COMPANY_SUFFIX_SET.has(w) || /^[A-Z0-9(][^,;:!?]*$/.test(w));
}

/**
 * A wrapped row of a `|` table: the name cell's end, empty category/response cells, and the
 * text's next words ("Electricity Networks | | | see why it was chosen.").
 */
function pipeWrap(text: string, hasResponse: boolean | undefined, bordered: boolean): { nameEnd: string; categoryEnd: string; text: string; column: number } | undefined {
  if (hasResponse === undefined) return undefined;
  const columns = hasResponse ? 4 : 3;
  // A bar at the start is the table's border only when the header has one too; else the
  // name cell is empty and the category's end follows ("| Provider |").
  const lead = (bordered ? /^\s*\|?/ : /^\s*/).exec(text)![0].length;
  const cells = text.slice(lead).split('|');
  if (cells.length < columns - 1 || cells.length > columns) return undefined;
  const nameEnd = cells[0].trim();
  const categoryEnd = cells[1].trim();
  if (!nameEnd && !categoryEnd) return undefined;
  if (cells.slice(2, columns - 1).some(c => c.trim() !== '')) return undefined;
  if (nameEnd && !isPlausibleName(nameEnd, new Set(), false) && !isNameContinuation(nameEnd)) return undefined;
  if (categoryEnd && (!/^[A-Za-z]/.test(categoryEnd) || categoryEnd.split(' ').length > 4)) return undefined;
  const textCell = cells.length === columns ? cells[columns - 1] : '';
  const column = text.length - textCell.length + (/^\s*/.exec(textCell)![0].length);
  return { nameEnd, categoryEnd, text: textCell.trim(), column };
}

/** Words of a text and where each starts, bars skipped. */
/** The first `max` words of a text (all of them by default), with their places. */
function wordsOf(text: string, max = Infinity): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const re = /[^\s|]+/g;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

interface RestPlan {
  /** Words taken from the start of continuation lines: the line's index in the texts, how many. */
  taken: { index: number; words: number }[];
  nameWords: string[];
  categoryWords: string[];
  complete: boolean;
}

/** The words that may still follow a name or a category, the empty rest last, and the most words of any. */
interface Rests {
  rests: readonly (readonly string[])[];
  longest: number;
}

/** The rests after `lower` of the `targets` that continue it, made once per key. */
function restsFrom(cache: Map<string, Rests>, lower: string, targets: () => readonly string[]): Rests {
  let made = cache.get(lower);
  if (!made) {
    const count = lower.split(' ').length;
    const rests: string[][] = targets().map(t => t.split(' ').slice(count));
    rests.push([]);
    cache.set(lower, (made = { rests, longest: Math.max(...rests.map(r => r.length)) }));
  }
  return made;
}

/** A line's first words and the same lower-cased: read once for every plan laid over the line. */
interface FirstWords {
  words: { word: string; start: number; end: number }[];
  lower: string[];
}

/**
 * Lay the rest of a name and of a category (lower-cased words still to come) over the
 * continuation lines of a row: each line starts with the name's next words, then the
 * category's, then the comment text — as a table's cells wrap side by side. From the line
 * `from` on (after a page break the first line's text cell may stand alone before them).
 */
function planRests(lineAt: (index: number) => FirstWords, lineCount: number, nameRest: readonly string[], categoryRest: readonly string[], from = 0): RestPlan {
  const plan: RestPlan = { taken: [], nameWords: [], categoryWords: [], complete: false };
  let n = 0;
  let c = 0;
  for (let index = from; index < lineCount; index++) {
    if (n === nameRest.length && c === categoryRest.length) break;
    // Only the line's first words can carry the rest of a name or a category.
    const { words, lower } = lineAt(index);
    const count = Math.min(words.length, nameRest.length - n + categoryRest.length - c);
    let k = 0;
    while (n < nameRest.length && k < count && lower[k] === nameRest[n]) {
      plan.nameWords.push(words[k++].word);
      n++;
    }
    while (c < categoryRest.length && k < count && lower[k] === categoryRest[c]) {
      plan.categoryWords.push(words[k++].word);
      c++;
    }
    if (k === 0) break;
    plan.taken.push({ index, words: k });
  }
  plan.complete = n === nameRest.length && c === categoryRest.length;
  return plan;
}

/**
 * The best way to complete a row's name and category from the names read elsewhere in the
 * document and the categories it uses, over the row's first continuation lines; undefined
 * when no known name or category continues here.
 */
function completeFromDocument(reader: Reader, name: string, category: string, texts: string[]): RestPlan | undefined {
  const names = reader.restsOfName(name.toLowerCase());
  const categories = reader.restsOfCategory(category.toLowerCase());
  if (names.rests.length === 1 && categories.rests.length === 1) return undefined;
  // Every pairing of a name's rest (or none) with a category's rest (or none) is tried: each
  // line's first words read once, for all of them.
  const most = names.longest + categories.longest;
  const lines: (FirstWords | undefined)[] = [];
  const lineAt = (index: number): FirstWords => {
    let line = lines[index];
    if (!line) {
      const words = wordsOf(texts[index], most);
      lines[index] = line = { words, lower: words.map(w => w.word.toLowerCase()) };
    }
    return line;
  };
  let best: RestPlan | undefined;
  const taken = (p: RestPlan) => p.nameWords.length + p.categoryWords.length;
  for (const nameRest of names.rests) {
    for (const categoryRest of categories.rests) {
      for (let from = 0; from <= 1; from++) {
        const plan = planRests(lineAt, texts.length, nameRest, categoryRest, from);
        if (taken(plan) === 0) continue;
        if (!best || (plan.complete && !best.complete) || (plan.complete === best.complete && taken(plan) > taken(best))) best = plan;
      }
    }
  }
  return best;
}

/**
 * Put back what the extraction wrapped into the rationale: the end of a category
 * ("respondent") and of a name ("Limited", or the rest of a name seen elsewhere in the file).
 */
function repairWraps(reader: Reader, start: RowStart, parts: (Fragment | 'blank')[]): { name: string; category: string; completedOn?: number; completedWith?: string } {
  let { name, category } = start;
  const early: Fragment[] = [];
  for (let k = 0; k < parts.length && early.length < MAX_CELL_LINES; k++) {
    const p = parts[k];
    if (p !== 'blank') early.push(p);
  }
  // First what the rest of the document says: a name seen whole elsewhere, a category it uses.
  const following = early.filter(f => f.line > start.lastCellLine);
  const plan = completeFromDocument(reader, name, category, following.map(f => f.text));
  if (plan?.complete) {
    for (const { index, words } of plan.taken) {
      const f = following[index];
      f.text = f.text.slice(wordsOf(f.text)[words - 1].end).replace(/^[\s|]+/, '');
    }
    return {
      name: [name, ...plan.nameWords].join(' '),
      category: [category, ...plan.categoryWords].join(' '),
    };
  }
  early.splice(3);
  const completion = reader.completion(category, start.lastCellLine, start.lastCellLine + 4);
  if (completion) {
    // The completing word may also have been taken for a header cell ("respondent").
    category = completion.full;
    // Only a fragment that starts where the completing words do (not a text cell further right).
    const from = completion.length - (completion.full.length - start.category.length - 1);
    const f = early.find(p => p.line === completion.line && p.column <= from);
    if (f) f.text = stripLeadingWords(f.text, completion.full.slice(start.category.length + 1));
  }
  for (const f of early) {
    const t = f.text.replace(/^[\s|]+/, '');
    const candidates = reader.knownByStart.get(name.toLowerCase());
    const lower = candidates ? t.toLowerCase() : '';
    const known = candidates?.find(k => lower.startsWith(k.slice(name.length + 1)) && !/\w/.test(t[k.length - name.length - 1] ?? ''));
    if (known) {
      const extra = t.slice(0, known.length - name.length - 1);
      name = `${name} ${extra}`;
      f.text = stripLeadingWords(t, extra);
      break;
    }
    const m = SUFFIX_RE.exec(t);
    if (m && !ENDS_WITH_SUFFIX_RE.test(name) && /^(?:[\s|]+[a-z(]|[\s|]*$)/.test(t.slice(m[1].length))) {
      name = `${name} ${m[1]}`;
      f.text = stripLeadingWords(t, m[1]);
      break;
    }
  }
  // The category's end may follow the name's end on the wrapped line ("Retail Limited respondent …").
  if (!completion) {
    for (const f of early.slice(0, start.partial ? 3 : 2)) {
      const rest = reader.categories.complete(category, f.text);
      if (rest) {
        category = `${category} ${rest}`;
        f.text = stripLeadingWords(f.text, rest);
        break;
      }
    }
  }
  return { name, category, ...(completion ? { completedOn: completion.line, completedWith: completion.full.slice(start.category.length + 1) } : {}) };
}

/** The text without `words` at its start (whole words only: "Network" is not taken from "networks"). */
function stripLeadingWords(text: string, words: string): string {
  const t = text.replace(/^[\s|]+/, '');
  if (!t.toLowerCase().startsWith(words.toLowerCase()) || /[\w-]/.test(t[words.length] ?? '')) return text;
  return t.slice(words.length).replace(/^[\s|]+/, '');
}

function parseOnce(lines: Line[], known: Set<string>, facts: LineFacts, closed = false): ParsedCollation {
  const reader = new Reader(lines, known, facts);
  const ids = new CommentIds();
  const comments: ConsultationComment[] = [];
  const questions: ConsultationQuestion[] = [];
  const problems: Finding[] = [];
  const nameMayGoOn = new Map<ConsultationComment, string>();
  for (const q of findQuestions(lines)) {
    questions.push({ number: q.number, title: q.title, range: lineRange(q.line, 0, lines[q.line].text.length) });
    const before = comments.length;
    // A barred table without a category column is split by its bars (barTables.ts).
    if (!readBarredSection(lines, q.number, q.line + 1, q.end, ids, comments)) readSection(reader, q, ids, comments, closed, nameMayGoOn);
    if (comments.length === before && lines.slice(q.line + 1, q.end).some(l => l.text.trim() && !headerKind(l.text))) {
      problems.push({ code: 'file-error', range: lineRange(q.line, 0, lines[q.line].text.length), message: `No respondent rows could be read under Question ${q.number}: expected rows of respondent, category and comment.` });
    }
  }
  // A name seen in one row only, whose next line opens with a capitalised word: that word may
  // be the name's end (wrapped without a company suffix). Nothing else in the document says, so
  // the row is read as written and marked for checking.
  const rows = new Map<string, number>();
  for (const c of comments) rows.set(c.respondent.toLowerCase(), (rows.get(c.respondent.toLowerCase()) ?? 0) + 1);
  for (const [c, word] of nameMayGoOn) {
    if (rows.get(c.respondent.toLowerCase()) !== 1 || c.confidence) continue;
    c.confidence = 'unsure';
    c.unsure = `the respondent's name may go on in "${word}" at the start of the next line, read as the comment's first word; no other row of the document names this respondent`;
  }
  return { questions, comments, problems };
}

/**
 * The capitalised word opening the line right under a row's first line, when it could end the
 * name: not a sentence's first word, an acronym, a number or a company suffix's successor.
 */
function capitalisedNextLine(start: RowStart, parts: (Fragment | 'blank')[], name: string): string | undefined {
  if (ENDS_WITH_SUFFIX_RE.test(name)) return undefined;
  // The line right under the row's first, with no blank line between.
  const k = parts.findIndex(p => p !== 'blank' && p.line === start.lastCellLine + 1);
  if (k < 0 || parts[k - 1] === 'blank') return undefined;
  return openingName((parts[k] as Fragment).text);
}

function openingName(text: string): string | undefined {
  const first = /^[\s|]*([^\s|]+)/.exec(text)?.[1] ?? '';
  if (!/^[A-Z][a-z]/.test(first) || SENTENCE_STARTERS.has(first.toLowerCase()) || first === 'The' || /[.,;:!?]$/.test(first)) return undefined;
  return first;
}

/** Said (as information) of a file taken for a collation, by name or setting, that holds no response table. */
const NO_TABLE: Finding = {
  code: 'file-error',
  range: lineRange(0, 0, 0),
  message: 'No response table found: this file was taken for a consultation collation, but no "Question N" section or Respondent/Organisation/Company header was found, so no comments were read from it.',
  data: { severityCap: 'information' },
};

/**
 * Read a collation in extracted-text form. Two passes: the names read in the first help to
 * split rows in the second (a name seen whole in one table is recognised when wrapped in another).
 */
export function parseTextCollation(lines: Line[]): ParsedCollation {
  const learned = learnVocabulary(lines, i => !!headerKind(lines[i].text) || QUESTION_RE.test(lines[i].text), KNOWN_CATEGORIES);
  // A "Confidential/Anonymous" column holds the answer to that question where the category stands.
  const confidentiality = lines.some(l => /confidential\s*\/\s*anonymous/i.test(l.text) && headerKind(l.text)) ? CONFIDENTIALITY : [];
  const extra = [...learned.categories, ...confidentiality];
  const categories = extra.length ? new CategoryVocabulary([...KNOWN_CATEGORIES.whole, ...extra]) : KNOWN_CATEGORIES;
  const facts = new LineFacts(lines, categories);
  // Respondents are already known when whole rows of response tables named them.
  const responseTables = lines.some(l => headerKind(l.text) === 'row' && /\bresponse\b.*\b(?:rationale|comments?)\b/i.test(l.text));
  const first = parseOnce(lines, new Set(learned.names), facts, responseTables && learned.names.length >= 2);
  if (first.questions.length === 0) return { ...first, problems: [...first.problems, NO_TABLE] };
  if (first.comments.length === 0) return first;
  const known = new Set([...learned.names, ...first.comments.map(c => c.respondent.toLowerCase())]);
  // The respondents are known when response tables named them (a response read in the first pass).
  const closed = responseTables && (learned.names.length >= 2 || first.comments.some(c => c.response !== ''));
  return parseOnce(lines, known, facts, closed);
}
