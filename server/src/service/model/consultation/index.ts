// Consultation-response collations: the model of one file. (Parsers of each form live beside
// this file; this is the entry point the workspace calls.)
import type { SecDocument, ConsultationModelBase } from '../document';
import { splitLines } from '../../text/lines';
import { parseSuppressions } from '../suppressions';

export type ConsultationModel = ConsultationModelBase;

export function buildConsultationModel(doc: SecDocument): ConsultationModel {
  const lines = splitLines(doc.text);
  return { kind: 'consultation', uri: doc.uri, version: doc.version, text: doc.text, lines, suppressions: parseSuppressions(lines), problems: [] };
}
