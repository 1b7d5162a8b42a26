// The rule table: every diagnostic code, its default severity and what it means. Codes are a
// contract (DESIGN.md §4): CI configs and suppression comments name them, so codes are only
// ever added, never renamed.
import type { SeverityLevel } from '../types';

export interface RuleInfo {
  code: string;
  defaultSeverity: SeverityLevel;
  /** One line for settings UIs, the README and `secdraft rules`. */
  description: string;
  family: 'terms' | 'structure' | 'references' | 'typography' | 'thresholds' | 'consultation' | 'files' | 'suppressions';
}

export const RULES: readonly RuleInfo[] = [
  { code: 'undefined-term', defaultSeverity: 'warning', family: 'terms', description: 'A capitalised term is used but defined nowhere in the workspace.' },
  { code: 'unused-definition', defaultSeverity: 'information', family: 'terms', description: 'A term is defined but never used.' },
  { code: 'duplicate-definition', defaultSeverity: 'error', family: 'terms', description: 'A term is defined twice with different text.' },
  { code: 'lowercase-defined-term', defaultSeverity: 'warning', family: 'terms', description: "A defined term's words are written in lower case." },
  { code: 'circular-definition', defaultSeverity: 'warning', family: 'terms', description: 'A definition leads back to the term it defines.' },
  { code: 'clause-numbering', defaultSeverity: 'error', family: 'structure', description: 'A clause or paragraph number is duplicated, skipped, out of order or badly suffixed.' },
  { code: 'broken-reference', defaultSeverity: 'error', family: 'references', description: 'A reference names a clause that does not exist in the workspace.' },
  { code: 'reference-heading-mismatch', defaultSeverity: 'warning', family: 'references', description: "The bracketed heading in a reference differs from the target's heading." },
  { code: 'double-space', defaultSeverity: 'warning', family: 'typography', description: 'Two or more spaces between words.' },
  { code: 'stray-tab', defaultSeverity: 'warning', family: 'typography', description: 'A tab character inside a line of text.' },
  { code: 'trailing-whitespace', defaultSeverity: 'information', family: 'typography', description: 'Spaces or tabs at the end of a line.' },
  { code: 'space-before-punctuation', defaultSeverity: 'warning', family: 'typography', description: 'A space before a comma, semicolon, colon or full stop.' },
  { code: 'repeated-word', defaultSeverity: 'warning', family: 'typography', description: 'The same word twice in a row ("the the").' },
  { code: 'unbalanced-bracket', defaultSeverity: 'error', family: 'typography', description: 'A bracket is opened and never closed, or closed and never opened.' },
  { code: 'unbalanced-quote', defaultSeverity: 'warning', family: 'typography', description: 'A quotation mark is opened and never closed.' },
  { code: 'mixed-quotes', defaultSeverity: 'information', family: 'typography', description: 'Straight and curly quotes mixed in one definition or clause.' },
  { code: 'list-punctuation', defaultSeverity: 'warning', family: 'typography', description: 'List items do not end with ";", "; and"/"; or" and ".".' },
  { code: 'number-format', defaultSeverity: 'warning', family: 'thresholds', description: 'The same number written differently (250000 vs 250,000, words vs digits).' },
  { code: 'inconsistent-threshold', defaultSeverity: 'warning', family: 'thresholds', description: 'One threshold stated with different values, units, comparisons or multipliers.' },
  { code: 'unknown-clause', defaultSeverity: 'warning', family: 'consultation', description: 'A consultation comment names a clause that does not exist.' },
  { code: 'duplicate-consultation', defaultSeverity: 'warning', family: 'consultation', description: 'A collation repeats another one (the same questions, respondents and comments): its comments are counted once.' },
  { code: 'unanswered-comment', defaultSeverity: 'ignore', family: 'consultation', description: 'A consultation comment has no recorded response (the publication gate).' },
  { code: 'file-error', defaultSeverity: 'error', family: 'files', description: 'A file could not be read or parsed (encoding, format, size).' },
  { code: 'unused-suppression', defaultSeverity: 'information', family: 'suppressions', description: 'A suppression comment names an unknown code or hides no finding.' },
];

export const RULE_BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map(r => [r.code, r]));

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['ignore', 'hint', 'information', 'warning', 'error'];

export function isSeverityLevel(s: unknown): s is SeverityLevel {
  return typeof s === 'string' && (SEVERITY_LEVELS as readonly string[]).includes(s);
}
