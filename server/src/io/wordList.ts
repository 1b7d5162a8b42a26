// The workspace word list: capitalised expressions a drafter has accepted as not needing a
// definition. `.secdraft.json` may name word files (`wordFiles`); without one, `sec-words.txt`
// in the workspace root is the list. The undefined-term quick fix appends to it.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { type SecConfig, isInside } from './config';

export const WORD_LIST_FILE = 'sec-words.txt';

/** Where the quick fix adds words, and the words of the default list when no config names one. */
export function workspaceWordList(root: string | undefined, config: SecConfig): { uri?: string; words: string[] } {
  if (config.wordFiles.length && config.source) {
    return { uri: pathToFileURL(path.resolve(path.dirname(config.source), config.wordFiles[0])).toString(), words: [] };
  }
  if (!root) return { words: [] };
  const file = path.join(root, WORD_LIST_FILE);
  // A sec-words.txt that is a symbolic link to a file outside the workspace is neither read nor written.
  if (!isInside(root, file)) return { words: [] };
  let words: string[] = [];
  try {
    words = fs.readFileSync(file, 'utf8').split(/\r?\n/).map(s => s.trim()).filter(s => s && !s.startsWith('#'));
  } catch {
    // No list yet: the quick fix creates it.
  }
  return { uri: pathToFileURL(file).toString(), words };
}

/** Does a changed file feed the word list (so settings must be re-read)? */
export function isWordListFile(file: string, config: SecConfig): boolean {
  if (path.basename(file) === WORD_LIST_FILE) return true;
  const dir = config.source ? path.dirname(config.source) : undefined;
  return !!dir && config.wordFiles.some(w => path.resolve(dir, w) === path.resolve(file));
}
