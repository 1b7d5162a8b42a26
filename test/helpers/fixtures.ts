// Inline fixtures for unit tests: write the text in the test, mark the cursor with $$CURSOR$$.
import { createSecLanguageService, type SecLanguageService } from '../../server/src/service';
import type { Position, SecSettings } from '../../server/src/service/types';

export const CURSOR = '$$CURSOR$$';

/** Remove common leading indentation so fixtures can be indented with the test code. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter(l => l.trim()).map(l => /^[ \t]*/.exec(l)![0].length));
  return lines.map(l => l.slice(indent)).join('\n') + '\n';
}

/** Split a fixture into its text and the cursor position ($$CURSOR$$ removed). */
export function withCursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf(CURSOR);
  if (offset < 0) throw new Error('fixture has no $$CURSOR$$ marker');
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { text: text.slice(0, offset) + text.slice(offset + CURSOR.length), position: { line, character } };
}

export function uriOf(name: string): string {
  return `file:///ws/${name}`;
}

/** A service holding the given files (name → text). */
export function workspaceOf(files: Record<string, string>, settings?: Partial<SecSettings>): SecLanguageService {
  const service = createSecLanguageService({ settings });
  for (const [name, text] of Object.entries(files)) service.setDocument({ uri: uriOf(name), version: 1, text });
  return service;
}

/** Codes of the diagnostics of one file, as "line:col code" strings (1-based) for compact asserts. */
export function findingsOf(service: SecLanguageService, name: string, code?: string): string[] {
  return service.getDiagnostics(uriOf(name))
    .filter(d => !code || d.code === code)
    .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}
