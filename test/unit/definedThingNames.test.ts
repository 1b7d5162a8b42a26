// A definition that names the thing its term stands for in full ("GBCS means the Great Britain
// Companion Specification") is not a use of undefined terms: in the tidy form and as the
// published Section A reads when copied (rows without bars, lines hard-wrapped).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, workspaceOf } from '../helpers/fixtures';
import { namedBy } from '../../server/src/service/rules/definedThingNames';

const TIDY = dedent(`
  SECTION A: DEFINITIONS AND INTERPRETATION

  A1 DEFINITIONS

  A1.1 In this Code, the expressions below have these meanings:
  "Citizens Advice" | means the National Association of Citizens Advice Bureaux.
  "Citizens Advice Scotland" | means the Scottish Association of Citizens Advice Bureaux.
  "GBCS" | means the Great Britain Companion Specification, as amended from time to time.
  "ESME" | means Electricity Smart Metering Equipment.
  "MRA" | means the Master Registration Agreement.
  "Party" | means a person bound by this Code.
  "SMKI PMA" | means the SMKI Policy Management Authority.
  "UNC" | means the Uniform Network Code designated by the Authority.
  "Authority" | means the Gas and Electricity Markets Authority.
  "Code" | means this Smart Energy Code.

  A1.2 Each Party shall comply with the GBCS, the MRA and the UNC for its ESME, and shall consult Citizens Advice, Citizens Advice Scotland and the SMKI PMA.
`);

// The same rows as copied from the published Code: no bars, no quotes, wrapped near 95 columns.
const REAL = dedent(`
  SECTION A – DEFINITIONS AND INTERPRETATION
  A1 DEFINITIONS
  A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand
  column below shall have the meanings given to them in the right hand column below.
  Authority means the Gas and Electricity Markets Authority.
  Citizens Advice means the National Association of Citizens Advice
  Bureaux.
  Citizens Advice Scotland means the Scottish Association of Citizens Advice Bureaux.
  Code means this Smart Energy Code.
  GBCS means the Great Britain Companion Specification, as amended from time to time.
  ESME means Electricity Smart Metering Equipment.
  MRA means the Master Registration Agreement.
  Party means a person bound by this Code.
  SMKI PMA means the SMKI Policy Management Authority.
  UNC means the Uniform Network Code designated by the Authority.
  A1.2 Each Party shall comply with the GBCS, the MRA and the UNC for its ESME, and shall consult
  Citizens Advice, Citizens Advice Scotland and the SMKI PMA.
`);

for (const [form, text] of [['tidy', TIDY], ['real', REAL]] as const) {
  test(`${form} form: the full name an acronym or a body's term stands for is not an undefined term`, () => {
    assert.deepEqual(findingsOf(workspaceOf({ 'section-a.sec.txt': text }), 'section-a.sec.txt', 'undefined-term'), []);
  });
}

test('the name must be the definition\'s head and drawn from the term: other capitalised words are still reported', () => {
  const text = dedent(`
    SECTION A – DEFINITIONS AND INTERPRETATION
    A1 DEFINITIONS
    A1.1 In this Code, except where the context otherwise requires, the expressions in the left hand
    column below shall have the meanings given to them in the right hand column below.
    Assurance Status means the Assurance Level given to a Party.
    GBCS means the Great Britain Companion Specification as approved by the Technical Board.
    Party means a person bound by this Code.
    Code means this Smart Energy Code.
    A1.2 Each Party shall hold an Assurance Status and comply with the GBCS and the Uniform Network Code.
  `);
  const found = workspaceOf({ 'section-a.sec.txt': text }).getDiagnostics('file:///ws/section-a.sec.txt')
    .filter(d => d.code === 'undefined-term').map(d => d.message.match(/“([^”]+)”/)![1]);
  // Not the head's name of its own term; after the head; a use outside any definition.
  assert.deepEqual(found, ['Assurance Level', 'Technical Board', 'Uniform Network Code']);
});

for (const form of ['tidy', 'real'] as const) {
  test(`${form} form: a full name a definition gives is known in any text, and a name no definition gives is still reported`, () => {
    const rows = form === 'tidy'
      ? '"ESME" | means Electricity Smart Metering Equipment.\n\n"Party" | means a person bound by the ESME rules.\n'
      : 'ESME means Electricity Smart Metering Equipment.\nParty means a person bound by the ESME rules.\n';
    const a = `SECTION A – DEFINITIONS AND INTERPRETATION\nA1 DEFINITIONS\nA1.1 In this Code, except where the context otherwise requires, the expressions in the left hand\ncolumn below shall have the meanings given to them in the right hand column below.\n${rows}`;
    const f = dedent(`
      SECTION F – SMART METERING SYSTEMS
      F1 REQUIREMENTS
      F1.1 Each Party shall meet the requirements placed on Electricity Smart Metering Equipment and
      on Gas Smart Metering Equipment.
    `);
    const found = workspaceOf({ 'section-a.sec.txt': a, 'section-f.sec.txt': f }).getDiagnostics('file:///ws/section-f.sec.txt')
      .filter(d => d.code === 'undefined-term').map(d => d.message.match(/“([^”]+)”/)![1]);
    assert.deepEqual(found, ['Gas Smart Metering Equipment']);
  });
}

test('namedBy: abbreviation, the term inside the name, or a longer term sharing all its words but the last', () => {
  assert.ok(namedBy('Great Britain Companion Specification', 'GBCS'));
  assert.ok(namedBy('SMKI Policy Management Authority', 'SMKI PMA'));
  assert.ok(namedBy('Gas and Electricity Markets Authority', 'Authority'));
  assert.ok(namedBy('National Association of Citizens Advice Bureaux', 'Citizens Advice'));
  assert.ok(namedBy('Scottish Association of Citizens Advice Bureaux', 'Citizens Advice Scotland'));
  assert.ok(!namedBy('Assurance Level', 'Assurance Status'));
  assert.ok(!namedBy('Supplier Party', 'User'));
  assert.ok(!namedBy('Advice Bureaux', 'Citizens'));
});
