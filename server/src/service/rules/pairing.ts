// Brackets and quotation marks that must come in pairs, and quote style within a clause.
//
// Pairs are matched within one segment of a clause (its opening words, or one lettered
// paragraph with its wrapped lines): a bracket is never meant to run from one list item into
// the next. Paragraph labels "(a)" / "a)" at a line's start are stripped before matching
// (text/prose.ts), so they are balanced by construction.
//
// A curly ’ (or straight ') is an apostrophe, not a quote, when letters stand on both sides
// ("User’s") or when it follows an "s" and no single quote is open ("Users’ systems").
import type { Finding, Position, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import { type FlatSegment, flatten, proseBlocks } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']' };
const OPENER_OF: Record<string, string> = { ')': '(', ']': '[' };

function at(flat: FlatSegment, offset: number, length = 1) {
  return { start: flat.positionAt(offset), end: flat.positionAt(offset + length) };
}

/** The words after an opener (or before a closer), to name the place in a message. */
function context(text: string, offset: number, forward: boolean): string {
  const s = forward ? text.slice(offset + 1, offset + 60) : text.slice(Math.max(0, offset - 60), offset);
  const words = s.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return (forward ? words.slice(0, 4) : words.slice(-4)).join(' ');
}

function unbalancedBrackets(flat: FlatSegment): Finding[] {
  const findings: Finding[] = [];
  const stack: { ch: string; offset: number }[] = [];
  const unclosed = (o: { ch: string; offset: number }): Finding => ({
    code: 'unbalanced-bracket',
    range: at(flat, o.offset),
    message: `'${o.ch}' opened before '${context(flat.text, o.offset, true)}' is never closed; add '${CLOSER_OF[o.ch]}' where the bracketed words end.`,
  });
  const bracketRe = /[()[\]]/g;
  for (let b = bracketRe.exec(flat.text); b; b = bracketRe.exec(flat.text)) {
    const i = b.index;
    const ch = b[0];
    if (ch === '(' || ch === '[') {
      stack.push({ ch, offset: i });
    } else {
      const k = stack.map(o => o.ch).lastIndexOf(OPENER_OF[ch]);
      if (k < 0) {
        // "1)" or "b)" inside a sentence is an inline list label, not a closing bracket.
        if (/(?:^|\s)(?:[a-z]|[ivx]{1,4}|\d{1,2})$/.test(flat.text.slice(Math.max(0, i - 5), i))) continue;
        findings.push({
          code: 'unbalanced-bracket',
          range: at(flat, i),
          message: `'${ch}' after '${context(flat.text, i, false)}' closes a bracket that was never opened.`,
        });
        continue;
      }
      // Remove the matched opener; any opened inside it and still open were never closed ("( [ )").
      for (const o of stack.splice(k).slice(1)) findings.push(unclosed(o));
    }
  }
  for (const o of stack) findings.push(unclosed(o));
  return findings;
}

type Role = 'open' | 'close' | 'apostrophe' | 'unknown';

interface QuoteMark {
  offset: number;
  ch: string;
  straight: boolean;
  role: Role;
}

interface QuoteScan {
  marks: QuoteMark[];
  /** Offsets of quotes left unmatched, with what is wrong with each. */
  unmatched: { offset: number; ch: string; problem: 'unclosed' | 'unopened' }[];
}

const LETTER = /[\p{L}\p{N}]/u;

