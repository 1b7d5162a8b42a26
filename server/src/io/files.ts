// Finding and reading the workspace's files, for the CLI and the server alike. Every problem
// becomes a FileProblem naming the file and the reason; nothing here throws to the caller.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { hasConsultationName, hasLegalName, globToRegExp, looksLikeConsultation } from '../service';
import { type IgnoreRules, isIgnored } from './ignores';
import { ENCODING_LABEL, type TextEncodingName, decodeWindows1252, looksLikeWindows1252 } from './encoding';

export interface LoadedFile {
  path: string;
  uri: string;
  text: string;
  /** Problems that did not stop the file being read (encoding); reported as file-error. */
  warnings?: string[];
  /** Facts worth knowing about how the file was read (its encoding); reported as information. */
  notes?: string[];
  /** The encoding the file was read in; undefined when it cannot be known (never written back). */
  encoding?: TextEncodingName;
  /** 'sec' for legal text the name does not say is legal (a Word document's extracted text). */
  languageId?: string;
  /** A Word document with tracked changes: its text before them (what the modification changes). */
  textBeforeChanges?: string;
}

export interface FileProblem {
  path: string;
  reason: string;
}

export interface CollectOptions {
  legalGlobs?: string[];
  consultationGlobs?: string[];
  /** Files larger than this are reported, not read. */
  maxBytes?: number;
  /** `.secdraft.json` "ignores": never read, not even when named. */
  ignores?: IgnoreRules | readonly IgnoreRules[];
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.code-server', '.vscode-test']);
const SNIFF_EXTENSIONS = new Set(['.txt', '.csv', '.json']);

/** Is this a file the checker reads when it meets it in a folder? */
export function isCandidate(file: string, options: CollectOptions): boolean {
  // Any Word document may be legal text: its content decides (extract/index.ts readOriginal).
  if (hasLegalName(file) || hasConsultationName(file) || /\.docx$/i.test(file)) return true;
  const p = file.split(path.sep).join('/');
  return [...(options.legalGlobs ?? []), ...(options.consultationGlobs ?? [])].some(g => globToRegExp(g).test(p));
}

/**
 * Walk folders (following no symlink twice), returning candidate files and problems. A file or
 * folder "ignores" matches is passed over; one named in `inputs` is listed in `skipped`, so that
 * the caller can say so (nothing named is skipped silently).
 */
export function collectPaths(inputs: string[], options: CollectOptions = {}): { files: string[]; problems: FileProblem[]; skipped: string[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    if (isIgnored(p, options.ignores)) {
      if (explicit && !skipped.includes(p)) skipped.push(p);
      return;
    }
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(p);
      stat = fs.statSync(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: p, reason: code === 'ENOENT' ? 'no such file or folder' : code === 'ELOOP' ? 'symbolic link loop' : `cannot read (${code ?? (e as Error).message})` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(real).sort();
      } catch (e) {
        problems.push({ path: p, reason: `cannot list folder (${(e as NodeJS.ErrnoException).code})` });
        return;
      }
      for (const name of entries) {
        if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
        visit(path.join(p, name), false);
      }
    } else if (stat.isFile()) {
      if (explicit || isCandidate(p, options) || (SNIFF_EXTENSIONS.has(path.extname(p).toLowerCase()) && sniffConsultation(real))) files.push(p);
    } else if (explicit) problems.push({ path: p, reason: 'not a regular file' });
  };
  for (const input of inputs) visit(input, true);
  return { files, problems, skipped };
}

function sniffConsultation(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(8192);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return looksLikeConsultation(buf.subarray(0, n).toString('utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface DecodedText {
  text?: string;
  /** Why the bytes are not read at all (binary, mostly invalid). */
  reason?: string;
  /** A problem with the reading (a guessed or invalid encoding): file-error. */
  warning?: string;
  /** How the bytes were read, when that is worth saying (Windows-1252): information. */
  note?: string;
  /** Undefined when the encoding cannot be known: such a file is never written back. */
  encoding?: TextEncodingName;
}

/**
 * Decode file bytes as text: UTF-8 (BOM stripped), UTF-16 (with a BOM, or recognised by its
 * zero bytes) or, when the bytes are not UTF-8 but fit it, Windows-1252 (Word's "plain text":
 * curly quotes 0x93/0x94, £ 0xA3). Binary is refused; a few invalid UTF-8 bytes in a file that
 * is not Windows-1252 are decoded as U+FFFD and reported, so the rest is still checked.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le-bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16be(bytes.subarray(2)), encoding: 'utf-16be-bom' };
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) {
    const utf16 = guessUtf16(sample);
    if (utf16 === 'le') return { text: bytes.toString('utf16le'), warning: 'UTF-16 without a byte-order mark; read as UTF-16LE', encoding: 'utf-16le' };
    if (utf16 === 'be') return { text: utf16be(bytes), warning: 'UTF-16 without a byte-order mark; read as UTF-16BE', encoding: 'utf-16be' };
    return { reason: 'binary file (contains NUL bytes), not text' };
  }
  const text = bytes.toString('utf8');
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const replaced = countChar(text, 0xfffd) - countEncodedReplacement(bytes);
  if (replaced > 0) {
    if (looksLikeWindows1252(bytes)) {
      const label = ENCODING_LABEL['windows-1252'];
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252', note: `Read as ${label} (the file is not valid UTF-8); --fix writes it back in ${label}` };
    }
    if (replaced > 64 && replaced > text.length / 20) return { reason: `not text: ${replaced} bytes are not valid UTF-8` };
    return { text: text.slice(start), warning: `${replaced} byte sequence${replaced === 1 ? ' is' : 's are'} not valid UTF-8 (shown as \uFFFD), and the encoding cannot be known; save the file as UTF-8 (--fix never writes it)` };
  }
  return { text: start ? text.slice(start) : text, encoding: start ? 'utf-8-bom' : 'utf-8' };
}

function utf16be(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Text in UTF-16 has a zero in every other byte for Latin script. */
function guessUtf16(sample: Buffer): 'le' | 'be' | undefined {
  let evenZeros = 0;
  let oddZeros = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (pairs === 0) return undefined;
  if (oddZeros / pairs > 0.6 && evenZeros / pairs < 0.05) return 'le';
  if (evenZeros / pairs > 0.6 && oddZeros / pairs < 0.05) return 'be';
  return undefined;
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD) is text, not a decoding error. */
function countEncodedReplacement(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/** Read one text file; binary formats (.docx, .pdf) are read by their extractors instead. */
export function readTextFile(file: string, maxBytes = DEFAULT_MAX_BYTES): LoadedFile | FileProblem {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { path: file, reason: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit; not checked` };
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path: file, reason: code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})` };
  }
  const decoded = decodeText(bytes);
  if (decoded.reason !== undefined) return { path: file, reason: decoded.reason };
  return {
    path: file,
    uri: pathToFileURL(path.resolve(file)).toString(),
    text: decoded.text!,
    ...(decoded.warning ? { warnings: [decoded.warning] } : {}),
    ...(decoded.note ? { notes: [decoded.note] } : {}),
    ...(decoded.encoding ? { encoding: decoded.encoding } : {}),
  };
}

export function isProblem(x: LoadedFile | FileProblem): x is FileProblem {
  return (x as FileProblem).reason !== undefined;
}
