// The commands the code actions and code lenses name. They are the server's own (listed in
// executeCommandProvider, run in server/src/lsp/commands.ts), so any LSP client can run them;
// VS Code's client maps them to its own UI (client/src/extension.ts). Types only besides the
// names, so the client may import this file.
import type { Command, Location, Position } from 'vscode-languageserver-types';

/** "Record response…" (see responseActions.ts). */
export const RECORD_RESPONSE_COMMAND = 'secDrafting.lsp.recordResponse';
/** The "N uses of X" and "N consultation comments" code lenses: list the places. */
export const SHOW_LOCATIONS_COMMAND = 'secDrafting.lsp.showLocations';

/** Arguments, positional as editor.action.showReferences takes them, plus what is listed. */
export type ShowLocationsArgs = [uri: string, position: Position, locations: Location[], what: string];

export function showLocationsCommand(title: string, uri: string, position: Position, locations: Location[], what: string): Command {
  const args: ShowLocationsArgs = [uri, position, locations, what];
  return { title, command: SHOW_LOCATIONS_COMMAND, arguments: args };
}
