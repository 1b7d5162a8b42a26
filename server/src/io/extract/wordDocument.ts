// The body of a .docx read straight from its XML (mammoth drops deleted text, and the text
// before the changes needs it): paragraphs of runs that know whether they are bold and whether
// a tracked change inserted or deleted them, and tables of such paragraphs. wordLegal.ts turns
// this into text; nothing here decides what the text means.
import { type XmlElement, child, childVal, elements, isOn } from './xml';

export type Change = 'ins' | 'del' | undefined;

export interface Run {
  text: string;
  bold: boolean;
  change: Change;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  /** Automatic numbering (numbering.xml), from the paragraph or its style. */
  numbering?: { numId: string; ilvl: number };
  /** A tracked change of the paragraph mark: inserted, or deleted (joining it to the next). */
  mark: Change;
  /** A heading or title style: its bold is the style's, not a definition's. */
  heading: boolean;
}

export interface TableRow {
  cells: Paragraph[][];
  /** Marked in Word as a header row repeated on each page. */
  header: boolean;
  change: Change;
}

export interface Table {
  kind: 'table';
  rows: TableRow[];
}

export type Block = Paragraph | Table;

interface StyleInfo {
  bold?: boolean;
  numbering?: { numId: string; ilvl: number };
  heading: boolean;
  /** A table-of-contents entry ("toc 1"): clause numbers and page numbers that are not clauses. */
  toc: boolean;
  basedOn?: string;
}

export interface Styles {
  byId: Map<string, StyleInfo>;
}

export function readStyles(root: XmlElement | undefined): Styles {
  const byId = new Map<string, StyleInfo>();
  for (const s of elements(root, 'w:style')) {
    const id = s.attrs['w:styleId'] ?? '';
    const rPr = child(s, 'w:rPr');
    const b = child(rPr, 'w:b');
    const numPr = child(child(s, 'w:pPr'), 'w:numPr');
    const name = childVal(s, 'w:name') ?? id;
    byId.set(id, {
      ...(b ? { bold: isOn(b) } : {}),
      ...(numPr && childVal(numPr, 'w:numId') ? { numbering: { numId: childVal(numPr, 'w:numId')!, ilvl: Number(childVal(numPr, 'w:ilvl') ?? '0') || 0 } } : {}),
      heading: /^(heading|title)/i.test(name),
      toc: /^(toc ?\d|table of contents|contents ?\d)/i.test(name),
      ...(childVal(s, 'w:basedOn') ? { basedOn: childVal(s, 'w:basedOn') } : {}),
    });
  }
  return { byId };
}

/** A style's property, following basedOn (a few steps at most: a cycle cannot loop). */
function styleProp<K extends keyof StyleInfo>(styles: Styles, id: string | undefined, key: K): StyleInfo[K] | undefined {
  for (let i = 0; id !== undefined && i < 10; i++) {
    const s = styles.byId.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined && (key !== 'heading' || s.heading)) return s[key];
    id = s.basedOn;
  }
  return undefined;
}

