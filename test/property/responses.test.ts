// Property tests of the responses file: whatever the text, parsing never throws and every
// problem points inside the file; any valid set of responses survives serialise → parse
// unchanged, and serialising is independent of insertion order.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { splitLines } from '../../server/src/service/text/lines';
import { type CommentResponse, DISPOSITIONS, type ResponsesFile, parseResponses, serialiseResponses } from '../../server/src/service/model/responses';
import { anyText } from '../helpers/arbitraries';

const RUNS = Number(process.env.FC_RUNS ?? 200);

const response: fc.Arbitrary<CommentResponse> = fc.record({
  disposition: fc.constantFrom(...DISPOSITIONS),
  clause: fc.stringMatching(/^[A-Z][0-9]{1,2}\.[0-9]{1,3}[A-Z]?$/),
  response: fc.string({ minLength: 1, maxLength: 60 }).filter(s => s.trim() !== ''),
  respondent: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
}).map(r => ({ disposition: r.disposition, ...(r.disposition === 'accepted' ? { clause: r.clause } : {}), response: r.response, ...(r.respondent ? { respondent: r.respondent } : {}) }));

const file: fc.Arbitrary<ResponsesFile> = fc.record({
  consultation: fc.string({ maxLength: 30 }),
  responses: fc.dictionary(fc.stringMatching(/^q[0-9]{1,2}-[a-z0-9-]{1,12}$/), response, { maxKeys: 12 }),
}).map(f => ({ version: 1, consultation: f.consultation, responses: Object.fromEntries(Object.entries(f.responses)) }));

/** Valid files with a random slice cut out or a random string spliced in. */
const damaged = fc.tuple(file, fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 4 })).map(([f, at, cut, insert]) => {
  const text = serialiseResponses(f);
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
});

test('parseResponses never throws and every problem lies inside the file', () => {
  fc.assert(fc.property(fc.oneof(anyText, fc.json(), damaged), text => {
    const { problems } = parseResponses(text);
    const lines = splitLines(text);
    for (const p of problems) {
      assert.equal(p.code, 'file-error');
      for (const pos of [p.range.start, p.range.end]) {
        assert.ok(pos.line >= 0 && pos.line < lines.length, `line ${pos.line} of ${lines.length}`);
        assert.ok(pos.character >= 0 && pos.character <= lines[pos.line].text.length, `column ${pos.character} of ${lines[pos.line].text.length}`);
      }
    }
  }), { numRuns: RUNS });
});

test('serialise → parse gives the same responses back; the text does not depend on insertion order', () => {
  fc.assert(fc.property(file, f => {
    const text = serialiseResponses(f);
    const parsed = parseResponses(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.file, f);
    const reversed: ResponsesFile = { ...f, responses: Object.fromEntries(Object.entries(f.responses).reverse()) };
    assert.equal(serialiseResponses(reversed), text);
  }), { numRuns: RUNS });
});
