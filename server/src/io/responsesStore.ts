// Recording the Working Group's answer to a comment in the responses file beside its
// collation. The write is atomic (temp file + rename) and refused — with a message for the
// drafter, never silently — when the file changed on disk since the server read it, has
// unsaved edits in the editor, or is broken (a hand-edited file is fixed by hand).
import * as fs from 'fs';
import { type SecLanguageService, baseName, checkResponse, emptyResponses, parseResponses, responsesPathFor, serialiseResponses, withResponse } from '../service';
import { WriteConflictError, writeFileAtomic } from './atomicWrite';
import { uriToPath } from './workspace';
import type { RecordResponseParams, RecordResponseResult } from '../lsp/protocol';

/** The file's text, or undefined when there is none (a race here is caught by the write's check). */
function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/**
 * Write one response. `openText` gives the editor's text of a document open in the editor
 * (undefined when not open), so unsaved edits there are never overwritten either.
 */
export function recordResponse(service: SecLanguageService, params: RecordResponseParams, openText: (uri: string) => string | undefined): RecordResponseResult {
  const invalid = checkResponse(params);
  if (invalid) return { ok: false, message: `Response not recorded: ${invalid}.` };
  const matches = service.getComments()
    .filter(e => e.comment.id === params.commentId && (!params.consultationUri || e.uri === params.consultationUri));
  if (matches.length === 0) return { ok: false, message: `No consultation comment "${params.commentId}" in the workspace.` };
  if (matches.length > 1) return { ok: false, message: `"${params.commentId}" is in ${matches.length} collations; say which (consultationUri).` };
  const entry = matches[0];
  const uri = responsesPathFor(entry.uri);
  const file = uriToPath(uri);
  if (!file) return { ok: false, message: `Responses can only be recorded beside a collation on disk (${entry.uri}).`, uri };
  const name = baseName(uri);

  const known = service.documentText(uri);
  const onDisk = readIfExists(file);
  const inEditor = openText(uri);
  if (inEditor !== undefined && inEditor !== onDisk) {
    return { ok: false, uri, message: `${name} has unsaved changes in the editor; save or revert it, then record the response again.` };
  }
  if (onDisk !== known) {
    // Take the disk's version now, so the drafter sees it and the next attempt can succeed.
    if (onDisk === undefined) service.removeDocument(uri);
    else service.setDocument({ uri, version: Date.now(), text: onDisk });
    return { ok: false, uri, message: `${name} changed on disk since it was read; it has been reloaded — check it and record the response again.` };
  }
  const current = onDisk === undefined ? { file: emptyResponses(baseName(entry.uri)), problems: [] } : parseResponses(onDisk, baseName(entry.uri));
  if (current.problems.length) {
    const first = current.problems[0];
    return { ok: false, uri, message: `${name} is broken (line ${first.range.start.line + 1}: ${first.message}); fix it by hand first — it is never overwritten while broken.` };
  }
  const text = serialiseResponses(withResponse(current.file, entry.comment.id, {
    disposition: params.disposition,
    ...(params.clause?.trim() ? { clause: params.clause.trim() } : {}),
    response: params.response,
    respondent: entry.comment.respondent,
  }));
  try {
    writeFileAtomic(file, text, { expected: onDisk });
  } catch (e) {
    if (e instanceof WriteConflictError) return { ok: false, uri, message: `${name} changed on disk while the response was being written; nothing was written — record it again.` };
    return { ok: false, uri, message: `${name} could not be written: ${(e as Error).message}` };
  }
  service.setDocument({ uri, version: Date.now(), text });
  const clauseId = params.clause?.trim().replace(/\(.*$/, '');
  const unknown = clauseId && !service.hasClause(clauseId) ? ` Note: there is no clause ${clauseId} in the workspace.` : '';
  return { ok: true, uri, message: `Recorded the response to ${entry.comment.respondent} (Question ${entry.comment.question}) in ${name}.${unknown}` };
}
