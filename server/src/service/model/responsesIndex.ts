// The responses file beside each collation, parsed once per workspace state. The gate reads its
// answers; comment linking reads its `renamedClauses`, so a comment's link follows a renumbered clause.
import { type ParsedResponses, parseResponses, responsesPathFor } from './responses';
import { baseName } from './classify';
import type { WorkspaceIndex } from '../workspaceIndex';

/** The parsed responses file beside a collation (absent file → no responses, no problems). */
export function responsesFor(workspace: WorkspaceIndex, consultationUri: string): ParsedResponses & { uri: string; exists: boolean } {
  const uri = responsesPathFor(consultationUri);
  return workspace.derived(`responses:${uri}`, () => {
    const doc = workspace.document(uri);
    const parsed = doc ? parseResponses(doc.text, baseName(consultationUri)) : parseResponses('{"version":1,"responses":{}}', baseName(consultationUri));
    return { ...parsed, uri, exists: !!doc };
  });
}

/** The clause renames recorded for a collation (number in the comments → number now). */
export function clauseRenamesFor(workspace: WorkspaceIndex, consultationUri: string): ReadonlyMap<string, string> {
  return new Map(Object.entries(responsesFor(workspace, consultationUri).file.renamedClauses ?? {}));
}
