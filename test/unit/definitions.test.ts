// Definition sites: A1.1 rows, pointer rows, quoted and inline definitions, Markdown tables.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf, looksLikeTerm, termKey } from '../../server/src/service/model/definitions';
import { dedent } from '../helpers/fixtures';

function sites(text: string) {
  return definitionsOf(buildLegalModel({ uri: 'file:///ws/a.sec.txt', version: 1, text: dedent(text) }));
}

test('A1.1 rows: means, pointer rows with their target, straight and curly quotes', () => {
  const found = sites(`
    A1 DEFINITIONS

    A1.1 In this Code:
    Affiliate | means any company which is its subsidiary.
    Assessment Year | has the meaning given to that expression in Section G8.37 (Second and Subsequent User Security Assessments).
    “Working Day” | means any day other than a Saturday.
    "Panel" | means the body established under Section C.
  `);
  assert.deepEqual(found.map(s => [s.term, s.form, s.pointsTo ?? '']), [
    ['Affiliate', 'table', ''],
    ['Assessment Year', 'table-pointer', 'G8.37'],
    ['Working Day', 'table', ''],
    ['Panel', 'table', ''],
  ]);
  assert.equal(found[0].text, 'means any company which is its subsidiary.');
  assert.deepEqual(found[2].range, { start: { line: 5, character: 1 }, end: { line: 5, character: 12 } });
});

test('Markdown tables: the header row is not a definition; cells lose their padding', () => {
  const found = sites(`
    | Term | Meaning |
    | --- | --- |
    | Supplier Party | means a Party which holds a supply licence. |
    | **User** | means a Party which has completed the User Entry Process. |
  `);
  assert.deepEqual(found.map(s => s.term), ['Supplier Party', 'User']);
  assert.equal(found[0].text, 'means a Party which holds a supply licence.');
  assert.equal(found[0].range.start.character, 2);
});

test('quoted definitions in clauses and paragraphs', () => {
  const found = sites(`
    G8.1 In this Section G8:
    (a) “Relevant Date” means 1 April 2026; and
    (b) "Cycle Year" has the meaning given to that expression in Section G8.43.
    (c) **“Alpha Event”** means an event notified by the DCC.
  `);
  assert.deepEqual(found.map(s => [s.term, s.form, s.clause]), [['Relevant Date', 'quoted', 'G8.1'], ['Cycle Year', 'table-pointer', 'G8.1'], ['Alpha Event', 'quoted', 'G8.1']]);
  assert.equal(found[2].text, 'means an event notified by the DCC.');
  assert.equal(found[0].text, 'means 1 April 2026; and');
});

test('inline definitions in body text, with the sentence as their text', () => {
  const found = sites(`
    G8.16 A “Full User Security Assessment” shall be an examination of a User.
    G8.22 The Provider shall prepare a report (a "User Security Assessment Report") which shall be sent.
    G8.30 The Panel shall set the status of the User (its “Assurance Status”) as one of the following:
    (a) ‘approved’;
    G8.31 Each year (each an ‘Assessment Year’) counts.
  `);
  assert.deepEqual(found.map(s => s.term), ['Full User Security Assessment', 'User Security Assessment Report', 'Assurance Status', 'Assessment Year']);
  assert.equal(found[0].text, 'A “Full User Security Assessment” shall be an examination of a User.');
  assert.equal(found[2].clause, 'G8.30');
});

test('quoted text that is cited or a label is not a definition', () => {
  const found = sites(`
    G1.1 The words “Supplier Party” shall be replaced by “Supplier”.
    G1.2 The Panel shall set an Assurance Status of ‘approved’ or ‘Deferred’.
    G1.3 The heading “Scope and Purpose.” stays.
  `);
  assert.deepEqual(found, []);
});

test('term keys ignore case, spacing and apostrophe style; looksLikeTerm rejects sentences', () => {
  assert.equal(termKey('User’s  Role'), termKey("user's role"));
  assert.ok(looksLikeTerm('Follow-up Security Assessment'));
  assert.ok(!looksLikeTerm('approved'));
  assert.ok(!looksLikeTerm('The end of the matter.'));
});

test('never throws on odd input', () => {
  for (const text of ['', '|', '| |', '“', '"" means', '||||\n|---|\n', 'A “” b', '“'.repeat(500)]) {
    assert.doesNotThrow(() => definitionsOf(buildLegalModel({ uri: 'file:///x.sec', version: 1, text })));
  }
});
