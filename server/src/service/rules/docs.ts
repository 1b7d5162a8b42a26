// Where each code's page (docs/rules/<code>.md) is written: in the `docs` of the rule family that
// reports it, or, for a code reported outside the families, beside the code that reports it.
// `npm run rules:sync` (scripts/sync-rules.js) reads this list and the rule table, renders every
// page, and fails, naming the code and the file to write it in, when a code has no page record.
// Nothing in the server or the CLI imports this file: it is read by the build and the tests.
import type { RuleDocs } from './context';
import { RULE_FAMILIES } from './index';
import { unusedSuppressionDocs } from './suppressions';
import { fileErrorDocs } from '../model/document';

export { RULES } from './registry';

export interface RuleDocSource {
  /** Who writes the records, for messages: a family's name, or the file's path. */
  family?: string;
  file?: string;
  /** The codes it reports: it documents only these. */
  codes: readonly string[];
  docs: RuleDocs;
}

export const RULE_DOC_SOURCES: readonly RuleDocSource[] = [
  ...RULE_FAMILIES.map(f => ({ family: f.name, codes: f.codes, docs: f.docs })),
  { file: 'server/src/service/rules/suppressions.ts', codes: ['unused-suppression'], docs: unusedSuppressionDocs() },
  { file: 'server/src/service/model/document.ts', codes: ['file-error'], docs: fileErrorDocs() },
];
