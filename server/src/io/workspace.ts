// The server's view of files on disk: scan the workspace folders at start-up (streamed, with
// progress) and re-read a file when the client reports it changed and it is not open.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { collectPaths, type FileProblem, isProblem, readTextFile } from './files';
import { isOriginal, readOriginal } from './extract';
import type { IgnoreRules } from './ignores';
import { ConfigError, DEFAULT_CONFIG, type SecConfig, findConfig, loadConfig } from './config';

export interface ScanResult {
  loaded: number;
  problems: FileProblem[];
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read the workspace's .secdraft.json — the nearest at or above the folder, found as `secdraft`
 * finds it — with its word files inside the config's own folder, as for `secdraft`; a broken one
 * is reported and defaults are used (ignored keys are in config.warnings).
 */
export function readWorkspaceConfig(root: string | undefined): { config: SecConfig; error?: string } {
  if (!root) return { config: DEFAULT_CONFIG };
  const file = findConfig(root);
  if (!file) return { config: DEFAULT_CONFIG };
  try {
    return { config: loadConfig(file, path.dirname(file)) };
  } catch (e) {
    return { config: DEFAULT_CONFIG, error: e instanceof ConfigError ? e.message : String(e) };
  }
}

/**
 * Scan folders and hand each file to `accept`, yielding to the event loop between files so
 * requests keep being served while a large workspace loads.
 */
export async function scanFolders(
  folders: string[],
  options: { legalGlobs: string[]; consultationGlobs: string[]; ignores?: IgnoreRules | readonly IgnoreRules[] },
  accept: (file: { uri: string; text: string; warnings?: string[]; notes?: string[]; languageId?: string; textBeforeChanges?: string }) => void,
  progress: (done: number, total: number) => void,
  isOpen: (uri: string) => boolean,
): Promise<ScanResult> {
  const { files, problems } = collectPaths(folders, options);
  let loaded = 0;
  for (let i = 0; i < files.length; i++) {
    const result = isOriginal(files[i]) ? await readOriginal(files[i], { ...options, foundInFolder: true }) : readTextFile(files[i]);
    if (!result) continue; // a Word document that is neither legal text nor a collation
    if (isProblem(result)) problems.push(result);
    else if (!isOpen(result.uri)) {
      accept(result);
      loaded++;
    }
    if (i % 20 === 19) {
      progress(i + 1, files.length);
      await new Promise(resolve => setImmediate(resolve));
    }
  }
  progress(files.length, files.length);
  return { loaded, problems };
}
