// `secdraft check --fix` and `--fix-dry-run`: apply every certain fix (the same edits as the
// editor's "fix all"), in passes until nothing is left to fix, because one fix can make room
// for another that overlapped it. `--fix` writes each changed file atomically (a temporary
// file in the same folder, then rename) in the encoding it was read in, refuses a file that
// changed on disk since it was read or whose encoding cannot be known, and first removes
// temporary files a killed run left; `--fix-dry-run` prints a unified diff and writes nothing.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { certainEdits, isResponsesFile, looksLikeConsultation } from '../service';
import { decodeText } from '../io/files';
import { WriteConflictError, writeFileAtomic } from '../io/atomicWrite';
import { ENCODING_LABEL, encodeText, roundTrips } from '../io/encoding';
import { removeStaleTempFiles } from '../io/tempFiles';
import type { LoadedWorkspace } from './load';
import { isOriginal } from '../io/extract';

export type FixMode = 'write' | 'dry-run';

/** At most this many passes: each pass can only shrink what is left, but never loop forever. */
const MAX_PASSES = 10;

export interface FixedFile {
  path: string;
  before: string;
  after: string;
  applied: number;
}

/** Apply the certain fixes of one document in passes; the service ends holding the fixed text. */
function fixDocument(ws: LoadedWorkspace, uri: string): { text: string; applied: number } {
  const model = ws.service.getModel(uri)!;
  let text = model.text;
  let applied = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const edits = certainEdits(ws.service.getDiagnostics(uri)).filter(e => e.uri === uri);
    if (edits.length === 0) break;
    text = TextDocument.applyEdits(TextDocument.create(uri, 'sec', pass, text), edits);
    applied += edits.length;
    ws.service.setDocument({ uri, version: model.version + pass, text });
  }
  return { text, applied };
}

/**
 * The bytes to write for the fixed text, in the encoding the file was read in, or why it cannot
 * be written: it changed since it was read, its encoding cannot be known (encoding the text as
 * read must give back exactly the bytes on disk), or the fix needs a character that encoding
 * cannot hold.
 */
export function bytesToWrite(file: string, readText: string, fixedText: string): { bytes?: Buffer; onDisk?: Buffer; reason?: string } {
  let onDisk: Buffer;
  try {
    onDisk = fs.readFileSync(file);
  } catch (e) {
    return { reason: `cannot read it again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not fixed` };
  }
  const decoded = decodeText(onDisk);
  if (decoded.text !== readText) return { reason: 'changed on disk since it was read; not fixed (run secdraft check --fix again)' };
  if (!decoded.encoding || !roundTrips(onDisk, readText, decoded.encoding)) {
    return { reason: 'its encoding cannot be known for certain, so it is never written; not fixed (save it as UTF-8 to use --fix)' };
  }
  const encoded = encodeText(fixedText, decoded.encoding);
  if (!encoded.bytes) return { reason: `the fix needs "${encoded.unencodable}", which ${ENCODING_LABEL[decoded.encoding]} cannot hold; not fixed` };
  return { bytes: encoded.bytes, onDisk };
}

/** Write the fixed bytes atomically, refusing if the file changes meanwhile; the reason when not written. */
export function writeFixed(file: string, bytes: Buffer, onDisk: Buffer | undefined): string | undefined {
  try {
    writeFileAtomic(file, bytes, { expected: onDisk });
    return undefined;
  } catch (e) {
    if (e instanceof WriteConflictError) return 'changed on disk while it was being fixed; not fixed (run secdraft check --fix again)';
    return `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not fixed`;
  }
}

/**
 * Fix every loaded file. In 'write' mode changed files are written (problems go to writeErr,
 * and count as input errors); in 'dry-run' mode nothing is written. The service is left with
 * the fixed texts, so the findings reported afterwards are the ones still to be dealt with.
 */
export function applyCertainFixes(ws: LoadedWorkspace, mode: FixMode, writeErr: (s: string) => void): { files: FixedFile[]; failures: number } {
  const files: FixedFile[] = [];
  let failures = 0;
  const cleaned = new Set<string>(); // folders whose stale temporary files were removed
  for (const uri of ws.uris) {
    const model = ws.service.getModel(uri);
    // Fixes are for legal text, never for respondents' words: not a collation, not a responses file.
    // Nor for a Word document's text: it is read-only (`secdraft convert` makes a file to fix).
    if (!model || model.kind !== 'legal' || isResponsesFile(uri) || looksLikeConsultation(model.text) || isOriginal(uri)) continue;
    const before = model.text;
    const { text: after, applied } = fixDocument(ws, uri);
    if (after === before) continue;
    const shown = ws.pathOf.get(uri) ?? fileURLToPath(uri);
    if (mode === 'write') {
      const file = fileURLToPath(uri);
      if (!cleaned.has(path.dirname(file))) {
        cleaned.add(path.dirname(file));
        removeStaleTempFiles(path.dirname(file));
      }
      const { bytes, onDisk, reason: unreadable } = bytesToWrite(file, before, after);
      const reason = unreadable ?? writeFixed(file, bytes!, onDisk!);
      if (reason) {
        writeErr(`secdraft: ${shown}: ${reason}`);
        ws.service.setDocument({ uri, version: model.version + MAX_PASSES + 1, text: before });
        failures++;
        continue;
      }
    }
    files.push({ path: shown, before, after, applied });
  }
  return { files, failures };
}

/** The unified diff of the fixed files, as `git diff` would show it. */
export function unifiedDiff(files: FixedFile[]): string {
  return files
    .map(f => {
      const [from, to] = path.isAbsolute(f.path) ? [f.path, f.path] : [`a/${f.path}`, `b/${f.path}`];
      return createTwoFilesPatch(from, to, f.before, f.after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
    })
    .join('');
}
