// Property test of the incremental comment linking: after any sequence of edits to the legal
// text (the clause index re-reads only changed lines and re-counts only changed clauses, and
// keeps explicit links while the clause numbers stay), the links, scores and unknown-clause
// findings equal those of a fresh workspace holding the same files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSecLanguageService } from '../../server/src/service';

const RUNS = Number(process.env.FC_RUNS ?? 150);

const LEGAL_A = [
  'SECTION G: SECURITY', '', 'G8 USER SECURITY ASSURANCE', '', 'Assessment Years', '',
  'G8.37 Each period of twelve months from the completion of a Full User Security Assessment is an Assessment Year.', '',
  'G8.40 A Supplier Party supplying more than 250,000 Domestic Premises shall undergo a Full User Security Assessment.', '',
  'G8.41 A Supplier Party supplying Non-Domestic Premises shall count its Combined Premises Number each Assessment Year.', '',
  'Supplier Parties', '', 'G8.44A A Supplier Party below the threshold shall undergo a Verification User Security Assessment.', '',
].join('\n');
const LEGAL_B = [
  'H3 TESTING', '', 'H3.1 The DCC shall provide a Testing Service to every Party.', '',
  'H3.2 Each Party shall comply with the Common Test Scenarios Document during Systems Integration Testing.', '',
].join('\n');
const COLLATION = [
  'Question 1: Do you agree?', 'Respondent Category Comments',
  'SSE Large Supplier The Combined Premises Number for Non-Domestic Premises is unclear.',
  'E.ON Large Supplier See G8.41 and G8.44A-C, and G8.99.',
  'Bryt Energy Small Supplier The Testing Service and Common Test Scenarios Document need work.',
  'Npower Large Supplier A Verification User Security Assessment each Assessment Year is too much.', '',
].join('\n');

const PIECES = ['x', ' ', '\n', '\n\n', 'Premises', ' Supplier Party ', 'Non-Domestic ', 'G8.42 A new clause about Testing Service.\n', 'H3.3 ',
  'Combined Premises Number', '250,000', 'Assessment', 'Supplier Parties\n', 'The ', '.', '\nG8.41 '];

const edit = fc.record({
  file: fc.constantFrom('a', 'b'),
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })),
});

const uri = (f: string) => `file:///ws/${f}`;
const files = (a: string, b: string): Record<string, string> => ({ 'g8.sec.txt': a, 'h3.sec.txt': b, 'consultation-responses.txt': COLLATION });

function results(service: ReturnType<typeof createSecLanguageService>) {
  return { comments: service.getComments(), findings: service.getDiagnostics(uri('consultation-responses.txt')) };
}

test('links, scores and unknown-clause findings after any legal edits equal those of a fresh workspace', () => {
  fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), edits => {
    const texts: Record<string, string> = { a: LEGAL_A, b: LEGAL_B };
    const live = createSecLanguageService();
    for (const [name, text] of Object.entries(files(texts.a, texts.b))) live.setDocument({ uri: uri(name), version: 1, text });
    results(live);
    edits.forEach((e, k) => {
      const t = texts[e.file];
      const at = e.at % (t.length + 1);
      texts[e.file] = t.slice(0, at) + e.insert + t.slice(at + e.remove);
      live.setDocument({ uri: uri(e.file === 'a' ? 'g8.sec.txt' : 'h3.sec.txt'), version: k + 2, text: texts[e.file] });
      const fresh = createSecLanguageService();
      for (const [name, text] of Object.entries(files(texts.a, texts.b))) fresh.setDocument({ uri: uri(name), version: 1, text });
      assert.deepEqual(results(live), results(fresh));
    });
  }), { numRuns: RUNS });
});
