// A multi-root workspace: each workspace folder's nearest .secdraft.json applies to the files
// under that folder. The first folder's config is the workspace's (as with one folder); each
// other folder's config (or none: the defaults) becomes severity "overrides" for its files (the
// core applies those per file: service/overrides.ts); its words and file globs are added to
// the workspace's (the core has one list of each), and its "ignores" apply below its own folder.
import { pathToFileURL } from 'url';
import * as path from 'path';
import { RULE_BY_CODE, type SeverityLevel, type SeverityOverride } from '../service';
import type { SecConfig } from './config';
import type { ClientSettings, EffectiveSettings } from './settings';

export interface FolderConfig {
  /** The workspace folder (absolute). */
  folder: string;
  config: SecConfig;
  /** The folder's word list (sec-words.txt beside its config, or its wordFiles). */
  words: string[];
}

/**
 * The severities a folder's files take: its own config's, and for every code the first
 * folder's config sets but this one does not, what that code would be without it (the
 * drafter's own setting, or the rule's default).
 */
function folderSeverity(primary: SecConfig, own: SecConfig, client: ClientSettings): Record<string, SeverityLevel> {
  const severity: Record<string, SeverityLevel> = {};
  for (const code of Object.keys(primary.settings.severity ?? {})) {
    severity[code] = client.severity?.[code] ?? RULE_BY_CODE.get(code)?.defaultSeverity ?? 'warning';
  }
  return { ...severity, ...(own.settings.severity ?? {}) };
}

/**
 * Lay the other folders' configs over the merged settings of the first: a config found by more
 * than one folder (or the first folder's own) is applied once.
 */
export function withFolderConfigs(merged: EffectiveSettings, primary: SecConfig, others: FolderConfig[], client: ClientSettings = {}): EffectiveSettings {
  const seen = new Set([primary.source]);
  const overrides: SeverityOverride[] = [...(merged.settings.overrides ?? [])];
  const words = [...(merged.settings.words ?? [])];
  const legalGlobs = [...merged.legalGlobs];
  const consultationGlobs = [...merged.consultationGlobs];
  for (const { folder, config, words: folderWords } of others) {
    const key = config.source ?? `no config: ${folder}`;
    if (seen.has(key)) continue;
    seen.add(key);
    overrides.push({ base: pathToFileURL(path.resolve(folder)).toString(), files: ['**'], severity: folderSeverity(primary, config, client) });
    overrides.push(...(config.settings.overrides ?? []));
    words.push(...(config.settings.words ?? []), ...folderWords);
    legalGlobs.push(...config.legalGlobs.filter(g => !legalGlobs.includes(g)));
    consultationGlobs.push(...config.consultationGlobs.filter(g => !consultationGlobs.includes(g)));
  }
  return { settings: { ...merged.settings, words, ...(overrides.length ? { overrides } : {}) }, legalGlobs, consultationGlobs };
}
