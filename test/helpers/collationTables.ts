// Generated collations for the "words are conserved" property (issue #16): a known table of
// respondents (random names of 1–5 words, random categories), rendered as text extracted
// from the published PDF — cells wrapped at each table's column widths and laid side by side
// line by line, page breaks with the header row repeated (inside rows too), a row's cells one
// per line after a break, empty comment cells, `|` between cells or not — so that reading it
// back must give the table, word for word.
//
// What the generated documents guarantee, as a person reading them relies on it:
//   - every category is used by at least two respondents (categories are what repeats in
//     the category column), and none ends with another ("Widget Licensee", "Licensee");
//     respondents of one category do not end their names with the
//     same word (unless it is a company suffix such as "Limited");
//   - no respondent's name is the first words of another's ("Morford", "Morford Ltd");
//   - respondents recur in every question, in the same order;
//   - each respondent's name and category are whole on one line in at least one table (the
//     first is wide);
//   - comment text is prose: it does not begin a line with a respondent's name and category.
import * as fc from 'fast-check';
import { splitLines } from '../../server/src/service/text/lines';
import { parseTextCollation } from '../../server/src/service/model/consultation/text';

export interface TableRow { respondent: string; category: string; response: string; text: string }
export interface TableQuestion { number: string; title: string; hasResponse: boolean; rows: TableRow[] }

export interface QuestionLayout {
  nameWidth: number;
  categoryWidth: number;
  textWidth: number;
  /** none: cells side by side; between: `|` between category and response only; all: `|` between every cell. */
  pipes: 'none' | 'between' | 'all';
  /** Blank line between rows. */
  blankBetweenRows: boolean;
  /** Line numbers (counted within the table body) after which a page breaks. */
  breaks: number[];
  /** The repeated header as one cell per line, and the next line's cells one per line. */
  headerCells: boolean;
}

export interface GeneratedCollation { questions: TableQuestion[]; layouts: QuestionLayout[] }

const NAME_HEADS = ['Bral', 'Cor', 'Delm', 'Fen', 'Glas', 'Hal', 'Kes', 'Lum', 'Mor', 'Nor', 'Pen', 'Quin', 'Ros', 'Sel', 'Tor', 'Val', 'Wex', 'Yar', 'Zan', 'Ard', 'Bex', 'Cul'];
const NAME_TAILS = ['ton', 'ley', 'wick', 'ford', 'more', 'gate', 'dale', 'ith', 'aro', 'by', 'mere', 'holt'];
const COMPANY = ['Limited', 'Ltd', 'plc'];
const CATEGORY_WORDS = ['Widget', 'Meter', 'Grid', 'Heat', 'Retail', 'Storage', 'Trading', 'Consumer', 'Network', 'Aggregator', 'Licensee', 'Agency', 'Installer', 'Exempt', 'Community', 'Flexibility'];
const CATEGORY_LOWER = ['respondent', 'member', 'licensee'];
const RESPONSES = ['Approve', 'Reject', 'Neutral', 'Abstain', 'Support', 'Oppose', 'Agree', 'Disagree', 'Yes', 'No'];
const PROSE = ['we', 'agree', 'that', 'the', 'change', 'would', 'help', 'suppliers', 'and', 'networks', 'to', 'meet', 'their', 'obligations', 'under', 'code',
  'but', 'ask', 'for', 'clarity', 'on', 'how', 'threshold', 'is', 'counted', 'in', 'each', 'year', 'of', 'cycle', 'costs', 'should', 'be', 'shared', 'fairly', 'DCC', 'SEC', '50,000', '(a)', 'premises'];
const STARTERS = ['We', 'The', 'This', 'It', 'Our', 'However,'];

const nameWord = fc.tuple(fc.constantFrom(...NAME_HEADS), fc.constantFrom(...NAME_TAILS)).map(([h, t]) => h + t);

/** A name of 1–5 words, sometimes ending with a company suffix or holding "and"/"of". */
const nameArb = fc.tuple(fc.array(nameWord, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '', 'suffix', 'and', 'of'))
  .map(([words, extra]) => {
    const w = [...words];
    if (extra === 'suffix') w.push(COMPANY[w[0].length % COMPANY.length]);
    else if ((extra === 'and' || extra === 'of') && w.length >= 2 && w.length <= 4) w.splice(1, 0, extra);
    return w.slice(0, 5).join(' ');
  });

