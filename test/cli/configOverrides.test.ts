// `.secdraft.json` "ignores" and "overrides" in `secdraft` (issue 18): globs relative to the
// config's folder, whichever folder the command names.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';

const DOUBLE = 'G8.1 One  two.\n';
const CONFIG = JSON.stringify({
  ignores: ['archive/**'],
  overrides: [{ files: ['drafts/**'], severity: { 'double-space': 'error' } }, { files: ['drafts/quiet.sec.txt'], severity: { 'double-space': 'ignore' } }],
});

function workspace(): string {
  return tempDir({ '.secdraft.json': CONFIG, 'a.sec.txt': DOUBLE, 'archive/old.sec.txt': DOUBLE, 'drafts/d.sec.txt': DOUBLE, 'drafts/quiet.sec.txt': DOUBLE });
}

interface Report { files: { path: string; diagnostics: { code: string; severity: string }[] }[] }
const severities = (report: Report) => Object.fromEntries(report.files.map(f => [f.path.split(path.sep).join('/'), f.diagnostics.map(d => d.severity)]));

test('a folder walk never reads ignored files; overrides set severities per file', () => {
  const dir = workspace();
  const r = secdraft(['check', '.', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(severities(JSON.parse(r.stdout)), { 'a.sec.txt': ['warning'], 'drafts/d.sec.txt': ['error'], 'drafts/quiet.sec.txt': [] });
  assert.equal(r.stderr, '', 'a file met in a folder and ignored is passed over without a word');
});

test('the globs are the config\'s, also when the command names a subfolder', () => {
  const dir = workspace();
  const r = secdraft(['check', '.', '--format', 'json'], path.join(dir, 'drafts'));
  assert.deepEqual(severities(JSON.parse(r.stdout)), { 'd.sec.txt': ['error'], 'quiet.sec.txt': [] });
  assert.equal(secdraft(['check', 'drafts', '--fail-on', 'error'], dir).code, 1, 'an override to error fails the check');
});

test('a named file that "ignores" matches is skipped, said once on stderr, and is no file problem', () => {
  const dir = workspace();
  const r = secdraft(['check', 'archive/old.sec.txt', 'a.sec.txt', 'archive/old.sec.txt', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(severities(JSON.parse(r.stdout)), { 'a.sec.txt': ['warning'] });
  assert.equal(r.stderr, `secdraft: skipped archive/old.sec.txt: "ignores" in ${path.join(dir, '.secdraft.json')} matches it\n`);
});

test('a bad override is an input error naming the file (exit 2)', () => {
  const dir = tempDir({ '.secdraft.json': JSON.stringify({ overrides: [{ files: ['a/**'], severity: { 'double-spaces': 'error' } }] }), 'a.sec.txt': DOUBLE });
  const r = secdraft(['check', '.'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.secdraft\.json: unknown diagnostic code "double-spaces" in "overrides\[0\]\.severity"/);
});
