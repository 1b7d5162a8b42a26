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
import type { DocumentKind, DocumentModel } from './model/document';
import type { SecTextEdit } from './types';
import type { CommentResponse } from './model/responses';
import { responsesFor, unansweredComments } from './rules/responses';
import { type RespondentRow, respondentRow } from './features/respondentRows';
import { answerState, type CommentAnswerState } from './features/commentAnswers';
import { collationCopies } from './model/consultation/copies';
import { renameClause } from './features/clauseRename';
import { insertClause, renumberParagraphs, renumberPart } from './features/renumber';
import { clauseEntries, definitionEntries, type ClauseEntry, type DefinitionEntry } from './features/indexEntries';
import { buildReportData, type ReportData, type ReportDataOptions } from './features/report';
import { BaselineComparison } from './features/baselineComparison';
import type { ChangeSet } from './features/changes';
import { changedOnly } from './features/changedOnly';
import { changeHover, markChangedSymbols, withChangeHover } from './features/changeMarks';

export interface SecLanguageServiceOptions extends WorkspaceOptions {
  settings?: Partial<SecSettings>;
}

export class SecLanguageService {
  /** Private: callers outside the core ask the facade (lint forbids reaching behind it). */
  private readonly workspace: WorkspaceIndex;
  /** The baseline the legal text is compared with (features/changes.ts), if one is set. */
  private readonly baseline: BaselineComparison;
  private readonly diagnosticsCache = new Map<string, { generation: number; diagnostics: SecDiagnostic[] }>();

  constructor(options: SecLanguageServiceOptions = {}) {
    this.workspace = new WorkspaceIndex(options.settings, options);
    this.baseline = new BaselineComparison(this.workspace);
  }

  /** Compare the legal text with these documents (the current Code); undefined stops comparing. */
  setBaseline(docs: readonly SecDocument[] | undefined, label = '', options: WorkspaceOptions = {}): void {
    this.baseline.set(docs, label, options);
  }

  /** What the baseline is called ("git main", "folder ../current"); "" when there is none. */
  getBaselineName(): string {
    return this.baseline.name;
  }

  hasBaseline(): boolean {
    return this.baseline.baselineIndex !== undefined;
  }

  /** Each clause added, changed, renumbered, deleted or unchanged since the baseline (undefined without one). */
  getChanges(): ChangeSet | undefined {
    return this.baseline.changes();
  }

