// Workspace symbols: type "G8.41" or a heading word ("supplier") to jump to a clause or Part.
// Other features (defined terms …) add theirs through WORKSPACE_SYMBOL_CONTRIBUTORS.
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { CancellationLike } from '../types';
import type { WorkspaceIndex } from '../workspaceIndex';

export type WorkspaceSymbolContributor = (workspace: WorkspaceIndex) => WorkspaceSymbol[];

function clauseSymbols(workspace: WorkspaceIndex): WorkspaceSymbol[] {
  return workspace.derived('workspaceSymbols.clauses', () => {
    const out: WorkspaceSymbol[] = [];
    for (const m of workspace.legalModels()) {
      for (const p of m.structure.parts) out.push({ name: `${p.id} ${p.title}`, kind: SymbolKind.Module, location: { uri: m.uri, range: p.range } });
      for (const c of m.structure.clauses) {
        const title = c.notUsed ? '[Not used]' : c.heading;
        out.push({ name: title ? `${c.id} ${title}` : c.id, kind: SymbolKind.Class, location: { uri: m.uri, range: c.idRange }, ...(c.heading ? { containerName: c.heading } : {}) });
      }
    }
    return out;
  }, ['legal']);
}

/** Add yours here. */
export const WORKSPACE_SYMBOL_CONTRIBUTORS: WorkspaceSymbolContributor[] = [clauseSymbols];

/** Lower case without full stops, so "g841" finds G8.41 as well as "G8.41" does. */
function fold(s: string): string {
  return s.toLowerCase().replace(/\./g, '');
}

/** Every query word must appear in the symbol's name; "" lists everything. */
function matches(name: string, words: string[]): boolean {
  const folded = fold(name);
  return words.every(w => folded.includes(w));
}

export function getWorkspaceSymbols(workspace: WorkspaceIndex, query: string, token: CancellationLike): WorkspaceSymbol[] {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  const out: WorkspaceSymbol[] = [];
  for (const contribute of WORKSPACE_SYMBOL_CONTRIBUTORS) {
    if (token.isCancellationRequested) break;
    for (const s of contribute(workspace)) if (matches(s.name, words)) out.push(s);
  }
  return out;
}
