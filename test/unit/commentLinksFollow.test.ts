// A clause named in a consultation comment is renumbered: the respondent's words are not edited,
// and the comment's link follows, through `renamedClauses` in the collation's responses file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { applyWorkspaceEdit } from '../helpers/applyFixes';
import { RENUMBER_COMMANDS } from '../../server/src/service/features/renumber';
import { composeRenames, parseResponses, serialiseResponses, withResponse } from '../../server/src/service/model/responses';

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  G8.44 Where a Supplier Party exceeds the threshold in Section G8.44A, it shall be assessed.

  G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises shall be assessed.

  G8.44B A Non-Domestic Supplier shall be subject to the cycle in Section G8.44.

  G8.44C For the avoidance of doubt, a Supplier Party to which Section G8.44B applies shall be assessed.

  G8.45 The Panel shall review Sections G8.44A to G8.44C.
`);

const COLLATION = dedent(`
  Question 1: Do you agree with the changes?

  Respondent | Category | Response | Rationale
  Acme Energy | Large Supplier | Yes | We agree with G8.44C as drafted, and with Sections G8.44A to G8.44C as a whole.
`);

const OTHER_COLLATION = dedent(`
  Question 1: Do you agree with the changes?

  Respondent | Category | Response | Rationale
  Beta Power | Small Supplier | Yes | We agree with G8.45 as drafted.
`);

const ANSWERED = dedent(`
  {
    "version": 1,
    "consultation": "consultation-responses.txt",
    "responses": {
      "q1-acme-energy": {
        "disposition": "noted",
        "response": "Thank you.",
        "respondent": "Acme Energy"
      }
    }
  }
