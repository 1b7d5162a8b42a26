import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';

const text = dedent(`
  G8 USER SECURITY ASSURANCE

  G8.44C A Supplier Party shall be subject to a Verification User  Security Assessment.
  G8.44D See https://example.org/a  b and \`code  here\`.
  Term   | means something.
`);

test('double space between words is found, with the clause and a certain fix', () => {
  const service = workspaceOf({ 'g8.sec.txt': text });
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'double-space'), ['3:64 double-space', '4:33 double-space']);
  const d = service.getDiagnostics(uriOf('g8.sec.txt'))[0];
  assert.equal(d.clause, 'G8.44C');
  assert.match(d.message, /'User' and 'Security'/);
  assert.equal(d.fixes?.[0].edits[0].newText, ' ');
  assert.equal(d.fixes?.[0].certain, true);
});

test('no double-space inside URLs, inline code or table padding', () => {
  const service = workspaceOf({ 'g8.sec.txt': text });
  const lines = service.getDiagnostics(uriOf('g8.sec.txt')).map(d => d.range.start.line + 1);
  assert.ok(!lines.includes(5), 'table padding is not prose');
  assert.equal(lines.filter(l => l === 4).length, 1, 'only the space after the URL, not inside code');
});

test('house style may allow two spaces after a full stop', () => {
  const t = 'G8.1 One sentence.  Another  one.\n';
  assert.equal(findingsOf(workspaceOf({ 'a.sec': t }), 'a.sec').length, 2);
  assert.equal(findingsOf(workspaceOf({ 'a.sec': t }, { allowDoubleSpaceAfterSentence: true }), 'a.sec').length, 1);
});

test('a suppression comment silences the next line only', () => {
  const t = '<!-- sec-disable-next-line double-space -->\nG8.1 One  two.\nG8.2 Three  four.\n';
  assert.deepEqual(findingsOf(workspaceOf({ 'a.sec.md': t }), 'a.sec.md'), ['3:11 double-space']);
});

test('severity "ignore" switches a code off', () => {
  const service = workspaceOf({ 'g8.sec.txt': text }, { severity: { 'double-space': 'ignore' } });
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'double-space'), []);
});
