// The real form of legal text is the tidy form hard-wrapped wherever a page ended, with page
// furniture dropped into the flow. Property: for any generated Section A and Section G text,
// wrapping it at any width (splitting terms, references and hyphenated words) and inserting
// page numbers and a running header anywhere gives the same definitions, the same clauses and
// the same undefined terms as the unwrapped text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSecLanguageService } from '../../server/src/service';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';

const RUNS = Number(process.env.FC_RUNS ?? 150);

const TERMS = ['Supplier Party', 'Domestic Premises', 'Smart Metering System', 'User Security Assessment', 'DCC User Interface Specification',
  'SMETS1 Service Provider', 'Security Sub-Committee', 'End-to-End Testing', 'Type 2 Device', 'Working Day'];
/** Capitalised phrases no row defines: each use must be reported, wrapped or not. */
const UNDEFINED = ['Charging Statement', 'Panel Secretary'];
const WORDS = ['each', 'shall', 'the', 'within', 'ten', 'days', 'after', 'receiving', 'notice', 'from', 'a', 'of', 'in', 'respect', 'any', 'period', 'which', 'apply'];

type Piece = { kind: 'word'; text: string } | { kind: 'term'; n: number } | { kind: 'undefined'; n: number } | { kind: 'ref'; n: number };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map(text => ({ kind: 'word' as const, text })) },
  { weight: 3, arbitrary: fc.nat({ max: TERMS.length - 1 }).map(n => ({ kind: 'term' as const, n })) },
  { weight: 1, arbitrary: fc.nat({ max: UNDEFINED.length - 1 }).map(n => ({ kind: 'undefined' as const, n })) },
  { weight: 1, arbitrary: fc.nat({ max: 5 }).map(n => ({ kind: 'ref' as const, n })) },
);

const document = fc.record({
  clauses: fc.array(fc.array(piece, { minLength: 4, maxLength: 30 }), { minLength: 1, maxLength: 6 }),
  width: fc.integer({ min: 45, max: 110 }),
  pageBreaks: fc.array(fc.nat({ max: 200 }), { maxLength: 4 }),
  header: fc.boolean(),
});

function sentence(pieces: Piece[]): string {
  const words = pieces.map(p => p.kind === 'word' ? p.text : p.kind === 'term' ? TERMS[p.n] : p.kind === 'undefined' ? UNDEFINED[p.n] : `Section G8.${p.n + 1}`);
  return words.join(' ') + '.';
}

function tidyText(clauses: Piece[][]): string {
  const rows = TERMS.map(t => `${t} means a thing of that name which the parties identify.`);
  return [
    'SECTION A: DEFINITIONS AND INTERPRETATION', 'A1 DEFINITIONS',
    'A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand column below shall have the meanings given to them in the right hand column below:',
    ...rows,
    'SECTION G: SECURITY', 'G8 USER SECURITY ASSURANCE', 'General Provisions',
    ...clauses.map((c, i) => `G8.${i + 1} ${sentence(c)}`),
  ].join('\n') + '\n';
}

/** Greedy hard wrap at spaces, and inside a hyphenated word where it would overflow. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      const hyphen = word.indexOf('-');
      if (hyphen > 0 && current.length + 1 + hyphen + 1 <= width) {
        out.push(`${current} ${word.slice(0, hyphen + 1)}`);
        current = word.slice(hyphen + 1);
        continue;
      }
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out;
}

function realText(tidy: string, width: number, pageBreaks: number[], header: boolean): string {
  const lines = tidy.trimEnd().split('\n').flatMap(l => wrap(l, width));
  const breaks = [...new Set(pageBreaks.map(b => 1 + (b % lines.length)))].sort((a, b) => b - a);
  breaks.forEach((at, k) => {
    // A page ends anywhere but inside a hyphenated word (the copy would keep its two halves together).
    if (/-$/.test(lines[at - 1])) return;
    lines.splice(at, 0, ...(header ? ['SEC Section G – Security v7.1'] : []), `Page ${breaks.length - k} of ${breaks.length + 1}`);
  });
  return lines.join('\n') + '\n';
}

function reading(text: string) {
  const service = createSecLanguageService();
  const uri = 'file:///ws/section.sec.txt';
  service.setDocument({ uri, version: 1, text });
  const model = buildLegalModel({ uri, version: 1, text });
  const diagnostics = service.getDiagnostics(uri);
  return {
    definitions: definitionsOf(model).map(d => d.term).sort(),
    clauses: model.structure.clauses.map(c => `${c.id} ${c.heading ?? ''}`),
    undefinedTerms: diagnostics.filter(d => d.code === 'undefined-term').map(d => (d.data as { term: string }).term).sort(),
    otherCodes: diagnostics.filter(d => d.code !== 'undefined-term' && d.code !== 'unused-definition').map(d => String(d.code)).sort(),
  };
}

test('hard-wrapping legal text and dropping page furniture into it changes nothing the checks read', () => {
  fc.assert(fc.property(document, ({ clauses, width, pageBreaks, header }) => {
    const tidy = tidyText(clauses);
    const real = realText(tidy, width, pageBreaks, header);
    assert.deepEqual(reading(real), reading(tidy), `wrapped at ${width}:\n${real}`);
  }), { numRuns: RUNS });
});
