// Reading the baseline the modification is compared with (`--compare-to DIR|FILE|REV`, the
// `compareTo` key of .secdraft.json, the secDrafting.compareTo setting): the legal files of a
// folder, one file, or those of a git revision (`git ls-tree` + `git show REV:path`). Not the findings baseline
// (.secdraft-baseline.json, `--baseline FILE`): that one accepts findings, this one is the text.
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { pathToFileURL } from 'url';
import { type SecDocument, globToRegExp, hasLegalName } from '../service';
import { collectPaths, decodeText, isProblem, readTextFile } from './files';

const run = promisify(execFile);

export class CompareToError extends Error {}

export interface ComparedBaseline {
  /** "folder ../current-sec" or "git main": how reports name it. */
  label: string;
  docs: SecDocument[];
  /** Files that could not be read (each names the file and the reason). */
  problems: string[];
  /** For a folder or a file: its absolute path (the workspace must not also read it as its own). */
  folder?: string;
}

export interface CompareToOptions {
  /** Folder the spec and the checked paths are relative to (the current folder, the workspace root). */
  cwd: string;
  /** The paths checked: a git revision contributes its files under these only (default: all). */
  paths?: string[];
  /** Where to look for the git repository (default: the first path's folder, else `cwd`). */
  gitCwd?: string;
  legalGlobs?: string[];
}

/** Legal text by name or by a legalFiles glob: the only files a baseline needs. */
function isLegalFile(file: string, legalGlobs: readonly string[]): boolean {
  const slashed = file.split(path.sep).join('/');
  return hasLegalName(slashed) || legalGlobs.some(g => globToRegExp(g).test(slashed));
}

function readFolder(dir: string, spec: string, legalGlobs: string[]): ComparedBaseline {
  const { files, problems } = collectPaths([dir], { legalGlobs });
  const docs: SecDocument[] = [];
  const unread = problems.map(p => `${p.path}: ${p.reason}`);
  for (const file of files.filter(f => isLegalFile(f, legalGlobs))) {
    const loaded = readTextFile(file);
    if (isProblem(loaded)) unread.push(`${loaded.path}: ${loaded.reason}`);
    else docs.push({ uri: loaded.uri, version: 1, text: loaded.text, languageId: 'sec' });
  }
  return { label: `folder ${spec}`, docs, problems: unread, folder: dir };
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  return (stdout as Buffer).toString('utf8');
}

async function readRevision(rev: string, options: CompareToOptions): Promise<ComparedBaseline> {
  // A revision is never an option to git ("--output=…" would write a file).
  if (rev.startsWith('-') || /[\0\n]/.test(rev)) throw new CompareToError(`"${rev}" is not a folder or a git revision`);
  let top: string;
  const where = options.gitCwd ?? gitFolderOf(options);
  try {
    top = (await git(where, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new CompareToError(`"${rev}" is not a folder, and ${where} is not in a git repository (to compare with a revision)`);
  }
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new CompareToError(`"${rev}" is neither a folder nor a revision of the git repository at ${top}`);
  }
  const scope = (options.paths?.length ? options.paths : ['.']).map(p => path.relative(top, path.resolve(options.cwd, p)).split(path.sep).join('/'));
  const listed = (await git(top, ['ls-tree', '-r', '-z', '--name-only', `${rev}^{commit}`])).split('\0').filter(Boolean);
  const inScope = (file: string) => scope.some(s => s === '' || file === s || file.startsWith(s.endsWith('/') ? s : `${s}/`));
  const docs: SecDocument[] = [];
  const problems: string[] = [];
  for (const file of listed.filter(f => inScope(f) && isLegalFile(f, options.legalGlobs ?? []))) {
    const { stdout } = await run('git', ['show', `${rev}:${file}`], { cwd: top, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
    const decoded = decodeText(stdout as Buffer);
    if (decoded.reason !== undefined) problems.push(`${rev}:${file}: ${decoded.reason}`);
    // A URI of its own, so the baseline's files are never mistaken for the workspace's.
    else docs.push({ uri: `${pathToFileURL(path.join(top, file)).toString()}?rev=${encodeURIComponent(rev)}&path=${encodeURIComponent(file)}`, version: 1, text: decoded.text!, languageId: 'sec' });
  }
  return { label: `git ${rev}`, docs, problems };
}

/** The folder of the first path checked (a file's own folder), else `cwd`. */
function gitFolderOf(options: CompareToOptions): string {
  const first = options.paths?.[0] === undefined ? options.cwd : path.resolve(options.cwd, options.paths[0]);
  try {
    return fs.statSync(first).isDirectory() ? first : path.dirname(first);
  } catch {
    return options.cwd;
  }
}

/** Whether a document URI is a baseline file or lies in a baseline folder (inside the workspace). */
export function isUnder(folderOrFile: string, uri: string): boolean {
  const own = pathToFileURL(folderOrFile).toString().replace(/\/$/, '');
  return uri === own || uri.startsWith(`${own}/`);
}

/** A folder or a file (when `spec` names one) or else a git revision; CompareToError says why neither. */
export async function readCompareTo(spec: string, options: CompareToOptions): Promise<ComparedBaseline> {
  const target = path.resolve(options.cwd, spec);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch {
    // Not on disk: a revision, perhaps.
  }
  if (stat?.isDirectory()) return readFolder(target, spec, options.legalGlobs ?? []);
  if (stat?.isFile()) {
    // One file: the earlier version of a single Section.
    const loaded = readTextFile(target);
    if (isProblem(loaded)) throw new CompareToError(`${spec}: ${loaded.reason}`);
    return { label: `file ${spec}`, docs: [{ uri: loaded.uri, version: 1, text: loaded.text, languageId: 'sec' }], problems: [], folder: target };
  }
  return readRevision(spec, options);
}
