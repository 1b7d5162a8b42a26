// Word's automatic numbering (word/numbering.xml): a paragraph that says "numId 3, level 1"
// shows a label such as "G8.41" or "(a)" that is not in its text. The label is rebuilt from the
// level's text ("G%1.%2", "(%2)"), format (decimal, letters, roman) and start, counting the
// paragraphs of the same list; a deeper level restarts when a shallower one moves on.
import { type XmlElement, child, childVal, elements } from './xml';

interface Level {
  text: string;
  format: string;
  start: number;
  /** What follows the label: a tab or a space becomes a space, "nothing" nothing. */
  suffix: string;
}

export interface NumberingDefinitions {
  /** numId → the levels of its abstract numbering (with the num's overrides). */
  lists: Map<string, Level[]>;
  /** numId → its abstract numbering's id: lists sharing one abstract count together. */
  abstractOf: Map<string, string>;
}

export const NO_NUMBERING: NumberingDefinitions = { lists: new Map(), abstractOf: new Map() };

function readLevels(abstract: XmlElement): Level[] {
  const levels: Level[] = [];
  for (const lvl of elements(abstract, 'w:lvl')) {
    const i = Number(lvl.attrs['w:ilvl'] ?? '0');
    if (!(i >= 0 && i < 10)) continue;
    levels[i] = readLevel(lvl);
  }
  return levels;
}

function readLevel(lvl: XmlElement, base?: Level): Level {
  const suff = childVal(lvl, 'w:suff');
  return {
    text: childVal(lvl, 'w:lvlText') ?? base?.text ?? '',
    format: childVal(lvl, 'w:numFmt') ?? base?.format ?? 'decimal',
    start: Number(childVal(lvl, 'w:start') ?? base?.start ?? 1) || 0,
    suffix: suff === 'nothing' ? '' : ' ',
  };
}

export function readNumbering(root: XmlElement | undefined): NumberingDefinitions {
  if (!root) return NO_NUMBERING;
  const abstracts = new Map<string, Level[]>();
  for (const a of elements(root, 'w:abstractNum')) abstracts.set(a.attrs['w:abstractNumId'] ?? '', readLevels(a));
  const lists = new Map<string, Level[]>();
  const abstractOf = new Map<string, string>();
  for (const num of elements(root, 'w:num')) {
    const id = num.attrs['w:numId'] ?? '';
    const abstractId = childVal(num, 'w:abstractNumId') ?? '';
    const levels = [...(abstracts.get(abstractId) ?? [])];
    for (const o of elements(num, 'w:lvlOverride')) {
      const i = Number(o.attrs['w:ilvl'] ?? '0');
      if (!(i >= 0 && i < 10)) continue;
      const redefined = child(o, 'w:lvl');
      if (redefined) levels[i] = readLevel(redefined, levels[i]);
      const start = childVal(o, 'w:startOverride');
      if (start !== undefined && levels[i]) levels[i] = { ...levels[i], start: Number(start) || 0 };
    }
    lists.set(id, levels);
    // A num with start overrides is a list of its own; otherwise it continues its abstract's count.
    abstractOf.set(id, elements(num, 'w:lvlOverride').some(o => child(o, 'w:startOverride')) ? `num:${id}` : `abs:${abstractId}`);
  }
  return { lists, abstractOf };
}

function letters(n: number): string {
  if (n <= 0) return '';
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

/** Counts the paragraphs of each list as they come, and gives each its label. */
export class NumberingCounter {
  private counts = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label (with the space after it) of the next paragraph in list numId at level ilvl; '' when none. */
  next(numId: string, ilvl: number): string {
    const levels = this.defs.lists.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level || numId === '0') return '';
    if (level.format === 'bullet') return '';
    const key = this.defs.abstractOf.get(numId) ?? numId;
    const counts = this.counts.get(key) ?? [];
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart
    this.counts.set(key, counts);
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? formatNumber(counts[i] ?? l.start, l.format) : '';
    });
    return label.trim() ? label + level.suffix : '';
  }
}
