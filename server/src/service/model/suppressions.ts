// Suppression comments, for the rare finding a drafter has decided to keep:
//   <!-- sec-disable-next-line undefined-term -->   (Markdown)
//   // sec-disable-next-line double-space           (plain text)
//   … text … <!-- sec-disable-line repeated-word -->
//   <!-- sec-disable mixed-quotes --> … <!-- sec-enable mixed-quotes -->
// With no code named, every code is suppressed. Lines holding only a directive are not legal text.
import type { Line } from '../text/lines';

const DIRECTIVE_RE = /sec-(disable-next-line|disable-line|disable|enable)\b([^>\n]*?)(?:-->|$)/g;

export interface Suppressions {
  /** True when `code` is switched off on `line`. */
  isSuppressed(code: string, line: number): boolean;
  /** Lines carrying a directive (their codes), for "unknown code" checks and tests. */
  directives: { line: number; verb: string; codes: string[] }[];
}

const ALL = '*';

function parseCodes(rest: string): string[] {
  const codes = rest.split(/[\s,]+/).map(s => s.trim()).filter(s => /^[a-z][a-z-]*$/.test(s));
  return codes.length ? codes : [ALL];
}

export function parseSuppressions(lines: Line[]): Suppressions {
  const perLine = new Map<number, Set<string>>();
  const blocks: { code: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const directives: Suppressions['directives'] = [];
  const add = (line: number, codes: string[]) => {
    let set = perLine.get(line);
    if (!set) perLine.set(line, (set = new Set()));
    for (const c of codes) set.add(c);
  };
  for (const l of lines) {
    if (!l.text.includes('sec-')) continue;
    DIRECTIVE_RE.lastIndex = 0;
    for (let m = DIRECTIVE_RE.exec(l.text); m; m = DIRECTIVE_RE.exec(l.text)) {
      const verb = m[1];
      const codes = parseCodes(m[2]);
      directives.push({ line: l.line, verb, codes });
      if (verb === 'disable-next-line') add(l.line + 1, codes);
      else if (verb === 'disable-line') add(l.line, codes);
      else if (verb === 'disable') for (const c of codes) open.set(c, open.get(c) ?? l.line);
      else {
        for (const c of codes[0] === ALL ? [...open.keys()] : codes) {
          const from = open.get(c);
          if (from !== undefined) blocks.push({ code: c, from, to: l.line });
          open.delete(c);
        }
      }
    }
  }
  for (const [code, from] of open) blocks.push({ code, from, to: Number.MAX_SAFE_INTEGER });
  return {
    directives,
    isSuppressed(code, line) {
      const set = perLine.get(line);
      if (set && (set.has(code) || set.has(ALL))) return true;
      return blocks.some(b => (b.code === code || b.code === ALL) && line >= b.from && line <= b.to);
    },
  };
}
