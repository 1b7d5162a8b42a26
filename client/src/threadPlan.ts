// Which consultation comment threads to create, change or remove, decided from data alone (no
// vscode import, so it is unit-tested in memory). A thread is keyed by the comment and the legal
// document it sits in; its "signature" is everything it shows. Touching a thread that did not
// change makes VS Code redraw it and close it, so the client only touches those whose
// signature differs (issue 18: threads rebuilt on every refresh could never be expanded).
import type { SecCommentInfo, SecCommentLinkInfo } from '../../server/src/lsp/protocol';

interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One thread as it should look: a comment shown once per document, with all its clauses there. */
export interface ThreadSpec {
  key: string;
  uri: string;
  range: PlainRange;
  /** "G8.41, G8.42: E.ON" */
  label: string;
  author: string;
  body: string;
  commentLabel: string;
  commentId: string;
}

export interface ThreadPlan {
  create: ThreadSpec[];
  change: ThreadSpec[];
  remove: string[];
}

function linkLine(link: SecCommentLinkInfo): string {
  if (link.kind === 'explicit') return `Names ${link.clause}.`;
  const because = link.because?.length ? ` because of: ${link.because.join(', ')}` : '';
  return `Inferred link to ${link.clause} (score ${link.score.toFixed(2)})${because}.`;
}

/** " · answered" / " · no response yet" after a thread's title (nothing for a vote alone). */
function answerLabel(c: SecCommentInfo): string {
  return c.answered ? ' · answered' : c.needsAnswer ? ' · no response yet' : '';
}

/** The Working Group's recorded response, under the comment. */
function answerText(c: SecCommentInfo): string {
  return c.answer ? `\n\nResponse (${c.answer.dispositionLabel}${c.answer.clause ? `, ${c.answer.clause}` : ''}): ${c.answer.response}` : '';
}

/** The threads the comments call for: one per comment and legal document, at its first clause there. */
export function threadSpecs(comments: readonly SecCommentInfo[]): ThreadSpec[] {
  const specs: ThreadSpec[] = [];
  for (const c of comments) {
    const byDocument = new Map<string, SecCommentLinkInfo[]>();
    for (const link of c.links) {
      if (!link.target) continue;
      const links = byDocument.get(link.target.uri) ?? [];
      links.push(link);
      byDocument.set(link.target.uri, links);
    }
    for (const [uri, links] of byDocument) {
      const clauses = links.map(l => l.clause).join(', ');
      specs.push({
        key: `${c.uri}#${c.id}@${uri}`,
        uri,
        range: links[0].target!.range,
        label: `${clauses}: ${c.respondent}${answerLabel(c)}`,
        author: `${c.respondent}${c.category ? ` (${c.category})` : ''}`,
        body: `${c.text || '(no comment text)'}\n\n${links.map(linkLine).join('\n')}${answerText(c)}`,
        commentLabel: `Question ${c.question}${c.response ? ` · ${c.response}` : ''}`,
        commentId: c.id,
      });
    }
  }
  return specs;
}

/** Everything a thread shows, as one comparable string. */
export function signature(spec: ThreadSpec): string {
  const r = spec.range;
  return JSON.stringify([r.start.line, r.start.character, r.end.line, r.end.character, spec.label, spec.author, spec.body, spec.commentLabel, spec.commentId]);
}

/** What to do to go from the shown threads (key → signature) to the wanted ones. */
export function planThreads(shown: ReadonlyMap<string, string>, wanted: readonly ThreadSpec[]): ThreadPlan {
  const plan: ThreadPlan = { create: [], change: [], remove: [] };
  const seen = new Set<string>();
  for (const spec of wanted) {
    if (seen.has(spec.key)) continue; // the server lists a comment once; be safe if it repeats
    seen.add(spec.key);
    const before = shown.get(spec.key);
    if (before === undefined) plan.create.push(spec);
    else if (before !== signature(spec)) plan.change.push(spec);
  }
  for (const key of shown.keys()) if (!seen.has(key)) plan.remove.push(key);
  return plan;
}
