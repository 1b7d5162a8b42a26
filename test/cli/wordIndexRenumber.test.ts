// `secdraft index` and `secdraft renumber` read Word legal text too (issue 21); a Word document is
// read-only, so a renumbering that would edit one is refused whole and nothing is written;
// FILE.sec.docx is legal text by its name (it also starts the extension).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';
import { makeDocxFromBody, makeWordLegalText } from '../helpers/wordLegal';

const H1 = 'H1 OTHER SECTION\n\nH1.1 The fee is set out in Section G8.40.\n\nH1.2 The Panel shall meet.\n';

test('index lists the clauses and definitions of a Word Section', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': H1 });
  const r = secdraft(['index', '.'], dir);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { clauses: { id: string; path: string; line: number }[]; definitions: { term: string; path: string }[] };
  const inWord = json.clauses.filter(c => c.path.endsWith('Section G.docx')).map(c => c.id);
  assert.deepEqual(inWord.filter(id => id.startsWith('G8.')), ['G8.37', 'G8.38', 'G8.39', 'G8.40', 'G8.41']);
  assert.ok(json.clauses.some(c => c.id === 'H1.2' && c.path.endsWith('h1.sec.md')));
  assert.ok(json.definitions.some(d => d.term === 'Assessment Year' && d.path.endsWith('Section G.docx')));
});

test('renumber refuses a renumbering that would edit a Word document; nothing is written', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': H1 });
  const docx = fs.readFileSync(path.join(dir, 'Section G.docx'));
  const r = secdraft(['renumber', '.', '--rename', 'G8.40=G8.40A'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Section G\.docx: a Word document is read-only, and the renumbering would edit it \(1 edit\); nothing renumbered\. Convert it first \(secdraft convert\)/);
  assert.equal(fs.readFileSync(path.join(dir, 'h1.sec.md'), 'utf8'), H1, 'the reference in h1.sec.md is not renumbered alone');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'Section G.docx')), docx);
  assert.equal(secdraft(['renumber', '.', '--rename', 'G8.40=G8.40A', '--dry-run'], dir).code, 2);
});

test('renumber still renumbers what touches no Word document, and knows the Word Section\'s clauses', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'h1.sec.md': H1 });
  const taken = secdraft(['renumber', '.', '--rename', 'H1.2=G8.41'], dir);
  assert.equal(taken.code, 2, 'G8.41 is taken (in the Word Section)');
  const r = secdraft(['renumber', '.', '--rename', 'H1.2=H1.3'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'h1.sec.md'), 'utf8'), /\nH1\.3 The Panel shall meet\.\n/);
});

test('a FILE.sec.docx is legal text by its name, even when its paragraphs do not read as clauses', async () => {
  const dir = tempDir({ 'draft.sec.docx': await makeDocxFromBody('<w:p><w:r><w:t>The Panel shall meet.</w:t></w:r></w:p>') });
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: { path: string; kind: string }[] }).files;
  assert.deepEqual(files.map(f => [f.path.endsWith('draft.sec.docx'), f.kind]), [[true, 'legal']]);
});
