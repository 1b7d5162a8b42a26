// "3 consultation comments · 1 unanswered" above each clause that has linked comments (or
// "· all answered"); clicking it peeks at the comments in their collations (the showLocations
// command, as the term lenses do).
import type { CodeLens, Location } from 'vscode-languageserver-types';
import { showLocationsCommand } from './serverCommands';
import type { DocumentModel } from '../model/document';
import type { WorkspaceIndex } from '../workspaceIndex';
import { commentsOnClause } from './commentHover';
import { answerState, isUnanswered } from './commentAnswers';

export function commentCodeLenses(model: DocumentModel, workspace: WorkspaceIndex): CodeLens[] {
  if (model.kind !== 'legal') return [];
  const lenses: CodeLens[] = [];
  for (const clause of model.structure.clauses) {
    const on = commentsOnClause(workspace, clause.id);
    if (on.length === 0) continue;
    const locations: Location[] = on.map(({ entry }) => ({ uri: entry.uri, range: entry.comment.range }));
    const what = `consultation comment${on.length === 1 ? '' : 's'} on ${clause.id}`;
    const unanswered = on.filter(({ entry }) => isUnanswered(answerState(workspace, entry))).length;
    const title = `${on.length} consultation comment${on.length === 1 ? '' : 's'} · ${unanswered ? `${unanswered} unanswered` : 'all answered'}`;
    lenses.push({ range: clause.idRange, command: showLocationsCommand(title, model.uri, clause.idRange.start, locations, what) });
  }
  return lenses;
}
