// Hostile Word legal text: the reader answers with text or a reason naming the file, never a
// throw or a hang (deep nesting, huge runs, numbering that points nowhere, entity tricks).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readOriginal } from '../../server/src/io/extract';
import { readDocxLegalText } from '../../server/src/io/extract/wordLegal';
import { makeDocxFromBody } from '../helpers/wordLegal';
import { makeTempDir } from '../helpers/tempDir';

test('deep nesting, a huge bold run and broken numbering are read without a throw', async () => {
  const deep = '<w:sdt><w:sdtContent>'.repeat(20000) + '<w:p><w:r><w:t>G1.1 Deep.</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(20000);
  const huge = `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">a${' '.repeat(200000)}b${'”'.repeat(50000)}</w:t></w:r></w:p>`;
  const numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="7"/><w:numId w:val="99"/></w:numPr></w:pPr><w:r><w:t>G1.2 Numbered nowhere.</w:t></w:r></w:p>'
    + '<w:p><w:pPr><w:numPr><w:ilvl w:val="-3"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>G1.3 Level out of range.</w:t></w:r></w:p>';
  const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="99999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%9%1%%"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num></w:numbering>';
  const bytes = await makeDocxFromBody(deep + huge + numbered + '<w:p><w:r><w:t>&lt;&#0;&#xFFFFFF;&unknown;</w:t></w:r></w:p>', { 'numbering.xml': numbering });
  const file = path.join(makeTempDir('sec-word-hostile-'), 'Section G.docx');
  fs.writeFileSync(file, bytes);
  const loaded = await readOriginal(file);
  assert.ok(loaded, 'an answer');
  if ('reason' in loaded) assert.match(loaded.reason, /cannot be read/);
  else assert.ok(loaded.text.includes('G1.2 Numbered nowhere.'));
  const read = await readDocxLegalText(await makeDocxFromBody(huge + numbered, { 'numbering.xml': numbering }));
  assert.ok(read.after.includes('G1.3 Level out of range.'));
  assert.ok(read.after.startsWith('a'), 'a bold run of one letter and spaces is no definition to mark');
});

test('a document.xml that is not XML at all, or has no body, reads as empty text', async () => {
  for (const body of ['<<<<', '</w:body><w:p>', '']) {
    const read = await readDocxLegalText(await makeDocxFromBody(body));
    assert.equal(typeof read.after, 'string');
  }
});
