// The same consultation read twice (the .txt and the .csv of one collation side by side) is
// recognised: its comments are counted once, and `duplicate-consultation` on the copy names
// both files. Two consultations answered by the same respondents are not copies.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import { unansweredComments } from '../../server/src/service/rules/responses';
import { collationCopies } from '../../server/src/service/model/consultation/copies';

const REPO = path.resolve(__dirname, '..', '..', '..');
const GATE = { severity: { 'unanswered-comment': 'error' as const } };

const G8 = dedent(`
  G8 USER SECURITY ASSESSMENTS
  G8.41 The Combined Premises Number is the number of Domestic Premises plus five times the number of Non-Domestic Premises.
  G8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment.
`);

const TEXT = dedent(`
  Question 1: Do you believe that SECMP0059 should be approved?
  | Respondent | Category | Response | Rationale |
  | E.ON | Large Supplier | Approve | We query why G8.41 multiplies Non-Domestic Premises by five.
  | Haven Power | Small Supplier | Approve | The threshold should count meters, not
  | Limited | | | premises, as premises are not always clearly defined.
  | SSE | Large Supplier | Approve | |
`);

// The same collation as a CSV: tidied text, the name whole, the vote-only row left out.
const CSV = dedent(`
  question,respondent,category,response,text
  1,E.ON,Large Supplier,Approve,We query why G8.41 multiplies Non-Domestic Premises by five.
  1,Haven Power Limited,Small Supplier,Approve,"The threshold should count meters, not premises, as premises are not always clearly defined."
`);

// Another consultation, the same respondents on the same question: not a copy.
const OTHER = dedent(`
  Question 1: Do you believe that SECMP0060 should be approved?
  | Respondent | Category | Response | Rationale |
  | E.ON | Large Supplier | Reject | The G8.44C cycle is too frequent for a small portfolio.
  | Haven Power Limited | Small Supplier | Approve | We support the new reporting dates.
`);

test('the .txt and .csv of one collation: comments counted once, duplicate-consultation on the copy naming both', () => {
  const service = workspaceOf({ 'consultation-responses.txt': TEXT, 'consultation-responses.csv': CSV, 'g8.sec.txt': G8 }, GATE);
  assert.deepEqual([...collationCopies(workspaceIndexOf(service))], [[uriOf('consultation-responses.csv'), uriOf('consultation-responses.txt')]], 'the fuller reading (with the vote row) is kept');
  assert.deepEqual(service.getComments().map(e => `${e.comment.respondent}@${e.uri.slice(-3)}`), ['E.ON@txt', 'Haven Power Limited@txt', 'SSE@txt']);
  assert.equal(unansweredComments(workspaceIndexOf(service)).length, 2);
  assert.equal(findingsOf(service, 'consultation-responses.csv', 'unanswered-comment').length, 0);
  // The clause's comment count and the hover list E.ON once.
  const onClause = service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => d.code === 'unanswered-comment');
  assert.deepEqual(onClause.map(d => d.message), ['1 consultation comment on G8.41 without a response: E.ON.']);
  const dup = service.getDiagnostics(uriOf('consultation-responses.csv')).filter(d => d.code === 'duplicate-consultation');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].severity, 'warning');
  assert.equal(dup[0].range.start.line, 1, 'on the first comment row');
  assert.match(dup[0].message, /consultation-responses\.csv is a second copy of the consultation in consultation-responses\.txt/);
  assert.match(dup[0].message, /its 2 comments are counted once, from consultation-responses\.txt/);
  assert.equal(dup[0].related?.[0].uri, uriOf('consultation-responses.txt'));
  assert.deepEqual(findingsOf(service, 'consultation-responses.txt', 'duplicate-consultation'), []);
  // The copy's mentions are not reported twice either.
  assert.deepEqual(findingsOf(service, 'consultation-responses.csv', 'unknown-clause'), []);
});

test('the copy with a responses file is the one kept, so no recorded answer is lost', () => {
  const responses = JSON.stringify({ version: 1, consultation: 'secmp0059.csv', responses: { 'q1-e-on': { disposition: 'noted', response: 'The factor reflects risk.' } } });
  const service = workspaceOf({ 'consultation-responses.txt': TEXT, 'secmp0059.csv': CSV, 'secmp0059.responses.json': responses, 'g8.sec.txt': G8 }, GATE);
  assert.deepEqual([...collationCopies(workspaceIndexOf(service))], [[uriOf('consultation-responses.txt'), uriOf('secmp0059.csv')]]);
  assert.deepEqual(unansweredComments(workspaceIndexOf(service)).map(e => e.comment.id), ['q1-haven-power-limited']);
  assert.equal(findingsOf(service, 'consultation-responses.txt', 'duplicate-consultation').length, 1);
  // A .txt and a .csv of one name share one responses file: the answers hold for either copy.
  const shared = JSON.stringify({ version: 1, consultation: 'consultation-responses.csv', responses: { 'q1-e-on': { disposition: 'noted', response: 'The factor reflects risk.' } } });
  const both = workspaceOf({ 'consultation-responses.txt': TEXT, 'consultation-responses.csv': CSV, 'consultation-responses.responses.json': shared, 'g8.sec.txt': G8 }, GATE);
  assert.deepEqual(unansweredComments(workspaceIndexOf(both)).map(e => e.comment.id), ['q1-haven-power-limited']);
});

test('two consultations answered by the same respondents are not copies; one collation alone is none', () => {
  const service = workspaceOf({ 'secmp0059.csv': CSV, 'secmp0060.txt': OTHER, 'g8.sec.txt': G8 });
  assert.equal(collationCopies(workspaceIndexOf(service)).size, 0);
  assert.equal(service.getComments().length, 4);
  assert.deepEqual(findingsOf(service, 'secmp0060.txt', 'duplicate-consultation'), []);
  // Same respondents, same texts, but other question titles: other consultations.
  const retitled = TEXT.replace('SECMP0059 should be approved', 'the implementation date of 1 April 2027 is right');
  assert.equal(collationCopies(workspaceIndexOf(workspaceOf({ 'a.txt': TEXT, 'b.txt': retitled }))).size, 0);
  assert.equal(collationCopies(workspaceIndexOf(workspaceOf({ 'a.txt': TEXT, 'g8.sec.txt': G8 }))).size, 0);
});

test('the SECMP0059 fixture: the published .txt and its .csv are one consultation; the unseen collations are all different', () => {
  const dir = path.join(REPO, 'test', 'fixtures', 'secmp0059');
  const txt = fs.readFileSync(path.join(dir, 'consultation-responses.txt'), 'utf8');
  const csv = fs.readFileSync(path.join(dir, 'consultation-responses.csv'), 'utf8');
  const service = workspaceOf({ 'consultation-responses.txt': txt, 'consultation-responses.csv': csv });
  assert.equal(collationCopies(workspaceIndexOf(service)).get(uriOf('consultation-responses.csv')), uriOf('consultation-responses.txt'));
  assert.equal(service.getComments().length, 18);
  const unseen = path.join(REPO, 'test', 'fixtures', 'unseen');
  const files = Object.fromEntries(fs.readdirSync(unseen).filter(f => /consultation/.test(f)).map(f => [f, fs.readFileSync(path.join(unseen, f), 'utf8')]));
  assert.ok(Object.keys(files).length >= 6);
  assert.equal(collationCopies(workspaceIndexOf(workspaceOf(files))).size, 0);
});
