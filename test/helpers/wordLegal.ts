// A Word legal text generated for the tests (never a committed binary): Section A with its
// definitions table (bold terms) and Section G8 with automatic clause numbering, bold inline
// definitions and tracked changes. `WORD_LEGAL_AFTER` is the same text in the project's
// Markdown form, written by hand: the .docx must read exactly as it (and give the same findings).
import { AlignmentType, DeletedTextRun, Document, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';

const REVISION = { author: 'Drafter', date: '2026-12-01T10:00:00Z' };
let revisionId = 1;
const ins = (text: string, bold = false) => new InsertedTextRun({ text, bold, id: revisionId++, ...REVISION });
const del = (text: string) => new DeletedTextRun({ text, id: revisionId++, ...REVISION });
const plain = (text: string) => new TextRun(text);
const bold = (text: string) => new TextRun({ text, bold: true });
const heading = (text: string) => new Paragraph({ children: [bold(text)] });
const clause = (...children: (TextRun | InsertedTextRun | DeletedTextRun)[]) => new Paragraph({ children, numbering: { reference: 'g8', level: 0 } });
const item = (...children: (TextRun | InsertedTextRun | DeletedTextRun)[]) => new Paragraph({ children, numbering: { reference: 'g8', level: 1 } });

function definitionRow(term: string, meaning: string): TableRow {
  return new TableRow({
    children: [
      new TableCell({ children: [new Paragraph({ children: [bold(term)] })] }),
      new TableCell({ children: [new Paragraph({ children: [plain(meaning)] })] }),
    ],
  });
}

export async function makeWordLegalText(): Promise<Uint8Array> {
  revisionId = 1;
  const doc = new Document({
    numbering: {
      config: [{
        reference: 'g8',
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: 'G8.%1', start: 37, alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', start: 1, alignment: AlignmentType.LEFT },
        ],
      }],
    },
    sections: [{
      children: [
        heading('SECTION A: DEFINITIONS AND INTERPRETATION'),
        heading('A1 DEFINITIONS'),
        new Paragraph({ children: [plain('A1.1\tIn this Code, except where the context otherwise requires, the expressions in the left hand column below shall have the meanings given to them in the right hand column below:')] }),
        new Table({
          rows: [
            definitionRow('Affiliate', 'means, in relation to any company, a subsidiary or holding company of that company.'),
            definitionRow('Assessment Year', 'has the meaning given to that expression in Section G8.38 (Assessment Years).'),
            definitionRow('Code', 'means this Smart Energy Code.'),
            definitionRow('Domestic Premises', 'means premises at which a supply of electricity is taken wholly or mainly for domestic purposes.'),
            definitionRow('Party', 'means a person which has acceded to this Code.'),
            definitionRow('Supplier Party', 'means a Party which holds an electricity supply licence or a gas supply licence.'),
            definitionRow('User', 'means a Party which uses the services of the DCC.'),
          ],
        }),
        heading('SECTION G: SECURITY'),
        heading('G8 USER SECURITY ASSURANCE'),
        heading('Categories of Assessment'),
        clause(plain('Each User shall be subject to one of the following:')),
        item(plain('a full assessment (a '), bold('Full User Security Assessment'), plain(');')),
        item(plain('a self-assessment (a '), bold('User Security Self-Assessment'), plain(').')),
        heading('Assessment Years'),
        clause(plain('Each period of twelve months beginning on the date on which a User first becomes a Party shall be an '), bold('Assessment Year'), plain(' of that User.')),
        heading('Supplier Parties'),
        clause(
          plain('A Supplier Party which supplies more than '), del('250,000'), ins('300,000'),
          plain(' Domestic Premises shall be subject to a Full User Security Assessment in each Assessment Year'),
          del(', as set out in Section G8.40A'), plain('.'),
        ),
        clause(
          plain('Each Supplier Party shall pay the annual fee (the '), bold('Assessment Fee'), plain(') to the Code Administrator'),
          ins(' in accordance with Section G8.39A'), plain('.'),
        ),
        clause(plain('Any other Supplier Party shall be subject to a User Security Self-Assessment in each Assessment Year.')),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The same legal text as `makeWordLegalText` reads, after its tracked changes. */
export const WORD_LEGAL_AFTER = `SECTION A: DEFINITIONS AND INTERPRETATION

A1 DEFINITIONS

A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand column below shall have the meanings given to them in the right hand column below:

|  |  |
| --- | --- |
| **Affiliate** | means, in relation to any company, a subsidiary or holding company of that company. |
| **Assessment Year** | has the meaning given to that expression in Section G8.38 (Assessment Years). |
| **Code** | means this Smart Energy Code. |
| **Domestic Premises** | means premises at which a supply of electricity is taken wholly or mainly for domestic purposes. |
| **Party** | means a person which has acceded to this Code. |
| **Supplier Party** | means a Party which holds an electricity supply licence or a gas supply licence. |
| **User** | means a Party which uses the services of the DCC. |

SECTION G: SECURITY

G8 USER SECURITY ASSURANCE

Categories of Assessment

G8.37 Each User shall be subject to one of the following:

(a) a full assessment (a **Full User Security Assessment**);

(b) a self-assessment (a **User Security Self-Assessment**).

Assessment Years

G8.38 Each period of twelve months beginning on the date on which a User first becomes a Party shall be an **Assessment Year** of that User.

Supplier Parties

G8.39 A Supplier Party which supplies more than 300,000 Domestic Premises shall be subject to a Full User Security Assessment in each Assessment Year.

G8.40 Each Supplier Party shall pay the annual fee (the **Assessment Fee**) to the Code Administrator in accordance with Section G8.39A.

G8.41 Any other Supplier Party shall be subject to a User Security Self-Assessment in each Assessment Year.
`;

/** What the G8.39 and G8.40 said before the tracked changes (deletions kept, insertions dropped). */
export const WORD_LEGAL_BEFORE_LINES = [
  'G8.39 A Supplier Party which supplies more than 250,000 Domestic Premises shall be subject to a Full User Security Assessment in each Assessment Year, as set out in Section G8.40A.',
  'G8.40 Each Supplier Party shall pay the annual fee (the **Assessment Fee**) to the Code Administrator.',
];

/**
 * A .docx from hand-written body XML (w:p, w:tbl …): for what the docx package cannot write,
 * such as a deleted paragraph mark or an inserted table row.
 */
export async function makeDocxFromBody(bodyXml: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`);
  for (const [name, xml] of Object.entries(parts)) zip.file(`word/${name}`, `<?xml version="1.0" encoding="UTF-8"?>${xml.replace(/^<(w:\w+)/, `<$1 ${W}`)}`);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}
