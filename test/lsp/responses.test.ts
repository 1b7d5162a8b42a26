// Protocol tests of the publication gate: responses recorded through the built server with
// `sec/recordResponse`, `unanswered-comment` going away, responses kept when the collation is
// re-parsed, a hand edit reloaded, a file changed meanwhile or broken refused (never
// overwritten), and `sec/prePublicationReport`'s verdict.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { fileUri, startServerIn, type TestClient } from '../helpers/lspClient';

const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.40 A party shall comply.\n\nG8.41 A party shall multiply by five.\n';
const CSV_HEADER = 'question,respondent,category,response,text\n';
const E_ON = '1,E.ON,Large Supplier,Approve,Why does Section G8.41 multiply by five?\n';
const BRYT = '1,Bryt,Small Supplier,Reject,We do not agree with the proposal.\n';
const HAVEN = '1,Haven Power,Small Supplier,Approve,Premises are not meters.\n';

let client: TestClient;
let dir: string;
let csvUri: string;
let g8Uri: string;
let responsesFile: string;
let responsesUri: string;

const unanswered = (d: Diagnostic[]) => d.filter(x => x.code === 'unanswered-comment');

interface RecordResult { ok: boolean; message: string; uri?: string }

function record(commentId: string, disposition: string, response: string, clause?: string): Promise<RecordResult> {
  return client.request<RecordResult>('sec/recordResponse', { commentId, disposition, response, ...(clause ? { clause } : {}) });
}

function fileChanged(file: string, type: 1 | 2 | 3 = 2): Promise<void> {
  return client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
}

before(async () => {
  ({ dir, client } = await startServerIn({
    'g8.sec.txt': G8,
    'consultation.csv': CSV_HEADER + E_ON + BRYT,
    '.secdraft.json': JSON.stringify({ severity: { 'unanswered-comment': 'error' } }),
  }, 'sec-gate-'));
  csvUri = fileUri(path.join(dir, 'consultation.csv'));
  g8Uri = fileUri(path.join(dir, 'g8.sec.txt'));
  responsesFile = path.join(dir, 'consultation.responses.json');
  responsesUri = fileUri(responsesFile);
});

after(async () => {
  await client.close();
});

test('every comment starts unanswered: an error on its row, information on the linked clause', async () => {
  const d = await client.diagnostics(csvUri, x => unanswered(x).length === 2);
  assert.deepEqual(unanswered(d).map(x => [x.range.start.line, x.severity]), [[1, 1], [2, 1]]);
  assert.match(unanswered(d)[0].message, /No response recorded to E\.ON \(Question 1\) \[q1-e-on\]/);
  const onClause = unanswered(await client.diagnostics(g8Uri, x => unanswered(x).length === 1));
  assert.equal(onClause[0].severity, 3, 'information on the clause');
  assert.equal(onClause[0].range.start.line, 4, 'at G8.41');
  assert.match(onClause[0].message, /on G8\.41 without a response: E\.ON/);
});

test('"Record response…" code actions on the comment row and on the linked clause', async () => {
  const onRow = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: csvUri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] },
  });
  const a = onRow.find(x => x.command?.command === 'secDrafting.lsp.recordResponse');
  assert.ok(a, JSON.stringify(onRow));
  assert.equal(a.title, 'Record response to E.ON (Question 1)…');
  assert.equal((a.command!.arguments![0] as { commentId: string }).commentId, 'q1-e-on');
  const onClause = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: g8Uri }, range: { start: { line: 4, character: 8 }, end: { line: 4, character: 8 } }, context: { diagnostics: [] },
  });
  assert.deepEqual(onClause.filter(x => x.command).map(x => x.title), ['Record response to E.ON (Question 1)…']);
});

test('sec/recordResponse writes the responses file and the comment is no longer unanswered', async () => {
  const r = await record('q1-e-on', 'accepted', 'The multiplier reflects the larger risk.', 'G8.41');
  assert.equal(r.ok, true, r.message);
  assert.equal(r.uri, responsesUri);
  assert.equal(r.message, 'Recorded the response to E.ON (Question 1) in consultation.responses.json.');
  const saved = JSON.parse(fs.readFileSync(responsesFile, 'utf8'));
  assert.deepEqual(saved, {
    version: 1, consultation: 'consultation.csv',
    responses: { 'q1-e-on': { disposition: 'accepted', clause: 'G8.41', response: 'The multiplier reflects the larger risk.', respondent: 'E.ON' } },
  });
  assert.ok(fs.readFileSync(responsesFile, 'utf8').endsWith('}\n'));
  const d = await client.diagnostics(csvUri, x => unanswered(x).length === 1);
  assert.match(unanswered(d)[0].message, /Bryt/);
  await client.diagnostics(g8Uri, x => unanswered(x).length === 0);
  assert.deepEqual(fs.readdirSync(dir).filter(f => f.endsWith('.tmp')), [], 'no temporary file left behind');
});

