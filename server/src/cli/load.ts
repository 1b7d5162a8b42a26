// Shared by every CLI verb: read the config, find the files, feed them to the core.
import * as path from 'path';
import { ConfigError, DEFAULT_CONFIG, type SecConfig, findConfig, loadConfig } from '../io/config';
import { collectPaths, type FileProblem, isProblem, readTextFile } from '../io/files';
import { createSecLanguageService, isResponsesFile, type SecLanguageService } from '../service';
import { UsageError } from './errors';
import { isWordListFile, workspaceWordList } from '../io/wordList';
import { mergeSettings } from '../io/settings';
import { isOriginal, readOriginal } from '../io/extract';
import { ignoreRulesOf } from '../io/ignores';

export interface LoadedWorkspace {
  service: SecLanguageService;
  config: SecConfig;
  /** uri → path as the user named it (relative paths stay relative in reports). */
  pathOf: Map<string, string>;
  uris: string[];
  problems: FileProblem[];
  /** .docx/.pdf collations found but not yet read (their extraction is asynchronous). */
  originals: string[];
  /** uri → the text before the tracked changes of a Word legal text that has some. */
  textBeforeChanges: Map<string, string>;
}

export function loadWorkspace(inputs: string[], configFile?: string): LoadedWorkspace {
  if (inputs.length === 0) inputs = ['.'];
  let config = DEFAULT_CONFIG;
  try {
    const found = configFile ?? findConfig(inputs[0]);
    if (found) config = loadConfig(found, configFile ? path.dirname(configFile) : path.dirname(found));
    // Ignored keys are warnings, not input errors: the check runs with the rest of the config.
    for (const warning of config.warnings ?? []) process.stderr.write(`secdraft: warning: ${warning}\n`);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const ignores = ignoreRulesOf(config);
  const { files, problems, skipped } = collectPaths(inputs, { legalGlobs: config.legalGlobs, consultationGlobs: config.consultationGlobs, ignores });
  // Named but ignored: said once, on stderr, and not a file problem (the config asked for it).
  for (const file of skipped) process.stderr.write(`secdraft: skipped ${file}: "ignores" in ${ignores?.source} matches it\n`);
  // sec-words.txt beside the config (or in the current folder) when the config names no word file.
  const wordList = workspaceWordList(config.source ? path.dirname(config.source) : process.cwd(), config);
  // No word list's place: the CLI's fixes (in its JSON) are the ones it can apply, and adding to the list is not one.
  const { settings, legalGlobs, consultationGlobs } = mergeSettings(config, { words: wordList.words });
  const service = createSecLanguageService({ settings, legalGlobs, consultationGlobs, oneShot: true });
  const pathOf = new Map<string, string>();
  const uris: string[] = [];
  const originals: string[] = [];
  const named = new Set(inputs.map(p => path.resolve(p)));
  for (const file of files) {
    if (isOriginal(file)) {
      originals.push(file);
      continue;
    }
    const loaded = readTextFile(file);
    if (isProblem(loaded)) {
      problems.push(loaded);
      continue;
    }
    const doc = { uri: loaded.uri, version: 1, text: loaded.text, fileProblems: loaded.warnings, fileNotes: loaded.notes };
    service.setDocument(named.has(path.resolve(file)) ? asNamed(service, config, doc, file) : doc);
    pathOf.set(loaded.uri, file);
    uris.push(loaded.uri);
  }
  return { service, config, pathOf, uris, problems, originals, textBeforeChanges: new Map() };
}

/**
 * A file named on the command line is checked: one that is neither legal text by its name (nor a
 * legalFiles glob), a collation nor a responses file is read as legal text, and a note on stderr
 * says so (the editor and a folder run choose by name, so they would pass it over). The word list
 * and the config are the exceptions, said so too (`secdraft check *` names them).
 */
function asNamed<D extends { uri: string; version: number; text: string }>(service: SecLanguageService, config: SecConfig, doc: D, file: string): D & { languageId?: string } {
  if (service.kindOf(doc) !== 'other' || isResponsesFile(doc.uri)) return doc;
  const role = isWordListFile(file, config) ? 'a word list' : config.source && path.resolve(config.source) === path.resolve(file) ? 'the configuration' : undefined;
  if (role) {
    process.stderr.write(`secdraft: note: ${file}: not checked: it is ${role}, not legal text\n`);
    return doc;
  }
  process.stderr.write(`secdraft: note: ${file}: read as legal text because it was named (legal text by name is *.sec, *.sec.txt or *.sec.md; for the editor and folder runs to read it too, add a glob matching it to "legalFiles" in .secdraft.json)\n`);
  return { ...doc, languageId: 'sec' };
}

/** loadWorkspace, then the .docx/.pdf collations too (each unreadable one is a problem). */
export async function loadWorkspaceWithOriginals(inputs: string[], configFile?: string): Promise<LoadedWorkspace> {
  const ws = loadWorkspace(inputs, configFile);
  const named = new Set(inputs.map(p => path.resolve(p)));
  for (const file of ws.originals.splice(0)) {
    const loaded = await readOriginal(file, { legalGlobs: ws.config.legalGlobs, consultationGlobs: ws.config.consultationGlobs, foundInFolder: !named.has(path.resolve(file)) });
    if (!loaded) continue; // a Word document that is neither legal text nor a collation
    if (isProblem(loaded)) {
      ws.problems.push(loaded);
      continue;
    }
    ws.service.setDocument({ uri: loaded.uri, version: 1, text: loaded.text, languageId: loaded.languageId });
    ws.pathOf.set(loaded.uri, file);
    ws.uris.push(loaded.uri);
    if (loaded.textBeforeChanges !== undefined) ws.textBeforeChanges.set(loaded.uri, loaded.textBeforeChanges);
  }
  return ws;
}
