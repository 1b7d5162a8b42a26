// Per-file severities (`.secdraft.json` "overrides"): a list of globs, relative to the config's
// folder, with the severities that apply to the files they match. Pure: the config's folder
// arrives as a URI, and a file's URI is matched against the globs below it.
import type { SecSettings, SeverityLevel } from './types';
import { globToRegExp } from './model/classify';

export interface SeverityOverride {
  /** The folder the globs are relative to, as a URI (the config's folder). */
  base: string;
  /** Globs as in "legalFiles": `*` within a folder, `**` across folders; a glob with no `/` matches at any depth. */
  files: string[];
  severity: Record<string, SeverityLevel>;
}

/** A URI with its escapes undone: editors and Node escape different characters ("%3A", "@"). */
function decoded(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The path of `uri` below `base` ("a/b.sec.txt"), or undefined when it is not below it. */
function pathBelow(base: string, uri: string): string | undefined {
  const folder = decoded(base.endsWith('/') ? base : `${base}/`);
  const file = decoded(uri);
  return file.startsWith(folder) ? file.slice(folder.length) : undefined;
}

export function overrideMatches(override: SeverityOverride, uri: string): boolean {
  const rel = pathBelow(override.base, uri);
  return rel !== undefined && override.files.some(glob => globToRegExp(glob).test(rel));
}

/**
 * The settings for one file: every matching override's severities laid over the workspace's,
 * later overrides winning (as in ESLint). The same object when none matches, so caches keyed
 * on it keep working.
 */
export function settingsForUri(settings: SecSettings, uri: string): SecSettings {
  const matching = (settings.overrides ?? []).filter(o => overrideMatches(o, uri));
  if (matching.length === 0) return settings;
  const severity = { ...settings.severity };
  for (const o of matching) Object.assign(severity, o.severity);
  return { ...settings, severity };
}
