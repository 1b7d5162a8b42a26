// Spacing slips a respondent would otherwise point out: double spaces (E.ON's G8.44C
// comment in SECMP0059), tabs inside a line, whitespace at line ends, a space before a comma
// or full stop. Never inside URLs, code, table padding or indentation. Every fix only
// removes or narrows whitespace, so every fix is certain.
import type { Finding, SecFix } from '../types';
import type { LegalModel } from '../model/document';
import { lineRange } from '../text/lines';
import { isProseLine, maskNonProse, nonProseLines, nonProseSpans, overlaps, MASK } from '../text/prose';
import type { RuleContext, RuleFamily } from './context';

export function replaceFix(uri: string, title: string, line: number, from: number, to: number, newText: string): SecFix {
  return { title, certain: true, isPreferred: true, edits: [{ uri, range: lineRange(line, from, to), newText }] };
}

const PUNCTUATION = new Set([',', ';', ':', '.']);

/**
 * True when the whitespace ending at `to` stands before a comma, semicolon, colon or full
 * stop that ends a word group: not an ellipsis (" ..."), a decimal (" .5") or a file name
 * (" .txt"), and not the space that keeps a URL or code apart from the full stop after it.
 */
export function isSpaceBeforePunctuation(text: string, from: number, to: number): boolean {
  const p = text[to];
  if (!PUNCTUATION.has(p)) return false;
  if (p === '.' && (text[to + 1] === '.' || /^\.\s\.\s\./.test(text.slice(to)) || /[.…]/.test(text[from - 1]))) return false; // "...", ". . ." 
  const after = text[to + 1];
  if (after !== undefined && !/[\s)\]’”'"*_]/.test(after)) return false;
  const before = text[from - 1];
  return before !== undefined && !/[\s|(]/.test(before) && before !== MASK;
}

function word(text: string, from: number, to: number): { left: string; right: string } {
  const left = text.slice(0, from).match(/[\p{L}\p{N}’'-]+$/u)?.[0] ?? text[from - 1] ?? '';
  const right = text.slice(to).match(/^[\p{L}\p{N}’'-]+/u)?.[0] ?? text[to] ?? '';
  return { left, right };
}

// The spaces or tab that Word puts after a clause number, a list label or a bullet
// ("G8.1\tText", "(a)  Text", "•\tText") are layout, not a slip; so is the tab between the
// columns of a definitions table saved as text ("Affiliate\tmeans …") and a line of
// tab-separated columns (two tabs or more).
const NUMBER_OR_LABEL_RE = /^(?:\*\*)?(?:[A-Z]{1,2}\d+(?:\.\d+[A-Z]*)*\.?|\([a-zA-Z0-9]{1,5}\)|(?:\d{1,3}|[a-z]{1,4})\)|(?:\d{1,3}|[a-z]|[ivx]{1,4})\.|[•◦▪▫‣⁃●○■□–-])(?:\*\*)?$/;

/** The spaces between a Section A row's term and its meaning where the copy kept the table's columns. */
function isColumnGap(model: LegalModel, line: number, from: number, to: number): boolean {
  const gap = model.structure.definitionRows.get(line)?.gap;
  const column = model.structure.contentColumn[line];
  return !!gap && column + gap.from === from && column + gap.to === to;
}

function doubleSpaces(model: LegalModel, allowAfterSentence: boolean): Finding[] {
  const findings: Finding[] = [];
  const runRe = / {2,}/g;
  for (const l of model.lines) {
    if (!l.text.includes('  ') || !isProseLine(model, l.line)) continue;
    const skip = nonProseSpans(l.text);
    const contentEnd = l.text.replace(/\s+$/, '').length;
    runRe.lastIndex = model.structure.contentColumn[l.line];
    for (let m = runRe.exec(l.text); m; m = runRe.exec(l.text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to >= contentEnd) break; // trailing whitespace is its own check
      if (overlaps(skip, from, to)) continue;
      const before = l.text[from - 1];
      const after = l.text[to];
      if (before === '|' || after === '|' || before === '\t' || after === '\t') continue; // table padding; tabs are stray-tab's
      if (NUMBER_OR_LABEL_RE.test(l.text.slice(model.structure.contentColumn[l.line], from))) continue;
      if (isColumnGap(model, l.line, from, to)) continue;
      if (allowAfterSentence && /[.?!:]/.test(before)) continue;
      if (isSpaceBeforePunctuation(maskNonProse(l.text), from, to)) continue; // space-before-punctuation removes it all
      const { left, right } = word(l.text, from, to);
      findings.push({
        code: 'double-space',
        range: lineRange(l.line, from, to),
        message: `${m[0].length} spaces between '${left}' and '${right}'; use one.`,
        fixes: [replaceFix(model.uri, 'Replace with a single space', l.line, from, to, ' ')],
      });
    }
  }
  return findings;
}

const DEFINITION_AFTER_TAB_RE = /^(?:means|has the meaning|shall have the meaning|includes)\b/;

function strayTabs(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const l of model.lines) {
    if (!l.text.includes('\t') || !isProseLine(model, l.line)) continue;
    const start = model.structure.contentColumn[l.line];
    const contentEnd = l.text.replace(/\s+$/, '').length;
    const afterNumber = l.text.slice(start, contentEnd).replace(/^(\S+)[ \t]*\t[ \t]*/, (all, first: string) => (NUMBER_OR_LABEL_RE.test(first) ? '' : all));
    if ((afterNumber.match(/\t+/g) ?? []).length >= 2) continue; // columns
    const skip = nonProseSpans(l.text);
    const runRe = /[ \t]*\t[ \t]*/g;
    runRe.lastIndex = start;
    for (let m = runRe.exec(l.text); m; m = runRe.exec(l.text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (to >= contentEnd) break;
      if (overlaps(skip, from, to)) continue;
      if (NUMBER_OR_LABEL_RE.test(l.text.slice(start, from)) || DEFINITION_AFTER_TAB_RE.test(l.text.slice(to))) continue;
      if (l.text[from - 1] === '|' || l.text[to] === '|') continue; // table padding
      const { left, right } = word(l.text, from, to);
      findings.push({
        code: 'stray-tab',
        range: lineRange(l.line, from, to),
        message: `A tab between '${left}' and '${right}'; use a single space.`,
        fixes: [replaceFix(model.uri, 'Replace the tab with a single space', l.line, from, to, ' ')],
      });
    }
  }
  return findings;
}

function trailingWhitespace(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  const markdown = /\.(md|markdown)$/i.test(model.uri);
  const fenced = nonProseLines(model.lines);
  for (const l of model.lines) {
    const m = /[ \t]+$/.exec(l.text);
    if (!m || fenced.has(l.line)) continue;
    // Two spaces at the end of a Markdown line are a hard line break, not a slip.
    if (markdown && /^ {2,}$/.test(m[0]) && m.index > 0) continue;
    findings.push({
      code: 'trailing-whitespace',
      range: lineRange(l.line, m.index, l.text.length),
      message: m.index === 0 ? 'Whitespace on an empty line; remove it.' : 'Whitespace at the end of the line; remove it.',
      fixes: [replaceFix(model.uri, 'Remove trailing whitespace', l.line, m.index, l.text.length, '')],
    });
  }
  return findings;
}

function spacesBeforePunctuation(model: LegalModel): Finding[] {
  const findings: Finding[] = [];
  for (const l of model.lines) {
    if (!/[ \t][,;:.]/.test(l.text) || !isProseLine(model, l.line)) continue;
    const skip = nonProseSpans(l.text);
    const masked = maskNonProse(l.text);
    const runRe = /[ \t]+(?=[,;:.])/g;
    runRe.lastIndex = model.structure.contentColumn[l.line];
    for (let m = runRe.exec(l.text); m; m = runRe.exec(l.text)) {
      const from = m.index;
      const to = from + m[0].length;
      if (overlaps(skip, from, to + 1) || !isSpaceBeforePunctuation(masked, from, to)) continue;
      const mark = l.text[to];
      findings.push({
        code: 'space-before-punctuation',
        range: lineRange(l.line, from, to + 1),
        message: `Space before '${mark}'; remove it.`,
        fixes: [replaceFix(model.uri, `Remove the space before '${mark}'`, l.line, from, to, '')],
      });
    }
  }
  return findings;
}

export const spacingRules: RuleFamily = {
  name: 'spacing',
  dependsOn: [],
  kinds: ['legal'],
  codes: ['double-space', 'stray-tab', 'trailing-whitespace', 'space-before-punctuation'],
  docs: spacingDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return [
      ...doubleSpaces(ctx.model, ctx.settings.allowDoubleSpaceAfterSentence),
      ...strayTabs(ctx.model),
      ...trailingWhitespace(ctx.model),
      ...spacesBeforePunctuation(ctx.model),
    ];
  },
};

/** The pages of the spacing codes (docs/rules/<code>.md is rendered from these by `npm run rules:sync`). */
function spacingDocs(): RuleFamily['docs'] {
  return {
    'double-space': {
      finds: 'Two or more spaces between words in legal text. Two spaces after a full stop are allowed with `secDrafting.allowDoubleSpaceAfterSentence` (or `allowDoubleSpaceAfterSentence` in `.secdraft.json`). URLs, inline code, Markdown syntax and table padding are not prose and are not checked.',
      why: `Respondents read the published text closely: in the SECMP0059 consultation E.ON pointed out a double space between 'User' and 'Security' in G8.44C. A slip a tool can find should never reach a respondent.`,
      reported: 'G8.44C … a User  Security Assessment …',
      notReported: 'G8.44C … a User Security Assessment …',
      fix: 'Replace the run with one space. The fix is certain: the quick fix, "Fix all" and `secdraft check --fix` apply it.',
    },
    'stray-tab': {
      finds: 'A tab character inside a line of text. The tab Word puts after a clause number, a list label or a bullet ("•"), and tab-separated columns, are not reported.',
      why: 'Tabs render differently in every viewer and in the published PDF; a tab inside a sentence usually comes from pasting out of Word and shows as a gap of unpredictable width.',
      reported: 'G8.41 Each Supplier\tParty shall …',
      notReported: 'G8.41\tEach Supplier Party shall …\n\n'
        + `(a tab after the clause number is Word's layout, not a slip)`,
      fix: 'Replace the tab with one space. The fix is certain: the quick fix, "Fix all" and `secdraft check --fix` apply it.',
    },
    'trailing-whitespace': {
      finds: 'Spaces or tabs at the end of a line. A Markdown hard break (two spaces at the end of a line in a `.sec.md` file) is not reported.',
      why: 'Invisible in the editor but visible in every diff: trailing spaces make redlines of a modification noisy, and reviewers compare versions of the legal text line by line.',
      reported: 'G8.41 Each Supplier Party shall comply.␠␠\n\n(␠ marks a space)',
      notReported: 'G8.41 Each Supplier Party shall comply.',
      fix: 'Delete the trailing spaces. The fix is certain: the quick fix, "Fix all" and `secdraft check --fix` apply it.',
    },
    'space-before-punctuation': {
      finds: 'A space before a comma, semicolon, colon or full stop (" ,", " ;", " :", " ."). Ellipses, decimals and the space that keeps a URL apart from its full stop are not reported.',
      why: `A stray space before punctuation is a typesetting slip that reads as carelessness in a published legal text, and can make a list item's ending ("; and") harder to check.`,
      reported: '(a) the Supplier Party ;',
      notReported: '(a) the Supplier Party;',
      fix: 'Delete the space. The fix is certain: the quick fix, "Fix all" and `secdraft check --fix` apply it.',
    },
  };
}
