// The verbs of `secdraft`, the command line over the same core as the language server.
//   secdraft check [paths…] [--format stylish|json] [--config file] [--fail-on level]
//   secdraft lsp --stdio
import { parseArgs } from 'util';
import { UsageError } from './errors';
import { runCheck } from './check';
import { runReport } from './report';
import { runIndex } from './index';
import { runComments } from './comments';

const HELP = `secdraft — checks for Smart Energy Code legal text and consultation responses

Usage:
  secdraft check [paths…] [--format stylish|json|sarif] [--config FILE] [--fail-on LEVEL] [--max-warnings N]
                  [--fix | --fix-dry-run]   apply every certain fix (or print it as a diff)
  secdraft report [paths…] [--out report.html|report.md] [--title TEXT] [--config FILE]
                                  the pre-publication report (exit 1 while not ready)
  secdraft index [paths…] [--format json|text] [--config FILE]
                                  every clause (id, heading) and definition, with file and line
  secdraft comments [paths…] [--format json|md|csv] [--config FILE]
                                  consultation comments and the clauses each is linked to
  secdraft lsp --stdio            run the language server over stdio (for any LSP editor)
  secdraft --help | --version

Paths may be files or folders (default: the current folder). Exit codes: 0 clean,
1 findings at or above the failure severity (default: warning), 2 usage or input error.`;

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
    });
    if (values.fix && values['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both');
    const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
    return runCheck({ paths: positionals, format: String(values.format), config: values.config as string | undefined, failOn: values['fail-on'] as string | undefined, maxWarnings: values['max-warnings'] as string | undefined, fix }, write, writeErr);
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
    });
    return runReport({ paths: positionals, out: values.out as string | undefined, title: values.title as string | undefined, config: values.config as string | undefined }, write, writeErr);
  },
  comments: args => {
    const { values, positionals } = parse(args, {
      format: { type: 'string', short: 'f', default: 'json' },
      config: { type: 'string', short: 'c' },
    });
    return runComments({ paths: positionals, format: String(values.format), config: values.config as string | undefined }, write, writeErr);
  },
  lsp: async args => {
    parse(args, { stdio: { type: 'boolean' }, 'node-ipc': { type: 'boolean' }, 'clientProcessId': { type: 'string' } });
    const { runLanguageServer } = await import('../lsp');
    runLanguageServer();
    return new Promise<number>(() => undefined); // runs until the client exits
  },
};

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
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
