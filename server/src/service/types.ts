// Shared types of the analysis core. Positions and ranges are LSP's (0-based lines,
// UTF-16 columns); the CLI converts them to 1-based for people.
import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

import type { SeverityOverride } from './overrides';

/** A severity as a drafter sets it; `ignore` switches a check off. */
export type SeverityLevel = 'ignore' | 'hint' | 'information' | 'warning' | 'error';

/** What a file is to the checker. */
export type DocumentKind = 'legal' | 'consultation' | 'other';

/** A replacement of text in one document. */
export interface SecTextEdit {
  uri: string;
  range: Range;
  newText: string;
  /** The file may not exist yet (a word list): create it before editing. */
  createIfMissing?: boolean;
}

/** A fix a quick fix or `secdraft check --fix` can apply. */
export interface SecFix {
  title: string;
  edits: SecTextEdit[];
  /** Certain fixes are applied by "fix all" and `--fix`; others only one at a time. */
  certain: boolean;
  isPreferred?: boolean;
}

export interface SecRelated {
  uri: string;
  range: Range;
  message: string;
}

/** What a rule reports, before settings and suppressions are applied. */
export interface Finding {
  code: string;
  range: Range;
  message: string;
  related?: SecRelated[];
  fixes?: SecFix[];
  /** Machine-readable extras a feature may use (e.g. the term, the expected number). */
  data?: Record<string, unknown>;
}

/** A finding as a drafter sees it: with its severity and the clause it sits in. */
export interface SecDiagnostic extends Finding {
  severity: Exclude<SeverityLevel, 'ignore'>;
  source: 'sec';
  clause?: string;
}

/** Settings shared by the editor and the CLI (`.secdraft.json` and VS Code settings). */
export interface SecSettings {
  /** Severity per diagnostic code; codes not named take the rule's default. */
  severity: Record<string, SeverityLevel>;
  /** Extra words/expressions that are never reported as undefined terms. */
  words: string[];
  /** Allow two spaces after a full stop (some house styles do). */
  allowDoubleSpaceAfterSentence: boolean;
  /** Minimum score for an inferred comment-to-clause link. */
  linkThreshold: number;
  /** The workspace's word list file (sec-words.txt), where the quick fix adds words. */
  wordListUri?: string;
  /** Severities for the files some globs match (`.secdraft.json` "overrides"; overrides.ts). */
  overrides?: SeverityOverride[];
}

export const DEFAULT_SETTINGS: SecSettings = {
  severity: {},
  words: [],
  allowDoubleSpaceAfterSentence: false,
  linkThreshold: 0.35,
};

/** Merge partial settings over defaults without mutating either. */
export function resolveSettings(partial?: Partial<SecSettings>): SecSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    severity: { ...DEFAULT_SETTINGS.severity, ...(partial?.severity ?? {}) },
    words: [...(partial?.words ?? DEFAULT_SETTINGS.words)],
  };
}

/** A cancellation check the core polls in long loops (LSP's token satisfies it). */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationLike = { isCancellationRequested: false };
