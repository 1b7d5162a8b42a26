// What every position-based feature receives. Contributors (terms, clauses, comments,
// thresholds) each add their part; the composer files (hover.ts, definition.ts …) merge them.
import type { CancellationLike, Position } from '../types';
import type { DocumentModel } from '../model/document';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface FeatureContext {
  uri: string;
  position: Position;
  model: DocumentModel;
  workspace: WorkspaceIndex;
  token: CancellationLike;
}

/** Markdown that is safe to show: escape everything a respondent or drafter might have typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, ch => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : '\\' + ch))
    .replace(/\r?\n/g, '  \n');
}
