// The verbs of `secdraft`, the command line over the same core as the language server.
//   secdraft check [paths…] [--format stylish|json|sarif|github] [--config file] [--fail-on level]
//   secdraft explain CODE
//   secdraft lsp --stdio
//   secdraft VERB --help, secdraft help VERB: that verb's usage
import { parseArgs } from 'util';
import { UsageError } from './errors';
import { runCheck } from './check';
import { runReport } from './report';
import { runIndex } from './index';
import { runComments } from './comments';
import { runExplain } from './explain';
import { runRenumber } from './renumber';
import { runConvert } from './convert';
import { runChanges } from './changes';

const HELP = `secdraft — checks for Smart Energy Code legal text and consultation responses

Usage:
  secdraft check [paths…] [--format stylish|json|sarif|github] [--config FILE] [--fail-on LEVEL] [--max-warnings N]
                  [--fix | --fix-dry-run]   apply every certain fix (or print it as a diff)
                  [--baseline FILE] [--update-baseline]
                                  accept today's findings in .secdraft-baseline.json; later runs report new ones only
                  [--compare-to DIR|REV] [--changed-only]
                                  compare with the current text (a folder or a git revision); report only
                                  the findings of changed clauses and those a change causes
  secdraft check --report-only FILES… [--workspace DIR]
                                  read the whole workspace (default: the current folder), report on FILES only
  secdraft report [paths…] [--out report.html|report.md] [--title TEXT] [--config FILE]
                  [--compare-to DIR|REV]  with a "Changes" part: each changed clause, its word diff, findings, comments
                                  the pre-publication report (exit 1 while not ready)
  secdraft index [paths…] [--format json|text] [--config FILE]
                                  every clause (id, heading) and definition, with file and line
  secdraft comments [paths…] [--format json|md|csv] [--unanswered] [--config FILE]
                                  consultation comments and the clauses each is linked to, answered or not
  secdraft changes [paths…] [--compare-to DIR|REV] [--format text|json] [--all] [--config FILE]
                                  the clauses added, changed (with a word diff), renumbered and deleted
                                  (no --compare-to: the tracked changes of the Word legal text)
  secdraft explain [CODE]         what a diagnostic code finds, why it matters and how to fix it
  secdraft renumber [paths…] (--rename FROM=TO | --insert-after ID [--renumber-rest] | --paragraphs ID | --part ID)
                  [--dry-run] [--config FILE]
                                  renumber clauses or a clause's list, with every reference to them
  secdraft convert FILE.docx [--out FILE.sec.md] [--before] [--force]
                                  a Word legal text in the Markdown form (tracked changes accepted; --before: rejected)
  secdraft lsp --stdio            run the language server over stdio (for any LSP editor)
  secdraft VERB --help            that command's usage
  secdraft --help | --version

Paths may be files or folders (default: the current folder); a named file is checked even when
its name is not a legal-text name (*.sec, *.sec.txt, *.sec.md). Exit codes: 0 clean,
1 findings at or above the failure severity (default: warning), 2 usage or input error.`;

/** One verb's part of HELP: its usage lines (and their continuation lines) and the footer. */
export function verbHelp(verb: string): string {
  const lines = HELP.split('\n');
  const start = lines.findIndex(l => l.startsWith(`  secdraft ${verb} `));
  const usage: string[] = [];
  for (let i = start; i >= 0 && i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('  secdraft ') && !line.startsWith(`  secdraft ${verb} `)) break;
    if (!line.startsWith('  ')) break;
    usage.push(line);
  }
  const footer = lines.slice(lines.findIndex(l => l.startsWith('Paths may be')));
  return ['Usage:', ...usage, '', ...(verb === 'explain' || verb === 'lsp' || verb === 'convert' ? [] : footer)].join('\n');
}

