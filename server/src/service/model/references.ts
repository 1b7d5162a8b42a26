// Cross-references in SEC text: "Section G8.41", "Section G8.41(a)(ii)", "Sections G8.44A to
// G8.44C", "Sections G3 to G6", "Section G8.40, G8.41 or G8.44A (as the case may be)",
// "Section G8 (User Security Assurance)", "Section C (Governance)".
// The Code always writes "Section" with a capital; lower-case "section 1159 of the Companies
// Act 2006" cites a statute and is never a reference. The scanner works on any text, so the
// consultation model can run it over comments too.
import type { Position, Range } from '../types';
import { rangeContains, splitLines } from '../text/lines';
import type { LegalModel } from './document';
import { DerivedKey, derive } from '../cache';
import { isProseLine, maskNonProse, withWrappedLine } from '../text/prose';
import { withoutInvisibles } from '../text/invisible';
import { parseClauseId, compareClauseNumbers } from './clauseIds';

// Derived values kept per owner (see cache.ts).
const REFERENCES = new DerivedKey<SecReference[]>('references');

export type TargetKind = 'clause' | 'part' | 'section';

export interface ReferenceTarget {
  /** "G8.41", "G8" or "C". */
  id: string;
  kind: TargetKind;
  /** Range of the id alone. */
  idRange: Range;
  /** "(a)(ii)" when the reference names a paragraph, else undefined. */
  paragraphPath?: string;
  /** Range of the id and its paragraph path. */
  range: Range;
  /** Which end of a "… to …" range this target is. */
  rangeEnd?: 'start' | 'end';
}

export interface SecReference {
  /** From "Section" to the end of the last target, or of the bracketed heading. */
  range: Range;
  targets: ReferenceTarget[];
  /** True for "Sections X to Y". */
  isRange: boolean;
  /** The bracketed heading, without its brackets, when it reads like a heading. */
  heading?: string;
  /** Range of the heading text inside the brackets. */
  headingRange?: Range;
}

// An id: a clause "G8.44A", a Part "G8" or a whole Section "C". A letter alone must not run
// on, nor stand before a capitalised word ("under this Section A Party shall" is an article).
const ID = String.raw`[A-Z]{1,2}\d{1,3}\.\d{1,5}[A-Z]{0,2}(?![A-Za-z0-9])|[A-Z]{1,2}\d{1,3}(?![A-Za-z0-9]|\.\d)|[A-Z]{1,2}(?![A-Za-z0-9\u2019'-]|\.\d|\s+[A-Z][a-z])`;
const PARAGRAPHS = String.raw`(?:\((?:[a-z]{1,4}|[A-Z]{1,2}|\d{1,2})\))+`;
const TARGET_RE = new RegExp(`(${ID})(${PARAGRAPHS})?`, 'y');
const SEPARATOR_RE = /(,\s+or\s+|,\s+and\s+|,\s+|\s+or\s+|\s+and\s+|\s+to\s+|\s*[-–—]\s*)/y;
const SECTION_WORD_RE = /\bSections?\s+/g;
const HEADING_RE = /\s*\(([A-Z][^()]*)\)/y;

export function targetKind(id: string): TargetKind {
  return id.includes('.') ? 'clause' : /\d/.test(id) ? 'part' : 'section';
}

/** A bracketed phrase is a heading when it starts with a capital and is not a bare acronym. */
function isHeading(text: string): boolean {
  return /^[A-Z]/.test(text) && !/^[A-Z]{2,}s?$/.test(text.trim());
}

/** Where an offset of the scanned text lies in the document. */
type PositionAt = (offset: number) => Position;

function rangeOf(at: PositionAt, from: number, to: number): Range {
  return { start: at(from), end: at(to) };
}

function readTarget(text: string, at: number, positionAt: PositionAt): { target: ReferenceTarget; end: number } | undefined {
  TARGET_RE.lastIndex = at;
  const m = TARGET_RE.exec(text);
  if (!m) return undefined;
  const id = m[1];
  const kind = targetKind(id);
  const path = kind === 'clause' ? m[2] : undefined;
  const end = at + id.length + (path?.length ?? 0);
  return {
    target: { id, kind, idRange: rangeOf(positionAt, at, at + id.length), range: rangeOf(positionAt, at, end), ...(path ? { paragraphPath: path } : {}) },
    end,
  };
}

/** Every reference on one line of text. */
export function scanLine(text: string, line: number): SecReference[] {
  return scanText(text, offset => ({ line, character: offset }));
}

/**
 * Every reference in a text that may run over a line break ("… in Section⏎G8.43",
 * "Sections G8.44A⏎to G8.44C", "(Second and⏎Subsequent …)"): `positionAt` maps its offsets
 * back to the document.
 */
