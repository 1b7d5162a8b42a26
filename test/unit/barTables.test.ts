// Response tables split by bars and without a category column (issue 16, other layouts):
// `Party | Response | Working Group Comments`, `Respondent | Role(s) Represented | Comments`,
// `Company | Response`. Every row is read with its words in the cell they were written in.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createSecLanguageService } from '../../server/src/service';
import { dedent } from '../helpers/fixtures';

function rows(text: string): string[] {
  const service = createSecLanguageService();
  service.setDocument({ uri: 'file:///ws/consultation-responses.txt', version: 1, text: dedent(text) });
  return service.getComments().map(c => `Q${c.comment.question} ${c.comment.respondent} | ${c.comment.category} | ${c.comment.response} | ${c.comment.text}`);
}

test('Party | Response | Working Group Comments: wrapped text, a repeated header at a page break, an empty comment', () => {
  assert.deepEqual(rows(`
    Question 1: Do you agree with the proposed solution?
    Party | Response | Working Group Comments
    Acme Energy | Yes | We agree with G8.41 as drafted, subject to the
    transition period being kept.
    Party | Response | Working Group Comments
    Borealis Power Limited | No | The threshold should be counted in meters.
    Calder Supply | Yes |
    Question Two: Do you agree with the implementation date?
    Party | Response | Working Group Comments
    Acme Energy | Yes | No comment.
  `), [
    'Q1 Acme Energy |  | Yes | We agree with G8.41 as drafted, subject to the transition period being kept.',
    'Q1 Borealis Power Limited |  | No | The threshold should be counted in meters.',
    'Q1 Calder Supply |  | Yes | ',
    'Q2 Acme Energy |  | Yes | No comment.',
  ]);
});

test('Respondent | Role(s) Represented | Comments, and Company | Response with the response as the text', () => {
  assert.deepEqual(rows(`
    Question 1: Views on the change
    | Respondent | Role(s) Represented | Comments |
    | --- | --- | --- |
    | Dunmore Metering | Meter Operator, Meter Asset Provider | Supportive. |
    Question 2: Any other comments?
    Company | Response
    Dunmore Metering | We would welcome guidance on G8.44A.
  `), [
    'Q1 Dunmore Metering | Meter Operator, Meter Asset Provider |  | Supportive.',
    'Q2 Dunmore Metering |  |  | We would welcome guidance on G8.44A.',
  ]);
});

test('a barred table with a category column is left to the extracted-text reader', () => {
  assert.deepEqual(rows(`
    Question 1: Do you agree?
    Respondent | Category | Response | Rationale
    E.ON | Large Supplier | Approve | We agree.
  `), ['Q1 E.ON | Large Supplier | Approve | We agree.']);
});
