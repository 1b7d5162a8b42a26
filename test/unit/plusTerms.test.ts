// A defined term that ends in "+" ("SMETS2+"): read as a Section A row in both forms, matched
// only where the text writes the "+", and told apart from the term without it ("SMETS2").
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, workspaceOf } from '../helpers/fixtures';
import { termMatches } from '../helpers/termMatches';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';

const INTRO = 'SECTION A – DEFINITIONS AND INTERPRETATION\nA1 DEFINITIONS\nA1.1 In this Code, except where the context otherwise requires, the expressions in the left hand\ncolumn below shall have the meanings given to them in the right hand column below.\n';

const REAL = INTRO + dedent(`
  Code means this Smart Energy Code.
  Party means a person bound by this Code.
  SMETS2 means the second version of the technical specifications.
  SMETS2+ means a Smart Metering System that complies with SMETS2 or a later version of the
  technical specifications.
  Smart Metering System means a group of devices installed at premises.
  A2 USE
  A2.1 Each Party shall install a SMETS2+ Smart Metering System, or a Smart Metering System that
  complies with SMETS2.
`);

const TIDY = dedent(`
  A1.1 Definitions

  "Code" | means this Smart Energy Code.

  "Party" | means a person bound by this Code.

  "SMETS2" | means the second version of the technical specifications.

  "SMETS2+" | means a Smart Metering System that complies with SMETS2 or a later version of the technical specifications.

  "Smart Metering System" | means a group of devices installed at premises.

  A2.1 Each Party shall install a SMETS2+ Smart Metering System, or a Smart Metering System that complies with SMETS2.
`);

test('matcher: a term ending in "+" matches only where the "+" is written; the term without it elsewhere', () => {
  assert.deepEqual(termMatches(['SMETS2', 'SMETS2+'], 'a SMETS2+ meter and a SMETS2 meter'), ['SMETS2=SMETS2+', 'SMETS2=SMETS2']);
  // Without the "+" term, "SMETS2+" is still a use of SMETS2, as before.
  assert.deepEqual(termMatches(['SMETS2'], 'a SMETS2+ meter'), ['SMETS2=SMETS2']);
  assert.deepEqual(termMatches(['SMETS2+'], 'a SMETS2 meter'), []);
});

test('real form: the "SMETS2+" row is a row of its own, and the row before it keeps its own text', () => {
  const sites = definitionsOf(buildLegalModel({ uri: 'file:///ws/a.sec.txt', version: 1, text: REAL }));
  assert.deepEqual(sites.map(s => s.term), ['Code', 'Party', 'SMETS2', 'SMETS2+', 'Smart Metering System']);
  assert.equal(sites[2].text, 'means the second version of the technical specifications.');
});

for (const [form, text] of [['real', REAL], ['tidy', TIDY]] as const) {
  test(`${form} form: SMETS2 and SMETS2+ are each used, and nothing is reported`, () => {
    assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.txt': text }), 'a.sec.txt'), []);
  });
}
