// Answered or not, everywhere a comment appears (core side): the clause hover shows each
// comment's recorded disposition and response, or that none is recorded yet; `sec/comments`
// carries `needsAnswer`, `answered`, `answer` and `clauses` so the client can filter.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { dedent, uriOf, workspaceOf } from '../helpers/fixtures';

const G8 = dedent(`
  G8 USER SECURITY ASSESSMENTS
  G8.41 The Combined Premises Number is the number of Domestic Premises plus five times the number of Non-Domestic Premises.
  G8.44C A Supplier Party within Section G8.41 shall undergo a Verification User Security Assessment.
`);

const CSV = dedent(`
  question,respondent,category,response,text
  1,E.ON,Large Supplier,Approve,"We query why G8.41 multiplies Non-Domestic Premises by five, and note a double space in G8.44C."
  1,Haven Power Limited,Small Supplier,Approve,G8.41 should count meters rather than premises.
  1,SSE,Large Supplier,Approve,N/A
`);

const RESPONSES = JSON.stringify({
  version: 1,
  consultation: 'consultation.csv',
  responses: { 'q1-e-on': { disposition: 'accepted', clause: 'G8.44C', response: 'The double space is removed; the factor of five reflects *risk*.' } },
});

const hoverOn = (service: ReturnType<typeof workspaceOf>, line: number) =>
  (service.getHover(uriOf('g8.sec.txt'), { line, character: 2 })?.contents as MarkupContent | undefined)?.value ?? '';

test('clause hover: each comment with its recorded disposition and response, or that none is recorded yet', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': CSV, 'consultation.responses.json': RESPONSES });
  const hover = hoverOn(service, 1);
  assert.match(hover, /reflects \\\*risk\\\*/, 'the response is escaped');
  const plain = hover.replace(/\\(.)/g, '$1');
  assert.match(plain, /\*\*2 consultation comments on G8\.41\*\* · 1 answered, 1 without a response/);
  const [eon, haven] = ['E.ON', 'Haven Power Limited'].map(who => plain.slice(plain.indexOf(`**${who}**`)));
  assert.match(eon, /^\*\*E\.ON\*\*[^]*?\*\*Response — Accepted, legal text changed \(G8\.44C\):\*\* The double space is removed; the factor of five reflects \*risk\*\./);
  assert.match(haven, /^\*\*Haven Power Limited\*\*[^]*?\*No response recorded yet\.\*/);
  // Without a responses file every comment says so.
  assert.match(hoverOn(workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': CSV }), 1), /0 answered, 2 without a response/);
});

test('sec/comments: needsAnswer, answered, the answer and every linked clause once, for the client to filter', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': CSV, 'consultation.responses.json': RESPONSES });
  const { comments } = service.getCommentsResult();
  const byId = new Map(comments.map(c => [c.id, c]));
  assert.deepEqual(byId.get('q1-e-on')?.answer, { disposition: 'accepted', dispositionLabel: 'Accepted, legal text changed', response: 'The double space is removed; the factor of five reflects *risk*.', clause: 'G8.44C' });
  assert.deepEqual(comments.map(c => [c.id, c.needsAnswer, c.answered]), [['q1-e-on', true, true], ['q1-haven-power-limited', true, false], ['q1-sse', false, false]]);
  assert.deepEqual(byId.get('q1-e-on')?.clauses, ['G8.41', 'G8.44C']);
  assert.equal(byId.get('q1-haven-power-limited')?.answer, undefined);
  // For one legal file each comment comes once, with its clauses (one thread, not one per link).
  const forFile = service.getCommentsResult({ uri: uriOf('g8.sec.txt') }).comments;
  assert.deepEqual(forFile.map(c => [c.id, c.clauses]), [['q1-e-on', ['G8.41', 'G8.44C']], ['q1-haven-power-limited', ['G8.41']]]);
});

test('the code lens above a clause says how many of its comments are still unanswered', () => {
  const titles = (files: Record<string, string>) => workspaceOf(files).getCodeLenses(uriOf('g8.sec.txt'))
    .map(l => l.command?.title ?? '').filter(t => /consultation comment/.test(t));
  assert.deepEqual(titles({ 'g8.sec.txt': G8, 'consultation.csv': CSV, 'consultation.responses.json': RESPONSES }), ['2 consultation comments · 1 unanswered', '1 consultation comment · all answered']);
  assert.deepEqual(titles({ 'g8.sec.txt': G8, 'consultation.csv': CSV }), ['2 consultation comments · 2 unanswered', '1 consultation comment · 1 unanswered']);
});
