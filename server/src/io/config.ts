// `.secdraft.json`: the repository's settings for the editor and the CLI alike. Data only —
// nothing in it can make the extension run code — and paths in it must stay in the workspace.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type SecSettings, type SeverityLevel, type SeverityOverride, isSeverityLevel, RULE_BY_CODE } from '../service';
import { parseJsonc } from './configText';

export const CONFIG_FILE_NAME = '.secdraft.json';

export interface SecConfig {
  settings: Partial<SecSettings>;
  legalGlobs: string[];
  consultationGlobs: string[];
  /** Lowest severity that makes `secdraft check` exit 1. */
  failOn: Exclude<SeverityLevel, 'ignore'>;
  /** Files of extra words, relative to the config file. */
  wordFiles: string[];
  /** Where the config came from, for messages. */
  source?: string;
  /** Keys that were ignored (unknown, or of the wrong type), each naming the key and the file. */
  warnings?: string[];
  /** The text the modification is compared with: a folder (relative to the config) or a git revision (#21). */
  compareTo?: string;
  /** Report only the findings of changed clauses and those a change causes (needs compareTo). */
  changedOnly?: boolean;
  /** Globs of files (relative to the config's folder) the checker never reads (ignores.ts). */
  ignores?: string[];
}

export const DEFAULT_CONFIG: SecConfig = { settings: {}, legalGlobs: [], consultationGlobs: [], failOn: 'warning', wordFiles: [], ignores: [] };

export class ConfigError extends Error {}

function stringArray(value: unknown, what: string, file: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) throw new ConfigError(`${file}: "${what}" must be a list of strings`);
  return value as string[];
}

/** Globs are relative to the workspace: an absolute path or a ".." segment would reach outside it. */
function workspaceGlobs(value: unknown, what: string, file: string): string[] {
  const globs = stringArray(value, what, file);
  for (const g of globs) {
    if (/^([a-zA-Z]:)?[\\/]|^~/.test(g) || g.split(/[\\/]/).includes('..')) {
      throw new ConfigError(`${file}: "${what}" pattern "${g}" points outside the workspace; refused`);
    }
  }
  return globs;
}

/** Every key `.secdraft.json` may hold ("$schema" for editors that validate it). */
export const CONFIG_KEYS = ['severity', 'failOn', 'words', 'wordFiles', 'legalFiles', 'consultationFiles', 'allowDoubleSpaceAfterSentence', 'linkThreshold', 'compareTo', 'changedOnly', 'ignores', 'overrides', '$schema'] as const;

/** Every key an entry of "overrides" may hold. */
export const OVERRIDE_KEYS = ['files', 'severity'] as const;

/** Edit distance, for "did you mean" (keys are short, so the plain table is fine). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The known key nearest to a misspelt one ("legalFile" → "legalFiles"), if any is near. */
export function nearestConfigKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of CONFIG_KEYS) {
    const d = editDistance(key.toLowerCase(), known.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Warnings for keys that are ignored: unknown ones (with the nearest known key) and wrong types. */
function ignoredKeys(o: Record<string, unknown>, file: string): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(o)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    const near = nearestConfigKey(key);
    warnings.push(`${file}: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ` (known keys: ${CONFIG_KEYS.filter(k => k !== '$schema').join(', ')})`}; ignored`);
  }
  if (o.allowDoubleSpaceAfterSentence !== undefined && typeof o.allowDoubleSpaceAfterSentence !== 'boolean') {
    warnings.push(`${file}: "allowDoubleSpaceAfterSentence" must be true or false, not ${JSON.stringify(o.allowDoubleSpaceAfterSentence)}; ignored`);
  }
  if (o.linkThreshold !== undefined && (typeof o.linkThreshold !== 'number' || !Number.isFinite(o.linkThreshold))) {
    warnings.push(`${file}: "linkThreshold" must be a number, not ${JSON.stringify(o.linkThreshold)}; ignored`);
  }
  if (o.compareTo !== undefined && typeof o.compareTo !== 'string') warnings.push(`${file}: "compareTo" must be a folder or a git revision (a string); ignored`);
  if (o.changedOnly !== undefined && typeof o.changedOnly !== 'boolean') warnings.push(`${file}: "changedOnly" must be true or false; ignored`);
  return warnings;
}

