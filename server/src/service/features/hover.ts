// Hover: each contributor returns markdown sections for the position (a term's definition, a
// clause's heading and text, the consultation comments on a clause, a threshold's other
// statements); the sections are joined with rules between them.
import type { Hover } from 'vscode-languageserver-types';
import type { Range } from '../types';
import type { FeatureContext } from './context';
import { thresholdHover } from './thresholdHover';
import { termHover } from './termHover';
import { clauseHover } from './clauseHover';
import { commentHover } from './commentHover';

export interface HoverPart {
  /** Markdown; any untrusted text inside must already be escaped. */
  markdown: string;
  range?: Range;
}

export type HoverContributor = (ctx: FeatureContext) => HoverPart[];

/** Contributors in display order. Add yours here. */
export const HOVER_CONTRIBUTORS: HoverContributor[] = [clauseHover, termHover, thresholdHover, commentHover];

export function getHover(ctx: FeatureContext): Hover | null {
  const parts: HoverPart[] = [];
  for (const contribute of HOVER_CONTRIBUTORS) {
    if (ctx.token.isCancellationRequested) return null;
    parts.push(...contribute(ctx));
  }
  if (parts.length === 0) return null;
  const range = parts.find(p => p.range)?.range;
  return { contents: { kind: 'markdown', value: parts.map(p => p.markdown).join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