function scanText(text: string, positionAt: PositionAt): SecReference[] {
  const refs: SecReference[] = [];
  if (!text.includes('Section')) return refs;
  SECTION_WORD_RE.lastIndex = 0;
  for (let m = SECTION_WORD_RE.exec(text); m; m = SECTION_WORD_RE.exec(text)) {
    const start = m.index;
    const first = readTarget(text, start + m[0].length, positionAt);
    if (!first) continue;
    const targets = [first.target];
    let end = first.end;
    let isRange = false;
    // Further targets sharing the one "Section": a list or a range. A bare Section letter
    // continues a list only after another bare letter ("Sections C and D"), so "Section G8.4
    // and A User …" does not take "A" for Section A.
    for (;;) {
      SEPARATOR_RE.lastIndex = end;
      const sep = SEPARATOR_RE.exec(text);
      if (!sep) break;
      const next = readTarget(text, end + sep[0].length, positionAt);
      if (!next || (next.target.kind === 'section' && first.target.kind !== 'section')) break;
      const word = sep[0].trim();
      if (word === 'to' || /^[-–—]$/.test(word)) {
        if (isRange || targets.length !== 1) break;
        isRange = true;
        targets[0].rangeEnd = 'start';
        next.target.rangeEnd = 'end';
      } else if (isRange) break;
      targets.push(next.target);
      end = next.end;
    }
    const ref: SecReference = { range: rangeOf(positionAt, start, end), targets, isRange };
    HEADING_RE.lastIndex = end;
    const h = HEADING_RE.exec(text);
    if (h && isHeading(h[1])) {
      const headingStart = end + h[0].indexOf('(') + 1;
      // A heading wrapped over a line break reads as one line.
      ref.heading = h[1].replace(/\s*\n\s*/g, ' ');
      ref.headingRange = rangeOf(positionAt, headingStart, headingStart + h[1].length);
      ref.range = rangeOf(positionAt, start, headingStart + h[1].length + 1);
      end = headingStart + h[1].length + 1;
    }
    refs.push(ref);
    SECTION_WORD_RE.lastIndex = end;
  }
  return refs;
}

/**
 * Every reference in a text. `origin` is where the text starts in its document (for text
 * cut out of a larger file, such as a consultation comment).
 */
export function scanReferences(text: string, origin: Position = { line: 0, character: 0 }): SecReference[] {
  const out: SecReference[] = [];
  for (const l of splitLines(text)) {
    const refs = scanLine(l.text, l.line + origin.line);
    out.push(...(l.line === 0 && origin.character ? refs.map(r => shiftReference(r, origin.character)) : refs));
  }
  return out;
}

function shift(range: Range, by: number): Range {
  return { start: { line: range.start.line, character: range.start.character + by }, end: { line: range.end.line, character: range.end.character + by } };
}

function shiftReference(ref: SecReference, by: number): SecReference {
  return {
    ...ref,
    range: shift(ref.range, by),
    targets: ref.targets.map(t => ({ ...t, idRange: shift(t.idRange, by), range: shift(t.range, by) })),
    ...(ref.headingRange ? { headingRange: shift(ref.headingRange, by) } : {}),
  };
}

/**
 * The references of a legal document, parsed once per model. Section headings, code (inline or
 * fenced), URLs and comments are not scanned.
 */
export function referencesOf(model: LegalModel): SecReference[] {
  return derive(model, REFERENCES, () => {
    const out: SecReference[] = [];
    const { kinds } = model.structure;
    for (const l of model.lines) {
      if (kinds[l.line] === 'section-heading' || !isProseLine(model, l.line) || !l.text.includes('Section')) continue;
      const text = maskNonProse(l.text);
      // The line with the one it wraps onto: a reference that starts here may end there.
      const joined = withWrappedLine(model, l.line, text, maskNonProse);
      // Invisible characters inside a clause number are read through ("G8.4\u200b1" is G8.41).
      const cleaned = withoutInvisibles(joined.text);
      const found = cleaned
        ? scanText(cleaned.visible, offset => joined.positionAt(cleaned.at[offset]))
        : scanText(joined.text, joined.positionAt);
      out.push(...found.filter(r => r.range.start.line === l.line));
    }
    return out;
  });
}

/** The reference target under a position, with its reference. */
export function targetAt(refs: readonly SecReference[], pos: Position): { ref: SecReference; target: ReferenceTarget } | undefined {
  for (const ref of refs) {
    if (!rangeContains(ref.range, pos)) continue;
    for (const target of ref.targets) {
      if (rangeContains(target.range, pos)) return { ref, target };
    }
    // On the word "Section" or the heading: the first target.
    return { ref, target: ref.targets[0] };
  }
  return undefined;
}

/** Does a clause id fall inside a range reference's two ends (same Part, in order)? */
export function rangeCovers(ref: SecReference, id: string): boolean {
  if (!ref.isRange || ref.targets.length !== 2) return false;
  const [from, to] = ref.targets;
  const n = parseClauseId(id);
  if (from.kind === 'clause' && to.kind === 'clause') {
    const a = parseClauseId(from.id);
    const b = parseClauseId(to.id);
    if (!n || !a || !b || a.part !== b.part || n.part !== a.part) return false;
    return compareClauseNumbers(a, n) <= 0 && compareClauseNumbers(n, b) <= 0;
  }
  if (from.kind === 'part' && to.kind === 'part') {
    const part = n ? n.part : id;
    const pm = /^([A-Z]{1,2})(\d+)$/.exec(part);
    const fm = /^([A-Z]{1,2})(\d+)$/.exec(from.id);
    const tm = /^([A-Z]{1,2})(\d+)$/.exec(to.id);
    if (!pm || !fm || !tm || pm[1] !== fm[1] || fm[1] !== tm[1]) return false;
    return Number(fm[2]) <= Number(pm[2]) && Number(pm[2]) <= Number(tm[2]);
  }
  return false;
}

/** Does a reference point at `id`, directly or through a range? */
export function referenceNames(ref: SecReference, id: string): boolean {
  return ref.targets.some(t => t.id === id) || rangeCovers(ref, id);
}
