// The settings the core runs with, merged in one place for the server and the CLI: the
// defaults (service/types.ts resolveSettings), then .secdraft.json, then the word list, then —
// in an editor — the drafter's own `secDrafting.*` settings.
import type { SecSettings } from '../service';
import type { SecConfig } from './config';

/**
 * The client's `secDrafting.*` settings as they arrive: in initializationOptions (flat, or under
 * `secDrafting`), pushed in workspace/didChangeConfiguration, or pulled with workspace/configuration.
 */
export interface ClientSettings {
  severity?: Record<string, SecSettings['severity'][string]>;
  words?: string[];
  legalFiles?: string[];
  consultationFiles?: string[];
  allowDoubleSpaceAfterSentence?: boolean;
  linkThreshold?: number;
  /** The baseline to compare with (a folder or a git revision), and whether to show only changed clauses' findings (#21). */
  compareTo?: string;
  changedOnly?: boolean;
  /** False in VS Code's Restricted Mode: then nothing that writes files is offered. */
  workspaceTrusted?: boolean;
}

/** The `secDrafting` settings in what a client sent: `{secDrafting: {…}}` or the settings themselves. */
export function settingsIn(value: unknown, nestedOnly = false): ClientSettings | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const nested = (value as { secDrafting?: unknown }).secDrafting;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) return nested as ClientSettings;
  return nestedOnly ? undefined : (value as ClientSettings);
}

export interface EffectiveSettings {
  settings: Partial<SecSettings>;
  legalGlobs: string[];
  consultationGlobs: string[];
}

/**
 * Defaults < .secdraft.json < personal settings, except severities: the repository's config
 * wins over personal settings there, so that CI and the editor agree. Words add up. `wordList`
 * is what wordList.ts found; with a `uri`, findings offer "Add to the workspace word list".
 */
export function mergeSettings(config: SecConfig, wordList: { uri?: string; words: string[] }, client: ClientSettings = {}): EffectiveSettings {
  const base = config.settings;
  const settings: Partial<SecSettings> = {
    ...base,
    ...(client.allowDoubleSpaceAfterSentence !== undefined ? { allowDoubleSpaceAfterSentence: client.allowDoubleSpaceAfterSentence } : {}),
    ...(client.linkThreshold !== undefined ? { linkThreshold: client.linkThreshold } : {}),
    severity: { ...(client.severity ?? {}), ...(base.severity ?? {}) },
    words: [...(base.words ?? []), ...wordList.words, ...(client.words ?? [])],
    ...(wordList.uri ? { wordListUri: wordList.uri } : {}),
  };
  return {
    settings,
    legalGlobs: [...config.legalGlobs, ...(client.legalFiles ?? [])],
    consultationGlobs: [...config.consultationGlobs, ...(client.consultationFiles ?? [])],
  };
}
