// Clause numbers named in a comment: "G8.41", "G8.41(a)", "Section G8.44C", ranges
// "G8.44A to G8.44C" and "G8.44A-C". Linking counts a number only when its Part has clauses
// in the workspace (so a document version "V1.15" is not a clause, and a clause of a Section
// not loaded is not "unknown"). Objectives "(a), (f) and (g)" and "SECMP0044" never match.
import { compareClauseNumbers, parseClauseId } from '../clauseIds';
import { withoutInvisibles } from '../../text/invisible';

const ID = String.raw`[A-Z]{1,2}\d{1,3}\.\d{1,3}[A-Z]{0,2}`;
const PARAS = String.raw`(?:\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,2})\))*`;
const MENTION_RE = new RegExp(
  String.raw`(\bSections?\s+)?(?<![\w.])(${ID})(?![\w.]?\d)${PARAS}(?:\s*(?:to|[-–—])\s*(?:(${ID})|([A-Z]{1,2})(?![\w]))${PARAS})?`,
  'g',
);

export interface RawMention {
  /** Offset in the text and the mention as written. */
  index: number;
  text: string;
  /** The named clause ids (a range is expanded by `expandRange` once clauses are known). */
  from: string;
  to?: string;
  withSection: boolean;
}

/**
 * Every clause mention in a comment's text. Invisible characters inside a mention are skipped
 * when reading it; the mention's `text` is still the original as written (so it can be found
 * in the file), its ids are clean.
 */
export function scanMentions(original: string): RawMention[] {
  const cleaned = withoutInvisibles(original);
  if (!cleaned) return scanVisible(original);
  const { visible, at } = cleaned;
  return scanVisible(visible).map(m => {
    const start = at[m.index];
    const end = at[m.index + m.text.length - 1] + 1;
    return { ...m, index: start, text: original.slice(start, end) };
  });
}

function scanVisible(text: string): RawMention[] {
  const out: RawMention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m; m = MENTION_RE.exec(text)) {
    const from = m[2];
    let to = m[3];
    if (!to && m[4]) {
      // "G8.44A-C": the end keeps the start's number and takes the new suffix.
      const n = parseClauseId(from);
      if (n?.suffix) to = `${n.part}.${n.base}${m[4]}`;
    }
    const lead = m[1] ?? '';
    out.push({ index: m.index + lead.length, text: m[0].slice(lead.length).trimEnd(), from, ...(to ? { to } : {}), withSection: lead !== '' });
  }
  return out;
}

/**
 * The clause ids a mention names, given the ids that exist in its Part (sorted or not):
 * one id, or every existing clause from `from` to `to` inclusive.
 */
export function expandRange(mention: RawMention, existing: readonly string[]): string[] {
  if (!mention.to) return [mention.from];
  const a = parseClauseId(mention.from);
  const b = parseClauseId(mention.to);
  if (!a || !b || a.part !== b.part) return [mention.from, mention.to];
  const inside = existing
    .map(id => ({ id, n: parseClauseId(id) }))
    .filter(x => x.n && x.n.part === a.part && compareClauseNumbers(x.n, a) >= 0 && compareClauseNumbers(x.n, b) <= 0)
    .map(x => x.id);
  // The ends are always listed, so a missing end is reported as unknown.
  return [...new Set([mention.from, ...inside, mention.to])];
}
