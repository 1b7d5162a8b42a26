// A `legalFiles` glob broad enough to match a collation ("**/*.txt") never makes respondents'
// words legal text: the file stays a collation (a note says the glob matched it), and
// `--fix` never edits it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';
import { createSecLanguageService } from '../../server/src/service';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const COLLATION = [
  'Question,Respondent,Category,Response,Text',
  '1,Acme Energy,Large Supplier,Disagree,"We think the the  drafting of Section G8.1 is unclear ,  and say so."',
  '',
].join('\n');

const LEGAL = 'G8 USER SECURITY\n\nG8.1 The User shall  comply.\n';

test('a collation matched by a legalFiles glob stays a collation, says so, and --fix leaves it untouched', () => {
  const dir = tempDir({
    '.secdraft.json': JSON.stringify({ legalFiles: ['**/*.txt'] }),
    'g8.txt': LEGAL,
    'feedback.txt': COLLATION,
  }, 'secdraft-glob-');
  const r = secdraft(['check', '.', '--fix', '--format', 'json'], dir);
  const report = JSON.parse(r.stdout) as { files: { path: string; kind: string; diagnostics: { code: string; severity: string; message: string }[] }[] };
  const collation = report.files.find(f => f.path.endsWith('feedback.txt'))!;
  assert.equal(collation.kind, 'consultation');
  const note = collation.diagnostics.find(d => d.code === 'file-error');
  assert.equal(note?.severity, 'information');
  assert.match(note!.message, /legalFiles pattern "\*\*\/\*\.txt" matches this file/);
  assert.equal(fs.readFileSync(path.join(dir, 'feedback.txt'), 'utf8'), COLLATION, "the respondent's words are not changed");
  assert.equal(report.files.find(f => f.path.endsWith('g8.txt'))!.kind, 'legal');
  assert.equal(fs.readFileSync(path.join(dir, 'g8.txt'), 'utf8'), LEGAL.replace('shall  comply', 'shall comply'), 'the legal text the glob names is still fixed');
});

test('the core: a legalFiles glob does not turn a collation into legal text, and gives it no certain fixes', () => {
  const service = createSecLanguageService({ legalGlobs: ['**/*.txt'] });
  const uri = 'file:///ws/feedback.txt';
  service.setDocument({ uri, version: 1, text: COLLATION });
  assert.equal(workspaceIndexOf(service).model(uri)!.kind, 'consultation');
  assert.ok(!service.getDiagnostics(uri).some(d => d.fixes?.length), 'no fix offered on respondent text');
});
