// fast-check arbitraries for SEC-like text: fragments that exercise every parser (clause
// numbers, headings, paragraph labels, quotes, brackets, tables, numbers, odd whitespace and
// line endings) mixed with arbitrary Unicode.
import * as fc from 'fast-check';

const FRAGMENTS = [
  'G8.41 ', 'G8.44A ', 'G8.44C ', 'A1.1 ', 'G8 USER SECURITY ASSURANCE', 'SECTION G: SECURITY', '## G8 User Security',
  '### Supplier Parties', '**G8.40** ', '(a) ', '(b) ', '(i) ', '(ii) ', '(c) ', 'Supplier Party', 'Non-Domestic Premises',
  'Domestic Premises', 'Smart Metering Systems', 'User Security Assessment', ' | means ', ' | has the meaning given to that expression in Section G8.37 (Heading).',
  '“', '”', '‘', '’', '"', "'", '(', ')', '[', ']', '[Not used]', 'Section G8.16 (Categories of Assessment)', 'Sections G8.44A to G8.44C',
  'Sections G3 to G6', 'more than 250,000 ', '250000', 'fifty thousand', 'five (5)', 'multiplied by five', 'CPN = (5 × NDP) + DP', 'where:',
  '; and', '; or', ';', '.', ',', ':', '  ', '\t', '\u00a0', '\u200b', '\uFEFF', 'the the ', 'https://example.org/x  y', '`code`',
  '<!-- sec-disable-next-line double-space -->', '<!-- sec-disable -->', '<!-- sec-enable -->', '| --- | --- |', '| Term | means x |',
  'Question 1: Do you agree?', 'Respondent Category Response Rationale', 'E.ON Large Supplier | Approve ', 'Haven Power\nLimited ',
  'Other\nrespondent', 'Approve', 'Reject', 'Neutral', 'Abstain', 'We note that G8.41 seems to', 'a “Defined Term”', 'A “Full Thing” shall be',
  // The real form: Section A rows without a separator, unquoted bracketed definitions, wraps, page furniture.
  'SECTION A: DEFINITIONS AND INTERPRETATION', 'the expressions in the left hand column below shall have the meanings', 'Affiliate means ',
  'Assessment Year has the meaning given to that expression in Section G8.37 (', 'Charges includes ', 'in relation to a Party, means ',
  '(the Application Fee)', '(each a\nVolume Statement)', '(together, the ', 'End-to-\nEnd Testing', 'Section\nG8.41', 'Sections G8.44A\nto G8.44C',
  '\nPage 3 of 9\n', '\n12\n', '\nSEC Section G v4.2\n', '**Liability Cap**', 'DCC User Interface Specification', 'SMETS1 ', 'Type 2 Device',
  '(as defined in the DCC Licence)', "'DCC User Gateway'",
];

const LINE_BREAKS = ['\n', '\n', '\n', '\r\n', '\r', '\n\n'];

/** Text made of SEC fragments, words and line breaks. */
export const secText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: fc.constantFrom(...LINE_BREAKS) },
      { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{0,8} $/) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    ),
    { maxLength: 120 },
  )
  .map(parts => parts.join(''));

/** Any text at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 400 }),
  secText,
);

/** An edit to a text: replace [start, end) with an inserted string. */
export interface TextEditOp {
  start: number;
  end: number;
  insert: string;
}

export const editOp: fc.Arbitrary<TextEditOp> = fc.record({
  start: fc.nat({ max: 2000 }),
  end: fc.nat({ max: 2000 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS, ...LINE_BREAKS, ''), fc.string({ maxLength: 5 })),
});

export function applyEditOp(text: string, op: TextEditOp): string {
  const a = Math.min(op.start, text.length);
  const b = Math.min(Math.max(op.end, a), text.length);
  return text.slice(0, a) + op.insert + text.slice(b);
}