  /** A document's findings as `--changed-only` reports them (all of them without a baseline). */
  getChangedOnlyDiagnostics(uri: string, token: CancellationLike = NEVER_CANCELLED): SecDiagnostic[] {
    const changes = this.getChanges();
    const diagnostics = this.getDiagnostics(uri, token);
    return changes ? changedOnly(diagnostics, uri, this.workspace, changes) : diagnostics;
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

  /** The text the service holds for a document (the editor's, or the file's), if any. */
  documentText(uri: string): string | undefined {
    return this.workspace.document(uri)?.text;
  }

  hasDocument(uri: string): boolean {
    return this.workspace.has(uri);
  }

  /** Every document the service holds. */
  documentUris(): string[] {
    return this.workspace.uris();
  }

  /** What a document would be read as (legal text, a collation, or neither) with the current globs. */
  kindOf(doc: SecDocument): DocumentKind {
    return this.workspace.kindOf(doc);
  }

  /** A document as the core read it (read-only: its kind, text, clauses or comments, problems). */
  getModel(uri: string): Readonly<DocumentModel> | undefined {
    return this.workspace.model(uri);
  }

  hasClause(clauseId: string): boolean {
    return this.workspace.findClause(clauseId) !== undefined;
  }

  /** Each clause number with where it is, in document order (a duplicated number has several places). */
  getClauseIndex(): ReadonlyMap<string, readonly { uri: string; firstLine: number }[]> {
    const index = new Map<string, { uri: string; firstLine: number }[]>();
    for (const [id, places] of this.workspace.clauseIndex()) index.set(id, places.map(p => ({ uri: p.uri, firstLine: p.clause.firstLine })));
    return index;
  }

  /** `secdraft index`'s entries for one legal document, `path` as the reader named it; undefined for other files. */
  getIndexEntries(uri: string, path: string): { clauses: ClauseEntry[]; definitions: DefinitionEntry[] } | undefined {
    const model = this.workspace.model(uri);
    return model?.kind === 'legal' ? { clauses: clauseEntries(model, path), definitions: definitionEntries(model, path) } : undefined;
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
    return model?.kind === 'legal' ? markChangedSymbols(getDocumentSymbols(model), model, this.getChanges()) : [];
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
    return ctx ? withChangeHover(getHover(ctx), changeHover(ctx, this.getChanges(), this.baseline.name)) : null;
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

  /** Every comment as a respondent row (features/respondentRows.ts), file then row order. */
  getRespondentRows(): RespondentRow[] {
    return this.getComments().map(e => respondentRow(this.workspace, e));
  }

  /** Whether a comment needs an answer (a vote alone does not) and the answer recorded, if any. */
  getAnswerState(entry: CommentEntry): CommentAnswerState {
    return answerState(this.workspace, entry);
  }

  /** Collations that repeat another (the .txt and .csv of one consultation): copy's URI → the URI read. */
  getCollationCopies(): ReadonlyMap<string, string> {
    return collationCopies(this.workspace);
  }

  /** The Working Group's recorded response to a comment, from the responses file beside its collation. */
  getRecordedResponse(entry: Pick<CommentEntry, 'uri'> & { comment: { id: string } }): CommentResponse | undefined {
    const responses = responsesFor(this.workspace, entry.uri).file.responses;
    return Object.hasOwn(responses, entry.comment.id) ? responses[entry.comment.id] : undefined;
  }

  /** The rows with no recorded response yet (what the `unanswered-comment` finding reports). */
  getUnansweredRows(): RespondentRow[] {
    return unansweredComments(this.workspace).map(e => respondentRow(this.workspace, e));
  }

  /** The pre-publication report's data (features/report.ts); `displayPath` turns a URI into what people read. */
  /** The pre-publication report's data; with a baseline set, its "Changes" part too (`baselinePath` names a baseline file). */
  getReportData(displayPath: (uri: string) => string, options: ReportDataOptions, baselinePath: (uri: string) => string = displayPath): ReportData {
    const changes = this.getChanges();
    return buildReportData(this.workspace, uri => this.getDiagnostics(uri), displayPath, { ...options, ...(changes ? { changes: { set: changes, baseline: this.baseline.name, baselinePath } } : {}) });
  }

  /** `secdraft renumber --rename FROM=TO`: the edits renaming a clause number and every reference to it. */
  renameClause(from: string, to: string): Refusable<SecTextEdit[]> {
    return renameClause(this.workspace, from, to);
  }

  /** `--insert-after ID [--renumber-rest]`: a new clause after ID (features/renumber.ts). */
  insertClause(anchorId: string, renumberRest: boolean): ReturnType<typeof insertClause> {
    return insertClause(this.workspace, anchorId, renumberRest);
  }

  /** `--paragraphs ID`: renumber one clause's list. */
  renumberParagraphs(clauseId: string): Refusable<SecTextEdit[]> {
    return renumberParagraphs(this.workspace, clauseId);
  }

  /** `--part ID`: renumber a Part's clauses in sequence. */
  renumberPart(part: string): ReturnType<typeof renumberPart> {
    return renumberPart(this.workspace, part);
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
export { type SeverityOverride, overrideMatches, settingsForUri } from './overrides';

// What callers outside the core may use besides the service: types and pure helpers. Add here
// rather than importing behind the facade (eslint.config.mjs forbids that outside service/).
export type { DocumentKind, DocumentModel, LegalModel } from './model/document';
export type { CommentEntry, CommentLink, ConsultationQuestion } from './model/consultation/types';
export type { Refusable } from './features/clauseRename';
export { type CommentAnswerState, isUnanswered } from './features/commentAnswers';
export type { ClauseEntry, DefinitionEntry } from './features/indexEntries';
export type { ReportData, ReportDataOptions, ReportClause, ReportComment, ReportFinding, QuestionSummary, ReportChangesPart } from './features/report';
export { type DiffPart, type ChangeSet, type ClauseChange, type ChangeStatus, describeChange } from './features/changes';
export { type RespondentRow, linkedClauses } from './features/respondentRows';
export { verdictOf } from './features/report';
export type { RuleInfo } from './rules/registry';
export { isSeverityLevel, SEVERITY_LEVELS } from './rules/registry';
export {
  type CommentResponse, type Disposition, type ResponsesFile, DISPOSITIONS, DISPOSITION_LABELS, checkResponse, emptyResponses,
  isResponsesFile, parseResponses, responsesPathFor, serialiseResponses, withResponse,
} from './model/responses';
export { baseName, globToRegExp, hasConsultationName, hasLegalName, looksLikeConsultation } from './model/classify';
export { type Line, comparePositions, endOfText, splitLines } from './text/lines';
export { FIX_ALL_KIND, certainEdits, toLspDiagnostic } from './features/codeActions';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { RENUMBER_ACTION_KIND, RENUMBER_COMMANDS } from './features/renumber';
export type { RecordResponseArgs } from './features/responseActions';
export { RECORD_RESPONSE_COMMAND, SHOW_LOCATIONS_COMMAND, type ShowLocationsArgs } from './features/serverCommands';
export type { SecCommentInfo, SecCommentLinkInfo, SecCommentsParams, SecCommentsResult } from './features/comments';
