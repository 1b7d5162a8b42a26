// The pre-publication report links each row to its text with `file:` URI#Lline (a browser opens
// those). VS Code's webview opens only http(s), mailto and command links, so before showing the
// report the client turns the report's own file links into a command link to one allowed
// command that opens the file at the line. Data only (no vscode import): unit-tested in memory.
// Respondent text is escaped by the server (`"` → `&quot;`), so only the report's own anchors
// can match `<a href="file:`.

export const OPEN_REPORT_LINK_COMMAND = 'secDrafting.openReportLink';

/** "file:///ws/g8.sec.txt#L12" → the file URI and the 0-based line (0 without a line). */
export function parseReportLink(href: string): { uri: string; line: number } {
  const m = /^(.*?)#L(\d+)$/.exec(href);
  return m ? { uri: m[1], line: Math.max(0, Number(m[2]) - 1) } : { uri: href.replace(/#.*$/, ''), line: 0 };
}

/** The report's HTML with its `file:` links as command links the webview may follow. */
export function toWebviewLinks(html: string): string {
  return html.replace(/<a href="(file:[^"]*)">/g, (_, escaped: string) => {
    const href = escaped.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const { uri, line } = parseReportLink(href);
    const args = encodeURIComponent(JSON.stringify([uri, line]));
    return `<a href="command:${OPEN_REPORT_LINK_COMMAND}?${args}">`;
  });
}
