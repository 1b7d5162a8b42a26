// The facade of the analysis core: the language server, the CLI and the tests all talk to
// this, never to the parts behind it. Pure: no editor API, no connection, no file system.
import type { CodeAction, CodeLens, CompletionItem, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location, SemanticTokens, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { CancellationLike, Position, Range, SecDiagnostic, SecSettings } from './types';
import { NEVER_CANCELLED } from './types';
import type { SecDocument } from './model/document';
import { WorkspaceIndex, type WorkspaceOptions } from './workspaceIndex';
import { computeDiagnostics } from './rules';
import { getDocumentSymbols } from './features/symbols';
import { getCollationSymbols } from './features/collationSymbols';
import { getCodeActions } from './features/codeActions';
import { getResponseActions } from './features/responseActions';
import type { FeatureContext } from './features/context';
import { getHover } from './features/hover';
import { getDefinition, getReferences } from './features/navigation';
import { getCompletions } from './features/completion';
import { getCodeLenses } from './features/codeLens';
import { getWorkspaceSymbols } from './features/workspaceSymbols';
import { getFoldingRanges } from './features/folding';
import { termHighlights, termPrepareRename, termRename } from './features/termNavigation';
import { getSemanticTokens } from './features/semanticTokens';
import { type Refusable, clausePrepareRename, clauseRename } from './features/clauseRename';
import { executeRenumberCommand, getRenumberActions } from './features/renumber';
import { commentEntries, commentsByClause } from './model/consultation/linking';
import type { CommentEntry, CommentLink } from './model/consultation/types';
import { getCommentsResult, type SecCommentsParams, type SecCommentsResult } from './features/comments';

export interface SecLanguageServiceOptions extends WorkspaceOptions {
  settings?: Partial<SecSettings>;
}

export class SecLanguageService {
  readonly workspace: WorkspaceIndex;
  private readonly diagnosticsCache = new Map<string, { generation: number; diagnostics: SecDiagnostic[] }>();

  constructor(options: SecLanguageServiceOptions = {}) {
    this.workspace = new WorkspaceIndex(options.settings, options);
  }

  setDocument(doc: SecDocument): void {
    this.workspace.set(doc);
  }

  removeDocument(uri: string): void {
    this.workspace.remove(uri);
    this.diagnosticsCache.delete(uri);
  }

  updateSettings(settings: Partial<SecSettings>, options?: WorkspaceOptions): void {
    this.workspace.setSettings(settings);
    if (options) this.workspace.setOptions(options);
  }

  /** Every finding for one document, with severities and suppressions applied. */
  getDiagnostics(uri: string, token: CancellationLike = NEVER_CANCELLED): SecDiagnostic[] {
    const generation = this.workspace.generation;
    const cached = this.diagnosticsCache.get(uri);
    if (cached && cached.generation === generation) return cached.diagnostics;
    const model = this.workspace.model(uri);
    if (!model) return [];
    const diagnostics = computeDiagnostics(model, this.workspace, token);
    if (!token.isCancellationRequested) this.diagnosticsCache.set(uri, { generation, diagnostics });
    return diagnostics;
  }

  getDocumentSymbols(uri: string): DocumentSymbol[] {
    const model = this.workspace.model(uri);
    if (model?.kind === 'consultation') return getCollationSymbols(model);
    return model?.kind === 'legal' ? getDocumentSymbols(model) : [];
  }

  getCodeActions(uri: string, range: Range, only?: string[]): CodeAction[] {
    return [
      ...getCodeActions(this.getDiagnostics(uri), range, only),
      ...getResponseActions(this.workspace, uri, range, only),
      ...getRenumberActions(this.workspace, uri, range, only),
    ];
  }

  /**
   * `workspace/executeCommand` for the renumbering commands (features/renumber.ts
   * RENUMBER_COMMANDS): the edit to apply, why it cannot be made, or undefined for an unknown command.
   */
  executeCommand(command: string, args?: unknown[]): Refusable<WorkspaceEdit> | undefined {
    return executeRenumberCommand(this.workspace, command, args);
  }

  getHover(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): Hover | null {
    const ctx = this.featureContext(uri, position, token);
    return ctx ? getHover(ctx) : null;
  }

  getDefinition(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): Location[] {
    const ctx = this.featureContext(uri, position, token);
    return ctx ? getDefinition(ctx) : [];
  }

  getReferences(uri: string, position: Position, includeDeclaration: boolean, token: CancellationLike = NEVER_CANCELLED): Location[] {
    const ctx = this.featureContext(uri, position, token);
    return ctx ? getReferences(ctx, includeDeclaration) : [];
  }

  getCompletions(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): CompletionItem[] {
    const ctx = this.featureContext(uri, position, token);
    return ctx ? getCompletions(ctx) : [];
  }

  getCodeLenses(uri: string, token: CancellationLike = NEVER_CANCELLED): CodeLens[] {
    const model = this.workspace.model(uri);
    return model ? getCodeLenses(model, this.workspace, token) : [];
  }

  /** Clauses, Parts (and what other contributors add) whose name contains every query word. */
  getWorkspaceSymbols(query: string, token: CancellationLike = NEVER_CANCELLED): WorkspaceSymbol[] {
    return getWorkspaceSymbols(this.workspace, query, token);
  }

  getFoldingRanges(uri: string): FoldingRange[] {
    const model = this.workspace.model(uri);
    return model?.kind === 'legal' ? getFoldingRanges(model) : [];
  }

  /** Every consultation comment of the workspace, with its links to clauses (file then row order). */
  getComments(): CommentEntry[] {
    return commentEntries(this.workspace);
  }

  /** The comments linked to one clause ("G8.41"), each with only its links to that clause. */
  getCommentsForClause(clauseId: string): CommentEntry[] {
    return (commentsByClause(this.workspace).get(clauseId) ?? []).map(({ entry, link }) => ({ ...entry, links: [link] }));
  }

  /** Every comment-to-clause link of the workspace. */
  getCommentLinks(): CommentLink[] {
    return this.getComments().flatMap(e => e.links);
  }

  /** The answer to the `sec/comments` request (see features/comments.ts). */
  getCommentsResult(params: SecCommentsParams = {}): SecCommentsResult {
    return getCommentsResult(this.workspace, this.getComments(), params);
  }

  getDocumentHighlights(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): DocumentHighlight[] {
    const ctx = this.featureContext(uri, position, token);
    return ctx ? termHighlights(ctx) : [];
  }

  /** The range and current name of what can be renamed at a position (a term, a clause number), or null. */
  prepareRename(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): { range: Range; placeholder: string } | null {
    const ctx = this.featureContext(uri, position, token);
    if (!ctx) return null;
    const clause = clausePrepareRename(ctx);
    return termPrepareRename(ctx) ?? (clause && 'ok' in clause ? clause.ok : null);
  }

  rename(uri: string, position: Position, newName: string, token: CancellationLike = NEVER_CANCELLED): WorkspaceEdit | null {
    const ctx = this.featureContext(uri, position, token);
    if (!ctx) return null;
    const clause = termPrepareRename(ctx) ? undefined : clauseRename(ctx, newName);
    return termRename(ctx, newName) ?? (clause && 'ok' in clause ? clause.ok : null);
  }

  /**
   * Why a rename at a position is refused (a clause number that does not exist, or, given the
   * new name, one that is taken or malformed), so the editor can say so; undefined when it is not.
   */
  renameRefusal(uri: string, position: Position, newName?: string, token: CancellationLike = NEVER_CANCELLED): string | undefined {
    const ctx = this.featureContext(uri, position, token);
    if (!ctx || termPrepareRename(ctx)) return undefined;
    const answer = newName === undefined ? clausePrepareRename(ctx) : clauseRename(ctx, newName);
    return answer && 'refused' in answer ? answer.refused : undefined;
  }

  getSemanticTokens(uri: string): SemanticTokens {
    const model = this.workspace.model(uri);
    return model ? getSemanticTokens(model, this.workspace) : { data: [] };
  }

  /** The context every position-based feature receives, or undefined for an unknown document. */
  featureContext(uri: string, position: Position, token: CancellationLike = NEVER_CANCELLED): FeatureContext | undefined {
    const model = this.workspace.model(uri);
    return model ? { uri, position, model, workspace: this.workspace, token } : undefined;
  }
}

export function createSecLanguageService(options: SecLanguageServiceOptions = {}): SecLanguageService {
  return new SecLanguageService(options);
}

export type { SecDocument } from './model/document';
export * from './types';
export { RULES, RULE_BY_CODE } from './rules/registry';
