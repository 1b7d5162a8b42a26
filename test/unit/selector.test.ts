// The client sends the server the files it reads: legal text by language and by the
// `secDrafting.legalFiles` globs, collations by language and by name (issue 18).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { COLLATION_PATTERN, documentSelector } from '../../client/src/selector';

test('the legalFiles globs join the selector, as file patterns anywhere in the workspace', () => {
  assert.deepEqual(documentSelector(['*.legal.txt', 'drafts/**/*.txt', '', 7]), [
    { language: 'sec' },
    { language: 'sec-consultation' },
    { scheme: 'file', pattern: '**/*.legal.txt' },
    { scheme: 'file', pattern: 'drafts/**/*.txt' },
    { scheme: 'file', pattern: COLLATION_PATTERN },
  ]);
});

test('without globs: the two languages and the collation names', () => {
  assert.equal(documentSelector().length, 3);
  assert.equal(documentSelector(undefined).length, 3);
});
