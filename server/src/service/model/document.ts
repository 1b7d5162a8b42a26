// One parsed document. Models are built once per (uri, version) and are immutable; the parts
// other model files add (definitions, references, thresholds) are derived on them (cache.ts).
import type { DocumentKind, Finding } from '../types';
import { type Line, splitLines } from '../text/lines';
import { type SecStructure, parseStructure } from './structure';
import { type Suppressions, parseSuppressions } from './suppressions';
import type { CollationFormat, ConsultationComment, ConsultationQuestion } from './consultation/types';

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
