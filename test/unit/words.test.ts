import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, workspaceOf } from '../helpers/fixtures';
import { applyFixes } from '../helpers/applyFixes';

const repeated = (text: string, name = 'a.sec.txt') => findingsOf(workspaceOf({ [name]: text }), name, 'repeated-word');

test('repeated-word: "the the" (any case) is found and the fix deletes one', () => {
  const t = 'G8.28 Where the Security Sub-Committee considers that the the remedial steps are inadequate, The the Panel acts.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'repeated-word'), ['1:55 repeated-word', '1:94 repeated-word']);
  const d = service.getDiagnostics('file:///ws/a.sec.txt').find(x => x.code === 'repeated-word')!;
  assert.equal(d.range.end.character - d.range.start.character, 'the the'.length);
  assert.equal(d.clause, 'G8.28');
  assert.equal(d.fixes?.[0].certain, true);
  assert.equal(applyFixes(service, 'a.sec.txt', 'repeated-word'), 'G8.28 Where the Security Sub-Committee considers that the remedial steps are inadequate, The Panel acts.\n');
});

test('repeated-word across a line break; the fix keeps the lines tidy', () => {
  const t = 'G8.1 The Panel shall notify the\nthe User promptly.\nG8.2 It shall tell\nthe\nthe Authority.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'repeated-word'), ['1:29 repeated-word', '4:1 repeated-word']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'repeated-word'), 'G8.1 The Panel shall notify the\nUser promptly.\nG8.2 It shall tell\nthe\nAuthority.\n');
});

test('"the the the" is one slip, even over a line break, and the fix keeps one', () => {
  const t = 'G8.1 Ask the the the Panel.\nG8.2 Ask the the\nthe Panel.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'repeated-word'), ['1:10 repeated-word', '2:10 repeated-word']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'repeated-word'), 'G8.1 Ask the Panel.\nG8.2 Ask the Panel.\n');
});

test('legitimate doubles: "had had", and "that that" pointing at something', () => {
  const t = dedent(`
    G8.1 The Panel had had no notice, and it provides that that User shall comply.
    G8.2 It is agreed that that assessment stands.
  `);
  assert.deepEqual(repeated(t), []);
  assert.deepEqual(repeated('G8.3 It considers that that the User shall comply.\n'), ['1:19 repeated-word']);
});

test('not across punctuation, brackets, quotes, paragraph labels or Markdown; never numbers', () => {
  const t = dedent(`
    G8.1 The User shall, in relation to the Panel (the Panel being notified), act; and
    (a) make a report on any matter
    (b) matter raised by the ‘Panel’ Panel members; and
    (c) pay 10 10 times the **fee** fee.
    G8.2 Section G8 8 applies; see [the](https://example.org/the) the text.
  `);
  assert.deepEqual(repeated(t, 'a.sec.md'), []);
});

test('a suppression directive on the line silences it', () => {
  assert.deepEqual(repeated('G8.1 Bora Bora is an island. // sec-disable-line repeated-word\n'), []);
});

test('repeats are found in any case and beyond ASCII; near misses are not', () => {
  const t = "G8.1 The Ofgem's OFGEM'S view. Été été. Sub-Committee SUB-COMMITTEE. Sub-Committee Sub-Commitee. User's Users.\n";
  assert.deepEqual(repeated(t), ['1:10 repeated-word', '1:32 repeated-word', '1:41 repeated-word']);
});
