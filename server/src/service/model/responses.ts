// The responses file: how the Working Group answered each consultation comment. It lives
// beside the collation as `<collation stem>.responses.json`, is reviewed in version control,
// and is keyed by the comment's stable id. Parsing never throws: a hand-broken file yields
// problems with positions (and is then never overwritten); serialising is deterministic
// (sorted ids, fixed key order, two-space indent, trailing newline) so diffs stay small.
import { type ParseError, type Node, parseTree, printParseErrorCode, findNodeAtLocation } from 'jsonc-parser';
import type { Finding, Range } from '../types';
import { baseName } from './classify';
import { parseClauseId } from './clauseIds';

export const RESPONSES_FILE_VERSION = 1;
export const RESPONSES_SUFFIX = '.responses.json';

export const DISPOSITIONS = ['accepted', 'noted', 'rejected', 'out-of-scope'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** How each disposition reads in reports and pickers. */
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  accepted: 'Accepted, legal text changed',
  noted: 'Noted, no change',
  rejected: 'Rejected',
  'out-of-scope': 'Out of scope',
};

export interface CommentResponse {
  disposition: Disposition;
  /** For `accepted`: the clause whose text was changed, e.g. "G8.41". */
  clause?: string;
  /** The Working Group's answer, as it will appear in the modification report. */
  response: string;
  /** The respondent's name, for people reading the file (the id is the key). */
  respondent?: string;
}

export interface ResponsesFile {
  version: number;
  /** The collation's file name (not a path), so the file says what it answers. */
  consultation: string;
  /**
   * Clauses renumbered since the consultation (number the comments use → number now), written
   * by a rename or renumbering so a comment's link follows its clause while the respondent's
   * words stay as written. Absent when nothing was renumbered.
   */
  renamedClauses?: Record<string, string>;
  responses: Record<string, CommentResponse>;
}

export interface ParsedResponses {
  file: ResponsesFile;
  /** Empty when the file is sound; otherwise it must not be overwritten. */
  problems: Finding[];
  /** Where each answered id is written in the file (its key). */
  idRanges?: Record<string, Range>;
}

export function isDisposition(s: unknown): s is Disposition {
  return typeof s === 'string' && (DISPOSITIONS as readonly string[]).includes(s);
}

export function isResponsesFile(uriOrPath: string): boolean {
  return baseName(uriOrPath).toLowerCase().endsWith(RESPONSES_SUFFIX);
}

