// The tracked changes of a Word legal text are the changes of that document (issue 21): the
// baseline holds each such document's text before its changes and every other legal file as it is.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriOf, workspaceOf } from '../helpers/fixtures';
import { trackedChangesBaseline } from '../../server/src/io/trackedChanges';
import { EditorChanges } from '../../server/src/lsp/editorChanges';
import { makeTempDir } from '../helpers/tempDir';

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

test('in the server (EditorChanges): tracked changes are the baseline until a compareTo is named, and again after', async () => {
  const dir = makeTempDir('sec-tracked-');
  try {
    fs.mkdirSync(path.join(dir, 'old'));
    fs.writeFileSync(path.join(dir, 'old', 'g8.sec.md'), BEFORE);
    const service = workspace();
    const warnings: string[] = [];
    const changes = new EditorChanges(service, () => dir, w => warnings.push(w));
    const settings = { legalGlobs: [], consultationGlobs: [], trusted: true };
    assert.equal(await changes.configure(settings), false);
    assert.equal(changes.wordRead(uriOf('Section G.docx'), BEFORE), true);
    assert.equal(service.getBaselineName(), 'the text before the tracked changes of Section G.docx');
    assert.equal(await changes.configure({ ...settings, compareTo: 'old' }), true);
    assert.equal(service.getBaselineName(), 'folder old');
    assert.equal(changes.wordRead(uriOf('Section G.docx'), BEFORE), false, 'a named compareTo wins');
    assert.equal(changes.refreshTracked(), false);
    assert.equal(service.getBaselineName(), 'folder old');
    assert.equal(await changes.configure(settings), true);
    assert.equal(service.getBaselineName(), 'the text before the tracked changes of Section G.docx');
    assert.equal(changes.wordRead(uriOf('Section G.docx'), undefined), true, 'its tracked changes gone (accepted in Word)');
    assert.equal(service.hasBaseline(), false);
    assert.deepEqual(warnings, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
