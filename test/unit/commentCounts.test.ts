// The SEC Consultation view says how many comments each collation gave (issue 16).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { perFileSummary } from '../../client/src/commentCounts';

test('the view message counts comments per collation file, in the order the files come', () => {
  const at = (name: string) => ({ uri: `file:///ws/${encodeURIComponent(name)}` });
  assert.equal(perFileSummary([at('consultation-responses.txt'), at('consultation-responses.txt'), at('other responses.csv')]),
    'consultation-responses.txt: 2 comments · other responses.csv: 1 comment');
  assert.equal(perFileSummary([]), '');
});