`);

const G8_URI = uriOf('g8.sec.txt');
const lineOf = (text: string, start: string) => text.split('\n').findIndex(l => l.startsWith(start));
const at44C = { line: lineOf(G8, 'G8.44C'), character: 2 };

function explicitClauses(files: Record<string, string>): string[] {
  const service = workspaceOf(files);
  return service.getComments().flatMap(e => e.links.filter(l => l.kind === 'explicit').map(l => `${e.comment.respondent}→${l.clause}`)).sort();
}

test('renaming G8.44C records the rename beside the collation that names it, and the comment’s links follow', () => {
  const files = { 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION, 'other-responses.txt': OTHER_COLLATION };
  const before = explicitClauses(files);
  assert.deepEqual(before, ['Acme Energy→G8.44A', 'Acme Energy→G8.44B', 'Acme Energy→G8.44C', 'Beta Power→G8.45']);
  const service = workspaceOf(files);
  const edit = service.rename(G8_URI, at44C, 'G8.44D')!;
  assert.ok(edit.documentChanges, 'a new responses file is created, so the edit has document changes');
  assert.deepEqual(edit.documentChanges!.filter(c => 'kind' in c), [{ kind: 'create', uri: uriOf('consultation-responses.responses.json'), options: { ignoreIfExists: true } }]);
  const after = applyWorkspaceEdit(files, edit);
  assert.equal(after['consultation-responses.txt'], COLLATION, 'the respondent’s words are not edited');
  assert.equal(after['other-responses.responses.json'], undefined, 'a collation that does not name the clause is not touched');
  assert.deepEqual(JSON.parse(after['consultation-responses.responses.json']).renamedClauses, { 'G8.44C': 'G8.44D' });
  assert.deepEqual(explicitClauses(after), ['Acme Energy→G8.44A', 'Acme Energy→G8.44B', 'Acme Energy→G8.44D', 'Beta Power→G8.45']);
  assert.deepEqual(findingsOf(workspaceOf(after), 'consultation-responses.txt', 'unknown-clause'), []);
  // Without the record, the old number would be unknown: the test can fail.
  const { 'consultation-responses.responses.json': _dropped, ...unrecorded } = after;
  assert.equal(findingsOf(workspaceOf(unrecorded), 'consultation-responses.txt', 'unknown-clause').length, 2);
});

test('an existing responses file keeps every response and gains the rename; a second rename moves it on', () => {
  const files = { 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION, 'consultation-responses.responses.json': ANSWERED };
  const once = applyWorkspaceEdit(files, workspaceOf(files).rename(G8_URI, at44C, 'G8.44D')!);
  const parsed = parseResponses(once['consultation-responses.responses.json']);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.file.responses, parseResponses(ANSWERED).file.responses);
  assert.deepEqual(parsed.file.renamedClauses, { 'G8.44C': 'G8.44D' });
  const twice = applyWorkspaceEdit(once, workspaceOf(once).rename(G8_URI, at44C, 'G8.44E')!);
  assert.deepEqual(JSON.parse(twice['consultation-responses.responses.json']).renamedClauses, { 'G8.44C': 'G8.44E' });
  assert.deepEqual(explicitClauses(twice), ['Acme Energy→G8.44A', 'Acme Energy→G8.44B', 'Acme Energy→G8.44E']);
});

test('inserting with "renumber the rest" records every moved clause a comment names; go to definition follows', () => {
  const files = { 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION };
  const answer = workspaceOf(files).executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: 'G8.44', renumberRest: true }]);
  assert.ok(answer && 'ok' in answer);
  const after = applyWorkspaceEdit(files, answer.ok);
  assert.deepEqual(JSON.parse(after['consultation-responses.responses.json']).renamedClauses, { 'G8.44A': 'G8.46', 'G8.44B': 'G8.47', 'G8.44C': 'G8.48', 'G8.45': 'G8.49' }, 'every moved number, named or not');
  assert.deepEqual(explicitClauses(after), ['Acme Energy→G8.46', 'Acme Energy→G8.47', 'Acme Energy→G8.48']);
  const service = workspaceOf(after);
  const line = lineOf(after['consultation-responses.txt'], 'Acme');
  const definition = service.getDefinition(uriOf('consultation-responses.txt'), { line, character: after['consultation-responses.txt'].split('\n')[line].indexOf('G8.44C') + 2 });
  assert.deepEqual(definition.map(l => l.range.start.line), [lineOf(after['g8.sec.txt'], 'G8.48')]);
});

test('a broken responses file refuses the renumbering, with the reason, and is never overwritten', () => {
  const files = { 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION, 'consultation-responses.responses.json': '{ "version": 1, "responses": { ' };
  const service = workspaceOf(files);
  assert.equal(service.rename(G8_URI, at44C, 'G8.44D'), null);
  assert.match(service.renameRefusal(G8_URI, at44C, 'G8.44D')!, /consultation-responses\.responses\.json is broken \(line 1: .*\) — fix it first/);
});

test('renamedClauses is read, checked and written back in a fixed order', () => {
  const text = '{"version":1,"consultation":"c.txt","renamedClauses":{"G8.45":"G8.46","G8.44C":"G8.44D"},"responses":{}}';
  const parsed = parseResponses(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(serialiseResponses(parsed.file), '{\n  "version": 1,\n  "consultation": "c.txt",\n  "renamedClauses": {\n    "G8.44C": "G8.44D",\n    "G8.45": "G8.46"\n  },\n  "responses": {}\n}\n');
  assert.equal(serialiseResponses(parseResponses('{"version":1,"consultation":"c.txt","responses":{}}').file), '{\n  "version": 1,\n  "consultation": "c.txt",\n  "responses": {}\n}\n', 'absent when nothing was renumbered');
  const bad = parseResponses('{"version":1,"renamedClauses":{"G8.44C":"soon"},"responses":{}}');
  assert.match(bad.problems[0].message, /maps a clause number to a clause number/);
  assert.match(parseResponses('{"version":1,"renamedClauses":[],"responses":{}}').problems[0].message, /"renamedClauses" must be an object/);
});

test('renames compose: a moved number moves on, an unmoved one starts to, a number back home is dropped', () => {
  assert.deepEqual(composeRenames(undefined, new Map([['G8.45', 'G8.46'], ['G8.46', 'G8.47']])), { 'G8.45': 'G8.46', 'G8.46': 'G8.47' });
  assert.deepEqual(composeRenames({ 'G8.44C': 'G8.44D' }, new Map([['G8.44D', 'G8.44E']])), { 'G8.44C': 'G8.44E' });
  assert.deepEqual(composeRenames({ 'G8.44C': 'G8.44D' }, new Map([['G8.44D', 'G8.44C']])), {});
  assert.deepEqual(composeRenames({ 'G8.45': 'G8.46', 'G8.46': 'G8.47' }, new Map([['G8.46', 'G8.48'], ['G8.47', 'G8.49']])), { 'G8.45': 'G8.48', 'G8.46': 'G8.49' });
});

test('recording a response keeps the renames', () => {
  const parsed = parseResponses('{"version":1,"consultation":"c.txt","renamedClauses":{"G8.44C":"G8.44D"},"responses":{}}');
  const written = serialiseResponses(withResponse(parsed.file, 'q1-acme', { disposition: 'noted', response: 'Thank you.' }));
  assert.deepEqual(JSON.parse(written).renamedClauses, { 'G8.44C': 'G8.44D' });
  assert.deepEqual(Object.keys(JSON.parse(written).responses), ['q1-acme']);
});
