import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { uriOf, workspaceOf } from '../helpers/fixtures';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CSV = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.csv'), 'utf8');

function modelOf(name: string, text: string): ConsultationModel {
  const service = workspaceOf({ [name]: text });
  const model = workspaceIndexOf(service).model(uriOf(name));
  assert.equal(model?.kind, 'consultation');
  return model as ConsultationModel;
}

const fields = (m: ConsultationModel) => m.comments.map(({ id, question, respondent, category, response, text }) => ({ id, question, respondent, category, response, text }));

test('CSV and JSON forms of the same collation give the same comments', () => {
  const rows = parse(CSV, { columns: true }) as Record<string, string>[];
  const csv = modelOf('responses.csv', CSV);
  const asArray = modelOf('responses.json', JSON.stringify(rows, null, 2));
  const asObject = modelOf('collation.json', JSON.stringify({ comments: rows }));
  assert.equal(csv.format, 'csv');
  assert.equal(asArray.format, 'json');
  assert.equal(csv.comments.length, 13);
  assert.deepEqual(fields(asArray), fields(csv));
  assert.deepEqual(fields(asObject), fields(csv));
  assert.deepEqual(csv.problems, []);
  const eon = csv.comments.find(c => c.id === 'q2-e-on')!;
  assert.equal(eon.respondent, 'E.ON');
  assert.equal(eon.text.split('\n\n').length, 2);
});

test('CSV rows keep their place in the file (a quoted cell over several lines)', () => {
  const csv = modelOf('responses.csv', CSV);
  const edf = csv.comments[0];
  assert.equal(edf.range.start.line, 1);
  assert.equal(edf.range.end.line, 5);
  assert.equal(csv.comments[1].range.start.line, 6);
  const json = modelOf('responses.json', JSON.stringify(parse(CSV, { columns: true }), null, 2));
  assert.ok(json.comments[1].range.start.line > json.comments[0].range.start.line);
});

test('CSV with bad quoting gives one clear file-error problem at the row, never a throw', () => {
  const bad = 'question,respondent,category,response,text\n1,EDF,Large Supplier,Approve,"unterminated\n';
  const m = modelOf('responses.csv', bad);
  assert.equal(m.comments.length, 0);
  assert.equal(m.problems.length, 1);
  assert.equal(m.problems[0].code, 'file-error');
  assert.equal(m.problems[0].range.start.line, 1);
  assert.match(m.problems[0].message, /line 2 .*quote/);
});

test('CSV without the expected columns is one problem', () => {
  const m = modelOf('responses.csv', 'who,what\nA,B\n');
  assert.equal(m.problems.length, 1);
  assert.match(m.problems[0].message, /respondent/);
});

test('JSON of the wrong shape, or not JSON at all, is one problem', () => {
  for (const text of ['{"respondents": []}', '42', '{ not json', '"text"']) {
    const m = modelOf('responses.json', text);
    assert.equal(m.comments.length, 0, text);
    assert.equal(m.problems.length, 1, text);
    assert.equal(m.problems[0].code, 'file-error');
  }
  const partial = modelOf('responses.json', JSON.stringify([{ respondent: 'SSE', text: 'x' }, { text: 'no name' }, { text: 'none either' }, 7]));
  assert.equal(partial.comments.length, 1);
  assert.deepEqual(partial.problems.map(p => p.message.replace(/:.*/, '')), ['This entry of the JSON collation is a number, not a comment object', '2 entries of this JSON collation have no "respondent" and were skipped.']);
});

test('file-error problems of a collation reach the diagnostics', () => {
  const service = workspaceOf({ 'responses.json': '{ not json' });
  const d = service.getDiagnostics(uriOf('responses.json'));
  assert.deepEqual(d.map(x => x.code), ['file-error']);
});
