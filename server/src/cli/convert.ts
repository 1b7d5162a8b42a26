// `secdraft convert FILE.docx [--out FILE.sec.md] [--before] [--force]`: a Word legal text in the
// project's Markdown form (definitions bold, clause numbers kept, tables as Markdown tables), so
// the drafter can work on it in the editor. The text is exactly what `check` reads from the
// .docx, so a finding's line and column in the .docx are the same in the converted file.
// Tracked changes are accepted (`--before`: rejected, i.e. the text before the modification).
// An existing output is refused unless --force; the write is atomic (atomicWrite.ts).
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';
import { convertedName, readWordLegalText } from '../io/extract';
import { WriteConflictError, writeFileAtomic } from '../io/atomicWrite';

export interface ConvertOptions {
  paths: string[];
  out?: string;
  /** Write the text before the tracked changes instead of after them. */
  before?: boolean;
  force?: boolean;
}

export async function runConvert(options: ConvertOptions, writeErr: (s: string) => void): Promise<number> {
  if (options.paths.length !== 1) throw new UsageError('convert takes one Word document (secdraft convert FILE.docx [--out FILE.sec.md])');
  const file = options.paths[0];
  if (!/\.docx$/i.test(file)) throw new UsageError(`${file}: not a Word document (.docx); convert reads .docx files only`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  let read: Awaited<ReturnType<typeof readWordLegalText>>;
  try {
    read = await readWordLegalText(bytes);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  if (!read.legal) throw new UsageError(`${file}: does not read as SEC legal text (no numbered clauses such as G8.41, no Section or Part heading); nothing written`);
  if (options.before && read.before === undefined) throw new UsageError(`${file}: has no tracked changes, so there is no text before them; convert without --before`);
  const out = options.out ?? convertedName(file);
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(`${out}: the output would replace the Word document; name another file with --out`);
  let existing: Buffer | undefined;
  try {
    existing = fs.readFileSync(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UsageError(`${out}: ${code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  if (existing && !options.force) throw new UsageError(`${out} already exists; nothing written (use --force to replace it)`);
  const text = options.before ? read.before! : read.after;
  try {
    // Refused if the output appears or changes between the check above and the rename.
    writeFileAtomic(out, text, { expected: existing });
  } catch (e) {
    if (e instanceof WriteConflictError) throw new UsageError(`${out} changed while it was being written; nothing written (run convert again)`);
    throw new UsageError(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { insertions, deletions } = read.changes;
  const changes = insertions + deletions === 0 ? '' : `; ${insertions} insertion${insertions === 1 ? '' : 's'} and ${deletions} deletion${deletions === 1 ? '' : 's'} tracked, ${options.before ? 'rejected (the text before them)' : 'accepted'}`;
  writeErr(`secdraft: wrote ${out} (${text.split('\n').filter(Boolean).length} lines${changes})`);
  return 0;
}
