// What each collation gave, for the SEC Consultation view's message (no vscode import, so it
// is unit-tested in memory).

/** "consultation-responses.txt: 18 comments · other.csv: 6 comments": what each collation gave, for the view's message. */
export function perFileSummary(comments: readonly { uri: string }[]): string {
  const counts = new Map<string, number>();
  for (const c of comments) {
    const name = decodeURIComponent(c.uri.slice(c.uri.lastIndexOf('/') + 1));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name}: ${n} comment${n === 1 ? '' : 's'}`).join(' · ');
}