const categoryArb = fc.tuple(fc.array(fc.constantFrom(...CATEGORY_WORDS), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom(...CATEGORY_LOWER))
  .map(([words, lower, l]) => [...new Set(words)].join(' ') + (lower && !words.some(w => w.toLowerCase() === l) ? ` ${l}` : ''));

const sentenceArb = fc.tuple(fc.constantFrom(...STARTERS), fc.array(fc.constantFrom(...PROSE), { minLength: 2, maxLength: 14 }), fc.constantFrom('.', '.', '?'))
  .map(([s, words, end]) => `${s} ${words.join(' ')}${end}`);

/** A comment: empty, or one or two paragraphs of sentences. */
const textArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.array(fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map(s => s.join(' ')), { minLength: 1, maxLength: 2 }).map(p => p.join('\n\n')) },
);

function lastWord(s: string): string {
  return s.split(' ').pop()!;
}

const respondentsArb = fc.tuple(
  fc.uniqueArray(categoryArb, { minLength: 1, maxLength: 3 }),
  fc.uniqueArray(nameArb, { minLength: 2, maxLength: 7, selector: n => n.toLowerCase() }),
).map(([categories, names]) => {
  // Each category at least twice: respondent i takes category i mod n, n ≤ names / 2.
  const n = Math.max(1, Math.min(categories.length, Math.floor(names.length / 2)));
  const people = names.map((name, i) => ({ name, category: categories[i % n] }));
  // Respondents of one category must not share the last word of their names (bar company suffixes).
  const seen = new Set<string>();
  return people.filter(p => {
    const key = `${p.category}|${lastWord(p.name)}`;
    if (COMPANY.includes(lastWord(p.name))) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}).filter(people => {
  // No category ends with another ("Widget Licensee", "Licensee"): on one line "Bralton Widget
  // Licensee" would read either way.
  // No name is the first words of another ("Morford", "Morford Ltd"): wrapped, one reads as the other.
  const names = people.map(p => p.name.toLowerCase());
  if (names.some(a => names.some(b => b.startsWith(`${a} `)))) return false;
  const categories = [...new Set(people.map(p => p.category.toLowerCase()))];
  if (categories.some(a => categories.some(b => a !== b && a.endsWith(` ${b}`)))) return false;
  const count = new Map<string, number>();
  for (const p of people) count.set(p.category, (count.get(p.category) ?? 0) + 1);
  return [...count.values()].every(c => c >= 2);
});

const layoutArb = (first: boolean): fc.Arbitrary<QuestionLayout> => fc.record({
  nameWidth: first ? fc.constant(60) : fc.integer({ min: 8, max: 36 }),
  categoryWidth: first ? fc.constant(60) : fc.integer({ min: 8, max: 30 }),
  textWidth: fc.integer({ min: 25, max: 90 }),
  pipes: fc.constantFrom('none', 'none', 'between', 'all'),
  blankBetweenRows: fc.boolean(),
  breaks: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 2 }),
  headerCells: fc.boolean(),
});

export const collationArb: fc.Arbitrary<GeneratedCollation> = respondentsArb.chain(people =>
  fc.integer({ min: 1, max: 3 }).chain(nQuestions => fc.tuple(
    fc.array(fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...RESPONSES), textArb), { minLength: people.length, maxLength: people.length })), { minLength: nQuestions, maxLength: nQuestions }),
    fc.tuple(...Array.from({ length: nQuestions }, (_x, i) => layoutArb(i === 0))),
  )).map(([qs, layouts]) => ({
    questions: qs.map(([hasResponse, answers], i) => ({
      number: String(i + 1),
      title: hasResponse ? 'Do you agree with the proposed change?' : 'Please provide any further comments.',
      // The first question always has a response column: it names the respondents.
      hasResponse: hasResponse || i === 0,
      rows: people.map((p, k) => ({ respondent: p.name, category: p.category, response: hasResponse || i === 0 ? answers[k][0] : '', text: answers[k][1] })),
    })),
    layouts,
  })),
);

