// Process entry of the language server: over IPC inside VS Code, over stdio for other
// editors (`secdraft lsp --stdio` and `node dist/server.js --stdio`).
import { runLanguageServer } from './lsp/start';

runLanguageServer();
