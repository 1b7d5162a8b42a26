// The publication gate's custom requests, registered on the connection by server.ts (names and
// shapes: lsp/protocol.ts):
//   sec/recordResponse         {commentId, disposition, clause?, response, consultationUri?} → {ok, message, uri?}
//   sec/unansweredComments     {} → [{commentId, consultationUri, question, respondent, category, text, clauses}]
//   sec/prePublicationReport   {format?: 'html'|'md'} → {content, format, ready, verdict}
import * as path from 'path';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type SecLanguageService, type SeverityLevel, linkedClauses } from '../service';
import { recordResponse } from '../io/responsesStore';
import { linkablePaths, renderHtml, renderMarkdown } from '../report/render';
import { uriToPath } from '../io/workspace';
import { relativeBelow } from '../io/config';
import {
  PRE_PUBLICATION_REPORT_REQUEST, type PrePublicationReportParams, type PrePublicationReportResult, RECORD_RESPONSE_REQUEST, type RecordResponseParams,
  UNANSWERED_COMMENTS_REQUEST, type UnansweredComment,
} from './protocol';

export interface GateContext {
  service: SecLanguageService;
  documents: TextDocuments<TextDocument>;
  workspaceFolders: () => string[];
  failOn: () => Exclude<SeverityLevel, 'ignore'>;
  /** Re-publish diagnostics after the responses changed. */
  refresh: () => void;
  /** Wraps a handler so that a failure answers with an error and the server keeps going. */
  runSafe: <P, R>(name: string, fallback: R, handler: (params: P) => R) => (params: P, token: CancellationToken) => Promise<unknown>;
}

function displayPath(uri: string, folders: string[]): string {
  const file = uriToPath(uri);
  if (!file) return uri;
  for (const folder of folders) {
    const rel = relativeBelow(folder, file);
    if (rel !== undefined) return rel.split(path.sep).join('/');
  }
  return file;
}

export function registerGateRequests(connection: Connection, ctx: GateContext): void {
  connection.onRequest(RECORD_RESPONSE_REQUEST, ctx.runSafe('recordResponse', { ok: false, message: 'failed' }, (params: RecordResponseParams) => {
    const result = recordResponse(ctx.service, params, uri => ctx.documents.get(uri)?.getText());
    ctx.refresh();
    return result;
  }));

  connection.onRequest(UNANSWERED_COMMENTS_REQUEST, ctx.runSafe('unansweredComments', [], (): UnansweredComment[] =>
    ctx.service.getUnansweredRows().map(r => ({
      commentId: r.id,
      consultationUri: r.uri,
      question: r.question,
      respondent: r.respondent,
      category: r.category,
      text: r.text,
      clauses: linkedClauses(r),
    }))));

  connection.onRequest(PRE_PUBLICATION_REPORT_REQUEST, ctx.runSafe('prePublicationReport', null, (params: PrePublicationReportParams | undefined): PrePublicationReportResult => {
    const folders = ctx.workspaceFolders();
    const name = folders.length ? path.basename(folders[0]) : 'workspace';
    // Rows link to the text (absolute file: URIs, which the report's webview opens in the editor).
    const shown = (uri: string) => displayPath(uri, folders);
    const links = linkablePaths(shown);
    const data = ctx.service.getReportData(links.displayPath, { title: `Pre-publication report: ${name}`, failOn: ctx.failOn() }, shown);
    const format = params?.format === 'md' ? 'md' : 'html';
    const content = format === 'md' ? renderMarkdown(data, { href: links.href }) : renderHtml(data, { href: links.href });
    return { format, content, ready: data.verdict.ready, verdict: data.verdict.text };
  }));
}
