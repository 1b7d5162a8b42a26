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
