// Completion: defined terms, and clause numbers after "Section ". Contributors add items.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
import { termCompletions } from './termCompletion';
import { clauseCompletion } from './clauseCompletion';

export type CompletionContributor = (ctx: FeatureContext) => CompletionItem[];

/** Add yours here. */
export const COMPLETION_CONTRIBUTORS: CompletionContributor[] = [termCompletions, clauseCompletion];

export function getCompletions(ctx: FeatureContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const c of COMPLETION_CONTRIBUTORS) {
    if (ctx.token.isCancellationRequested) break;
    items.push(...c(ctx));
  }
  return items;
}
