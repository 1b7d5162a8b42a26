// The responses file: parse/serialise round trip, stable order, broken files → problems with
// positions, and the `unanswered-comment` / `file-error` rule over a workspace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  type ResponsesFile, emptyResponses, isResponsesFile, parseResponses, responsesPathFor, serialiseResponses, withResponse,
} from '../../server/src/service/model/responses';
import { capSeverity } from '../../server/src/service/rules';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const SAMPLE: ResponsesFile = {
  version: 1,
  consultation: 'consultation-responses.txt',
  responses: {
    'q10-npower': { disposition: 'noted', response: 'Thank you.', respondent: 'Npower' },
    'q2-e-on': { disposition: 'accepted', clause: 'G8.44C', response: 'The double space is removed.', respondent: 'E.ON' },
    'q2-bryt-energy-limited': { disposition: 'rejected', response: 'The thresholds measure different risks.' },
  },
};

test('serialise: ids in natural order, fields in fixed order, two-space indent, final newline', () => {
  const text = serialiseResponses(SAMPLE);
  assert.ok(text.endsWith('}\n'));
  const ids = Object.keys(JSON.parse(text).responses);
  assert.deepEqual(ids, ['q2-bryt-energy-limited', 'q2-e-on', 'q10-npower']);
  assert.match(text, /^ {2}"version": 1,$/m);
  assert.ok(text.indexOf('"disposition"') < text.indexOf('"clause"') && text.indexOf('"clause"') < text.indexOf('"response": "The double'));
  // Same content in another insertion order → byte-identical text.
  const shuffled: ResponsesFile = { ...SAMPLE, responses: Object.fromEntries(Object.entries(SAMPLE.responses).reverse()) };
  assert.equal(serialiseResponses(shuffled), text);
});

test('parse ∘ serialise is the identity, and serialise ∘ parse keeps the text', () => {
  const text = serialiseResponses(SAMPLE);
  const parsed = parseResponses(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.file, SAMPLE);
  assert.equal(serialiseResponses(parsed.file), text);
});

test('withResponse adds or replaces one entry without touching the input', () => {
  const next = withResponse(SAMPLE, 'q2-e-on', { disposition: 'noted', response: 'Changed our mind.' });
  assert.equal(next.responses['q2-e-on'].disposition, 'noted');
  assert.equal(SAMPLE.responses['q2-e-on'].disposition, 'accepted');
  assert.equal(Object.keys(withResponse(emptyResponses('x.txt'), 'q1-a', { disposition: 'noted', response: 'ok' }).responses).length, 1);
});

test('broken JSON gives problems at the right line and column', () => {
  const text = '{\n  "version": 1,\n  "responses": {\n    "q1-a": { "disposition": "noted" "response": "x" }\n  }\n}\n';
  const { problems } = parseResponses(text);
  assert.ok(problems.length >= 1);
  assert.equal(problems[0].code, 'file-error');
  assert.equal(problems[0].range.start.line, 3);
  assert.equal(problems[0].range.start.character, text.split('\n')[3].indexOf('"response"'));
  assert.match(problems[0].message, /not valid JSON/);
});

test('invalid entries are named: bad disposition, accepted without clause, empty response, not an object', () => {
  const text = dedent(`
    {
      "version": 1,
      "consultation": "c.txt",
      "responses": {
        "q1-a": { "disposition": "maybe", "response": "x" },
        "q1-b": { "disposition": "accepted", "response": "changed" },
        "q1-c": { "disposition": "noted", "response": "  " },
        "q1-d": "yes",
        "q1-e": { "disposition": "out-of-scope", "response": "Not for this modification." }
      }
    }`);
  const { file, problems } = parseResponses(text);
  const messages = problems.map(p => `${p.range.start.line + 1} ${p.message}`);
  assert.equal(problems.length, 4, messages.join('\n'));
  assert.match(messages[0], /^5 .*"q1-a": "disposition" must be one of accepted, noted, rejected, out-of-scope/);
  assert.match(messages[1], /^6 .*"q1-b": an accepted comment must name the changed clause/);
  assert.match(messages[2], /^7 .*"q1-c": "response" must be a non-empty text/);
  assert.match(messages[3], /^8 .*the response to "q1-d" must be an object/);
  assert.deepEqual(Object.keys(file.responses), ['q1-e'], 'sound entries are still read');
});

test('wrong version, not an object, empty text, duplicate ids: problems, never a throw', () => {
  assert.match(parseResponses('{"version": 2, "responses": {}}').problems[0].message, /"version" must be 1/);
  assert.match(parseResponses('[1, 2]').problems[0].message, /expected a JSON object/);
  assert.equal(parseResponses('').problems.length, 1);
  assert.match(parseResponses('{"version":1,"responses":{"a":{"disposition":"noted","response":"x"},"a":{"disposition":"noted","response":"y"}}}').problems[0].message, /answered twice/);
  for (const junk of ['\u0000', '{', '{"responses": 5}', '\uFEFF{"version":1,"responses":{}}', '{"version":1,"responses":{"x":{"disposition":"accepted","clause":7,"response":"r"}}}']) {
    assert.doesNotThrow(() => parseResponses(junk));
  }
  assert.deepEqual(parseResponses('\uFEFF{"version":1,"responses":{}}').problems, [], 'a BOM is allowed');
});

