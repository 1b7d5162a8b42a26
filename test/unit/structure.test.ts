import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseStructure, clauseAtLine, clauseRuns } from '../../server/src/service/model/structure';
import { dedent } from '../helpers/fixtures';

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  Supplier Parties

  G8.44 Where a Supplier Party exceeds the threshold, it shall:
  (a) tell the Panel;
  (b) either:
  (i) stop; or
  (ii) go on; and
  (c) wait.

  G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises.

  Network Parties

  G8.45 Each Network Party shall be assessed.
  CPN = (5 × NDP) + DP
  where:
  (h) eight;
  (i) nine.

  G8.46 [Not used]
`);

test('parts, sub-headings and clauses with lettered insertions', () => {
  const s = parseStructure(G8);
  assert.equal(s.section?.letter, 'G');
  assert.deepEqual(s.parts.map(p => [p.id, p.title]), [['G8', 'USER SECURITY ASSURANCE']]);
  assert.deepEqual(s.subHeadings.map(h => h.title), ['Supplier Parties', 'Network Parties']);
  assert.deepEqual(s.clauses.map(c => c.id), ['G8.44', 'G8.44A', 'G8.45', 'G8.46']);
  assert.deepEqual(s.clauses.map(c => c.heading), ['Supplier Parties', 'Supplier Parties', 'Network Parties', 'Network Parties']);
  assert.equal(s.clauseById.get('G8.44A')?.suffix, 'A');
  assert.equal(s.clauseById.get('G8.46')?.notUsed, true);
});

test('paragraphs nest roman numerals under letters, and (i) after (h) is a letter', () => {
  const s = parseStructure(G8);
  const g844 = s.clauseById.get('G8.44')!;
  assert.deepEqual(g844.paragraphs.map(p => p.path), ['(a)', '(b)', '(b)(i)', '(b)(ii)', '(c)']);
  const g845 = s.clauseById.get('G8.45')!;
  assert.deepEqual(g845.paragraphs.map(p => [p.path, p.level]), [['(h)', 1], ['(i)', 1]]);
});

test('a clause spans its formula and continuation lines, and the blank line ends it', () => {
  const s = parseStructure(G8);
  const g845 = s.clauseById.get('G8.45')!;
  const formulaLine = s.lines.findIndex(l => l.text.startsWith('CPN'));
  assert.equal(s.kinds[formulaLine], 'continuation');
  assert.equal(clauseAtLine(s, formulaLine)?.id, 'G8.45');
  assert.equal(clauseAtLine(s, g845.firstLine - 1), undefined);
});

test('Markdown headings and bold clause numbers', () => {
  const s = parseStructure(dedent(`
    # Section G: Security

    ## G8 User Security Assurance

    ### Supplier Parties

    **G8.40** A Supplier Party shall be assessed.

    #### G8.41 Where a Supplier Party supplies both kinds of premises.
  `));
  assert.equal(s.section?.letter, 'G');
  assert.deepEqual(s.parts.map(p => p.id), ['G8']);
  assert.deepEqual(s.clauses.map(c => [c.id, c.heading]), [['G8.40', 'Supplier Parties'], ['G8.41', 'Supplier Parties']]);
  const g840 = s.clauseById.get('G8.40')!;
  assert.equal(s.lines[g840.idRange.start.line].text.slice(g840.idRange.start.character, g840.idRange.end.character), 'G8.40');
});

test('CRLF and lone CR line endings give the same clauses', () => {
  const lf = parseStructure(G8);
  for (const eol of ['\r\n', '\r']) {
    const other = parseStructure(G8.replace(/\n/g, eol));
    assert.deepEqual(other.clauses.map(c => [c.id, c.firstLine, c.lastLine]), lf.clauses.map(c => [c.id, c.firstLine, c.lastLine]));
  }
});

test('a clause whose list opens with (i) counts in roman numerals', () => {
  const s = parseStructure('G8.1 It shall:\n(i) one;\n(ii) two; and\n(iii) three.\n\nG8.2 It:\n(a) one;\n(b) two.\n');
  assert.deepEqual(s.clauseById.get('G8.1')!.paragraphs.map(p => [p.path, p.level]), [['(i)', 2], ['(ii)', 2], ['(iii)', 2]]);
  assert.deepEqual(s.clauseById.get('G8.2')!.paragraphs.map(p => [p.path, p.level]), [['(a)', 1], ['(b)', 1]]);
});

test('elision lines are recorded and split a Part into runs of consecutive clauses', () => {
  const s = parseStructure('G8.1 One.\n\n[…]\n\nG8.9 Nine.\n\nG8.10 Ten.\n\n* * *\n');
  assert.deepEqual(s.elisions, [2, 8]);
  assert.deepEqual(clauseRuns(s).map(run => run.map(c => c.id)), [['G8.1'], ['G8.9', 'G8.10']]);
});
