// The documents the language server reads, as a VS Code document selector: legal text by
// language (and by the user's `secDrafting.legalFiles` globs), consultation collations by name.
// No vscode import (a DocumentSelector is plain data), so it is unit-tested in memory.

/** A filter by language, or by scheme and file pattern (the shapes VS Code and the LSP client accept). */
export type SelectorFilter = { language: string } | { scheme: string; pattern: string };

/** Collations by file name, as the server recognises them (it also reads their content). */
export const COLLATION_PATTERN = '**/*{consult,Consult,respon,Respon,collat,Collat}*.{txt,csv,json,md}';

/** Legal text by language and by the extra globs, collations by name; only files on disk. */
export function documentSelector(legalFiles: readonly unknown[] = []): SelectorFilter[] {
  const globs = legalFiles.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  return [
    { language: 'sec' },
    { language: 'sec-consultation' },
    ...globs.map(g => ({ scheme: 'file', pattern: g.includes('/') ? g : `**/${g}` })),
    { scheme: 'file', pattern: COLLATION_PATTERN },
  ];
}
