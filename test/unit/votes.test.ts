// Rows that are votes, not comments: an empty comment cell, "N/A", "No comment", "-", or the
// vote again in one word. The publication gate asks no response for them; they stay in the
// collation's comments (with their vote) wherever votes are shown. One collation in each form
// the model reads: text (PDF copy), CSV, JSON, and the JSON the .docx extractor makes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import { isVoteOnlyText, needsAnswer } from '../../server/src/service/model/consultation/votes';
import { unansweredComments } from '../../server/src/service/rules/responses';

const GATE = { severity: { 'unanswered-comment': 'error' as const } };

const G8 = dedent(`
  G8 USER SECURITY ASSESSMENTS
  G8.41 The Combined Premises Number is the number of Domestic Premises plus five times the number of Non-Domestic Premises.
  G8.42 A Supplier Party whose Combined Premises Number exceeds 250,000 shall undergo a Full User Security Assessment.
`);

/** The same five rows in each form: one comment that needs an answer, four votes. */
const ROWS = [
  { respondent: 'E.ON', category: 'Large Supplier', response: 'Approve', text: 'We query why G8.41 multiplies Non-Domestic Premises by five.' },
  { respondent: 'SSE', category: 'Large Supplier', response: 'Approve', text: '' },
  { respondent: 'Npower', category: 'Large Supplier', response: 'Approve', text: 'N/A' },
  { respondent: 'British Gas', category: 'Large Supplier', response: 'Neutral', text: 'No comment.' },
  { respondent: 'Bryt Energy Limited', category: 'Small Supplier', response: 'Approve', text: '-' },
  { respondent: 'EDF Energy', category: 'Large Supplier', response: 'Approve', text: 'Yes' },
];

const TEXT = dedent(`
  Question 1: Do you believe that SECMP0059 should be approved?
  | Respondent | Category | Response | Rationale |
  ${ROWS.map(r => `| ${r.respondent} | ${r.category} | ${r.response} | ${r.text} |`).join('\n  ')}
`);

const CSV = ['question,respondent,category,response,text', ...ROWS.map(r => `1,${r.respondent},${r.category},${r.response},"${r.text}"`)].join('\n') + '\n';
const JSON_FORM = JSON.stringify(ROWS.map(r => ({ question: '1', ...r })), null, 2);
const DOCX_FORM = JSON.stringify({ format: 'docx', comments: ROWS.map((r, i) => ({ question: '1', ...r, line: i + 3 })) }, null, 2);

const FORMS: [string, string][] = [['responses.txt', TEXT], ['responses.csv', CSV], ['responses.json', JSON_FORM], ['responses.docx.json', DOCX_FORM]];

for (const [name, text] of FORMS) {
  test(`${name}: the gate asks a response only for the row with a comment; every row still counts as a vote`, () => {
    const service = workspaceOf({ [name]: text, 'g8.sec.txt': G8 }, GATE);
    const entries = service.getComments();
    assert.deepEqual(entries.map(e => [e.comment.respondent, e.comment.response]), ROWS.map(r => [r.respondent, r.response]), 'every row is read, with its vote');
    assert.deepEqual(unansweredComments(workspaceIndexOf(service)).map(e => e.comment.respondent), ['E.ON']);
    assert.equal(findingsOf(service, name, 'unanswered-comment').length, 1);
    const onClause = service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => d.code === 'unanswered-comment');
    assert.deepEqual(onClause.map(d => d.message), ['1 consultation comment on G8.41 without a response: E.ON.']);
    // A vote is linked to no clause, not even by inference.
    for (const e of entries.slice(1)) assert.deepEqual(e.links, [], `${e.comment.respondent}'s vote has no links`);
  });
}

test('what counts as a vote only: empty cells, placeholders, the vote in one word; anything said is a comment', () => {
  for (const vote of ['', '  ', '-', '–', '—', 'N/A', 'n/a.', 'NA', 'None', 'Nil.', 'No comment', 'No comments.', 'No further comments', '"No comment"', 'Not applicable', 'Yes', 'No.', 'Agree', 'Approve', 'No view.']) {
    assert.ok(isVoteOnlyText(vote), `"${vote}" is a vote only`);
  }
  // However much white space, quoting and punctuation surround it (a cell is told apart by its letters first).
  for (const vote of [`  “No comments at this time.”${' '.repeat(400)}`, `\t(N/A)${'\n'.repeat(50)}`, `${'"'.repeat(30)}Partially agree${'.'.repeat(30)}`]) {
    assert.ok(isVoteOnlyText(vote), `${JSON.stringify(vote.slice(0, 40))}… is a vote only`);
  }
  assert.ok(!isVoteOnlyText('No comments at this time, thanks'), 'one word more than the longest placeholder is a comment');
  for (const said of ['No, because G8.41 is unclear.', 'Yes, but the threshold should be meters.', 'See our answer to Question 1.', 'We agree.', 'N/A for us as we have no non-domestic premises, but others will be affected.']) {
    assert.ok(needsAnswer({ text: said }), `"${said}" needs an answer`);
  }
});
