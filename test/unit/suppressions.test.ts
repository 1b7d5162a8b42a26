// Suppression comments: what they hide, and unused-suppression for those naming an unknown
// code or hiding nothing (a typo would otherwise leave the drafter believing a slip is handled).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';

test('a suppression that hides a finding is not reported; one with a reason after " -- " works too', () => {
  const service = workspaceOf({
    'g.sec.md': dedent(`
      G8.1 The  notice. <!-- sec-disable-line double-space -->
      <!-- sec-disable-next-line double-space -- quoted as enacted -->
      G8.2 The  notice.
    `),
  });
  assert.deepEqual(findingsOf(service, 'g.sec.md').filter(f => /double-space|unused-suppression/.test(f)), []);
});

test('a suppression naming an unknown code is reported (information) and suppresses nothing', () => {
  const service = workspaceOf({
    'g.sec.txt': dedent(`
      // sec-disable-next-line double_space, repeated-word
      G8.1 The  notice.
    `),
  });
  assert.deepEqual(findingsOf(service, 'g.sec.txt').filter(f => /double-space|unused-suppression/.test(f)), ['1:4 unused-suppression', '2:9 double-space']);
  const d = service.getDiagnostics(uriOf('g.sec.txt')).find(x => x.code === 'unused-suppression')!;
  assert.equal(d.severity, 'information');
  assert.match(d.message, /unknown code: "double_space"/);
  assert.doesNotMatch(d.message, /repeated-word/, 'known codes are not called unknown');
});

test('a code with stray punctuation is an unknown code, never read as "all codes"', () => {
  const service = workspaceOf({ 'g.sec.txt': '// sec-disable-next-line double-space.\nG8.1 The  notice. The the end.\n' });
  assert.deepEqual(findingsOf(service, 'g.sec.txt').filter(f => /double-space|repeated-word|unused-suppression/.test(f)), ['1:4 unused-suppression', '2:9 double-space', '2:19 repeated-word']);
});

test('a suppression that hides nothing is reported; one for a code switched off by setting, or sec-enable, is not', () => {
  const text = dedent(`
    <!-- sec-disable-next-line repeated-word -->
    G8.1 The notice.
    <!-- sec-disable mixed-quotes -->
    G8.2 Text.
    <!-- sec-enable mixed-quotes -->
  `);
  const service = workspaceOf({ 'g.sec.md': text });
  assert.deepEqual(findingsOf(service, 'g.sec.md', 'unused-suppression'), ['1:6 unused-suppression', '3:6 unused-suppression']);
  assert.match(service.getDiagnostics(uriOf('g.sec.md')).find(x => x.code === 'unused-suppression')!.message, /repeated-word hides no finding/);
  const ignored = workspaceOf({ 'g.sec.md': text }, { severity: { 'repeated-word': 'ignore', 'mixed-quotes': 'ignore' } });
  assert.deepEqual(findingsOf(ignored, 'g.sec.md', 'unused-suppression'), []);
  const off = workspaceOf({ 'g.sec.md': text }, { severity: { 'unused-suppression': 'ignore' } });
  assert.deepEqual(findingsOf(off, 'g.sec.md', 'unused-suppression'), []);
});

test('a block suppression is used by any finding inside it; "all codes" is used by any finding', () => {
  const service = workspaceOf({
    'g.sec.md': dedent(`
      <!-- sec-disable double-space -->
      G8.1 The  notice.
      <!-- sec-enable double-space -->
      G8.2 The the notice. <!-- sec-disable-line -->
    `),
  });
  assert.deepEqual(findingsOf(service, 'g.sec.md').filter(f => /double-space|repeated-word|unused-suppression/.test(f)), []);
});
