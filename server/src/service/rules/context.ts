// What every rule family receives, and the shape each family implements.
import type { CancellationLike, DocumentKind, Finding, SecSettings } from '../types';
import type { DocumentModel } from '../model/document';
import type { WorkspaceIndex } from '../workspaceIndex';

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
  check(ctx: RuleContext): Finding[];
}
