// In a collation, a clause number a comment names goes to that clause's definition.
import type { Location } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { clauseIdAt } from './commentHover';

export function commentDefinition(ctx: FeatureContext): Location[] | undefined {
  if (ctx.model.kind !== 'consultation') return undefined;
  const hit = clauseIdAt(ctx.model, ctx.position);
  if (!hit) return undefined;
  const places = ctx.workspace.clauseIndex().get(hit.id);
  return places?.map(p => ({ uri: p.uri, range: p.clause.idRange }));
}
