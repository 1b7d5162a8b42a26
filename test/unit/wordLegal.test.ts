// Word legal text (.docx, issue 21): the text the core checks, the text before the tracked
// changes, and that a Word Section gives the same findings as the same text in .sec.md.
// The .docx fixtures are generated here (docx package, or hand-built OOXML): no binaries.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDocxLegalText, looksLikeLegalText } from '../../server/src/io/extract/wordLegal';
import { convertedName, readOriginal } from '../../server/src/io/extract';
import { parseXml } from '../../server/src/io/extract/xml';
import { withoutReadOnlyEdits } from '../../server/src/lsp/readOnlyDocuments';
import { createSecLanguageService } from '../../server/src/service';
import type { LoadedFile } from '../../server/src/io/files';
import { makeDocxFromBody, makeWordLegalText, WORD_LEGAL_AFTER, WORD_LEGAL_BEFORE_LINES } from '../helpers/wordLegal';
import { makeTempDir } from '../helpers/tempDir';

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const REV = 'w:id="1" w:author="A" w:date="2026-12-01T00:00:00Z"';

function tempFile(name: string, bytes: Uint8Array): string {
  const file = path.join(makeTempDir('sec-word-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** code line:column message (clause) of every finding, for comparing two files' findings. */
function findingsOf(files: { uri: string; text: string; languageId?: string }[], uri: string): string[] {
  const service = createSecLanguageService();
  for (const f of files) service.setDocument({ version: 1, ...f });
  return service.getDiagnostics(uri).map(d => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message} (${d.clause ?? ''})`);
}

test('a generated Word Section reads as the Markdown form: bold definitions, the A1.1 table, numbering labels, changes accepted', async () => {
  const read = await readDocxLegalText(await makeWordLegalText());
  assert.equal(read.after, WORD_LEGAL_AFTER);
  assert.deepEqual(read.changes, { insertions: 2, deletions: 2 });
  assert.ok(looksLikeLegalText(read.after));
});

test('the text before the tracked changes keeps the deletions and drops the insertions (for the changes view)', async () => {
  const read = await readDocxLegalText(await makeWordLegalText());
  assert.ok(read.before, 'a document with tracked changes has a text before them');
  const lines = read.before.split('\n');
  for (const line of WORD_LEGAL_BEFORE_LINES) assert.ok(lines.includes(line), `before has: ${line}`);
  assert.ok(!read.before.includes('300,000') && !read.before.includes('G8.39A'), 'inserted text is not in the text before');
  assert.ok(!read.after.includes('250,000') && !read.after.includes('G8.40A'), 'deleted text is not in the text after');
  // Everything untouched by a change is the same in both.
  assert.equal(read.before.split('\n').length, read.after.split('\n').length);
});

test('the Word Section gives the same findings as the same text in .sec.md; inserted text is checked, deleted text is not', async () => {
  const file = tempFile('Section G modification.docx', await makeWordLegalText());
  const loaded = await readOriginal(file, { foundInFolder: true }) as LoadedFile;
  assert.equal(loaded.languageId, 'sec', 'read as legal text by its content');
  assert.ok(loaded.textBeforeChanges?.includes(WORD_LEGAL_BEFORE_LINES[0]), 'the text before the changes comes with it (for what the modification changes)');
  const docxUri = loaded.uri;
  const mdUri = 'file:///ws/section.sec.md';
  const fromWord = findingsOf([{ uri: docxUri, text: loaded.text, languageId: loaded.languageId }], docxUri);
  const fromMarkdown = findingsOf([{ uri: mdUri, text: WORD_LEGAL_AFTER }], mdUri);
  assert.deepEqual(fromWord, fromMarkdown);
  assert.ok(fromWord.some(f => f.startsWith('broken-reference') && f.includes('G8.39A')), 'the inserted reference is checked');
  assert.ok(!fromWord.some(f => f.includes('G8.40A')), 'the deleted reference is not');
  assert.ok(fromWord.some(f => f.startsWith('unused-definition') && f.includes('Assessment Fee')), 'a bold definition is a definition');
  // The definitions table's terms are definitions the text uses: none is undefined.
  assert.ok(!fromWord.some(f => f.startsWith('undefined-term') && /Supplier Party|Assessment Year|Domestic Premises/.test(f)), fromWord.join('\n'));
});

test('a Word document that is not legal text is passed over in a folder, read when legalFiles names it', async () => {
  const letter = await makeDocxFromBody(para(run('Dear Panel,')) + para(run('Please find our views attached.')));
  const file = tempFile('letter.docx', letter);
  assert.equal(await readOriginal(file, { foundInFolder: true }), undefined);
  assert.match((await readOriginal(file) as { reason: string }).reason, /neither SEC legal text .* nor a consultation collation/, 'named on the command line, it is a problem');
  const named = await readOriginal(file, { foundInFolder: true, legalGlobs: ['**/letter.docx'] }) as LoadedFile;
  assert.equal(named.languageId, 'sec');
  assert.equal(named.text, 'Dear Panel,\n\nPlease find our views attached.\n');
  // A damaged Word document met in a folder is no problem; one the settings name is.
  const broken = tempFile('~$Section G.docx', new TextEncoder().encode('lock file'));
  assert.equal(await readOriginal(broken, { foundInFolder: true }), undefined);
  assert.match((await readOriginal(broken, { foundInFolder: true, legalGlobs: ['**/*.docx'] }) as { reason: string }).reason, /not a Word document/);
});

test('a collation in Word stays a collation, found by its content, even where a broad legalFiles pattern names it', async () => {
  const cell = (t: string) => `<w:tc>${para(run(t))}</w:tc>`;
  const body = para(run('Question 1: Do you agree with G8.41?'))
    + `<w:tbl><w:tr>${cell('Respondent')}${cell('Category')}${cell('Comments')}</w:tr><w:tr>${cell('E.ON')}${cell('Large Supplier')}${cell('We agree with G8.41.')}</w:tr></w:tbl>`;
  const file = tempFile('q1.docx', await makeDocxFromBody(body));
  for (const options of [{ foundInFolder: true }, { foundInFolder: true, legalGlobs: ['**/*.docx'] }]) {
    const loaded = await readOriginal(file, options) as LoadedFile;
    assert.equal(loaded.languageId, undefined, JSON.stringify(options));
    assert.match(loaded.text, /"respondent": "E\.ON"/);
  }
});

test('a converted FILE.sec.md beside FILE.docx replaces it in a folder (the terms are not defined twice)', async () => {
  const file = tempFile('Section G.docx', await makeWordLegalText());
  fs.writeFileSync(convertedName(file), WORD_LEGAL_AFTER);
  assert.equal(convertedName(file), path.join(path.dirname(file), 'Section G.sec.md'));
  assert.equal(await readOriginal(file, { foundInFolder: true }), undefined);
  assert.equal((await readOriginal(file) as LoadedFile).languageId, 'sec', 'named on the command line, it is still read');
});

test('tracked changes: a deleted paragraph mark joins two paragraphs, whole paragraphs and table rows come and go', async () => {
  const body = [
    para(run('G1.1 Each Party shall ') + `<w:del ${REV}><w:r><w:delText>comply.</w:delText></w:r></w:del>`, `<w:rPr><w:del ${REV}/></w:rPr>`),
    para(`<w:ins ${REV}>${run('pay the fee.')}</w:ins>`),
    para(`<w:del ${REV}><w:r><w:delText>G1.2 A clause that is deleted.</w:delText></w:r></w:del>`, `<w:rPr><w:del ${REV}/></w:rPr>`),
    para(`<w:ins ${REV}>${run('G1.3 A clause that is new.')}</w:ins>`, `<w:rPr><w:ins ${REV}/></w:rPr>`),
    '<w:tbl>',
    `<w:tr><w:tc>${para(run('Term', '<w:b/>'))}</w:tc><w:tc>${para(run('Meaning', '<w:b/>'))}</w:tc></w:tr>`,
    `<w:tr><w:trPr><w:ins ${REV}/></w:trPr><w:tc>${para(`<w:ins ${REV}>${run('Fee', '<w:b/>')}</w:ins>`)}</w:tc><w:tc>${para(`<w:ins ${REV}>${run('means the fee | charge.')}</w:ins>`)}</w:tc></w:tr>`,
    `<w:tr><w:tc>${para(run('Party', '<w:b/>'))}</w:tc><w:tc>${para(run('means a person.'))}</w:tc></w:tr>`,
    '</w:tbl>',
  ].join('');
  const read = await readDocxLegalText(await makeDocxFromBody(body));
  assert.equal(read.after, [
    'G1.1 Each Party shall pay the fee.',
    'G1.3 A clause that is new.',
    '| Term | Meaning |\n| --- | --- |\n| **Fee** | means the fee \\| charge. |\n| **Party** | means a person. |',
  ].join('\n\n') + '\n');
  assert.equal(read.before, [
    'G1.1 Each Party shall comply.',
    'G1.2 A clause that is deleted.',
    '| Term | Meaning |\n| --- | --- |\n| **Party** | means a person. |',
  ].join('\n\n') + '\n');
});

test('bold: a heading bold throughout stays plain, a bold clause number is not a term, a character style and quotes are read', async () => {
  const styles = '<w:styles><w:style w:type="character" w:styleId="DefTerm"><w:name w:val="Defined Term"/><w:rPr><w:b/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style></w:styles>';
  const body = [
    para(run('SECTION H: SERVICES'), '<w:pStyle w:val="Heading1"/>'),
    para(run('H1 GENERAL', '<w:b/>')),
    para(run('H1.1', '<w:b/>') + run('\tThe charge (the ') + run('Service Charge', '<w:rStyle w:val="DefTerm"/>') + run(') and the “') + run('Fee', '<w:b/>') + run('” are payable.')),
    para(run('H1.2 Hidden') + run(' secret', '<w:vanish/>') + run(' text,') + '<w:r><w:br/></w:r>' + run('after a break. ') + run('Not bold', '<w:b w:val="0"/>')),
    para(run('(a)', '<w:b/>') + run(' a bold list label stays plain;')),
  ].join('');
  const read = await readDocxLegalText(await makeDocxFromBody(body, { 'styles.xml': styles }));
  assert.equal(read.after, [
    'SECTION H: SERVICES',
    'H1 GENERAL',
    'H1.1 The charge (the **Service Charge**) and the “**Fee**” are payable.',
    'H1.2 Hidden text, after a break. Not bold',
    '(a) a bold list label stays plain;',
  ].join('\n\n') + '\n');
  assert.equal(read.before, undefined, 'no tracked changes, no text before them');
});

test('a table of contents (Word\'s content control, or TOC-styled paragraphs) is not read as clauses', async () => {
  const styles = '<w:styles><w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style></w:styles>';
  const body = [
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>',
    para(run('G8.41\tSupplier Parties\t12')),
    '</w:sdtContent></w:sdt>',
    para(run('G8.42\tNetwork Parties\t13'), '<w:pStyle w:val="TOC2"/>'),
    para(run('G8.41 A Supplier Party shall comply.')),
  ].join('');
  const read = await readDocxLegalText(await makeDocxFromBody(body, { 'styles.xml': styles }));
  assert.equal(read.after, 'G8.41 A Supplier Party shall comply.\n');
});

test('automatic numbering: labels from numbering.xml, a deeper level restarting under each clause, a start override', async () => {
  const numbering = '<w:numbering>'
    + '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="B%1."/></w:lvl>'
    + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="B%1.%2"/></w:lvl>'
    + '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    + '</w:numbering>';
  const num = (id: number, level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
  const body = [
    para(run('GENERAL'), num(1, 0)),
    para(run('A clause.'), num(1, 1)),
    para(run('first;'), num(1, 2)),
    para(run('second;'), num(1, 2)),
    para(run('third;'), num(1, 2)),
    para(run('fourth.'), num(1, 2)),
    para(run('Another clause.'), num(1, 1)),
    para(run('restarted.'), num(1, 2)),
    para(run('From five.'), num(2, 1)),
  ].join('');
  const read = await readDocxLegalText(await makeDocxFromBody(body, { 'numbering.xml': numbering }));
  assert.deepEqual(read.after.split('\n\n').map(s => s.trim()), [
    'B1. GENERAL', 'B1.1 A clause.', '(i) first;', '(ii) second;', '(iii) third;', '(iv) fourth.', 'B1.2 Another clause.', '(i) restarted.', 'B1.5 From five.',
  ]);
});

test('legal text is recognised by clause numbers or a Section heading with a clause, not by prose', () => {
  assert.ok(looksLikeLegalText('G8.41 One.\n\nG8.42 Two.\n'));
  assert.ok(looksLikeLegalText('SECTION G: SECURITY\n\nG8.41 One.\n'));
  assert.ok(!looksLikeLegalText('Dear Panel,\n\nWe refer to G8.41 and G8.42 in our response.\n'));
  assert.ok(!looksLikeLegalText('SECTION G: SECURITY\n\nMinutes of the meeting.\n'));
});

test('the XML reader decodes entities, keeps text and never throws on broken input', () => {
  const el = parseXml('<?xml version="1.0"?><a x="1 &amp; 2"><b>Fish &amp; chips &#8220;&#x201D; &lt;</b><c/></a>');
  assert.equal(el.name, 'a');
  assert.equal(el.attrs.x, '1 & 2');
  assert.deepEqual((el.children[0] as { children: string[] }).children, ['Fish & chips “” <']);
  for (const broken of ['<a><b>unclosed', '</a>', '<<<>>>', '<a x="1>text</a>', '', '<!DOCTYPE x [<!ENTITY e "boom">]><a>&e;</a>']) {
    assert.doesNotThrow(() => parseXml(broken), broken);
  }
  assert.deepEqual(parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><a>&e;</a>').children, ['&e;'], 'no entity but the XML five is expanded');
});

test('edits to a Word document (read-only) are dropped from a workspace edit; the rest stays', () => {
  const docx = pathToFileURL('/ws/Section G.docx').toString();
  const md = 'file:///ws/section.sec.md';
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assert.deepEqual(withoutReadOnlyEdits({ changes: { [docx]: [{ range, newText: 'x' }], [md]: [{ range, newText: 'y' }] } }), { changes: { [md]: [{ range, newText: 'y' }] } });
  assert.deepEqual(withoutReadOnlyEdits({ documentChanges: [{ textDocument: { uri: docx, version: null }, edits: [] }, { textDocument: { uri: md, version: null }, edits: [] }] }).documentChanges?.length, 1);
  assert.equal(withoutReadOnlyEdits(null), null);
});
