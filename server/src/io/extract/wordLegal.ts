// Word legal text (.docx) → the project's Markdown form, the text the core checks:
// - one paragraph a line, a blank line between paragraphs, the automatic numbering's label
//   ("G8.41", "(a)") written before the paragraph's text as if typed;
// - bold runs inside a paragraph become **Term** (how the core reads a bold definition); a
//   paragraph bold throughout (a heading) stays plain;
// - a table becomes a Markdown table (the definitions table under A1.1 keeps its bold terms);
// - tracked changes: `after` is the text with every change accepted (what is checked), `before`
//   the text with every change rejected (deletions kept, insertions dropped).
// Reading only: the document is never written. No file system here (bytes in, text out).
import { openDocxArchive } from './docxArchive';
import { parseXml } from './xml';
import { type Block, type Change, type Paragraph, type Run, type Table, readBody, readStyles } from './wordDocument';
import { NO_NUMBERING, NumberingCounter, type NumberingDefinitions, readNumbering } from './wordNumbering';

export interface DocxLegalText {
  /** The text with the tracked changes accepted: what is checked. */
  after: string;
  /** The text with the tracked changes rejected; undefined when the document has none. */
  before?: string;
  /** How many runs or paragraphs a tracked change inserted and deleted. */
  changes: { insertions: number; deletions: number };
}

type View = 'after' | 'before';

function visible(change: Change, view: View): boolean {
  return view === 'after' ? change !== 'del' : change !== 'ins';
}

/** The text of runs with bold runs marked **so**; a paragraph bold throughout is left plain. */
export function markBold(runs: Run[], plainIfAllBold: boolean): string {
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === r.bold) last.text += r.text;
    else merged.push({ ...r });
  }
  const allBold = merged.every(r => r.bold || !r.text.trim());
  if (plainIfAllBold && allBold) return merged.map(r => r.text).join('');
  return merged.map(r => (r.bold ? boldMarked(r.text) : r.text)).join('');
}

const LABEL = /^(?:[A-Z]{0,2}\d+(?:\.\d+[A-Z]{0,2})*\.?|\([a-z0-9]{1,5}\)|[a-z0-9]{1,4}[.)])$/;
const OUTSIDE_BEFORE = new Set([...' \t\n“”"‘’\'(']);
const OUTSIDE_AFTER = new Set([...' \t\n“”"‘’\').,;:']);

/** "**Term**" with the spaces, quotes and punctuation around the term left outside the markers. */
function boldMarked(text: string): string {
  let start = 0;
  while (start < text.length && OUTSIDE_BEFORE.has(text[start])) start++;
  let end = text.length;
  while (end > start && OUTSIDE_AFTER.has(text[end - 1])) end--;
  const term = text.slice(start, end);
  // A bold clause number or list label is layout, not a definition.
  if (!term || LABEL.test(text.trim())) return text;
  return `${text.slice(0, start)}**${term}**${text.slice(end)}`;
}

function tidy(text: string): string {
  return text.replace(/\t+/g, ' ').replace(/[\r\n\u000b\f]/g, ' ').trim();
}

class Renderer {
  private readonly counter: NumberingCounter;
  private pending: Run[] = [];

  constructor(private readonly view: View, numbering: NumberingDefinitions) {
    this.counter = new NumberingCounter(numbering);
  }

  /** A paragraph's text, or undefined while its mark is gone (it runs on into the next). */
  paragraph(p: Paragraph, inTable: boolean): string | undefined {
    this.pending.push(...p.runs.filter(r => visible(r.change, this.view)));
    if (!visible(p.mark, this.view)) return undefined;
    const runs = this.pending;
    this.pending = [];
    const label = p.numbering ? this.counter.next(p.numbering.numId, p.numbering.ilvl) : '';
    const text = tidy(markBold(runs, !inTable || p.heading));
    return text ? tidy(label + text) : '';
  }

  /** A cell's paragraphs on one line, '|' escaped (a deleted last mark cannot run on past the cell). */
  private cell(paragraphs: Paragraph[]): string {
    const texts = paragraphs.map(p => this.paragraph(p, true) ?? '');
    texts.push(tidy(markBold(this.pending, false)));
    this.pending = [];
    return texts.filter(Boolean).join(' ').replace(/\|/g, '\\|');
  }

