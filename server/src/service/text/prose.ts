// Which parts of a line are prose. Checks of spacing, words and punctuation must never look
// inside URLs, inline code, HTML comments or Markdown/table syntax.

export type Span = [start: number, end: number];

const NON_PROSE_RE = /(?:https?:\/\/|www\.)[^\s)>\]]+|`[^`]*`|<!--.*?(?:-->|$)|<\/?[a-zA-Z][^>]*>/g;

/** Spans of a line that are not prose, sorted and non-overlapping. */
export function nonProseSpans(text: string): Span[] {
  const spans: Span[] = [];
  NON_PROSE_RE.lastIndex = 0;
  for (let m = NON_PROSE_RE.exec(text); m; m = NON_PROSE_RE.exec(text)) {
    if (m[0].length === 0) {
      NON_PROSE_RE.lastIndex++;
      continue;
    }
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** True when [start, end) overlaps any of the spans. */
export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}
