// `secdraft renumber [paths…] (--rename FROM=TO | --insert-after ID [--renumber-rest] | --paragraphs ID | --part ID) [--dry-run]`:
// the editor's renumbering (features/clauseRename.ts, features/renumber.ts) on files. Every
// changed file is checked against the disk before any is written, so a renumbering is applied
// whole or not at all; each is then written atomically (shared writer). Consultation comments
// are never edited: a collation's responses file records the renumbering so their links follow.
// Word legal text (.docx) is read too, so its references are known, but it is read-only: a
// renumbering that would edit one is refused whole (nothing is written), never applied in part.
// Exit 0 done, 2 refused (a taken number, an unknown clause, a changed file, a Word document to edit).
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SecTextEdit } from '../service';
import { type LoadedWorkspace, loadWorkspaceWithOriginals } from './load';
import { isReadOnlyDocument } from '../lsp/readOnlyDocuments';
import { UsageError } from './errors';
import { type FixedFile, bytesToWrite, unifiedDiff, writeFixed } from './fix';

export interface RenumberOptions {
  paths: string[];
  rename?: string;
  insertAfter?: string;
  renumberRest?: boolean;
  paragraphs?: string;
  part?: string;
  dryRun?: boolean;
  config?: string;
}

type Planned = { edits: SecTextEdit[]; summary: string } | { refused: string };

function plan(options: RenumberOptions, ws: LoadedWorkspace): Planned {
  const service = ws.service;
  if (options.rename !== undefined) {
    const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(options.rename);
    if (!m) throw new UsageError(`--rename takes FROM=TO (e.g. --rename G8.44C=G8.44D), not "${options.rename}"`);
    const r = service.renameClause(m[1], m[2]);
    return 'refused' in r ? r : { edits: r.ok, summary: `renamed ${m[1]} to ${m[2]}` };
  }
  if (options.insertAfter !== undefined) {
    const r = service.insertClause(options.insertAfter, options.renumberRest === true);
    return 'refused' in r ? r : { edits: r.ok.edits, summary: `inserted ${r.ok.newId} after ${options.insertAfter}${options.renumberRest ? ', renumbering the rest' : ''}` };
  }
  if (options.part !== undefined) {
    const r = service.renumberPart(options.part);
    return 'refused' in r ? r : { edits: r.ok.edits, summary: `renumbered ${r.ok.moved} clause${r.ok.moved === 1 ? '' : 's'} of ${options.part} in sequence` };
  }
  const r = service.renumberParagraphs(options.paragraphs!);
  return 'refused' in r ? r : { edits: r.ok, summary: `renumbered the paragraphs of ${options.paragraphs}` };
}

/** The bytes of a file to create, or why not (it appeared meanwhile). */
function newFileBytes(file: string, text: string): { bytes?: Buffer; onDisk?: Buffer; reason?: string } {
  return fs.existsSync(file) ? { reason: 'exists on disk but was not read; not fixed' } : { bytes: Buffer.from(text, 'utf8') };
}

export async function runRenumber(options: RenumberOptions, write: (s: string) => void, writeErr: (s: string) => void): Promise<number> {
  const chosen = [options.rename, options.insertAfter, options.paragraphs, options.part].filter(o => o !== undefined).length;
  if (chosen !== 1) throw new UsageError('say what to renumber: one of --rename FROM=TO, --insert-after ID, --paragraphs ID or --part ID');
  if (options.renumberRest && options.insertAfter === undefined) throw new UsageError('--renumber-rest goes with --insert-after');
  const ws = await loadWorkspaceWithOriginals(options.paths, options.config);
  for (const p of ws.problems) writeErr(`secdraft: ${p.path}: ${p.reason}`);
  const planned = plan(options, ws);
  if ('refused' in planned) {
    writeErr(`secdraft: ${planned.refused}`);
    return 2;
  }
  const byUri = new Map<string, SecTextEdit[]>();
  for (const e of planned.edits) (byUri.get(e.uri) ?? byUri.set(e.uri, []).get(e.uri)!).push(e);
  const inWord = [...byUri.keys()].filter(isReadOnlyDocument);
  if (inWord.length > 0) {
    // Writing Markdown over a .docx would destroy it, and leaving its references out would point them at the wrong clauses.
    for (const uri of inWord) {
      const n = byUri.get(uri)!.length;
      writeErr(`secdraft: ${ws.pathOf.get(uri) ?? uri}: a Word document is read-only, and the renumbering would edit it (${n} edit${n === 1 ? '' : 's'}); nothing renumbered. Convert it first (secdraft convert), then renumber the .sec.md`);
    }
    return 2;
  }
  const files: (FixedFile & { file: string; created: boolean })[] = [];
  for (const [uri, edits] of byUri) {
    const existing = ws.service.documentText(uri);
    const before = existing ?? '';
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, before), edits);
    files.push({ path: ws.pathOf.get(uri) ?? path.relative(process.cwd(), fileURLToPath(uri)), file: fileURLToPath(uri), before, after, applied: edits.length, created: existing === undefined });
  }
  if (options.dryRun) {
    write(unifiedDiff(files));
    writeErr(`secdraft: would have ${planned.summary}: ${planned.edits.length} edit${planned.edits.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
    return 0;
  }
  // Every file first: a renumbering written in part would leave references pointing at the wrong clauses.
  // A responses file the renumbering creates (so comment links follow) must still not exist.
  const checked = files.map(f => ({ f, ...(f.created ? newFileBytes(f.file, f.after) : bytesToWrite(f.file, f.before, f.after)) }));
  const refused = checked.filter(c => c.reason);
  const unrenumbered = (reason: string) => reason.replace(/not fixed.*$/, 'nothing renumbered (run secdraft renumber again)');
  if (refused.length > 0) {
    for (const c of refused) writeErr(`secdraft: ${c.f.path}: ${unrenumbered(c.reason!)}`);
    return 2;
  }
  // Each write is atomic and refused if the file changes meanwhile (in the encoding it was read in).
  let failed = 0;
  for (const c of checked) {
    const reason = writeFixed(c.f.file, c.bytes!, c.onDisk);
    if (reason) {
      writeErr(`secdraft: ${c.f.path}: ${unrenumbered(reason)}`);
      failed++;
    }
  }
  if (failed > 0) return 2;
  write(`secdraft: ${planned.summary}: ${planned.edits.length} edit${planned.edits.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
  for (const f of files) write(`  ${f.path} (${f.applied})`);
  return ws.problems.length > 0 ? 2 : 0;
}
