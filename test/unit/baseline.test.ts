// The baseline's identity of a finding (file, code, clause, flagged text — never the line), its
// matching (counts, document order), merging and the file's validation.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { baselineOf, fingerprints, flaggedText, matchBaseline, mergeBaseline, parseBaseline, serialiseBaseline, type FindingIdentity } from '../../server/src/io/baseline';

const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });

test('flagged text: the words in the range; whitespace alone takes the words either side', () => {
  const text = 'G8.1 The  notice\r\nG8.2 Each (open\nclose)';
  assert.equal(flaggedText(text, range(0, 5, 8)), 'The');
  assert.equal(flaggedText(text, range(0, 8, 10)), 'The  notice');
  assert.equal(flaggedText(text, range(1, 10, 6, 2)), '(open\nclose)');
  assert.equal(flaggedText(text, range(7, 0, 1)), '', 'a range past the end is no crash');
});

const id = (code: string, text: string, clause = 'G8.1', path = 'g.sec.txt'): FindingIdentity => ({ path, code, clause, text });

test('matching counts: two accepted double spaces cover two, the third is new; other files and clauses do not match', () => {
  const baseline = baselineOf([id('double-space', 'a  b'), id('double-space', 'a  b')]);
  assert.deepEqual(baseline.findings, [{ path: 'g.sec.txt', code: 'double-space', clause: 'G8.1', text: 'a  b', count: 2 }]);
  assert.deepEqual(matchBaseline(baseline, [id('double-space', 'a  b'), id('double-space', 'a  b'), id('double-space', 'a  b')]), [true, true, false]);
  assert.deepEqual(matchBaseline(baseline, [id('double-space', 'a  b', 'G8.2'), id('double-space', 'a  b', 'G8.1', 'h.sec.txt'), id('repeated-word', 'a  b')]), [false, false, false]);
});

test('merging a run over some files replaces their entries and keeps the others', () => {
  const old = baselineOf([id('double-space', 'x  y', 'G8.1', 'g.sec.txt'), id('double-space', 'p  q', 'H1.1', 'h.sec.txt')]);
  const merged = mergeBaseline(old, new Set(['g.sec.txt']), baselineOf([id('repeated-word', 'the the')]));
  assert.deepEqual(merged.findings.map(f => `${f.path} ${f.code}`), ['g.sec.txt repeated-word', 'h.sec.txt double-space']);
});

test('the file is stable (sorted, one format) and a broken one is refused naming the file and the problem', () => {
  const a = serialiseBaseline(baselineOf([id('b-code', 't'), id('a-code', 't')]));
  const b = serialiseBaseline(baselineOf([id('a-code', 't'), id('b-code', 't')]));
  assert.equal(a, b);
  assert.deepEqual(parseBaseline(a, 'x.json'), JSON.parse(a));
  assert.throws(() => parseBaseline('{', 'base.json'), /base\.json: not valid JSON/);
  assert.throws(() => parseBaseline('{"version": 2, "findings": []}', 'base.json'), /base\.json: not a secdraft baseline/);
  assert.throws(() => parseBaseline('{"version": 1, "findings": [{"path": "a", "code": "c", "text": "t", "count": 0}]}', 'base.json'), /finding 1 needs/);
});

test('fingerprints: the same for the same code, clause and text wherever the line; numbered among equals', () => {
  const [one, two, other] = fingerprints([{ code: 'double-space', clause: 'G8.1', text: 'a  b' }, { code: 'double-space', clause: 'G8.1', text: 'a  b' }, { code: 'double-space', clause: 'G8.2', text: 'a  b' }]);
  assert.match(one, /^[0-9a-f]{32}:1$/);
  assert.equal(two, one.replace(/:1$/, ':2'));
  assert.notEqual(other.split(':')[0], one.split(':')[0]);
});
