// Word (.docx) collations through mammoth's document model: the paragraphs "Question N: …"
// name the question of the tables after them, and each table's first row names its columns
// (Respondent, Category, Response, Rationale/Comments). Header rows repeated inside a table
// are skipped; a cell's paragraphs become the comment's paragraphs.
// Before mammoth unpacks anything, the archive's declared sizes are checked (zip bombs), and
// an encrypted document (an OLE container, not a zip) is named as such.
import * as mammoth from 'mammoth';
import { type Column, type ExtractedCollation, QUESTION_RE, columnOf } from './table';
import { openDocxArchive } from './docxArchive';

interface DocElement {
  type: string;
  value?: string;
  children?: DocElement[];
}

function textOf(el: DocElement): string {
  if (el.type === 'text') return el.value ?? '';
  if (el.type === 'tab') return ' ';
  if (el.type === 'break') return '\n';
  const sep = el.type === 'tableCell' ? '\n\n' : '';
  return (el.children ?? []).map(textOf).join(sep);
}

function cellsOf(row: DocElement): string[] {
  return (row.children ?? []).filter(c => c.type === 'tableCell').map(c =>
    (c.children ?? []).map(p => textOf(p).replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n\n'));
}

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedCollation> {
  await openDocxArchive(bytes);
  let root: DocElement | undefined;
  try {
    await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
      transformDocument: (doc: DocElement) => {
        root = doc;
        return doc;
      },
    });
  } catch (e) {
    throw new Error(`the document cannot be read (${(e as Error).message})`);
  }
  const result: ExtractedCollation = { format: 'docx', questions: [], comments: [] };
  let question = '1';
  let rowNumber = 0;
  const visit = (el: DocElement) => {
    if (el.type === 'paragraph') {
      const m = QUESTION_RE.exec(textOf(el).replace(/\s+/g, ' ').trim());
      if (m) {
        question = m[1];
        result.questions.push({ number: m[1], title: m[2].trim() });
      }
      return;
    }
    if (el.type === 'table') {
      readTable(el);
      return;
    }
    for (const c of el.children ?? []) visit(c);
  };
  const readTable = (table: DocElement) => {
    const rows = (table.children ?? []).filter(r => r.type === 'tableRow').map(cellsOf);
    const header = rows[0]?.map(columnOf) ?? [];
    if (!header.includes('respondent')) return;
    for (const cells of rows.slice(1)) {
      rowNumber++;
      if (cells.map(columnOf).join() === header.join()) continue; // a repeated header row
      const get = (col: Column) => {
        const i = header.indexOf(col);
        return i >= 0 ? (cells[i] ?? '') : '';
      };
      const respondent = get('respondent').replace(/\s+/g, ' ').trim();
      if (!respondent) continue;
      result.comments.push({ question, respondent, category: get('category').replace(/\s+/g, ' ').trim(), response: get('response').trim(), text: get('text'), page: rowNumber });
    }
  };
  if (root) visit(root);
  if (result.questions.length === 0 && result.comments.length) result.questions.push({ number: '1', title: '' });
  return result;
}
