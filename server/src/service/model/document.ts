// One parsed document. Models are built once per (uri, version) and are immutable; the parts
// other model files add (definitions, references, thresholds) are derived on them (cache.ts).
import type { DocumentKind, Finding } from '../types';
import { type Line, splitLines } from '../text/lines';
import { type SecStructure, parseStructure } from './structure';
import { type Suppressions, parseSuppressions } from './suppressions';
import type { CollationFormat, ConsultationComment, ConsultationQuestion } from './consultation/types';
import type { RuleDocs } from '../rules/context';

/** A document as the core receives it from the editor, the disk or a test. */
export interface SecDocument {
  uri: string;
  version: number;
  text: string;
  /** The editor's language id, when known ("sec" marks legal text whatever the file name). */
  languageId?: string;
  /** Problems met while reading the file (e.g. invalid UTF-8), reported as `file-error`. */
  fileProblems?: string[];
  /** Facts about how the file was read (e.g. its encoding), reported as `file-error` capped at information. */
  fileNotes?: string[];
}

/** `file-error` findings for the problems (and, as information, the notes) met while reading a document. */
export function fileProblemFindings(doc: SecDocument): Finding[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    ...(doc.fileProblems ?? []).map(message => ({ code: 'file-error', range, message })),
    ...(doc.fileNotes ?? []).map(message => ({ code: 'file-error', range, message, data: { severityCap: 'information' } })),
  ];
}

interface ModelBase {
  uri: string;
  version: number;
  text: string;
  lines: Line[];
  suppressions: Suppressions;
  /** Problems found while reading the file itself (unreadable rows, bad encoding …). */
  problems: Finding[];
}

export interface LegalModel extends ModelBase {
  kind: 'legal';
  structure: SecStructure;
}

export interface OtherModel extends ModelBase {
  kind: 'other';
}

export interface ConsultationModelBase extends ModelBase {
  kind: 'consultation';
  /** How the file was read (text extracted from a PDF, CSV, JSON, or a .docx/.pdf original). */
  format: CollationFormat;
  questions: ConsultationQuestion[];
  /** Every respondent row of every question, in file order (text '' where the cell is empty). */
  comments: ConsultationComment[];
}

export type DocumentModel = LegalModel | OtherModel | ConsultationModelBase;

export function buildLegalModel(doc: SecDocument): LegalModel {
  const structure = parseStructure(doc.text);
  return {
    kind: 'legal',
    uri: doc.uri,
    version: doc.version,
    text: doc.text,
    lines: structure.lines,
    structure,
    suppressions: parseSuppressions(structure.lines),
    problems: fileProblemFindings(doc),
  };
}

export function buildOtherModel(doc: SecDocument): OtherModel {
  const lines = splitLines(doc.text);
  return { kind: 'other', uri: doc.uri, version: doc.version, text: doc.text, lines, suppressions: parseSuppressions(lines), problems: fileProblemFindings(doc) };
}

export type { DocumentKind };

/**
 * The page of file-error, reported outside the rule families for the problems met while reading a
 * file (fileProblemFindings above) or a collation (consultation/), and by the responses family for
 * a broken responses file: docs/rules/file-error.md is rendered from it by `npm run rules:sync`.
 */
export function fileErrorDocs(): RuleDocs {
  return {
    'file-error': {
      finds: 'A file that could not be read or parsed: text that is not valid UTF-8, a broken responses file (`*.responses.json`), and, in the CLI, a binary file, a file over the size limit, a damaged, encrypted or not-a-zip `.docx` or a `.pdf` that cannot be read (the CLI names the file and exits 2). The other files are still checked.',
      why: 'A file the checker could not read is a file nobody checked. Reporting it keeps a broken export or a wrongly saved file from passing CI unnoticed.',
      reported: '`responses.docx` saved as a password-protected document.',
      notReported: 'The same document saved without a password, or exported as `.csv`.',
      fix: 'Re-save or re-export the file (UTF-8 text, an unprotected `.docx`, a text `.pdf`). Configure `legalFiles`/`consultationFiles` if the file should not be read at all.',
    },
  };
}