/** Greedy wrapping of words at a width (a word longer than the width stands alone). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n\n')) {
    if (lines.length) lines.push('');
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines;
}

function header(q: TableQuestion, layout: QuestionLayout, asCells: boolean): string[] {
  const cells = ['Respondent', 'Category', ...(q.hasResponse ? ['Response', 'Rationale'] : ['Comments'])];
  if (asCells) return cells.flatMap((c, i) => (i === 0 ? [` ${c}`, ''] : [c, '']));
  return [layout.pipes === 'all' ? cells.join(' | ') : ` ${cells.join(' ')}`];
}

/** A row's lines: cell k of each column side by side. */
function rowLines(q: TableQuestion, row: TableRow, layout: QuestionLayout): { lines: string[]; firstCells: string[] } {
  const name = wrap(row.respondent, layout.nameWidth);
  const category = wrap(row.category, layout.categoryWidth);
  const response = q.hasResponse && row.response ? [row.response] : [];
  const text = wrap(row.text, layout.textWidth);
  const height = Math.max(name.length, category.length, response.length, text.length);
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const cells = [name[k] ?? '', category[k] ?? '', ...(q.hasResponse ? [response[k] ?? ''] : []), text[k] ?? ''];
    const leading = cells.slice(0, -1);
    if (layout.pipes === 'all' && leading.some(c => c !== '')) {
      lines.push(cells.join(' | ').trimEnd());
    } else if (layout.pipes === 'between' && k === 0 && q.hasResponse) {
      lines.push([[cells[0], cells[1]].filter(Boolean).join(' '), [cells[2], cells[3]].filter(Boolean).join(' ')].join(' | ').trimEnd());
    } else {
      lines.push(cells.filter(c => c !== '').join(' '));
    }
  }
  const firstCells = [name[0], category[0], ...(response.length ? [response[0]] : []), ...(text[0] ? [text[0]] : [])];
  return { lines, firstCells };
}

/** The collation as text extracted from the PDF. */
export function renderCollation(c: GeneratedCollation): string {
  const out = [' About this document', '', 'This document contains the collated responses to the consultation.'];
  c.questions.forEach((q, i) => {
    const layout = c.layouts[i];
    out.push(` Question ${q.number}: ${q.title}`, '', ...header(q, layout, false));
    let bodyLine = 0;
    let afterBreak = false;
    q.rows.forEach((row, r) => {
      const { lines, firstCells } = rowLines(q, row, layout);
      lines.forEach((line, k) => {
        if (k === 0 && afterBreak && layout.headerCells && layout.pipes !== 'all') {
          // After a page break the first row's cells may come one per line.
          for (const cell of firstCells) out.push(cell, '');
        } else out.push(line);
        afterBreak = false;
        if (layout.breaks.includes(bodyLine++)) {
          out.push(...header(q, layout, layout.headerCells), '');
          afterBreak = true;
        }
      });
      if (layout.blankBetweenRows && r < q.rows.length - 1) out.push('');
    });
    out.push('');
  });
  return out.join('\n');
}

/** The table as the reader should give it back: [question, respondent, category, response, text as words]. */
export function expectedRows(c: GeneratedCollation): string[][] {
  return c.questions.flatMap(q => q.rows.map(r => [q.number, r.respondent, r.category, r.response, r.text.replace(/\s+/g, ' ').trim()]));
}

/**
 * The rows as read: [question, respondent, category, response, text as words]. A row may be
 * marked unsure only for a line of its comment that opens like a row of a respondent named
 * nowhere else (prose such as "DCC DCC …" can), never for a guessed name.
 */
export function readRows(text: string): string[][] {
  return parseTextCollation(splitLines(text)).comments.map(c => [
    c.question, c.respondent, c.category, c.response, c.text.replace(/\s+/g, ' ').trim(),
    ...(c.confidence && !/^line \d+ /.test(c.unsure ?? '') ? [`unsure: ${c.unsure}`] : []),
  ]);
}
