// Legal text saved by Word as Windows-1252 is read as such, said so, and fixed in the same
// encoding; a file whose encoding cannot be known is never written.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../../server/src/io/files';
import { encodeText, roundTrips } from '../../server/src/io/encoding';
import { secdraft, tempDir } from '../helpers/cli';

/** Windows-1252 bytes: curly quotes 0x93/0x94, apostrophe 0x92, pound sign 0xA3. */
function cp1252(parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}

const LEFT = [0x93];
const RIGHT = [0x94];
const APOSTROPHE = [0x92];
const POUND = [0xa3];

const WORD_FILE = cp1252([
  'G8 USER SECURITY\r\n\r\nG8.1 ', LEFT, 'Assessment Fee', RIGHT, ' means the fee of ', POUND, '5,000 payable for the User', APOSTROPHE, 's assessment.\r\n',
  'G8.2 The Assessment Fee is  payable on demand.\r\n',
]);

test('decodeText reads Windows-1252 (curly quotes, apostrophe, pound) and round-trips it', () => {
  const decoded = decodeText(WORD_FILE);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.match(decoded.text!, /G8\.1 “Assessment Fee” means the fee of £5,000 payable for the User’s assessment\./);
  assert.match(decoded.note!, /Windows-1252/);
  assert.equal(decoded.warning, undefined);
  assert.ok(roundTrips(WORD_FILE, decoded.text!, 'windows-1252'));
  assert.equal(encodeText('≥ 5', 'windows-1252').unencodable, '≥', 'a character Windows-1252 cannot hold is named, not replaced');
});

test('a Windows-1252 file: an information diagnostic names the encoding, and its quoted definitions are read', () => {
  const dir = tempDir({ 'g8.sec.txt': WORD_FILE }, 'secdraft-cp1252-');
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as { code: string; severity: string; message: string }[];
  const note = diagnostics.find(d => d.code === 'file-error');
  assert.equal(note?.severity, 'information', JSON.stringify(diagnostics));
  assert.match(note!.message, /Windows-1252/);
  const index = JSON.parse(secdraft(['index', '.'], dir).stdout) as { definitions: { term: string }[] };
  assert.deepEqual(index.definitions.map(d => d.term), ['Assessment Fee']);
});

test('--fix writes a Windows-1252 file back in Windows-1252, changing only what it fixed', () => {
  const dir = tempDir({ 'g8.sec.txt': WORD_FILE }, 'secdraft-cp1252-');
  const r = secdraft(['check', '.', '--fix'], dir);
  assert.match(r.stderr, /fixed 1 finding/, r.stderr);
  const after = fs.readFileSync(path.join(dir, 'g8.sec.txt'));
  const expected = Buffer.from(WORD_FILE.toString('latin1').replace('is  payable', 'is payable'), 'latin1');
  assert.ok(after.equals(expected), `bytes differ:\n${after.toString('latin1')}`);
  assert.ok(after.includes(0xa3) && !after.includes(Buffer.from('\uFFFD')), '£ kept as 0xA3, no replacement character');
});

test('--fix never writes a file whose encoding cannot be known (UTF-8 mixed with other bytes)', () => {
  const mixed = Buffer.concat([Buffer.from('G8.1 Café and caf'), Buffer.from([0xe9]), Buffer.from(' is  here.\n')]);
  const dir = tempDir({ 'g8.sec.txt': mixed }, 'secdraft-mixed-');
  const r = secdraft(['check', '.', '--fix'], dir);
  assert.equal(r.code, 2, 'a file left unfixed is an input error');
  assert.match(r.stderr, /g8\.sec\.txt: its encoding cannot be known/);
  assert.ok(fs.readFileSync(path.join(dir, 'g8.sec.txt')).equals(mixed), 'not one byte changed');
});

test('--fix keeps UTF-16 files in UTF-16 (with their byte-order mark)', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('G8.1 One  two.\r\n', 'utf16le')]);
  const dir = tempDir({ 'g8.sec.txt': bytes }, 'secdraft-utf16-');
  secdraft(['check', '.', '--fix'], dir);
  const after = fs.readFileSync(path.join(dir, 'g8.sec.txt'));
  assert.ok(after.equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('G8.1 One two.\r\n', 'utf16le')])), after.toString('hex'));
});
