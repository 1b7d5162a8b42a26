// The untitled draft of a multi-line response (no vscode import, so it is unit-tested in
// memory): an instruction line the drafter may leave in place, then the response itself.

/** The first lines of the draft: removed again before the response is recorded. */
export const RESPONSE_DRAFT_HEADER = (who: string): string =>
  `# Working Group response${who}. Lines starting with "# " are not recorded.\n# Write below, then choose "Record" in the notification.`;

/** The response in a draft: instruction lines dropped, the drafter's own lines kept as written. */
export function responseFromDraft(text: string): string {
  return text.split(/\r?\n/).filter(line => !line.startsWith('# ')).join('\n').trim();
}
