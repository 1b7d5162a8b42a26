// What the server tells a client it can do (the answer to initialize).
import { type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, RENUMBER_ACTION_KIND, RENUMBER_COMMANDS, SEMANTIC_TOKENS_LEGEND } from '../service';
import { SERVER_COMMANDS } from './commands';

export const SERVER_CAPABILITIES: InitializeResult = {
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: true,
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    completionProvider: { triggerCharacters: [' ', '.', '“', '"'] },
    codeLensProvider: { resolveProvider: false },
    renameProvider: { prepareProvider: true },
    documentHighlightProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, RENUMBER_ACTION_KIND] },
    executeCommandProvider: { commands: [...SERVER_COMMANDS, ...Object.values(RENUMBER_COMMANDS)] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  },
  serverInfo: { name: 'sec-drafting', version: '0.1.0' },
};
