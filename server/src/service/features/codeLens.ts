// Code lenses: uses of each definition, consultation comments above each clause.
import type { CodeLens } from 'vscode-languageserver-types';
import type { CancellationLike } from '../types';
import type { DocumentModel } from '../model/document';
import type { WorkspaceIndex } from '../workspaceIndex';
import { termCodeLenses } from './termCodeLens';
import { commentCodeLenses } from './commentCodeLens';

export type CodeLensContributor = (model: DocumentModel, workspace: WorkspaceIndex, token: CancellationLike) => CodeLens[];

/** Add yours here. */
export const CODE_LENS_CONTRIBUTORS: CodeLensContributor[] = [termCodeLenses, commentCodeLenses];

export function getCodeLenses(model: DocumentModel, workspace: WorkspaceIndex, token: CancellationLike): CodeLens[] {
  return CODE_LENS_CONTRIBUTORS.flatMap(c => (token.isCancellationRequested ? [] : c(model, workspace, token)));
}
