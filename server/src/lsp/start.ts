// Starts the language server on the transport named in argv (--node-ipc or --stdio). Over
// stdio the stream is guarded: a body that is not JSON gets a parse error, a broken stream
// ends the process with a message on stderr (streamGuard.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { guardedStdio } from './streamGuard';

export function runLanguageServer(): void {
  if (process.argv.includes('--stdio')) {
    const { reader, writer } = guardedStdio();
    const connection = createConnection(ProposedFeatures.all, reader, writer);
    // stdout carries the protocol: console output goes to the client's log instead.
    console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.warn = console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
    startServer(connection);
    return;
  }
  startServer(createConnection(ProposedFeatures.all));
}