const CHANGE_OF: Record<string, Change> = { 'w:ins': 'ins', 'w:moveTo': 'ins', 'w:del': 'del', 'w:moveFrom': 'del' };
/** Elements whose children are read as if they were in place of them. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:sdtContent', 'w:sdt', 'w:dir', 'w:bdo']);

/** A table of contents (a content control Word made for one, or a paragraph in a TOC style): not the text. */
function isTableOfContents(el: XmlElement, styles: Styles): boolean {
  if (el.name === 'w:sdt') return childVal(child(child(el, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery') === 'Table of Contents';
  return el.name === 'w:p' && styles.byId.get(childVal(child(el, 'w:pPr'), 'w:pStyle') ?? '')?.toc === true;
}

/** The blocks of word/document.xml's body, in order (a table of contents left out). */
export function readBody(document: XmlElement, styles: Styles): Block[] {
  const body = child(document, 'w:body') ?? document;
  const blocks: Block[] = [];
  const visit = (el: XmlElement, change: Change) => {
    for (const c of elements(el)) {
      if (isTableOfContents(c, styles)) continue;
      if (c.name === 'w:p') blocks.push(readParagraph(c, styles, change));
      else if (c.name === 'w:tbl') blocks.push(readTable(c, styles, change));
      else if (CHANGE_OF[c.name] !== undefined) visit(c, CHANGE_OF[c.name]);
      else if (TRANSPARENT.has(c.name)) visit(c, change);
    }
  };
  visit(body, undefined);
  return blocks;
}

function readTable(tbl: XmlElement, styles: Styles, change: Change): Table {
  const rows: TableRow[] = [];
  const rowsOf = (el: XmlElement): XmlElement[] => elements(el).flatMap(c => c.name === 'w:tr' ? [c] : TRANSPARENT.has(c.name) ? rowsOf(c) : []);
  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'w:trPr');
    const rowChange = child(trPr, 'w:ins') ? 'ins' : child(trPr, 'w:del') ? 'del' : change;
    const cellsOf = (el: XmlElement): XmlElement[] => elements(el).flatMap(c => c.name === 'w:tc' ? [c] : TRANSPARENT.has(c.name) ? cellsOf(c) : []);
    const cells = cellsOf(tr).map(tc => {
      const paragraphs: Paragraph[] = [];
      const visit = (el: XmlElement, ch: Change) => {
        for (const c of elements(el)) {
          if (c.name === 'w:p') paragraphs.push(readParagraph(c, styles, ch));
          else if (c.name === 'w:tbl') for (const row of readTable(c, styles, ch).rows) for (const cell of row.cells) paragraphs.push(...cell);
          else if (CHANGE_OF[c.name] !== undefined) visit(c, CHANGE_OF[c.name]);
          else if (TRANSPARENT.has(c.name)) visit(c, ch);
        }
      };
      visit(tc, rowChange);
      return paragraphs;
    });
    rows.push({ cells, header: isOn(child(trPr, 'w:tblHeader')), change: rowChange });
  }
  return { kind: 'table', rows };
}

function readParagraph(p: XmlElement, styles: Styles, change: Change): Paragraph {
  const pPr = child(p, 'w:pPr');
  const styleId = childVal(pPr, 'w:pStyle');
  const markProps = child(pPr, 'w:rPr');
  const mark: Change = child(markProps, 'w:ins') ? 'ins' : child(markProps, 'w:del') ? 'del' : change;
  const numPr = child(pPr, 'w:numPr');
  const direct = numPr && childVal(numPr, 'w:numId') !== undefined ? { numId: childVal(numPr, 'w:numId')!, ilvl: Number(childVal(numPr, 'w:ilvl') ?? '0') || 0 } : undefined;
  const styled = styleProp(styles, styleId, 'numbering');
  const numbering = direct ?? (styled ? { ...styled, ilvl: numPr && childVal(numPr, 'w:ilvl') !== undefined ? Number(childVal(numPr, 'w:ilvl')) || 0 : styled.ilvl } : undefined);
  const paragraphBold = styleProp(styles, styleId, 'bold') ?? false;
  const runs: Run[] = [];
  const visit = (el: XmlElement, ch: Change) => {
    for (const c of elements(el)) {
      if (c.name === 'w:r') readRun(c, styles, paragraphBold, ch, runs);
      else if (CHANGE_OF[c.name] !== undefined) visit(c, CHANGE_OF[c.name]);
      else if (TRANSPARENT.has(c.name)) visit(c, ch);
    }
  };
  visit(p, change);
  return { kind: 'paragraph', runs, ...(numbering && numbering.numId !== '0' ? { numbering } : {}), mark, heading: styleProp(styles, styleId, 'heading') === true };
}

function readRun(r: XmlElement, styles: Styles, paragraphBold: boolean, change: Change, out: Run[]): void {
  const rPr = child(r, 'w:rPr');
  if (isOn(child(rPr, 'w:vanish')) || isOn(child(rPr, 'w:webHidden'))) return; // hidden text is not part of what the document says
  const b = child(rPr, 'w:b');
  const bold = b ? isOn(b) : (styleProp(styles, childVal(rPr, 'w:rStyle'), 'bold') ?? paragraphBold);
  let text = '';
  for (const c of elements(r)) {
    if (c.name === 'w:t' || c.name === 'w:delText') text += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab' || c.name === 'w:ptab') text += '\t';
    else if (c.name === 'w:br' || c.name === 'w:cr') text += ' ';
    else if (c.name === 'w:noBreakHyphen') text += '-';
  }
  if (text) out.push({ text, bold, change });
}
