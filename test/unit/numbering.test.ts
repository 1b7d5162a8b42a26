import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, workspaceOf, uriOf } from '../helpers/fixtures';
import { paragraphLabel } from '../../server/src/service/rules/numbering';

/** "line message" for each clause-numbering finding of a one-file workspace. */
function numbering(text: string): string[] {
  const service = workspaceOf({ 'g.sec.txt': text });
  return service.getDiagnostics(uriOf('g.sec.txt'))
    .filter(d => d.code === 'clause-numbering')
    .map(d => `${d.range.start.line + 1} ${d.message}`);
}

const clauses = (...ids: string[]) => ids.map(id => `${id} Text of ${id}.`).join('\n\n') + '\n';

test('a clean sequence with insertions and a [Not used] clause: nothing', () => {
  const text = clauses('G8.14', 'G8.15', 'G8.16', 'G8.16A', 'G8.16B', 'G8.17').replace('G8.15 Text of G8.15.', 'G8.15 [Not used]');
  assert.deepEqual(numbering(text), []);
});

test('the first clause of an excerpt is not a gap', () => {
  assert.deepEqual(numbering(dedent(`
    G8 USER SECURITY ASSURANCE

    G8.14 First reproduced clause.

    G8.15 Next.
  `)), []);
});

test('a skipped number names the expected one', () => {
  assert.deepEqual(numbering(clauses('G8.30', 'G8.31', 'G8.33', 'G8.34')), ['5 Clause numbering skips from G8.31 to G8.33; expected G8.32.']);
});

test('duplicates and out-of-order clauses, without a cascade afterwards', () => {
  assert.deepEqual(numbering(clauses('G8.1', 'G8.2', 'G8.2', 'G8.3')), ['5 Clause number G8.2 is used twice (first at line 3); expected G8.3.']);
  assert.deepEqual(numbering(clauses('G8.1', 'G8.3', 'G8.2', 'G8.4')), [
    '3 Clause numbering skips from G8.1 to G8.3; expected G8.2.',
    '5 Clause G8.2 is out of order: it follows G8.3; expected G8.4.',
  ]);
});

test('bad suffix order: a missing A, a C before a B, an insertion without its base', () => {
  assert.deepEqual(numbering(clauses('G8.44', 'G8.44B')), ['3 Inserted clause G8.44B follows G8.44; expected G8.44A.']);
  assert.deepEqual(numbering(clauses('G8.44', 'G8.44A', 'G8.44C', 'G8.44B')), [
    '5 Inserted clause G8.44C follows G8.44A; expected G8.44B.',
    '7 Clause G8.44B is out of order: it follows G8.44C; expected G8.45.',
  ]);
  assert.deepEqual(numbering(clauses('G8.43', 'G8.44A')), ['3 Inserted clause G8.44A has no G8.44 before it; expected G8.44.']);
});

test('each Part is numbered on its own; an elision line starts a new excerpt', () => {
  assert.deepEqual(numbering(clauses('G7.3', 'G7.4', 'G8.14', 'G8.15')), []);
  assert.deepEqual(numbering('G8.14 One.\n\n[…]\n\nG8.40 Two.\n\nG8.41 Three.\n'), []);
  assert.deepEqual(numbering('G8.14 One.\n\n...\n\nG8.40 Two.\n\nG8.42 Three.\n'), ['7 Clause numbering skips from G8.40 to G8.42; expected G8.41.']);
});

function paragraphs(body: string) {
  const service = workspaceOf({ 'p.sec.txt': body });
  return service.getDiagnostics(uriOf('p.sec.txt')).filter(d => d.code === 'clause-numbering');
}

test('paragraph sequence (a), (b), (d): expected (c), with a certain renumbering', () => {
  const [d, ...rest] = paragraphs('G8.19 Each User shall:\n(a) one;\n(b) two; and\n(d) three.\n');
  assert.equal(rest.length, 0);
  assert.equal(d.message, 'Paragraph numbering in G8.19 skips to (d); expected (c).');
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
  assert.equal(d.fixes?.[0].edits[0].newText, '(c)');
  assert.equal(d.fixes?.[0].certain, true);
});

test('sub-paragraphs (i), (iii) and a gap followed by more: no fix when not certain', () => {
  const [d] = paragraphs('G8.22 It shall:\n(a) record;\n(b) where:\n(i) one; and\n(iii) two; and\n(c) end.\n');
  assert.equal(d.message, 'Paragraph numbering in G8.22 skips to (iii); expected (ii).');
  const gaps = paragraphs('G8.1 It shall:\n(a) one;\n(b) two;\n(d) four;\n(e) five.\n');
  assert.equal(gaps.length, 1, 'one finding, not one per later paragraph');
  assert.equal(gaps[0].fixes, undefined);
});

test('paragraph duplicates and a list that does not start at (a)', () => {
  assert.deepEqual(paragraphs('G8.1 It:\n(a) one;\n(a) two.\n').map(d => d.message), ['Paragraph (a) of G8.1 is used twice; expected (b).']);
  assert.deepEqual(paragraphs('G8.1 It:\n(b) one;\n(c) two.\n').map(d => d.message), ['Paragraph (b) of G8.1 should start its list; expected (a).']);
});

test('a second list after prose ("where:") may start again at (a); (h), (i) are letters', () => {
  assert.deepEqual(paragraphs('G8.41 It shall:\n(a) one; and\n(b) two.\nCPN = (5 × NDP) + DP\nwhere:\n(a) CPN is x;\n(b) NDP is y.\n'), []);
  assert.deepEqual(paragraphs('G8.1 It:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h; and\n(i) i.\n'), []);
});

test('a list of roman numerals on its own is in sequence; a gap in it is found', () => {
  assert.deepEqual(paragraphs('G8.1 It:\n(i) one;\n(ii) two; and\n(iii) three.\n'), []);
  assert.deepEqual(paragraphs('G8.1 It:\n(i) one;\n(ii) two; and\n(iv) four.\n').map(d => d.message), ['Paragraph numbering in G8.1 skips to (iv); expected (iii).']);
});

test('paragraphLabel inverts the ordinals', () => {
  assert.deepEqual([paragraphLabel(3, 1), paragraphLabel(4, 2), paragraphLabel(2, 3), paragraphLabel(27, 1), paragraphLabel(9, 2)], ['c', 'iv', 'B', 'aa', 'ix']);
});
