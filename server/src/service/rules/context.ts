// What every rule family receives, and the shape each family implements.
import type { CancellationLike, DocumentKind, Finding, SecSettings } from '../types';
import type { DocumentModel, LegalModel } from '../model/document';
import type { WorkspaceAspect, WorkspaceIndex } from '../workspaceIndex';

export interface RuleContext {
  model: DocumentModel;
  workspace: WorkspaceIndex;
  settings: SecSettings;
  token: CancellationLike;
}

/** A family of related checks in one file (spacing, terms, numbering …). */
export interface RuleFamily {
  name: string;
  /** The document kinds it checks. */
  kinds: readonly DocumentKind[];
  /** The codes it may report (each must be in the rule table). */
  codes: readonly string[];
  /**
   * The page of each code it reports, by code (`docs/rules/<code>.md` is rendered from it by
   * `npm run rules:sync`). A code two families report is documented in one of them.
   */
  docs: RuleDocs;
  /**
   * What its findings read besides the document itself and the settings, so they can be
   * reused: `[]` for checks of the document alone (spacing, pairing …), `['legal']` for
   * checks against every legal text (terms, references). Omitted: anything, so any change
   * re-runs the family.
   */
  dependsOn?: readonly WorkspaceAspect[];
  /**
   * Finer than `dependsOn`: a key of everything the family reads from other documents (e.g.
   * `workspace.legalSignature(…)` of the clause index). When given, a document's findings are
   * kept while the key and the document are unchanged, whatever else was edited.
   */
  inputsKey?(workspace: WorkspaceIndex): string;
  check(ctx: RuleContext): Finding[];
}

/**
 * What a code's page says (docs/rules/<code>.md, which `secdraft explain`, SARIF's helpUri and
 * the Problems panel's link show a drafter). `npm run rules:sync` renders the page from this,
 * the rule table's title and default severity, and the standard "Configure or suppress"
 * section. Markdown, as it appears on the page (inline backticks for code, clause numbers and
 * file names); a blank line (`\n\n`) between paragraphs.
 */
export interface RuleDoc {
  /** "What it finds": what is reported, and the look-alikes that are not. */
  finds: string;
  /** "Why it matters in SEC drafting": why a drafter or a respondent cares, with an SEC example. */
  why: string;
  /** "Example (reported)": legal text the rule reports, shown as written in a ```text block. */
  reported: string;
  /** A paragraph under the example, outside the block (e.g. where the finding stands). */
  reportedNote?: string;
  /** "Counter-example (not reported)": text that looks alike and is not reported. */
  notReported: string;
  /** A paragraph under the counter-example, outside the block. */
  notReportedNote?: string;
  /** "The fix": what the drafter does, and whether a quick fix does it (and is it certain?). */
  fix: string;
  /** The "Configure or suppress" section's text, only for a code the standard one does not fit. */
  configure?: string;
}

/** The pages of the codes one file reports, by code. */
export type RuleDocs = Readonly<Record<string, RuleDoc>>;

/**
 * At most this many related places on one finding: enough to find the others (the threshold
 * and number hovers list every place), and a whole-Code workspace does not send the editor
 * tens of thousands of them with every publication.
 */
export const RELATED_LIMIT = 10;

/**
 * The usual `inputsKey`: the version of a per-document signature of what the family reads from
 * the legal documents (see WorkspaceIndex.legalSignature), under the family's own name.
 */
export function signatureKey(name: string, signatureOf: (model: LegalModel) => string): (workspace: WorkspaceIndex) => string {
  return workspace => `${name}${workspace.legalSignature(name, signatureOf)}`;
}
