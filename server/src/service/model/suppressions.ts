// Suppression comments, for the rare finding a drafter has decided to keep:
//   <!-- sec-disable-next-line undefined-term -->   (Markdown)
//   // sec-disable-next-line double-space           (plain text)
//   … text … <!-- sec-disable-line repeated-word -->
//   <!-- sec-disable mixed-quotes --> … <!-- sec-enable mixed-quotes -->
// With no code named, every code is suppressed. A reason may follow the codes after " -- ":
//   <!-- sec-disable-line repeated-word -- "that that" is quoted from the Act -->
// Lines holding only a directive are not legal text. A directive naming an unknown code, or one
// that suppresses nothing, is itself reported (unused-suppression): it would hide a future slip.
import type { Line } from '../text/lines';
import type { Range } from '../types';

const DIRECTIVE_RE = /sec-(disable-next-line|disable-line|disable|enable)\b([^>\n]*?)(?:-->|$)/g;

export interface Suppressions {
  /** True when `code` is switched off on `line`. */
  isSuppressed(code: string, line: number): boolean;
  /** The directives (indexes into `directives`) that switch `code` off on `line`; empty when none. */
  suppressedBy(code: string, line: number): number[];
  /** Every directive (its codes, `*` for all), for "unknown code" and "suppresses nothing" checks. */
  directives: Directive[];
}

export interface Directive {
  line: number;
  verb: string;
  codes: string[];
  /** Where the directive is written, to report it. */
  range: Range;
}

const ALL = '*';

/** The codes before any " -- reason"; every word counts, so a misspelt code is reported, not read as "all". */
function parseCodes(rest: string): string[] {
  const codes = rest.replace(/(^|\s)--(\s.*)?$/s, '').split(/[\s,]+/).filter(s => s !== '');
  return codes.length ? codes : [ALL];
}

export function parseSuppressions(lines: Line[]): Suppressions {
  const perLine = new Map<number, Set<string>>();
  const perLineFrom = new Map<number, Map<string, number[]>>();
  const blocks: { code: string; from: number; to: number; directive: number }[] = [];
  const open = new Map<string, { from: number; directive: number }>();
  const directives: Directive[] = [];
  const add = (line: number, codes: string[], directive: number) => {
    let set = perLine.get(line);
    if (!set) perLine.set(line, (set = new Set()));
    let from = perLineFrom.get(line);
    if (!from) perLineFrom.set(line, (from = new Map()));
    for (const c of codes) {
      set.add(c);
      from.set(c, [...(from.get(c) ?? []), directive]);
    }
  };
  for (const l of lines) {
    if (!l.text.includes('sec-')) continue;
    DIRECTIVE_RE.lastIndex = 0;
    for (let m = DIRECTIVE_RE.exec(l.text); m; m = DIRECTIVE_RE.exec(l.text)) {
      const verb = m[1];
      const codes = parseCodes(m[2]);
      const index = directives.length;
      directives.push({ line: l.line, verb, codes, range: { start: { line: l.line, character: m.index }, end: { line: l.line, character: m.index + m[0].length } } });
      if (verb === 'disable-next-line') add(l.line + 1, codes, index);
      else if (verb === 'disable-line') add(l.line, codes, index);
      else if (verb === 'disable') for (const c of codes) open.set(c, open.get(c) ?? { from: l.line, directive: index });
      else {
        for (const c of codes[0] === ALL ? [...open.keys()] : codes) {
          const start = open.get(c);
          if (start !== undefined) blocks.push({ code: c, from: start.from, to: l.line, directive: start.directive });
          open.delete(c);
        }
      }
    }
  }
  for (const [code, start] of open) blocks.push({ code, from: start.from, to: Number.MAX_SAFE_INTEGER, directive: start.directive });
  const isSuppressed = (code: string, line: number): boolean => {
    const set = perLine.get(line);
    if (set && (set.has(code) || set.has(ALL))) return true;
    return blocks.some(b => (b.code === code || b.code === ALL) && line >= b.from && line <= b.to);
  };
  return {
    directives,
    isSuppressed,
    suppressedBy(code, line) {
      if (!isSuppressed(code, line)) return [];
      const from = perLineFrom.get(line);
      const byLine = [...(from?.get(code) ?? []), ...(from?.get(ALL) ?? [])];
      const byBlock = blocks.filter(b => (b.code === code || b.code === ALL) && line >= b.from && line <= b.to).map(b => b.directive);
      return [...byLine, ...byBlock];
    },
  };
}
