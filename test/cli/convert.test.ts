// Word legal text on the command line (issue 21): `check` reads a .docx Section found in a
// folder, `convert` writes its Markdown form, and checking that gives the same findings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';
import { makeDocxFromBody, makeWordLegalText, WORD_LEGAL_AFTER, WORD_LEGAL_BEFORE_LINES } from '../helpers/wordLegal';

interface JsonDiagnostic { code: string; line: number; column: number; message: string; clause?: string }

function findings(target: string): { path: string; kind: string; diagnostics: JsonDiagnostic[] }[] {
  const r = secdraft(['check', target, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout).files;
}

const comparable = (ds: JsonDiagnostic[]) => ds.map(d => `${d.code} ${d.line}:${d.column} ${d.message} (${d.clause ?? ''})`);

test('check reads a Word Section found in a folder as legal text, with the clause and line of each finding', async () => {
  const dir = tempDir({ 'word/Section G modification.docx': await makeWordLegalText(), 'markdown/section.sec.md': WORD_LEGAL_AFTER });
  const [word] = findings(path.join(dir, 'word'));
  const [markdown] = findings(path.join(dir, 'markdown'));
  assert.equal(word.kind, 'legal');
  assert.ok(word.path.endsWith('Section G modification.docx'));
  assert.deepEqual(comparable(word.diagnostics), comparable(markdown.diagnostics));
  const broken = word.diagnostics.find(d => d.code === 'broken-reference')!;
  assert.equal(broken.clause, 'G8.40');
  assert.equal(WORD_LEGAL_AFTER.split('\n')[broken.line - 1].slice(broken.column - 1, broken.column + 13), 'Section G8.39A', 'the line and column are those of the converted text');
  const stylish = secdraft(['check', path.join(dir, 'word')]);
  assert.match(stylish.stdout, /Section G modification\.docx:37:\d+ +error +Section G8\.39A does not exist.*\(G8\.40\)/);
});

test('convert writes the Markdown form; checking it gives the same findings as the .docx (round trip)', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText() });
  const docx = path.join(dir, 'Section G.docx');
  const before = findings(docx)[0];
  const r = secdraft(['convert', docx]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /wrote .*Section G\.sec\.md \(24 lines; 2 insertions and 2 deletions tracked, accepted\)/);
  const converted = path.join(dir, 'Section G.sec.md');
  assert.equal(fs.readFileSync(converted, 'utf8'), WORD_LEGAL_AFTER);
  const after = findings(converted)[0];
  assert.deepEqual(comparable(after.diagnostics), comparable(before.diagnostics));
  // In the folder the converted file replaces its Word original: nothing is defined twice.
  const folder = findings(dir);
  assert.deepEqual(folder.map(f => path.basename(f.path)), ['Section G.sec.md']);
  assert.ok(!folder[0].diagnostics.some(d => d.code === 'duplicate-definition'));
});

test('convert refuses an existing output unless --force, and writes the text before the changes with --before', async () => {
  const dir = tempDir({ 'Section G.docx': await makeWordLegalText(), 'Section G.sec.md': 'my own edits\n' });
  const docx = path.join(dir, 'Section G.docx');
  const out = path.join(dir, 'Section G.sec.md');
  const refused = secdraft(['convert', docx]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /Section G\.sec\.md already exists; nothing written \(use --force to replace it\)/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'my own edits\n', 'the drafter\'s file is untouched');
  assert.equal(secdraft(['convert', docx, '--force']).code, 0);
  assert.equal(fs.readFileSync(out, 'utf8'), WORD_LEGAL_AFTER);
  const baseline = path.join(dir, 'baseline', 'section.sec.md');
  fs.mkdirSync(path.dirname(baseline));
  assert.equal(secdraft(['convert', docx, '--before', '--out', baseline]).code, 0);
  const text = fs.readFileSync(baseline, 'utf8').split('\n');
  for (const line of WORD_LEGAL_BEFORE_LINES) assert.ok(text.includes(line), line);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['Section G.docx', 'Section G.sec.md', 'baseline'], 'no temporary file left behind');
});

test('convert names the file and the reason: not a .docx, not a Word document, not legal text, no tracked changes', async () => {
  const dir = tempDir({
    'notes.txt': 'G8.1 text\n',
    'fake.docx': 'not a zip at all',
    'letter.docx': await makeDocxFromBody('<w:p><w:r><w:t>Dear Panel, thank you.</w:t></w:r></w:p>'),
    'clean.docx': await makeDocxFromBody('<w:p><w:r><w:t>G1.1 One.</w:t></w:r></w:p><w:p><w:r><w:t>G1.2 Two.</w:t></w:r></w:p>'),
  });
  const cases: [string[], RegExp][] = [
    [['convert', path.join(dir, 'notes.txt')], /notes\.txt: not a Word document \(\.docx\)/],
    [['convert', path.join(dir, 'fake.docx')], /fake\.docx: not a Word document \(a \.docx is a zip archive/],
    [['convert', path.join(dir, 'letter.docx')], /letter\.docx: does not read as SEC legal text .*nothing written/],
    [['convert', path.join(dir, 'missing.docx')], /missing\.docx: no such file/],
    [['convert', path.join(dir, 'clean.docx'), '--before'], /clean\.docx: has no tracked changes/],
    [['convert'], /convert takes one Word document/],
  ];
  for (const [args, message] of cases) {
    const r = secdraft(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), ['clean.docx', 'fake.docx', 'letter.docx', 'notes.txt'], 'nothing written');
  const help = secdraft(['convert', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /secdraft convert FILE\.docx \[--out FILE\.sec\.md\]/);
});

test('check --fix never writes a Word document: it is read-only', async () => {
  const bytes = await makeWordLegalText();
  const dir = tempDir({ 'Section G.docx': bytes });
  const r = secdraft(['check', dir, '--fix']);
  assert.ok(r.code === 1, r.stderr);
  assert.doesNotMatch(r.stderr, /Section G\.docx/, 'no attempt to write it (nor a message about its encoding)');
  assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(dir, 'Section G.docx'))), bytes);
});
