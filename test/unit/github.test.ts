// `--format github`: workflow commands with the escaping GitHub's runner expects.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapeData, escapeProperty, githubAnnotation } from '../../server/src/cli/github';
import type { SecDiagnostic } from '../../server/src/service/types';

test('data escapes %, CR and LF; properties also ":" and ","', () => {
  assert.equal(escapeData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
  assert.equal(escapeProperty('dir/a: b, c%.sec.txt'), 'dir/a%3A b%2C c%25.sec.txt');
});

test('one annotation: severity → command, 1-based positions, the clause in the message, paths relative to the job folder', () => {
  const d: SecDiagnostic = { code: 'broken-reference', severity: 'error', source: 'sec', message: 'No clause G8.48,\nsee: here', clause: 'G8.40', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 15 } } };
  assert.equal(githubAnnotation('/repo/legal/g.sec.txt', d, '/repo'), '::error file=legal/g.sec.txt,line=5,col=3,endLine=5,endColumn=16,title=broken-reference::No clause G8.48,%0Asee: here [G8.40]');
  assert.match(githubAnnotation('g.sec.txt', { ...d, severity: 'information' }, '/repo'), /^::notice file=g\.sec\.txt,/);
  assert.match(githubAnnotation('g.sec.txt', { ...d, severity: 'hint' }, '/repo'), /^::notice /);
});
