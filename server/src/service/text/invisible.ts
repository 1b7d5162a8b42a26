// Characters that show as nothing, which a paste from Word or a web page can leave inside a
// clause number ("G8.4\u200b1"): readers of references skip them, in legal text and comments
// alike, while positions stay those of the text as written.

/**
 * Characters that show as nothing (zero-width space and joiners, word joiner, soft hyphen,
 * BOM): pasted into a clause id ("G8.4\u200b1") they would hide it from the reader.
 */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The text without invisible characters, and where each of its characters stands in the
 * original (the last entry is the original's length), so a mention keeps its place as written.
 */
export function withoutInvisibles(text: string): { visible: string; at: number[] } | undefined {
  INVISIBLE_RE.lastIndex = 0;
  if (!INVISIBLE_RE.test(text)) return undefined;
  let visible = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    INVISIBLE_RE.lastIndex = 0;
    if (INVISIBLE_RE.test(text[i])) continue;
    visible += text[i];
    at.push(i);
  }
  at.push(text.length);
  return { visible, at };
}