/** Follow single and double quotes through a segment, telling apostrophes from quotes. */
function scanQuotes(text: string): QuoteScan {
  const marks: QuoteMark[] = [];
  const unmatched: QuoteScan['unmatched'] = [];
  const open: Record<'single' | 'double', QuoteMark | undefined> = { single: undefined, double: undefined };
  const opening = (m: QuoteMark, kind: 'single' | 'double') => {
    const prev = open[kind];
    if (prev) {
      prev.role = 'unknown';
      unmatched.push({ offset: prev.offset, ch: prev.ch, problem: 'unclosed' });
    }
    m.role = 'open';
    open[kind] = m;
  };
  const closing = (m: QuoteMark, kind: 'single' | 'double') => {
    if (open[kind]) {
      m.role = 'close';
      open[kind] = undefined;
    } else {
      m.role = 'unknown';
      unmatched.push({ offset: m.offset, ch: m.ch, problem: 'unopened' });
    }
  };
  const quoteRe = /[“”‘’"']/g;
  for (let q = quoteRe.exec(text); q; q = quoteRe.exec(text)) {
    const i = q.index;
    const ch = q[0];
    const m: QuoteMark = { offset: i, ch, straight: ch === '"' || ch === "'", role: 'unknown' };
    marks.push(m);
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const letterBefore = LETTER.test(before);
    const letterAfter = LETTER.test(after);
    if (ch === '“') opening(m, 'double');
    else if (ch === '”') closing(m, 'double');
    else if (ch === '"') {
      if (open.double) closing(m, 'double');
      else opening(m, 'double');
    } else if (ch === '‘') opening(m, 'single');
    else if (letterBefore && letterAfter) m.role = 'apostrophe'; // User’s, don't
    else if (!letterBefore && letterAfter) {
      if (ch === "'") opening(m, 'single');
      else m.role = 'apostrophe'; // ’90s: a curly ’ never opens a quote
    } else if (open.single) closing(m, 'single');
    else if (/[sS]/.test(before)) m.role = 'apostrophe'; // Users’ systems
    else closing(m, 'single');
  }
  for (const m of [open.double, open.single]) {
    if (!m) continue;
    m.role = 'unknown';
    unmatched.push({ offset: m.offset, ch: m.ch, problem: 'unclosed' });
  }
  unmatched.sort((a, b) => a.offset - b.offset);
  return { marks, unmatched };
}

function unbalancedQuotes(flat: FlatSegment, scan: QuoteScan): Finding[] {
  return scan.unmatched.map(u => ({
    code: 'unbalanced-quote',
    range: at(flat, u.offset),
    message: u.problem === 'unclosed'
      ? `Quotation mark ${u.ch} before '${context(flat.text, u.offset, true)}' is never closed.`
      : `Quotation mark ${u.ch} after '${context(flat.text, u.offset, false)}' closes a quotation that was never opened.`,
  }));
}

const CURLY_FOR: Record<string, Partial<Record<Role, string>>> = {
  '"': { open: '“', close: '”' },
  "'": { open: '‘', close: '’', apostrophe: '’' },
};

function restyleFix(uri: string, range: { start: Position; end: Position }, mark: QuoteMark): SecFix | undefined {
  const replacement = mark.straight ? CURLY_FOR[mark.ch][mark.role] : (mark.ch === '“' || mark.ch === '”' ? '"' : "'");
  if (!replacement) return undefined;
  return { title: `Replace ${mark.ch} with ${replacement}`, certain: mark.role !== 'unknown', isPreferred: true, edits: [{ uri, range, newText: replacement }] };
}

/**
 * Report the marks of the minority style in a clause; on a tie, the straight ones (SEC house
 * style is curly). Apostrophes are judged apart from quotation marks: a curly “Term” beside a
 * straight DCC's is two habits (quoting, and the apostrophe key), not one mark typed two ways.
 */
function mixedQuotes(uri: string, marks: { flat: FlatSegment; mark: QuoteMark }[]): Finding[] {
  return [
    ...mixedStyle(uri, marks.filter(m => m.mark.role !== 'apostrophe')),
    ...mixedStyle(uri, marks.filter(m => m.mark.role === 'apostrophe')),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function mixedStyle(uri: string, marks: { flat: FlatSegment; mark: QuoteMark }[]): Finding[] {
  const straight = marks.filter(m => m.mark.straight);
  const curly = marks.filter(m => !m.mark.straight);
  if (straight.length === 0 || curly.length === 0) return [];
  const [odd, usual] = straight.length <= curly.length ? [straight, 'curly'] : [curly, 'straight'];
  return odd.map(({ flat, mark }) => {
    const range = at(flat, mark.offset);
    const fix = restyleFix(uri, range, mark);
    const what = mark.role === 'apostrophe' ? 'apostrophe' : 'quotation mark';
    return {
      code: 'mixed-quotes',
      range,
      message: `${mark.straight ? 'Straight' : 'Curly'} ${what} ${mark.ch} in a clause whose other ${what}s are ${usual}; use one style.`,
      ...(fix ? { fixes: [fix] } : {}),
    };
  });
}

function pairing(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const block of proseBlocks(model)) {
    const blockMarks: { flat: FlatSegment; mark: QuoteMark }[] = [];
    for (const segment of block.segments) {
      const flat = flatten(segment);
      // Loops rather than push(...spread): a pathological line may hold 100,000 brackets.
      for (const f of unbalancedBrackets(flat)) findings.push(f);
      const scan = scanQuotes(flat.text);
      for (const f of unbalancedQuotes(flat, scan)) findings.push(f);
      for (const mark of scan.marks) blockMarks.push({ flat, mark });
    }
    for (const f of mixedQuotes(model.uri, blockMarks)) findings.push(f);
  }
  return findings;
}

export const pairingRules: RuleFamily = {
  name: 'pairing',
  dependsOn: [],
  kinds: ['legal'],
  codes: ['unbalanced-bracket', 'unbalanced-quote', 'mixed-quotes'],
  docs: pairingDocs(),
  check(ctx: RuleContext): Finding[] {
    return ctx.model.kind === 'legal' ? pairing(ctx.model) : [];
  },
};

/** The pages of the bracket and quote codes (docs/rules/<code>.md is rendered from these by `npm run rules:sync`). */
function pairingDocs(): RuleFamily['docs'] {
  return {
    'unbalanced-bracket': {
      finds: "A round or square bracket opened and never closed, or closed and never opened, within a clause's opening words or one lettered paragraph (a bracket never runs from one list item into the next). The unmatched bracket is reported where it stands. Paragraph labels such as `(a)` are balanced by construction.",
      why: 'Brackets in the SEC carry meaning — inline definitions (`(the "Relevant Date")`), reference headings, qualifications. An unclosed bracket leaves the reader unsure where the qualification ends, and so what the obligation is.',
      reported: 'G8.40 … on the date it is notified (the "Relevant Date" …',
      notReported: 'G8.40 … on the date it is notified (the "Relevant Date") …',
      fix: 'Close or remove the bracket where the qualification ends. There is no automatic fix: only the drafter knows where it ends.',
    },
    'unbalanced-quote': {
      finds: 'A quotation mark opened and never closed, following curly and straight quotes, within a clause or paragraph. An apostrophe (`User’s`, `Users’ systems`) is told from a closing quote by the letters around it.',
      why: 'Quotation marks mark the definition of a term (`the "Relevant Date"`); an unclosed one leaves it unclear which words are being defined.',
      reported: 'G8.40 … (the “Relevant Date) …',
      notReported: 'G8.40 … (the “Relevant Date”) … the User’s systems …',
      fix: 'Close the quotation where the quoted words end. There is no automatic fix.',
    },
    'mixed-quotes': {
      finds: 'Straight and curly quotes mixed within one clause or definition row; the odd style out is reported.',
      why: 'The SEC uses one quotation style; a mix usually means text was pasted from another document, and readers (and search) treat “Term” and "Term" differently.',
      reported: 'G8.40 the “Relevant Date” and the "Assessment Date"',
      notReported: 'G8.40 the “Relevant Date” and the “Assessment Date”',
      fix: `Use the clause's dominant style throughout. There is no automatic fix.`,
    },
  };
}