/** A code → level object; `where` names it in messages ("severity", "overrides[0].severity"). */
function parseSeverity(value: unknown, file: string, where: string): Record<string, SeverityLevel> {
  const severity: Record<string, SeverityLevel> = {};
  if (value === undefined) return severity;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${file}: ${where} must be an object of code → level`);
  for (const [code, level] of Object.entries(value)) {
    if (!RULE_BY_CODE.has(code)) throw new ConfigError(`${file}: unknown diagnostic code "${code}" in ${where}`);
    const within = where === '"severity"' ? '' : ` in ${where}`;
    if (!isSeverityLevel(level)) throw new ConfigError(`${file}: severity of "${code}"${within} must be ignore, hint, information, warning or error`);
    severity[code] = level;
  }
  return severity;
}

/**
 * "overrides": [{ "files": [globs], "severity": {code: level} }], globs relative to the config's
 * folder. Wrong shapes are errors (a severity silently not applied would mislead CI); unknown
 * keys in an entry are warnings, as at the top level.
 */
function parseOverrides(value: unknown, file: string): { list: SeverityOverride[]; warnings: string[] } {
  const list: SeverityOverride[] = [];
  const warnings: string[] = [];
  if (value === undefined) return { list, warnings };
  if (!Array.isArray(value)) throw new ConfigError(`${file}: "overrides" must be a list of { "files": [...], "severity": {...} }`);
  const base = pathToFileURL(path.resolve(path.dirname(file))).toString();
  value.forEach((entry: unknown, i) => {
    const where = `overrides[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ConfigError(`${file}: ${where} must be an object with "files" and "severity"`);
    const e = entry as Record<string, unknown>;
    const files = workspaceGlobs(e.files, `${where}.files`, file);
    if (files.length === 0) throw new ConfigError(`${file}: ${where} needs "files", a list of globs`);
    for (const key of Object.keys(e)) {
      if (!(OVERRIDE_KEYS as readonly string[]).includes(key)) warnings.push(`${file}: unknown key "${key}" in ${where} (known keys: ${OVERRIDE_KEYS.join(', ')}); ignored`);
    }
    list.push({ base, files, severity: parseSeverity(e.severity, file, `"${where}.severity"`) });
  });
  return { list, warnings };
}

/** Parse config text; throws ConfigError with the file name and the reason. */
export function parseConfig(text: string, file: string): SecConfig {
  let raw: unknown;
  try {
    raw = parseJsonc(text.replace(/^\uFEFF/, '')); // comments and trailing commas allowed (configText.ts)
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: expected a JSON object`);
  const o = raw as Record<string, unknown>;
  const severity = parseSeverity(o.severity, file, '"severity"');
  const overrides = parseOverrides(o.overrides, file);
  const failOn = o.failOn ?? 'warning';
  if (!isSeverityLevel(failOn) || failOn === 'ignore') throw new ConfigError(`${file}: "failOn" must be hint, information, warning or error`);
  const settings: Partial<SecSettings> = { severity, words: stringArray(o.words, 'words', file) };
  if (typeof o.allowDoubleSpaceAfterSentence === 'boolean') settings.allowDoubleSpaceAfterSentence = o.allowDoubleSpaceAfterSentence;
  if (typeof o.linkThreshold === 'number') settings.linkThreshold = o.linkThreshold;
  if (overrides.list.length > 0) settings.overrides = overrides.list;
  return {
    settings,
    legalGlobs: workspaceGlobs(o.legalFiles, 'legalFiles', file),
    consultationGlobs: workspaceGlobs(o.consultationFiles, 'consultationFiles', file),
    failOn,
    wordFiles: stringArray(o.wordFiles, 'wordFiles', file),
    source: file,
    warnings: [...ignoredKeys(o, file), ...overrides.warnings],
    ignores: workspaceGlobs(o.ignores, 'ignores', file),
    ...(typeof o.compareTo === 'string' ? { compareTo: o.compareTo } : {}),
    ...(typeof o.changedOnly === 'boolean' ? { changedOnly: o.changedOnly } : {}),
  };
}

/** The real path of `p` (symbolic links resolved, dangling ones too), or `p` itself when it does not exist yet. */
export function realPath(p: string, depth = 0): string {
  try {
    return fs.realpathSync(p);
  } catch {
    try {
      if (depth < 40 && fs.lstatSync(p).isSymbolicLink()) return realPath(path.resolve(path.dirname(p), fs.readlinkSync(p)), depth + 1);
    } catch {
      // Not there at all: its own path.
    }
    return path.resolve(p);
  }
}

/**
 * The path of `file` relative to `folder` when it is the folder itself ('') or below it, else
 * undefined. A name that merely starts with ".." ("..drafts") is below; "../x" is not.
 */
export function relativeBelow(folder: string, file: string): string | undefined {
  const rel = path.relative(folder, file);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel;
}

/** Is `file`, with every symbolic link resolved, inside the folder `root` (and not the folder itself)? */
export function isInside(root: string, file: string): boolean {
  const rel = relativeBelow(realPath(root), realPath(file));
  return rel !== undefined && rel !== '';
}

/** Read a config file and its word files; a word file outside `root` is refused. */
export function loadConfig(file: string, root = path.dirname(file)): SecConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const config = parseConfig(text, file);
  const words = [...(config.settings.words ?? [])];
  for (const wf of config.wordFiles) {
    const abs = path.resolve(path.dirname(file), wf);
    // Real paths: a symbolic link inside the workspace to a file outside it is outside it.
    if (!isInside(root, abs)) throw new ConfigError(`${file}: word file "${wf}" lies outside the workspace; refused`);
    try {
      words.push(...fs.readFileSync(abs, 'utf8').split(/\r?\n/).map(s => s.trim()).filter(s => s && !s.startsWith('#')));
    } catch (e) {
      throw new ConfigError(`${file}: cannot read word file "${wf}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  config.settings.words = words;
  return config;
}

/** The nearest .secdraft.json at or above `dir`, if any. */
export function findConfig(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