test('invalid requests are refused with a reason', async () => {
  assert.match((await record('q1-bryt', 'accepted', 'Changed.')).message, /must name the changed clause/);
  assert.match((await record('q1-bryt', 'maybe', 'x')).message, /"disposition" must be one of/);
  assert.match((await record('q9-nobody', 'noted', 'x')).message, /No consultation comment "q9-nobody"/);
});

test('responses survive re-parsing the collation: the edited file keeps the answered id answered', async () => {
  // The drafter opens the collation and adds a respondent above the answered one.
  await client.open(csvUri, CSV_HEADER + HAVEN + E_ON + BRYT, 'plaintext', 1);
  const d = await client.diagnostics(csvUri, x => unanswered(x).length === 2);
  assert.deepEqual(unanswered(d).map(x => x.message.match(/\[(.*)\]/)![1]), ['q1-haven-power', 'q1-bryt']);
  await client.change(csvUri, 2, CSV_HEADER + E_ON + BRYT);
  await client.diagnostics(csvUri, x => unanswered(x).length === 1);
});

test('a hand edit of the responses file is reloaded; a broken one gets file-error and is never overwritten', async () => {
  const edited = JSON.parse(fs.readFileSync(responsesFile, 'utf8'));
  edited.responses['q1-bryt'] = { disposition: 'rejected', response: 'The thresholds measure different risks.' };
  fs.writeFileSync(responsesFile, JSON.stringify(edited, null, 2) + '\n');
  await fileChanged(responsesFile);
  await client.diagnostics(csvUri, x => unanswered(x).length === 0);

  const broken = '{ "version": 1, "responses": { "q1-e-on": { "disposition": "noted", } }\n';
  fs.writeFileSync(responsesFile, broken);
  await fileChanged(responsesFile);
  const errors = await client.diagnostics(responsesUri, x => x.some(e => e.code === 'file-error'));
  assert.equal(errors[0].severity, 1);
  assert.equal(errors[0].range.start.line, 0);
  const r = await record('q1-e-on', 'noted', 'Thank you.');
  assert.equal(r.ok, false);
  assert.match(r.message, /is broken \(line 1: .*\); fix it by hand first/);
  assert.equal(fs.readFileSync(responsesFile, 'utf8'), broken, 'untouched');
  await client.diagnostics(csvUri, x => unanswered(x).length === 2);

  fs.writeFileSync(responsesFile, JSON.stringify(edited, null, 2) + '\n');
  await fileChanged(responsesFile);
  await client.diagnostics(responsesUri, x => x.length === 0);
});

test('a responses file changed on disk since it was read is refused, then reloaded', async () => {
  const external = JSON.stringify({ version: 1, consultation: 'consultation.csv', responses: {
    'q1-e-on': { disposition: 'noted', response: 'Answered by a colleague.' },
  } }, null, 2) + '\n';
  fs.writeFileSync(responsesFile, external); // no file event: the server still has the old text
  const r = await record('q1-bryt', 'noted', 'Overwrite attempt.');
  assert.equal(r.ok, false);
  assert.match(r.message, /changed on disk since it was read/);
  assert.equal(fs.readFileSync(responsesFile, 'utf8'), external, 'the colleague\'s edit is kept');
  // The refusal reloaded the file: Bryt is unanswered again, and a retry now succeeds.
  await client.diagnostics(csvUri, x => unanswered(x).length === 1);
  const again = await record('q1-bryt', 'accepted', 'The text now says why.', 'G8.99');
  assert.equal(again.ok, true, again.message);
  assert.match(again.message, /Note: there is no clause G8\.99 in the workspace\./, 'recorded, with a warning');
  const saved = JSON.parse(fs.readFileSync(responsesFile, 'utf8'));
  assert.equal(saved.responses['q1-e-on'].response, 'Answered by a colleague.');
  assert.deepEqual(saved.responses['q1-bryt'], { disposition: 'accepted', clause: 'G8.99', response: 'The text now says why.', respondent: 'Bryt' });
});

test('sec/prePublicationReport returns the report and a one-line verdict', async () => {
  await client.diagnostics(csvUri, x => unanswered(x).length === 0);
  const html = await client.request<{ format: string; content: string; ready: boolean; verdict: string }>('sec/prePublicationReport', { format: 'html' });
  assert.equal(html.format, 'html');
  assert.match(html.content, /^<!DOCTYPE html>/);
  assert.match(html.content, /Answered by a colleague\./);
  assert.equal(html.ready, true, html.verdict);
  assert.equal(html.verdict, 'Ready to publish');
  fs.writeFileSync(path.join(dir, 'g8.sec.txt'), G8.replace('shall comply', 'shall  comply'));
  await fileChanged(path.join(dir, 'g8.sec.txt'));
  await client.diagnostics(g8Uri, x => x.some(e => e.code === 'double-space'));
  const md = await client.request<{ content: string; ready: boolean; verdict: string }>('sec/prePublicationReport', { format: 'md' });
  assert.equal(md.ready, false);
  assert.equal(md.verdict, 'Not ready: 1 warning');
  assert.match(md.content, /^# Pre-publication report: /);
  const list = await client.request<unknown[]>('sec/unansweredComments', {});
  assert.deepEqual(list, []);
});
