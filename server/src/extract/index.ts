// Reading the published originals (.docx, .pdf) of a collation: each becomes the JSON form
// the core reads, so every surface sees the same comments whatever the source. Failures
// become a problem naming the file and the reason; nothing here throws to the caller.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileProblem, LoadedFile } from '../files';
import { toJson } from './table';

/** Is this a binary original the extractors read (rather than a text file)? */
export function isOriginal(file: string): boolean {
  return /\.(docx|pdf)$/i.test(file);
}

/** Turn a .docx or .pdf collation into the JSON text the core reads. */
export async function extractCollation(file: string, bytes: Uint8Array): Promise<string> {
  // Loaded on first use (see originals.ts): a separate file next to the server and CLI bundles.
  const { extractDocx, extractPdf } = await import('./originals');
  return toJson(/\.docx$/i.test(file) ? await extractDocx(bytes) : await extractPdf(bytes));
}

/** Read an original from disk as a loaded file, or a problem naming it. */
export async function readOriginal(file: string): Promise<LoadedFile | FileProblem> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return { path: file, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    const text = await extractCollation(file, bytes);
    return { path: file, uri: pathToFileURL(path.resolve(file)).toString(), text };
  } catch (e) {
    return { path: file, reason: (e as Error)?.message ?? String(e) };
  }
}
