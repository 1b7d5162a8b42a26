// Starts the language server on the transport named in argv (--node-ipc or --stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

export function runLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
}
