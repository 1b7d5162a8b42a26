// `secdraft` entry point: run a verb, map errors to exit code 2 with a one-line message.
import { main, writeErr } from './cli/main';
import { UsageError } from './cli/errors';

// A reader that stops early (`secdraft check | head`) closes the pipe: the rest of the output
// has nowhere to go, so it is dropped quietly and the verb still ends with its own exit code.
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || stdoutClosed) stdoutClosed = true;
  else throw e;
});

main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  err => {
    if (err instanceof UsageError) writeErr(`secdraft: ${err.message}`);
    else writeErr(`secdraft: internal error: ${(err as Error)?.message ?? err} (please report this)`);
    process.exitCode = 2;
  },
);
