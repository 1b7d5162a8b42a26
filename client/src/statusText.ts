// Wording of the SEC language status item (no vscode import, so it is unit-tested in memory).

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 findings in this file · 9 in the workspace", or "No findings in the workspace". */
export function findingCountsText(inFile: number, inWorkspace: number): string {
  if (inWorkspace === 0 && inFile === 0) return '$(check) No findings in the workspace';
  return `${plural(inFile, 'finding', 'findings')} in this file · ${inWorkspace} in the workspace`;
}
