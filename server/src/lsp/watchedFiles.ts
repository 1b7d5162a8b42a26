// Files changed on disk while not open in the editor: the server asks the client to watch them
// (client/registerCapability for workspace/didChangeWatchedFiles) when the client can register
// that dynamically, so every LSP client — not only one that watches on its own — reports them.
import { type Connection, DidChangeWatchedFilesNotification, type Disposable } from 'vscode-languageserver/node';

/**
 * What the server reads: legal text, collations (text and originals), responses files, the
 * word list, `.secdraft.json` and the baseline; plus the globs the settings add.
 */
export const WATCHED_GLOBS = ['**/*.{sec,txt,md,csv,json,docx,pdf}', '**/.secdraft.json', '**/.secdraft-baseline.json'];

/** Register (again, when the globs changed) the watchers; the previous registration is dropped. */
export async function watchFiles(connection: Connection, extraGlobs: string[], previous?: Disposable): Promise<Disposable | undefined> {
  const globs = [...new Set([...WATCHED_GLOBS, ...extraGlobs.map(g => (g.startsWith('**/') || g.startsWith('/') ? g : `**/${g}`))])];
  try {
    const registration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map(globPattern => ({ globPattern })) });
    previous?.dispose();
    return registration;
  } catch (e) {
    connection.console.warn(`could not ask the client to watch files: ${(e as Error).message}`);
    return previous;
  }
}
