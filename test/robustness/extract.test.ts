import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import JSZip from 'jszip';
import { extractCollation, readOriginal } from '../../server/src/io/extract';
import { createSecLanguageService } from '../../server/src/service';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import { makeTempDir } from '../helpers/tempDir';

interface Row { respondent: string; category: string; response?: string; text: string }
interface Question { number: string; title: string; header: string[]; rows: Row[] }

const LONG = 'We do not agree with a threshold counted in premises rather than meters, because business premises are not always clearly defined and one premises may house several businesses each with its own supply. A threshold based on meters or metering points would be a more accurate measure of the risk.';
const QUESTIONS: Question[] = [
  {
    number: '1', title: 'Do you believe that the modification should be approved?', header: ['Respondent', 'Category', 'Response', 'Rationale'],
    rows: [
      { respondent: 'EDF Energy', category: 'Large Supplier', response: 'Approve', text: 'We agree that it better facilitates the objectives.' },
      { respondent: 'Haven Power Limited', category: 'Small Supplier', response: 'Reject', text: LONG },
      { respondent: 'Smart DCC', category: 'Other respondent', response: 'Neutral', text: '' },
      { respondent: 'Western Power Distribution plc', category: 'Network Party', response: 'Abstain', text: 'No view on this.\n\nWe will comment at implementation.' },
    ],
  },
  {
    number: '2', title: 'Please provide any further comments you may have.', header: ['Respondent', 'Category', 'Comments'],
    rows: [
      { respondent: 'E.ON', category: 'Large Supplier', text: 'We note that G8.41 seems to multiply the number of Non-Domestic Premises by five.' },
      { respondent: 'SSE', category: 'Large Supplier', text: 'What would be expected of a non-domestic supplier who could also be an Other User?' },
    ],
  },
];

async function makeDocx(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph('Collated responses')];
  for (const q of QUESTIONS) {
    children.push(new Paragraph(`Question ${q.number}: ${q.title}`));
    const cell = (t: string) => new TableCell({ children: t.split('\n\n').map(p => new Paragraph({ children: [new TextRun(p)] })) });
    const rows = [new TableRow({ children: q.header.map(cell), tableHeader: true })];
    for (const r of q.rows) rows.push(new TableRow({ children: [r.respondent, r.category, ...(r.response !== undefined ? [r.response] : []), r.text].map(cell) }));
    children.push(new Table({ rows }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Words of `text` in lines no wider than `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n\n')) {
    let line = '';
    for (const w of para.split(' ')) {
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        out.push(line);
        line = w;
      } else line = next;
    }
    out.push(line, '');
  }
  out.pop();
  return out;
}

/** A table laid out as a published collation: wrapped cells, header repeated after a page break. */
async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 9;
  const lead = 12;
  let page: PDFPage = doc.addPage([595, 300]);
  let y = 270;
  let header: { x: number[]; names: string[] } | undefined;
  const drawHeader = () => header!.names.forEach((n, i) => page.drawText(n, { x: header!.x[i], y, size, font }));
  const newLine = () => {
    y -= lead;
    if (y < 40) {
      page = doc.addPage([595, 300]);
      y = 270;
      drawHeader();
      y -= lead * 1.5;
    }
  };
  for (const q of QUESTIONS) {
    page.drawText(`Question ${q.number}: ${q.title}`, { x: 40, y, size: 11, font });
    y -= lead * 2;
    const x = q.header.length === 4 ? [40, 150, 250, 310] : [40, 150, 250];
    const widths = q.header.length === 4 ? [100, 90, 50, 245] : [100, 90, 305];
    header = { x, names: q.header };
    drawHeader();
    y -= lead * 1.5;
    for (const r of q.rows) {
      const cells = [r.respondent, r.category, ...(r.response !== undefined ? [r.response] : []), r.text].map((t, i) => wrap(t, font, size, widths[i] - 6));
      const height = Math.max(...cells.map(c => c.length));
      for (let k = 0; k < height; k++) {
        cells.forEach((c, i) => { if (c[k]) page.drawText(c[k], { x: x[i], y, size, font }); });
        newLine();
      }
      y -= lead * 0.8;
    }
    y -= lead;
  }
  return doc.save();
}

function commentsOf(name: string, json: string) {
  const service = createSecLanguageService();
  service.setDocument({ uri: `file:///ws/${name}`, version: 1, text: json });
  const model = workspaceIndexOf(service).model(`file:///ws/${name}`) as ConsultationModel;
  assert.equal(model.kind, 'consultation');
  assert.deepEqual(model.problems, []);
  return { model, comments: model.comments.map(({ id, question, respondent, category, response, text }) => ({ id, question, respondent, category, response, text })) };
}

const expected = QUESTIONS.flatMap(q => q.rows.map(r => ({ question: q.number, respondent: r.respondent, category: r.category, response: r.response ?? '', text: r.text })));

test('a generated .docx and .pdf of the same table read the same, and as written', async () => {
  const docx = commentsOf('responses.docx', await extractCollation('responses.docx', await makeDocx()));
  const pdfBytes = await makePdf();
  const pdf = commentsOf('responses.pdf', await extractCollation('responses.pdf', pdfBytes));
  assert.equal(docx.model.format, 'docx');
  assert.equal(pdf.model.format, 'pdf');
  assert.deepEqual(docx.comments.map(({ id: _id, ...c }) => c), expected);
  assert.deepEqual(pdf.comments, docx.comments);
  assert.deepEqual(docx.model.questions.map(q => q.title), QUESTIONS.map(q => q.title));
  assert.ok((await PDFDocument.load(pdfBytes)).getPageCount() >= 2, 'the PDF table crosses a page break');
});

async function problemOf(name: string, bytes: Uint8Array): Promise<string> {
  const dir = makeTempDir('sec-extract-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const r = await readOriginal(file);
  assert.ok(r && 'reason' in r, `${name} should not read`);
  assert.equal(r.path, file);
  return (r as { reason: string }).reason;
}

test('broken originals give a clear problem naming the file, never a throw', async () => {
  assert.match(await problemOf('not-a-zip.docx', new TextEncoder().encode('hello, I am text')), /not a Word document/);
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assert.match(await problemOf('encrypted.docx', ole), /encrypted/);
  const truncated = (await makeDocx()).subarray(0, 300);
  assert.match(await problemOf('truncated.docx', truncated), /damaged|not a Word document|cannot be read/);
  const otherZip = new JSZip();
  otherZip.file('readme.txt', 'not word');
  assert.match(await problemOf('other.docx', await otherZip.generateAsync({ type: 'uint8array' })), /no word\/document\.xml/);
  // A zip bomb: a small archive declaring far more than the limit once unpacked.
  const bomb = new JSZip();
  bomb.file('word/document.xml', '<w:document/>');
  bomb.file('word/media/zeros.bin', new Uint8Array(210 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 1 } });
  const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  assert.ok(bombBytes.length < 2 * 1024 * 1024);
  assert.match(await problemOf('bomb.docx', bombBytes), /zip bomb/);
  assert.match(await problemOf('not.pdf', new TextEncoder().encode('plain text, no header')), /not a PDF/);
  const pdf = await makePdf();
  assert.match(await problemOf('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 3))), /PDF/);
  assert.match(await problemOf('missing.pdf', new Uint8Array(0)), /not a PDF/);
});
