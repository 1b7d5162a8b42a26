// `secdraft comments --format md|csv` carry the Working Group's dispositions and responses from
// the responses file, so the modification report's table can be pasted from them; the JSON
// keeps DESIGN.md §5's fields first and adds the answered state after them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { secdraft, tempDir } from '../helpers/cli';

const FILES = {
  'g8.sec.txt': 'G8 USER SECURITY ASSURANCE\n\nG8.41 A party shall multiply by five.\n',
  'consultation.csv': 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,"Why does Section G8.41 multiply, by five?"\n1,Bryt,Small Supplier,Reject,No. Too low.\n',
  'consultation.responses.json': JSON.stringify({ version: 1, consultation: 'consultation.csv', responses: {
    'q1-e-on': { disposition: 'accepted', clause: 'G8.41', response: 'Explained, with | a pipe.' },
  } }),
};

test('comments --format csv adds disposition, changed_clause and wg_response columns', () => {
  const r = secdraft(['comments', tempDir(FILES), '--format', 'csv']);
  assert.equal(r.code, 0, r.stderr);
  const rows: Record<string, string>[] = parse(r.stdout, { columns: true, bom: true });
  const eon = rows.find(x => x.id === 'q1-e-on')!;
  assert.equal(eon.disposition, 'accepted');
  assert.equal(eon.changed_clause, 'G8.41');
  assert.equal(eon.wg_response, 'Explained, with | a pipe.');
  const bryt = rows.find(x => x.id === 'q1-bryt')!;
  assert.equal(bryt.disposition, '', 'unanswered: empty');
});

test('comments --format md shows each answer under its comment, or that none is recorded', () => {
  const r = secdraft(['comments', tempDir(FILES), '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\*\*E\.ON\*\*.*\n {2}> .*\n {2}- Accepted, legal text changed \(G8\.41\): Explained, with \\\| a pipe\./);
  assert.match(r.stdout, /\*\*Bryt\*\*.*\n {2}> No\. Too low\.\n {2}- \*No response recorded\*/);
});

test('comments --format json keeps the contract fields first and in order, then adds the answered state', () => {
  const r = secdraft(['comments', tempDir(FILES), '--format', 'json']);
  const c = JSON.parse(r.stdout).comments[0];
  assert.deepEqual(Object.keys(c), ['id', 'path', 'line', 'question', 'respondent', 'category', 'response', 'text', 'clauses', 'needsAnswer', 'answered', 'disposition', 'answer', 'changedClause']);
});