/** `…/consultation-responses.txt` → `…/consultation-responses.responses.json` (URI or path). */
export function responsesPathFor(consultationUriOrPath: string): string {
  const cut = consultationUriOrPath.search(/[?#]/);
  const base = cut < 0 ? consultationUriOrPath : consultationUriOrPath.slice(0, cut);
  const slash = base.lastIndexOf('/');
  const name = base.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return base.slice(0, slash + 1) + stem + RESPONSES_SUFFIX;
}

/** A validation rule for one response: the message when it is broken, else undefined. */
export function checkResponse(r: Partial<CommentResponse>): string | undefined {
  if (!isDisposition(r.disposition)) return `"disposition" must be one of ${DISPOSITIONS.join(', ')}`;
  if (typeof r.response !== 'string' || r.response.trim() === '') return '"response" must be a non-empty text';
  if (r.disposition === 'accepted' && (typeof r.clause !== 'string' || r.clause.trim() === '')) return 'an accepted comment must name the changed clause in "clause"';
  if (r.clause !== undefined && typeof r.clause !== 'string') return '"clause" must be a clause id such as "G8.41"';
  if (r.respondent !== undefined && typeof r.respondent !== 'string') return '"respondent" must be a text';
  return undefined;
}

export function emptyResponses(consultationName: string): ResponsesFile {
  return { version: RESPONSES_FILE_VERSION, consultation: consultationName, responses: {} };
}

/** Offsets → LSP positions over the file's text. */
function rangeAt(text: string, offset: number, length: number): Range {
  const pos = (at: number) => {
    const before = text.slice(0, Math.max(0, Math.min(at, text.length)));
    const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { line, character: before.length - lastBreak - 1 };
  };
  return { start: pos(offset), end: pos(offset + Math.max(length, 1)) };
}

function problem(text: string, node: Node | undefined, message: string): Finding {
  return { code: 'file-error', range: node ? rangeAt(text, node.offset, node.length) : rangeAt(text, 0, 0), message: `Responses file: ${message}.` };
}

function stringAt(root: Node, key: string): string | undefined {
  const n = findNodeAtLocation(root, [key]);
  return n?.type === 'string' ? (n.value as string) : undefined;
}

/** Parse a responses file. Never throws; every problem has a range in `text`. */
export function parseResponses(text: string, consultationName = ''): ParsedResponses {
  const file = emptyResponses(consultationName);
  const problems: Finding[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
  for (const e of errors.slice(0, 5)) {
    problems.push({ code: 'file-error', range: rangeAt(text, e.offset, e.length), message: `Responses file is not valid JSON: ${printParseErrorCode(e.error)}; fix it by hand (it is not overwritten while broken).` });
  }
  if (errors.length || !root) {
    if (!errors.length) problems.push(problem(text, undefined, 'the file is empty'));
    return { file, problems };
  }
  if (root.type !== 'object') return { file, problems: [problem(text, root, 'expected a JSON object')] };
  const version = findNodeAtLocation(root, ['version']);
  if (!version || version.value !== RESPONSES_FILE_VERSION) problems.push(problem(text, version ?? root, `"version" must be ${RESPONSES_FILE_VERSION}`));
  file.consultation = stringAt(root, 'consultation') ?? consultationName;
  const renamed = findNodeAtLocation(root, ['renamedClauses']);
  if (renamed) readRenames(text, renamed, file, problems);
  const entries = findNodeAtLocation(root, ['responses']);
  if (!entries || entries.type !== 'object') {
    problems.push(problem(text, entries ?? root, '"responses" must be an object of comment id → response'));
    return { file, problems };
  }
  const idRanges: Record<string, Range> = {};
  for (const prop of entries.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    const id = keyNode?.value as string;
    if (!valueNode || valueNode.type !== 'object') {
      problems.push(problem(text, valueNode ?? prop, `the response to "${id}" must be an object`));
      continue;
    }
    const r: Partial<CommentResponse> = {};
    for (const field of valueNode.children ?? []) {
      const [k, v] = field.children ?? [];
      if (k && v) (r as Record<string, unknown>)[k.value as string] = v.value;
    }
    const broken = checkResponse(r);
    if (broken) problems.push(problem(text, valueNode, `"${id}": ${broken}`));
    else if (Object.hasOwn(file.responses, id)) problems.push(problem(text, keyNode, `"${id}" is answered twice`));
    else {
      file.responses[id] = normalise(r as CommentResponse);
      idRanges[id] = rangeAt(text, keyNode.offset, keyNode.length);
    }
  }
  return { file, problems, idRanges };
}

/** `"renamedClauses": { "G8.44C": "G8.44D" }`: clause ids to clause ids, each checked. */
function readRenames(text: string, node: Node, file: ResponsesFile, problems: Finding[]): void {
  if (node.type !== 'object') {
    problems.push(problem(text, node, '"renamedClauses" must be an object of old clause number → new clause number'));
    return;
  }
  const renames: Record<string, string> = {};
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    const from = keyNode?.value as string;
    if (!parseClauseId(from) || valueNode?.type !== 'string' || !parseClauseId(valueNode.value as string)) {
      problems.push(problem(text, prop, `"renamedClauses" maps a clause number to a clause number (e.g. "G8.44C": "G8.44D"), not "${from}" to ${valueNode ? JSON.stringify(valueNode.value) : 'nothing'}`));
      continue;
    }
    renames[from] = valueNode.value as string;
  }
  if (Object.keys(renames).length > 0) file.renamedClauses = renames;
}

/**
 * The renames after clauses are renumbered again (`mapping`: number now → new number): a
 * comment's number that already moved moves on; a number that had not moved starts to. A
 * number now held by a moved clause is not the one the comments meant, so it is left alone.
 */
export function composeRenames(earlier: Readonly<Record<string, string>> | undefined, mapping: ReadonlyMap<string, string>): Record<string, string> {
  const composed: Record<string, string> = {};
  const movedTo = new Set(Object.values(earlier ?? {}));
  for (const [from, to] of Object.entries(earlier ?? {})) composed[from] = mapping.get(to) ?? to;
  for (const [from, to] of mapping) if (!Object.hasOwn(composed, from) && !movedTo.has(from)) composed[from] = to;
  for (const [from, to] of Object.entries(composed)) if (from === to) delete composed[from];
  return composed;
}

/** The fields in their fixed order, empty optional ones left out. */
function normalise(r: CommentResponse): CommentResponse {
  return {
    disposition: r.disposition,
    ...(r.clause ? { clause: r.clause.trim() } : {}),
    response: r.response,
    ...(r.respondent ? { respondent: r.respondent } : {}),
  };
}

/** Ids in a natural order: q2-… before q10-…, then alphabetically. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The file's text: stable key order, one entry per comment, pretty-printed, final newline. */
export function serialiseResponses(file: ResponsesFile): string {
  const responses: Record<string, CommentResponse> = {};
  for (const id of Object.keys(file.responses).sort(compareIds)) responses[id] = normalise(file.responses[id]);
  const renames = Object.keys(file.renamedClauses ?? {}).sort(compareIds);
  const renamedClauses = renames.length ? { renamedClauses: Object.fromEntries(renames.map(k => [k, file.renamedClauses![k]])) } : {};
  return JSON.stringify({ version: RESPONSES_FILE_VERSION, consultation: file.consultation, ...renamedClauses, responses }, null, 2) + '\n';
}

/** A new file with one response set (or replaced); the input is not changed. */
export function withResponse(file: ResponsesFile, id: string, response: CommentResponse): ResponsesFile {
  return { ...file, responses: { ...file.responses, [id]: normalise(response) } };
}
