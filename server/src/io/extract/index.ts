// Reading the published originals (.docx, .pdf) of a collation: each becomes the JSON form
// the core reads, so every surface sees the same comments whatever the source. Failures
// become a problem naming the file and the reason; nothing here throws to the caller.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileProblem, LoadedFile } from '../files';
import { toJson } from './table';
import { globToRegExp, hasConsultationName } from '../../service';
import type { DocxLegalText } from './wordLegal';

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

/** The legal text of a .docx (after and before its tracked changes); throws a reason a drafter understands. */
export async function readWordLegalText(bytes: Uint8Array): Promise<DocxLegalText & { legal: boolean }> {
  const { readDocxLegalText, looksLikeLegalText } = await import('./originals');
  const text = await readDocxLegalText(bytes);
  return { ...text, legal: looksLikeLegalText(text.after) };
}

/** Where `secdraft convert FILE.docx` writes by default: FILE.sec.md beside it. */
export function convertedName(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file).replace(/\.docx$/i, '')}.sec.md`);
}

/** The URI of the Word document FILE.docx that FILE.sec.md was converted from, when it is there. */
export function convertedFrom(file: string): string | undefined {
  if (!/\.sec\.md$/i.test(file)) return undefined;
  const docx = file.replace(/\.sec\.md$/i, '.docx');
  return fs.existsSync(docx) ? pathToFileURL(path.resolve(docx)).toString() : undefined;
}

export interface OriginalOptions {
  legalGlobs?: string[];
  consultationGlobs?: string[];
  /**
   * The file was only met in a folder, not named by the user or a setting: a Word document that
   * cannot be opened (encrypted, damaged, Word's ~$ lock file) is passed over, not a problem.
   */
  foundInFolder?: boolean;
}

/**
 * Read an original from disk as a loaded file, a problem naming it, or undefined for a .docx
 * that is neither legal text nor a collation (any Word document in a folder is looked at).
 * A .docx is a collation when its name or a consultationFiles glob says so; legal text when a
 * legalFiles glob names it or its paragraphs read as clauses (wordLegal.ts): then it is loaded
 * with languageId 'sec' and its text is the Markdown form `secdraft convert` writes, so the
 * lines and columns of its findings are those of that text.
 */
export async function readOriginal(file: string, options: OriginalOptions = {}): Promise<LoadedFile | FileProblem | undefined> {
  if (!/\.docx$/i.test(file)) return readCollation(file);
  const p = file.split(path.sep).join('/');
  const matches = (globs?: string[]) => (globs ?? []).some(g => globToRegExp(g).test(p));
  if (hasConsultationName(file) || matches(options.consultationGlobs)) return readCollation(file);
  // Converted (secdraft convert): the drafter works on FILE.sec.md; reading both would define every term twice.
  if (options.foundInFolder && fs.existsSync(convertedName(file))) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return { path: file, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let legal: DocxLegalText & { legal: boolean };
  try {
    legal = await readWordLegalText(bytes);
  } catch (e) {
    return options.foundInFolder && !matches(options.legalGlobs) ? undefined : { path: file, reason: (e as Error)?.message ?? String(e) };
  }
  const asLegal = (): LoadedFile => ({
    path: file, uri: pathToFileURL(path.resolve(file)).toString(), text: legal.after, languageId: 'sec',
    ...(legal.before !== undefined ? { textBeforeChanges: legal.before } : {}),
  });
  if (legal.legal) return asLegal();
  // Not clauses: a collation found by its content (a Respondent/Category table) even where a broad
  // legalFiles pattern ("**/*.docx") names it, as for text files; then legal text if named so.
  const collation = await readCollation(file);
  if ('text' in collation && /"respondent"\s*:/.test(collation.text)) return collation;
  if (matches(options.legalGlobs)) return asLegal();
  return options.foundInFolder ? undefined : {
    path: file,
    reason: 'neither SEC legal text (no numbered clauses such as G8.41, no Section or Part heading) nor a consultation collation (no Respondent table); a legalFiles pattern naming it reads it as legal text',
  };
}

async function readCollation(file: string): Promise<LoadedFile | FileProblem> {
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
