// SEC clause numbers: Part "G8", clause "G8.44", inserted clauses "G8.44A", "G8.44B" … and,
// after Z, "G8.44AA". Shared by the structure parser, references and numbering checks.

/** Source of a clause number, for use inside larger regular expressions. */
export const CLAUSE_ID_SOURCE = String.raw`[A-Z]{1,2}\d{1,3}\.\d{1,5}[A-Z]{0,2}`;
/** Source of a Part number ("G8", "A1"). */
export const PART_ID_SOURCE = String.raw`[A-Z]{1,2}\d{1,3}`;

export interface ClauseNumber {
  /** "G8" */
  part: string;
  /** 44 */
  base: number;
  /** "" or "A", "B", … "AA" */
  suffix: string;
}

const CLAUSE_ID = new RegExp(`^(${PART_ID_SOURCE})\\.(\\d{1,5})([A-Z]{0,2})$`);

export function parseClauseId(id: string): ClauseNumber | undefined {
  const m = CLAUSE_ID.exec(id);
  if (!m) return undefined;
  return { part: m[1], base: Number(m[2]), suffix: m[3] };
}

/** "A" → 1, "Z" → 26, "AA" → 27; "" → 0. */
export function suffixOrdinal(suffix: string): number {
  let n = 0;
  for (const ch of suffix) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function ordinalSuffix(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Order of two clause numbers in the same Part: base number, then suffix. */
export function compareClauseNumbers(a: ClauseNumber, b: ClauseNumber): number {
  return a.base - b.base || suffixOrdinal(a.suffix) - suffixOrdinal(b.suffix);
}

export function formatClauseId(n: ClauseNumber): string {
  return `${n.part}.${n.base}${n.suffix}`;
}

/** The Part of a clause id ("G8.44C" → "G8"), or the id itself when it names a Part. */
export function partOf(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/** The Section letter(s) of a Part or clause id ("G8.44C" → "G"). */
export function sectionOf(id: string): string {
  const m = /^[A-Z]{1,2}/.exec(id);
  return m ? m[0] : '';
}
