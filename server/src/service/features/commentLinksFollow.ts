// When clauses are renumbered, a consultation comment that names one by its old number keeps the
// respondent's words as written, and its link follows: the renumbering is recorded in the
// collation's responses file (`renamedClauses`), which comment linking reads. Only collations
// whose comments name a moved clause are touched; a broken responses file refuses the whole
// renumbering, since it is never overwritten and the links would silently stop following.
import type { SecTextEdit } from '../types';
import { endOfText } from '../text/lines';
import { composeRenames, serialiseResponses } from '../model/responses';
import { responsesFor } from '../model/responsesIndex';
import { collationMentions } from '../model/consultation/linking';
import { baseName } from '../model/classify';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Refusable } from './clauseRename';

/** Does any comment of the collation name (by its number now) a clause the mapping moves? */
function namesMovedClause(workspace: WorkspaceIndex, uri: string, mapping: ReadonlyMap<string, string>): boolean {
  const model = workspace.consultationModels().find(m => m.uri === uri);
  if (!model) return false;
  for (const analysis of collationMentions(workspace, model).values()) {
    if (analysis.mentions.some(m => mapping.has(m.clause) && mapping.get(m.clause) !== m.clause)) return true;
  }
  return false;
}

/** The responses-file edits that make comment links follow `mapping` (number now → new number). */
export function commentLinkEdits(workspace: WorkspaceIndex, mapping: ReadonlyMap<string, string>): Refusable<SecTextEdit[]> {
  const edits: SecTextEdit[] = [];
  for (const collation of workspace.consultationModels()) {
    if (!namesMovedClause(workspace, collation.uri, mapping)) continue;
    const responses = responsesFor(workspace, collation.uri);
    if (responses.problems.length > 0) {
      const first = responses.problems[0];
      return { refused: `${baseName(responses.uri)} is broken (line ${first.range.start.line + 1}: ${first.message}) — fix it first, so the links of ${baseName(collation.uri)}'s comments can follow the renumbering.` };
    }
    const text = serialiseResponses({ ...responses.file, renamedClauses: composeRenames(responses.file.renamedClauses, mapping) });
    const current = workspace.document(responses.uri)?.text;
    if (current === text) continue;
    const start = { line: 0, character: 0 };
    edits.push(current === undefined
      ? { uri: responses.uri, range: { start, end: start }, newText: text, createIfMissing: true }
      : { uri: responses.uri, range: { start, end: endOfText(current) }, newText: text });
  }
  return { ok: edits };
}
