// The SEC language status item's wording (issue 18).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingCountsText } from '../../client/src/statusText';

test("the status item gives this file's and the workspace's finding counts", () => {
  assert.equal(findingCountsText(1, 9), '1 finding in this file · 9 in the workspace');
  assert.equal(findingCountsText(0, 4), '0 findings in this file · 4 in the workspace');
  assert.equal(findingCountsText(0, 0), '$(check) No findings in the workspace');
});
