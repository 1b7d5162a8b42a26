// The tracked changes of a Word legal text are the changes of that document (issue 21): with no
// --compare-to, `changes`, `check --changed-only` and `report` compare with the text before them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { secdraft, tempDir } from '../helpers/cli';
import { makeWordLegalText } from '../helpers/wordLegal';

const OTHER = `H1 OTHER SECTION

H1.1 The Panel shall meet, as set out in Section G8.99.
`;

test('secdraft changes lists the tracked changes of a Word Section; other legal files count as unchanged', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': OTHER });
  const r = secdraft(['changes', '.', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { baseline: string; clauses: { id: string; status: string }[]; summary: Record<string, number> };
  assert.equal(json.baseline, 'the text before the tracked changes of Section G.docx');
  assert.deepEqual(json.clauses.map(c => `${c.id} ${c.status}`), ['G8.39 changed', 'G8.40 changed']);
  assert.equal(json.summary.added + json.summary.deleted + json.summary.renumbered, 0);
  const text = secdraft(['changes', '.'], dir);
  assert.match(text.stdout, /G8\.39  changed  Section G\.docx:35\n  A Supplier Party which supplies more than \[-250-\]\{\+300\+\},000 Domestic Premises/);
});

test('check --changed-only keeps the findings of the changed clauses only; --compare-to wins over tracked changes', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': OTHER, 'old/h1.sec.md': OTHER.replace(', as set out in Section G8.99', '') });
  const all = secdraft(['check', '.', '--format', 'json'], dir);
  const clauses = (stdout: string) => [...new Set((JSON.parse(stdout) as { files: { diagnostics: { clause?: string }[] }[] }).files
    .flatMap(f => f.diagnostics.map(d => d.clause ?? '')))].sort();
  assert.ok(clauses(all.stdout).includes('H1.1'), 'H1.1 has findings ("Panel" is defined nowhere)');
  assert.ok(clauses(all.stdout).includes('G8.40'), 'G8.40 cites a missing G8.39A');
  const changedOnly = secdraft(['check', 'Section G.docx', 'h1.sec.md', '--changed-only', '--format', 'json'], dir);
  assert.ok([0, 1].includes(changedOnly.code!), changedOnly.stderr);
  assert.ok(clauses(changedOnly.stdout).every(c => c === 'G8.39' || c === 'G8.40'), clauses(changedOnly.stdout).join());
  assert.ok(clauses(changedOnly.stdout).includes('G8.40'));
  assert.match(changedOnly.stderr, /unchanged since the text before the tracked changes of Section G\.docx not reported/);
  // A named baseline wins: compared with old/, the Word Section is all added and H1.1 changed.
  const named = secdraft(['changes', 'Section G.docx', 'h1.sec.md', '--compare-to', 'old', '--format', 'json'], dir);
  assert.equal(named.code, 0, named.stderr);
  const json = JSON.parse(named.stdout) as { baseline: string; clauses: { id: string; status: string }[] };
  assert.equal(json.baseline, 'folder old');
  assert.ok(json.clauses.some(c => c.id === 'H1.1' && c.status === 'changed'));
  assert.ok(json.clauses.some(c => c.id === 'G8.39' && c.status === 'added'));
});

test('the report has a Changes part for the tracked changes of a Word Section', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText() });
  const r = secdraft(['report', '.'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.match(r.stdout, /the text before the tracked changes of Section G\.docx/);
  assert.match(r.stdout, /G8\.39/);
});

test('without tracked changes or a baseline, changes still asks for one', () => {
  const dir = tempDir({ 'h1.sec.md': OTHER });
  const r = secdraft(['changes', '.'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /changes needs a baseline: .*a Word legal text with tracked changes/);
});
