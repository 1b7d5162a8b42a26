// `secdraft index` as CI and scripts run it: the built dist/cli.js in a child process.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';

import { secdraft, tempDir } from '../helpers/cli';



const FILES = {
  'section-a.sec.txt': [
    'SECTION A: DEFINITIONS AND INTERPRETATION',
    '',
    'A1 DEFINITIONS',
    '',
    'A1.1 In this Code the expressions below have these meanings:',
    'Panel | means the body established under Section C (Governance).',
    'Widget Year | has the meaning given to that expression in Section G2.3 (Widget Years).',
    '',
  ].join('\n'),
  'section-g2.sec.txt': [
    'SECTION G: SECURITY',
    '',
    'G2 WIDGETS',
    '',
    'Widget Years',
    '',
    'G2.3 Each period of a year is a “Widget Year”.',
    '',
    'G2.3A [Not used]',
    '',
  ].join('\n'),
  'notes.txt': 'Not legal text: G9.1 Ignored.\n',
};

test('index --format json lists clauses and definitions exactly as DESIGN.md §5 says', () => {
  const dir = tempDir(FILES);
  const r = secdraft(['index', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['clauses', 'definitions']);
  assert.deepEqual(out.clauses, [
    { id: 'A1.1', path: 'section-a.sec.txt', line: 5, heading: 'DEFINITIONS' },
    { id: 'G2.3', path: 'section-g2.sec.txt', line: 7, heading: 'Widget Years' },
    { id: 'G2.3A', path: 'section-g2.sec.txt', line: 9, heading: 'Widget Years' },
  ]);
  for (const d of out.definitions) assert.deepEqual(Object.keys(d).sort(), ['line', 'path', 'term', 'text']);
  const sites = out.definitions.map((d: { term: string; path: string; line: number }) => `${d.term}@${d.path}:${d.line}`);
  for (const want of ['Panel@section-a.sec.txt:6', 'Widget Year@section-a.sec.txt:7', 'Widget Year@section-g2.sec.txt:7']) assert.ok(sites.includes(want), `${want} in ${sites}`);
});

test('index is JSON by default; --format text is for people; a bad format exits 2', () => {
  const dir = tempDir(FILES);
  assert.deepEqual(JSON.parse(secdraft(['index', 'section-g2.sec.txt'], dir).stdout).clauses.map((c: { id: string }) => c.id), ['G2.3', 'G2.3A']);
  const text = secdraft(['index', '--format', 'text'], dir);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^section-g2\.sec\.txt:7 {2}G2\.3 {2}Widget Years$/m);
  const bad = secdraft(['index', '--format', 'xml'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown format "xml"/);
  assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/);
});

test('an unreadable path is reported on stderr with exit 2, the rest is still indexed', () => {
  const dir = tempDir(FILES);
  const r = secdraft(['index', 'section-g2.sec.txt', 'missing.sec.txt'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.sec\.txt/);
  assert.equal(JSON.parse(r.stdout).clauses.length, 2);
});