  table(t: Table): string[] {
    const rows = t.rows.filter(r => visible(r.change, this.view)).map(r => ({
      header: r.header,
      cells: r.cells.map(cell => this.cell(cell)),
    }));
    if (rows.length === 0) return [];
    const width = Math.max(...rows.map(r => r.cells.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    const first = rows[0];
    // A Markdown table needs a header: Word's own header row, or a first row of short bold
    // cells; otherwise an empty one, so the first definition stays a row of the table.
    const hasHeader = first.header || (t.rows[0].cells.every(c => c.length > 0 && c.every(p => p.runs.every(r => r.bold || !r.text.trim()))) && first.cells.every(c => c.split(/\s+/).length <= 6 && !/\bmeans\b/.test(c)));
    const head = hasHeader ? first.cells.map(c => c.replace(/\*\*/g, '')) : [];
    const body = hasHeader ? rows.slice(1) : rows;
    return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(r => line(r.cells))];
  }

  render(blocks: Block[]): string {
    const out: string[] = [];
    for (const b of blocks) {
      if (b.kind === 'paragraph') {
        const text = this.paragraph(b, false);
        if (text) out.push(text);
      } else {
        const lines = this.table(b);
        if (lines.length) out.push(lines.join('\n'));
      }
    }
    // Text whose paragraph mark was the last thing deleted still belongs to the document.
    const rest = tidy(markBold(this.pending, true));
    if (rest) out.push(rest);
    return out.length ? out.join('\n\n') + '\n' : '';
  }
}

function countChanges(blocks: Block[]): { insertions: number; deletions: number } {
  const counts = { insertions: 0, deletions: 0 };
  const add = (c: Change) => {
    if (c === 'ins') counts.insertions++;
    else if (c === 'del') counts.deletions++;
  };
  const paragraph = (p: Paragraph) => {
    add(p.mark);
    p.runs.forEach(r => add(r.change));
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') paragraph(b);
    else b.rows.forEach(r => r.cells.forEach(c => c.forEach(paragraph)));
  }
  return counts;
}

/** The XML parts a legal text is read from (styles and numbering may be absent). */
export interface WordParts {
  document: string;
  styles?: string;
  numbering?: string;
}

/** The legal text of a document's XML parts: pure (text in, text out), never throws on odd XML. */
export function legalTextOfParts(parts: WordParts): DocxLegalText {
  const styles = readStyles(parts.styles === undefined ? undefined : parseXml(parts.styles));
  const numbering = parts.numbering === undefined ? NO_NUMBERING : readNumbering(parseXml(parts.numbering));
  const blocks = readBody(parseXml(parts.document), styles);
  const changes = countChanges(blocks);
  const after = new Renderer('after', numbering).render(blocks);
  if (changes.insertions + changes.deletions === 0) return { after, changes };
  return { after, before: new Renderer('before', numbering).render(blocks), changes };
}

/**
 * The legal text of a .docx: the text after its tracked changes (what is checked) and, when it
 * has any, the text before them. Throws an Error with a reason a drafter understands when the
 * bytes are not a readable Word document.
 */
export async function readDocxLegalText(bytes: Uint8Array): Promise<DocxLegalText> {
  const zip = await openDocxArchive(bytes);
  const part = async (name: string) => zip.file(name)?.async('string');
  try {
    return legalTextOfParts({ document: (await part('word/document.xml')) ?? '', styles: await part('word/styles.xml'), numbering: await part('word/numbering.xml') });
  } catch (e) {
    throw new Error(`the document cannot be read (${(e as Error).message})`);
  }
}

const CLAUSE_LINE = /^(?:\*\*)?[A-Z]{1,2}\d+(?:\.\d+[A-Z]{0,2})+\.?\s/;
const SECTION_HEADING = /^(?:\*\*)?(?:SECTION|Section)\s+[A-Z]{1,2}\b\s*(?:[:.\-–—]|$)/;
const PART_HEADING = /^(?:\*\*)?(?:PART|Part)\s+[A-Z0-9]{1,3}\b\s*(?:[:.\-–—]|$)/;

/** Does this text read as SEC legal text: numbered clauses, or a Section or Part heading and a clause? */
export function looksLikeLegalText(text: string): boolean {
  let clauses = 0;
  let headings = 0;
  for (const line of text.split('\n')) {
    if (CLAUSE_LINE.test(line)) clauses++;
    else if (SECTION_HEADING.test(line) || PART_HEADING.test(line)) headings++;
    if (clauses >= 2 || (clauses >= 1 && headings >= 1)) return true;
  }
  return false;
}
