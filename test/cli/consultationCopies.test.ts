// The same collation twice in one folder (.txt and .csv): `secdraft check` reports
// duplicate-consultation on the copy, naming both files, and `secdraft comments` lists each
// comment once.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, secdraft, tempDir } from '../helpers/cli';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'secmp0059');
const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.41 A Supplier Party shall count Non-Domestic Premises five times.\n\nG8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment.\n';

function folder(): string {
  return tempDir({
    'g8.sec.txt': G8,
    'consultation-responses.txt': fs.readFileSync(path.join(FIXTURE, 'consultation-responses.txt'), 'utf8'),
    'consultation-responses.csv': fs.readFileSync(path.join(FIXTURE, 'consultation-responses.csv'), 'utf8'),
  });
}

test('check: duplicate-consultation on the .csv, naming the .txt; the gate counts each comment once', () => {
  const dir = folder();
  fs.writeFileSync(path.join(dir, '.secdraft.json'), JSON.stringify({ severity: { 'unanswered-comment': 'error' } }));
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { code: string; message: string; line: number }[] }[];
  const of = (name: string, code: string) => files.find(f => f.path === name)?.diagnostics.filter(d => d.code === code) ?? [];
  const dup = of('consultation-responses.csv', 'duplicate-consultation');
  assert.equal(dup.length, 1);
  assert.match(dup[0].message, /consultation-responses\.csv is a second copy of the consultation in consultation-responses\.txt/);
  assert.deepEqual(of('consultation-responses.txt', 'duplicate-consultation'), []);
  // 12 rows with a comment (SSE's vote alone and the five blank Question 2 cells need no answer), once each.
  assert.equal(of('consultation-responses.txt', 'unanswered-comment').length, 12);
  assert.deepEqual(of('consultation-responses.csv', 'unanswered-comment'), []);
});

test('comments: each comment once, from the file kept', () => {
  const r = secdraft(['comments', '.', '--format', 'json'], folder());
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.comments.length, 18);
  assert.ok(report.comments.every((c: { path: string }) => c.path === 'consultation-responses.txt'));
  assert.equal(report.comments.filter((c: { id: string }) => c.id === 'q2-e-on').length, 1);
  assert.deepEqual(report.files, [
    { path: 'consultation-responses.csv', format: 'csv', comments: 13, copyOf: 'consultation-responses.txt' },
    { path: 'consultation-responses.txt', format: 'text', comments: 18 },
  ]);
});
