// A response written in the untitled editor keeps its lines and paragraphs (issue 18: the
// response box was one line).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RESPONSE_DRAFT_HEADER, responseFromDraft } from '../../client/src/responseDraft';

test('the draft header is dropped and the response keeps its paragraphs', () => {
  const draft = `${RESPONSE_DRAFT_HEADER(' to E.ON')}\n\nNoted.\n\nThe Working Group considered #3 and\nagreed no change is needed.\n`;
  assert.equal(responseFromDraft(draft), 'Noted.\n\nThe Working Group considered #3 and\nagreed no change is needed.');
});

test('a draft left as it opened is empty', () => {
  assert.equal(responseFromDraft(`${RESPONSE_DRAFT_HEADER('')}\n`), '');
});
