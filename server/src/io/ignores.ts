// `.secdraft.json` "ignores": files the checker never reads, as globs relative to the config's
// folder. Used by the CLI's folder walk and the server's scan and watched files (files.ts).
import * as path from 'path';
import { globToRegExp } from '../service';
import { type SecConfig, relativeBelow } from './config';

export interface IgnoreRules {
  /** The config's folder (absolute): the globs are relative to it. */
  base: string;
  globs: RegExp[];
  /** The config file, for messages. */
  source: string;
}

/** The config's "ignores", or undefined when it has none. */
export function ignoreRulesOf(config: SecConfig): IgnoreRules | undefined {
  if (!config.ignores?.length || !config.source) return undefined;
  return { base: path.resolve(path.dirname(config.source)), globs: config.ignores.map(globToRegExp), source: config.source };
}

/**
 * Does a glob of "ignores" match this file or folder? Nothing outside the config's folder is
 * ignored; with several configs (a multi-root workspace), each applies below its own folder.
 */
export function isIgnored(file: string, rules: IgnoreRules | readonly IgnoreRules[] | undefined): boolean {
  if (!rules) return false;
  if (Array.isArray(rules)) return rules.some(r => isIgnored(file, r));
  return isIgnoredBy(file, rules as IgnoreRules);
}

function isIgnoredBy(file: string, rules: IgnoreRules): boolean {
  const rel = relativeBelow(rules.base, path.resolve(file));
  if (!rel) return false;
  const slashed = rel.split(path.sep).join('/');
  return rules.globs.some(g => g.test(slashed));
}
