// PDF collations through pdf.js (pdfjs-dist 4.10 legacy build, which runs on Node 20): the
// table is rebuilt from where each piece of text stands on the page. Each header row
// ("Respondent  Category  Response  Rationale") fixes the columns' left edges; every text
// item below it belongs to the column it starts in; a row begins where the respondent and
// category cells both have text, and wrapped names, categories and page breaks simply
// continue the cells they belong to.
import { type ExtractedCollation, type ExtractedComment, type Column, MAX_ORIGINAL_BYTES, MAX_PAGES, QUESTION_RE, columnOf } from './table';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface TextLine {
  y: number;
  items: Item[];
  page: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoaded: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use with its worker in-process; its load-time warnings are muted. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    const saved = { log: console.log, warn: console.warn };
    console.log = () => undefined;
    console.warn = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = saved.log;
      console.warn = saved.warn;
    }
  })();
  return pdfjsLoaded;
}

/** Group a page's text items into lines, top to bottom, each left to right. */
function linesOf(items: Item[], page: number): TextLine[] {
  const sorted = items.filter(i => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const tolerance = Math.max(2, item.height * 0.4);
    if (last && Math.abs(last.y - item.y) <= tolerance) last.items.push(item);
    else lines.push({ y: item.y, items: [item], page });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

function lineText(line: TextLine): string {
  let out = '';
  let end = -Infinity;
  for (const i of line.items) {
    if (out && i.x - end > 1) out += ' ';
    out += i.str;
    end = i.x + i.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

interface Columns {
  starts: { column: Column; x: number }[];
}

/** A header row: the left edge of each named column. */
function headerColumns(line: TextLine): Columns | undefined {
  const starts: { column: Column; x: number }[] = [];
  for (const i of line.items) {
    for (const word of i.str.split(/\s+/)) {
      const c = columnOf(word);
      if (c && !starts.some(s => s.column === c)) starts.push({ column: c, x: i.x });
    }
  }
  if (!starts.some(s => s.column === 'respondent') || starts.length < 2) return undefined;
  if (starts.some(s => s.column === 'text') === false) return undefined;
  return { starts: starts.sort((a, b) => a.x - b.x) };
}

function columnAt(columns: Columns, x: number): Column {
  let found = columns.starts[0].column;
  for (const s of columns.starts) if (x >= s.x - 3) found = s.column;
  return found;
}

interface Cells {
  respondent: string[];
  category: string[];
  response: string[];
  text: { str: string; y: number; page: number; height: number }[];
}

function cellsOf(line: TextLine, columns: Columns): Record<Column, string> {
  const cells: Record<Column, string> = { respondent: '', category: '', response: '', text: '' };
  for (const i of line.items) {
    const c = columnAt(columns, i.x);
    cells[c] = cells[c] ? `${cells[c]} ${i.str}` : i.str;
  }
  for (const k of Object.keys(cells) as Column[]) cells[k] = cells[k].replace(/\s+/g, ' ').trim();
  return cells;
}

/** A cell's lines as paragraphs: a gap taller than one and a half lines breaks a paragraph. */
function cellText(lines: Cells['text']): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const cur = lines[k];
    const prev = lines[k - 1];
    if (!prev) out = cur.str;
    else if (prev.page === cur.page && prev.y - cur.y > Math.max(prev.height, cur.height) * 1.9) out += '\n\n' + cur.str;
    else if (/[A-Za-z]-$/.test(out) && /^[a-z]/.test(cur.str)) out += cur.str;
    else out += ' ' + cur.str;
  }
  return out.trim();
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedCollation> {
  if (bytes.length > MAX_ORIGINAL_BYTES) throw new Error(`the PDF is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_ORIGINAL_BYTES / 1048576} MB limit`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new Error('not a PDF file (no %PDF- header)');
  const pdfjs = await loadPdfJs();
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0, stopAtErrors: false }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new Error('the PDF is encrypted with a password; save an unprotected copy');
    throw new Error(`the PDF cannot be read (${(e as Error).message})`);
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new Error(`the PDF has ${pdf.numPages} pages, over the ${MAX_PAGES}-page limit`);
    const lines: TextLine[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        items.push({ str: raw.str, x: raw.transform[4], y: raw.transform[5], width: raw.width, height: raw.height || Math.abs(raw.transform[3]) || 10 });
      }
      lines.push(...linesOf(items, p));
      page.cleanup();
    }
    return rebuild(lines);
  } finally {
    await pdf.destroy();
  }
}

function rebuild(lines: TextLine[]): ExtractedCollation {
  const result: ExtractedCollation = { format: 'pdf', questions: [], comments: [] };
  let question = '1';
  let columns: Columns | undefined;
  let row: { cells: Cells; page: number } | undefined;
  const rows: { question: string; cells: Cells; page: number }[] = [];
  for (const line of lines) {
    const text = lineText(line);
    const q = QUESTION_RE.exec(text);
    if (q && line.items[0].x < (columns?.starts[1]?.x ?? Infinity)) {
      question = q[1];
      result.questions.push({ number: q[1], title: q[2].trim() });
      columns = undefined;
      row = undefined;
      continue;
    }
    const header = headerColumns(line);
    if (header) {
      columns = header; // repeated at each page break: the row in progress continues
      continue;
    }
    if (!columns) continue;
    const cells = cellsOf(line, columns);
    const startsRow = cells.respondent !== '' && (cells.category !== '' || !columns.starts.some(s => s.column === 'category'));
    if (startsRow || !row) {
      row = { cells: { respondent: [], category: [], response: [], text: [] }, page: line.page };
      rows.push({ question, ...row });
    }
    if (cells.respondent) row.cells.respondent.push(cells.respondent);
    if (cells.category) row.cells.category.push(cells.category);
    if (cells.response) row.cells.response.push(cells.response);
    if (cells.text) {
      const height = Math.max(...line.items.map(i => i.height));
      row.cells.text.push({ str: cells.text, y: line.y, page: line.page, height });
    }
  }
  if (result.questions.length === 0 && rows.length) result.questions.push({ number: '1', title: '' });
  result.comments = rows.map((r): ExtractedComment => ({
    question: r.question,
    respondent: r.cells.respondent.join(' '),
    category: r.cells.category.join(' '),
    response: r.cells.response.join(' '),
    text: cellText(r.cells.text),
    page: r.page,
  })).filter(c => c.respondent);
  return result;
}
