import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { applyFixes } from '../helpers/applyFixes';
import type { SecLanguageService } from '../../server/src/service';

const SPACING = ['double-space', 'stray-tab', 'trailing-whitespace', 'space-before-punctuation'];
/** Findings of the spacing codes only (other families have their own tests). */
const spacingOf = (service: SecLanguageService, name: string) => findingsOf(service, name).filter(f => SPACING.includes(f.split(' ')[1]));

const text = dedent(`
  G8 USER SECURITY ASSURANCE

  G8.44C A Supplier Party shall be subject to a Verification User  Security Assessment.
  G8.44D See https://example.org/a  b and \`code  here\`.
  Term   | means something.
`);

test('double space between words is found, with the clause and a certain fix', () => {
  const service = workspaceOf({ 'g8.sec.txt': text });
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'double-space'), ['3:64 double-space', '4:33 double-space']);
  const d = service.getDiagnostics(uriOf('g8.sec.txt')).find(x => x.code === 'double-space')!;
  assert.equal(d.clause, 'G8.44C');
  assert.match(d.message, /'User' and 'Security'/);
  assert.equal(d.fixes?.[0].edits[0].newText, ' ');
  assert.equal(d.fixes?.[0].certain, true);
});

test('no double-space inside URLs, inline code or table padding', () => {
  const service = workspaceOf({ 'g8.sec.txt': text });
  const lines = service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => SPACING.includes(d.code)).map(d => d.range.start.line + 1);
  assert.ok(!lines.includes(5), 'table padding is not prose');
  assert.equal(lines.filter(l => l === 4).length, 1, 'only the space after the URL, not inside code');
});

test('house style may allow two spaces after a full stop', () => {
  const t = 'G8.1 One sentence.  Another  one.\n';
  assert.equal(spacingOf(workspaceOf({ 'a.sec': t }), 'a.sec').length, 2);
  assert.equal(spacingOf(workspaceOf({ 'a.sec': t }, { allowDoubleSpaceAfterSentence: true }), 'a.sec').length, 1);
});

test('a suppression comment silences the next line only', () => {
  const t = '<!-- sec-disable-next-line double-space -->\nG8.1 One  two.\nG8.2 Three  four.\n';
  assert.deepEqual(spacingOf(workspaceOf({ 'a.sec.md': t }), 'a.sec.md'), ['3:11 double-space']);
});

test('severity "ignore" switches a code off', () => {
  const service = workspaceOf({ 'g8.sec.txt': text }, { severity: { 'double-space': 'ignore' } });
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'double-space'), []);
});

test('stray-tab: a tab inside a sentence, fixed to one space; the tab after a number or label is layout', () => {
  const t = 'G8.1\tThe Panel\tshall:\n(a)\tact; and\n(b) wait \t now.\n\tIndented text.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'stray-tab'), ['1:15 stray-tab', '3:9 stray-tab']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'stray-tab'), 'G8.1\tThe Panel shall:\n(a)\tact; and\n(b) wait now.\n\tIndented text.\n');
});

test('the tab or spaces after a bullet copied from Word are layout, as after a list label; a tab after a word is still a slip', () => {
  const t = 'G8.1 The Panel shall:\n•\tact;\n◦  consult; and\n–\twait.\n▪ The\tPanel shall report.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'stray-tab'), ['5:6 stray-tab']);
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'double-space'), []);
});

test('the spaces after a clause number or list label are layout; after a word at line start they are a slip', () => {
  const t = 'G8.1  The Panel shall:\n(a)  act; and\nii.  wait.\nUser.  Then more.\n';
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.txt': t }), 'a.sec.txt', 'double-space'), ['4:6 double-space']);
});

test('stray-tab traps: a definitions table saved as text, tab-separated columns', () => {
  const t = 'A1.1 In this Code:\nAffiliate\tmeans a company.\nCode\thas the meaning given in Section A1.\nName\tCategory\tResponse\n';
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.txt': t }), 'a.sec.txt', 'stray-tab'), []);
});

test('trailing-whitespace: spaces and tabs at line ends, whitespace-only lines; not a Markdown hard break', () => {
  const t = 'G8.1 The Panel shall act. \n \nG8.2 More text.\t\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'trailing-whitespace'), ['1:26 trailing-whitespace', '2:1 trailing-whitespace', '3:16 trailing-whitespace']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'trailing-whitespace'), 'G8.1 The Panel shall act.\n\nG8.2 More text.\n');
  const md = 'G8.1 First line  \nsecond line.\n';
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.md': md }), 'a.sec.md', 'trailing-whitespace'), []);
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.txt': md }), 'a.sec.txt', 'trailing-whitespace'), ['1:16 trailing-whitespace']);
});

test('space-before-punctuation: " ," " ;" " :" " ." are found and removed', () => {
  const t = 'G8.1 The Panel , the DCC ; and the Users shall :\n(a) act .\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'space-before-punctuation'), ['1:15 space-before-punctuation', '1:25 space-before-punctuation', '1:47 space-before-punctuation', '2:8 space-before-punctuation']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'space-before-punctuation'), 'G8.1 The Panel, the DCC; and the Users shall:\n(a) act.\n');
});

test('space-before-punctuation traps: ellipses, decimals, file names, labels, URLs, code', () => {
  const t = dedent(`
    G8.1 The text … (a) and the rest ... continue . . . and a rate of .5 per cent applies.
    G8.2 Save the file as report .txt and see https://example.org/x . Run \`a ; b\` now.
    G8.3 See Section G8.2 (a) and (b) | ; in a table.
  `);
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.txt': t }), 'a.sec.txt', 'space-before-punctuation'), []);
});

test('a double space before a comma is one slip (space-before-punctuation), not two', () => {
  const t = 'G8.1 The Panel  , the DCC.\n';
  assert.deepEqual(spacingOf(workspaceOf({ 'a.sec.txt': t }), 'a.sec.txt'), ['1:15 space-before-punctuation']);
});

test('spacing checks skip Markdown code fences and multi-line HTML comments', () => {
  const t = dedent(`
    G8.1 Text.

    \`\`\`
    code  with\ttabs , here
    \`\`\`

    <!--
    a  comment , here
    -->
  `);
  assert.deepEqual(spacingOf(workspaceOf({ 'a.sec.md': t }), 'a.sec.md'), []);
});
