// A one-page collation PDF for tests: a question title, the Respondent | Category | Comments
// header, then text placed at the given positions (x, y in points), as a published table is.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export type PlacedText = [text: string, x: number, y: number];

export async function collationPdf(cells: PlacedText[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 300]);
  const put = ([text, x, y]: PlacedText) => page.drawText(text, { x, y, size: 9, font });
  put(['Question 1: Any further comments?', 40, 270]);
  ['Respondent', 'Category', 'Comments'].forEach((h, i) => put([h, [40, 150, 250][i], 245]));
  cells.forEach(put);
  return doc.save();
}
