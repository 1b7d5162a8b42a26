// The tracked changes of a Word legal text are the changes of that document (issue 21): the
// baseline holds each such document's text before its changes and every other legal file as it is.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { uriOf, workspaceOf } from '../helpers/fixtures';
import { trackedChangesBaseline } from '../../server/src/trackedChanges';

const AFTER = `G8 USER SECURITY ASSURANCE

G8.39 A Supplier Party which supplies more than 300,000 Domestic Premises shall be assessed.

G8.40 Each Supplier Party shall pay the annual fee.
`;
const BEFORE = AFTER.replace('300,000', '250,000').replace('\nG8.40 Each Supplier Party shall pay the annual fee.\n', '');
const OTHER = `H1 OTHER SECTION

H1.1 The Panel shall meet.
`;

function workspace() {
  const service = workspaceOf({ 'h1.sec.md': OTHER, 'notes.txt': 'not legal text' });
  service.setDocument({ uri: uriOf('Section G.docx'), version: 1, text: AFTER, languageId: 'sec' });
  return service;
}

test('no Word document with tracked changes: no baseline', () => {
  assert.equal(trackedChangesBaseline(workspace(), new Map()), undefined);
  assert.equal(trackedChangesBaseline(workspace(), new Map([[uriOf('gone.docx'), BEFORE]])), undefined, 'a document no longer in the workspace');
});

test('the baseline: the Word document before its changes, every other legal file as it is (unchanged)', () => {
  const service = workspace();
  const tracked = trackedChangesBaseline(service, new Map([[uriOf('Section G.docx'), BEFORE]]))!;
  assert.equal(tracked.label, 'the text before the tracked changes of Section G.docx');
  assert.deepEqual(tracked.docs.map(d => [d.uri, d.text === BEFORE ? 'before' : d.text === OTHER ? 'other' : d.text]).sort(), [
    [uriOf('Section G.docx'), 'before'],
    [uriOf('h1.sec.md'), 'other'],
  ]);
  service.setBaseline(tracked.docs, tracked.label);
  const changes = service.getChanges()!;
  assert.deepEqual(changes.clauses.filter(c => c.status !== 'unchanged').map(c => `${c.id} ${c.status}`), ['G8.39 changed', 'G8.40 added']);
  assert.equal(changes.counts.unchanged, 1, 'H1.1 is unchanged');
});