/** `--help`/`-h` among a verb's arguments (before a `--`), whatever else is there. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some(a => a === '--help' || a === '-h');
}

type Verb = (args: string[]) => number | Promise<number>;

// Two writes rather than `s + '\n'`: a report of a 10 MB file is a string of ~100 MB, not to be copied.
const write = (s: string) => {
  process.stdout.write(s);
  if (!s.endsWith('\n')) process.stdout.write('\n');
};
const writeErr = (s: string) => process.stderr.write(s + '\n');

function parse(args: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

const VERBS: Record<string, Verb> = {
  check: args => {
    const { values, positionals } = parse(args, {
      format: { type: 'string', short: 'f', default: 'stylish' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'report-only': { type: 'boolean' },
      workspace: { type: 'string' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      'compare-to': { type: 'string' },
      'changed-only': { type: 'boolean' },
    });
    if (values.fix && values['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both');
    if (values.workspace !== undefined && !values['report-only']) throw new UsageError('--workspace goes with --report-only (otherwise name the folders to check)');
    const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
    return runCheck({
      paths: positionals, format: String(values.format), config: values.config as string | undefined, failOn: values['fail-on'] as string | undefined, maxWarnings: values['max-warnings'] as string | undefined, fix,
      reportOnly: values['report-only'] as boolean | undefined, workspace: values.workspace as string | undefined,
      baseline: values.baseline as string | undefined, updateBaseline: values['update-baseline'] as boolean | undefined,
      compareTo: values['compare-to'] as string | undefined, changedOnly: values['changed-only'] as boolean | undefined,
    }, write, writeErr);
  },
  changes: args => {
    const { values, positionals } = parse(args, {
      'compare-to': { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      all: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
    });
    return runChanges({ paths: positionals, compareTo: values['compare-to'] as string | undefined, format: String(values.format), all: values.all === true, config: values.config as string | undefined }, write, writeErr);
  },
  explain: args => {
    const { positionals } = parse(args, {});
    if (positionals.length > 1) throw new UsageError('explain takes one code (or none, to list them)');
    return runExplain(positionals[0], write);
  },
  index: args => {
    const { values, positionals } = parse(args, {
      format: { type: 'string', short: 'f', default: 'json' },
      config: { type: 'string', short: 'c' },
    });
    return runIndex({ paths: positionals, format: String(values.format), config: values.config as string | undefined }, write, writeErr);
  },
  report: args => {
    const { values, positionals } = parse(args, {
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      config: { type: 'string', short: 'c' },
      'compare-to': { type: 'string' },
    });
    return runReport({ paths: positionals, out: values.out as string | undefined, title: values.title as string | undefined, config: values.config as string | undefined, compareTo: values['compare-to'] as string | undefined }, write, writeErr);
  },
  comments: args => {
    const { values, positionals } = parse(args, {
      format: { type: 'string', short: 'f', default: 'json' },
      config: { type: 'string', short: 'c' },
      unanswered: { type: 'boolean' },
    });
    return runComments({ paths: positionals, format: String(values.format), config: values.config as string | undefined, unanswered: values.unanswered as boolean | undefined }, write, writeErr);
  },
  renumber: args => {
    const { values, positionals } = parse(args, {
      rename: { type: 'string' },
      'insert-after': { type: 'string' },
      'renumber-rest': { type: 'boolean' },
      paragraphs: { type: 'string' },
      part: { type: 'string' },
      'dry-run': { type: 'boolean' },
      config: { type: 'string', short: 'c' },
    });
    return runRenumber({
      paths: positionals, rename: values.rename as string | undefined, insertAfter: values['insert-after'] as string | undefined,
      renumberRest: values['renumber-rest'] === true, paragraphs: values.paragraphs as string | undefined, part: values.part as string | undefined,
      dryRun: values['dry-run'] === true, config: values.config as string | undefined,
    }, write, writeErr);
  },
  convert: args => {
    const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, before: { type: 'boolean' }, force: { type: 'boolean' } });
    return runConvert({ paths: positionals, out: values.out as string | undefined, before: values.before === true, force: values.force === true }, writeErr);
  },
  lsp: async args => {
    parse(args, { stdio: { type: 'boolean' }, 'node-ipc': { type: 'boolean' }, 'clientProcessId': { type: 'string' } });
    const { runLanguageServer } = await import('../lsp/start');
    runLanguageServer();
    return new Promise<number>(() => undefined); // runs until the client exits
  },
};

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'help' && rest[0] !== undefined && Object.hasOwn(VERBS, rest[0])) {
    write(verbHelp(rest[0]));
    return 0;
  }
  if (verb !== undefined && Object.hasOwn(VERBS, verb) && asksForHelp(rest)) {
    write(verbHelp(verb));
    return 0;
  }
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    write(HELP);
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    write(typeof SECDRAFT_VERSION === 'string' ? SECDRAFT_VERSION : 'dev');
    return 0;
  }
  const run = VERBS[verb];
  if (!run) throw new UsageError(`unknown command "${verb}" (try: ${Object.keys(VERBS).join(', ')})`);
  return run(rest);
}

declare const SECDRAFT_VERSION: string | undefined;

export { write, writeErr };
