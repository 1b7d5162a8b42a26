// The baseline the workspace is compared with, held by the facade: its documents in an index
// of their own (read by the same core model and the same legal-file globs), and the comparison,
// recomputed only when the workspace's legal text or the baseline changes.
import type { SecDocument } from '../model/document';
import { WorkspaceIndex, type WorkspaceOptions } from '../workspaceIndex';
import { type ChangeSet, compareWithBaseline } from './changes';

export class BaselineComparison {
  private index?: WorkspaceIndex;
  private label = '';
  private cached?: { stamp: number; changes: ChangeSet };

  constructor(private readonly workspace: WorkspaceIndex) {}

  /** Replace the baseline (undefined: none). `label` names it for people ("git main", a folder). */
  set(docs: readonly SecDocument[] | undefined, label = '', options: WorkspaceOptions = {}): void {
    this.cached = undefined;
    this.label = label;
    if (!docs) {
      this.index = undefined;
      return;
    }
    this.index = new WorkspaceIndex({}, options);
    for (const doc of docs) this.index.set(doc);
  }

  /** What the baseline is called ("" when there is none). */
  get name(): string {
    return this.index ? this.label : '';
  }

  /** The baseline's own index (its clauses and definitions), if there is a baseline. */
  get baselineIndex(): WorkspaceIndex | undefined {
    return this.index;
  }

  changes(): ChangeSet | undefined {
    if (!this.index) return undefined;
    const stamp = this.workspace.stampOf(['legal']);
    // The last result lends its word diffs: an edit recomputes only the edited clause's.
    if (this.cached?.stamp !== stamp) this.cached = { stamp, changes: compareWithBaseline(this.workspace.legalModels(), this.index.legalModels(), this.cached?.changes) };
    return this.cached.changes;
  }
}