test('file naming: <collation stem>.responses.json beside the collation', () => {
  assert.equal(responsesPathFor('file:///ws/cons/consultation-responses.txt'), 'file:///ws/cons/consultation-responses.responses.json');
  assert.equal(responsesPathFor('/a/b/collation.csv'), '/a/b/collation.responses.json');
  assert.equal(responsesPathFor('file:///ws/noext'), 'file:///ws/noext.responses.json');
  assert.ok(isResponsesFile('file:///ws/x.responses.json'));
  assert.ok(!isResponsesFile('file:///ws/consultation-responses.json'));
});

test('a responses file is not taken for a collation, and a broken one gets file-error on itself', () => {
  const text = '{ "version": 1, "responses": { "q1-a": { "disposition": "noted" } } }\n';
  const service = workspaceOf({ 'consultation-responses.responses.json': text });
  const uri = uriOf('consultation-responses.responses.json');
  assert.equal(workspaceIndexOf(service).model(uri)?.kind, 'other');
  assert.deepEqual(findingsOf(service, 'consultation-responses.responses.json'), [`1:${text.indexOf('{ "disposition"') + 1} file-error`], 'at the broken entry');
  assert.equal(service.getDiagnostics(uri)[0].severity, 'error');
});

test('capSeverity: a cap lowers, never raises, and ignore stays ignore', () => {
  assert.equal(capSeverity('error', 'information'), 'information');
  assert.equal(capSeverity('hint', 'information'), 'hint');
  assert.equal(capSeverity('ignore', 'information'), 'ignore');
  assert.equal(capSeverity('warning', undefined), 'warning');
  assert.equal(capSeverity('warning', 'bogus'), 'warning');
});

const CSV = 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,Why does Section G8.41 multiply by five?\n1,Bryt,Small Supplier,Reject,We disagree.\n';
const G8 = 'G8 USER SECURITY ASSURANCE\n\nG8.40 A party shall comply.\n\nG8.41 A party shall multiply by five.\n';
const GATE = { severity: { 'unanswered-comment': 'error' as const } };

test('unanswered-comment: off by default, an error on each comment row when the gate is on', () => {
  assert.deepEqual(findingsOf(workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8 }), 'consultation.csv', 'unanswered-comment'), []);
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8 }, GATE);
  assert.deepEqual(findingsOf(service, 'consultation.csv', 'unanswered-comment'), ['2:1 unanswered-comment', '3:1 unanswered-comment']);
  assert.ok(service.getDiagnostics(uriOf('consultation.csv')).every(d => d.code !== 'unanswered-comment' || d.severity === 'error'));
});

test('unanswered-comment on a linked clause is information only, and names the respondents', () => {
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8 }, GATE);
  const onClause = service.getDiagnostics(uriOf('g8.sec.txt')).filter(d => d.code === 'unanswered-comment');
  assert.equal(onClause.length, 1);
  assert.equal(onClause[0].severity, 'information');
  assert.equal(onClause[0].clause, 'G8.41');
  assert.match(onClause[0].message, /1 consultation comment on G8\.41 without a response: E\.ON\./);
});

test('a response in the file beside the collation answers the comment; a file beside another collation does not', () => {
  const answered = serialiseResponses(withResponse(emptyResponses('consultation.csv'), 'q1-e-on', { disposition: 'accepted', clause: 'G8.41', response: 'Explained.' }));
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8, 'consultation.responses.json': answered }, GATE);
  assert.deepEqual(findingsOf(service, 'consultation.csv', 'unanswered-comment'), ['3:1 unanswered-comment']);
  assert.deepEqual(findingsOf(service, 'g8.sec.txt', 'unanswered-comment'), []);
  // A responses file beside another collation does not answer this one.
  const elsewhere = workspaceOf({ 'consultation.csv': CSV, 'other.responses.json': answered }, GATE);
  assert.equal(findingsOf(elsewhere, 'consultation.csv', 'unanswered-comment').length, 2);
  // Editing the responses file updates the findings (the workspace re-reads it).
  service.setDocument({ uri: uriOf('consultation.responses.json'), version: 2, text: '{ broken' });
  assert.equal(findingsOf(service, 'consultation.csv', 'unanswered-comment').length, 2);
  const broken = findingsOf(service, 'consultation.responses.json');
  assert.ok(broken.length >= 1 && broken.every(s => s.endsWith(' file-error')), broken.join());
});

test('"Record response…" code actions on a comment row and on a linked clause, whatever the severity', () => {
  const service = workspaceOf({ 'consultation.csv': CSV, 'g8.sec.txt': G8 });
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  const row = service.getCodeActions(uriOf('consultation.csv'), at(2)).filter(a => a.command);
  assert.deepEqual(row.map(a => a.title), ['Record response to Bryt (Question 1)…']);
  assert.deepEqual(row[0].command!.arguments, [{ commentId: 'q1-bryt', consultationUri: uriOf('consultation.csv'), respondent: 'Bryt', question: '1' }]);
  assert.deepEqual(service.getCodeActions(uriOf('g8.sec.txt'), at(4)).filter(a => a.command).map(a => a.title), ['Record response to E.ON (Question 1)…']);
  assert.deepEqual(service.getCodeActions(uriOf('g8.sec.txt'), at(2)).filter(a => a.command), [], 'G8.40 has no comment');
  assert.deepEqual(service.getCodeActions(uriOf('consultation.csv'), at(2), ['source.fixAll']).filter(a => a.command), [], 'not offered for fix-all');
});
