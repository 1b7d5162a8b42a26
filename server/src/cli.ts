// `secdraft` entry point: run a verb, map errors to exit code 2 with a one-line message.
import { main, writeErr } from './cli/main';
import { UsageError } from './cli/errors';

main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  err => {
    if (err instanceof UsageError) writeErr(`secdraft: ${err.message}`);
    else writeErr(`secdraft: internal error: ${(err as Error)?.message ?? err} (please report this)`);
    process.exitCode = 2;
  },
);
