// Go to definition and find references: each contributor answers for what it understands
// (terms, clause references, comment clause mentions); the first that answers wins.
import type { Location } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { termDefinition, termReferences } from './termNavigation';
import { clauseDefinition, clauseReferences } from './clauseNavigation';
import { commentDefinition } from './commentNavigation';

export type DefinitionContributor = (ctx: FeatureContext) => Location[] | undefined;
export type ReferencesContributor = (ctx: FeatureContext, includeDeclaration: boolean) => Location[] | undefined;

/** Add yours here. */
export const DEFINITION_CONTRIBUTORS: DefinitionContributor[] = [termDefinition, clauseDefinition, commentDefinition];
export const REFERENCES_CONTRIBUTORS: ReferencesContributor[] = [termReferences, clauseReferences];

export function getDefinition(ctx: FeatureContext): Location[] {
  for (const c of DEFINITION_CONTRIBUTORS) {
    const found = c(ctx);
    if (found) return found;
  }
  return [];
}

export function getReferences(ctx: FeatureContext, includeDeclaration: boolean): Location[] {
  for (const c of REFERENCES_CONTRIBUTORS) {
    const found = c(ctx, includeDeclaration);
    if (found) return found;
  }
  return [];
}
