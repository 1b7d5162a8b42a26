// `secdraft check --fix` and `--fix-dry-run`: apply every certain fix (the same edits as the
// editor's "fix all"), in passes until nothing is left to fix, because one fix can make room
// for another that overlapped it. `--fix` writes each changed file atomically (a temporary
// file in the same folder, then rename) and refuses a file that changed on disk since it was
// read; `--fix-dry-run` prints a unified diff and writes nothing.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { certainEdits } from '../service/features/codeActions';
import { decodeText } from '../files';
import { writeFileAtomic } from '../atomicWrite';
import type { LoadedWorkspace } from './load';

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
  const model = ws.service.workspace.model(uri)!;
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

/** Write `text` over `file` atomically (shared writer: temp file, fsync, rename), keeping its UTF-8 byte-order mark. */
export function writeAtomically(file: string, text: string, bom: boolean): void {
  writeFileAtomic(file, (bom ? '\uFEFF' : '') + text);
}

/** Why a fixed file cannot be written back, or undefined when it can (and whether it has a BOM). */
export function checkUnchanged(file: string, readText: string): { reason?: string; bom: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { reason: `cannot read it again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); not fixed`, bom: false };
  }
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (decodeText(bytes).text !== readText) return { reason: 'changed on disk since it was read; not fixed (run secdraft check --fix again)', bom: false };
  if (utf16 || bytes.includes(0)) return { reason: 'is not UTF-8; not fixed (save it as UTF-8 to use --fix)', bom: false };
  return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

/**
 * Fix every loaded file. In 'write' mode changed files are written (problems go to writeErr,
 * and count as input errors); in 'dry-run' mode nothing is written. The service is left with
 * the fixed texts, so the findings reported afterwards are the ones still to be dealt with.
 */
export function applyCertainFixes(ws: LoadedWorkspace, mode: FixMode, writeErr: (s: string) => void): { files: FixedFile[]; failures: number } {
  const files: FixedFile[] = [];
  let failures = 0;
  for (const uri of ws.uris) {
    const model = ws.service.workspace.model(uri);
    if (!model || model.kind !== 'legal') continue; // fixes are for legal text, never for respondents' words
    const before = model.text;
    const { text: after, applied } = fixDocument(ws, uri);
    if (after === before) continue;
    const shown = ws.pathOf.get(uri) ?? fileURLToPath(uri);
    if (mode === 'write') {
      const file = fileURLToPath(uri);
      const { reason, bom } = checkUnchanged(file, before);
      if (reason) {
        writeErr(`secdraft: ${shown}: ${reason}`);
        ws.service.setDocument({ uri, version: model.version + MAX_PASSES + 1, text: before });
        failures++;
        continue;
      }
      writeAtomically(file, after, bom);
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
