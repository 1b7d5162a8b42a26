// `secdraft changes` and `secdraft check --compare-to … --changed-only` against a baseline
// folder and a git revision (a temporary repository made in the test).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';

const CURRENT = `G8 USER SECURITY ASSESSMENTS

G8.1 The Panel shall  appoint the assessor.

G8.2 Each User shall pay the charges within ten days.

G8.3 The Security Sub-Committee may set procedures.

G8.4 A User shall notify the Panel of any change.

G8.5 Nothing in this Section G8 limits Section G8.4.
`;

// G8.2 changed, G8.3 deleted, G8.4 renumbered G8.3, G8.6 added; G8.5 now cites a missing G8.4.
const MODIFIED = `G8 USER SECURITY ASSESSMENTS

G8.1 The Panel shall  appoint the assessor.

G8.2 Each User shall pay the charges within twenty  days.

G8.3 A User shall notify the Panel of any change.

G8.5 Nothing in this Section G8 limits Section G8.4.

G8.6 The Panel shall publish each report.
`;

const EXPECTED = ['G8.2 changed', 'G8.3 renumbered G8.4', 'G8.6 added', 'G8.3 deleted G8.3'];

function listed(stdout: string): string[] {
  const json = JSON.parse(stdout) as { clauses: { id: string; status: string; baselineId?: string }[] };
  return json.clauses.map(c => `${c.id} ${c.status}${c.status === 'renumbered' || c.status === 'deleted' ? ` ${c.baselineId}` : ''}`);
}

test('secdraft changes against a baseline folder lists the clauses added, changed, renumbered and deleted', () => {
  const dir = tempDir({ 'now/g8.sec.md': MODIFIED, 'current/g8.sec.md': CURRENT });
  const r = secdraft(['changes', 'now', '--compare-to', 'current', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listed(r.stdout), EXPECTED);
  const text = secdraft(['changes', 'now', '--compare-to', 'current'], dir);
  assert.match(text.stdout, /G8\.2 {2}changed {2}now\/g8\.sec\.md:5\n {2}Each User shall pay the charges within \[-ten-\]\{\+twenty\+\} days\./);
  assert.match(text.stdout, /1 added, 1 changed, 1 renumbered, 1 deleted, 2 unchanged/);
});

test('a baseline file inside the checked folder is the old text, left out of the workspace', () => {
  const dir = tempDir({ 'g8.sec.md': MODIFIED, 'old/g8-current.sec.md': CURRENT });
  const r = secdraft(['changes', '.', '--compare-to', 'old/g8-current.sec.md', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listed(r.stdout), EXPECTED);
  assert.equal((JSON.parse(r.stdout) as { baseline: string }).baseline, 'file old/g8-current.sec.md');
});

test('secdraft changes against a git revision reads the text as committed', () => {
  const dir = tempDir({ 'sec/g8.sec.md': CURRENT, 'notes.txt': 'not legal text' });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'the current Code');
  git('tag', 'current');
  fs.writeFileSync(path.join(dir, 'sec/g8.sec.md'), MODIFIED);
  const r = secdraft(['changes', 'sec', '--compare-to', 'current', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listed(r.stdout), EXPECTED);
  assert.equal((JSON.parse(r.stdout) as { baseline: string }).baseline, 'git current');
  assert.match(r.stdout, /"baselinePath": "current:sec\/g8\.sec\.md"/);
  // An unknown revision is a usage error naming it.
  const bad = secdraft(['changes', 'sec', '--compare-to', 'no-such-rev'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"no-such-rev" is neither a folder nor a revision of the git repository/);
  // A "revision" that is a git option is refused, never passed on.
  const option = secdraft(['changes', 'sec', '--compare-to=--output=written.txt'], dir);
  assert.equal(option.code, 2);
  assert.ok(!fs.existsSync(path.join(dir, 'written.txt')));
});

test('check --changed-only drops findings of unchanged clauses and keeps those a change causes', () => {
  const dir = tempDir({ 'now/g8.sec.md': MODIFIED, 'current/g8.sec.md': CURRENT });
  const all = secdraft(['check', 'now', '--format', 'json'], dir);
  const some = secdraft(['check', 'now', '--compare-to', 'current', '--changed-only', '--format', 'json'], dir);
  const found = (stdout: string) => (JSON.parse(stdout) as { files: { diagnostics: { code: string; clause?: string }[] }[] }).files.flatMap(f => f.diagnostics.map(d => `${d.clause} ${d.code}`));
  assert.ok(found(all.stdout).includes('G8.1 double-space'));
  assert.ok(!found(some.stdout).includes('G8.1 double-space'), some.stdout);
  assert.ok(found(some.stdout).includes('G8.2 double-space'), some.stdout);
  // G8.5 is unchanged, but the G8.4 it cites was renumbered: the broken reference is kept.
  assert.ok(found(some.stdout).includes('G8.5 broken-reference'), some.stdout);
  assert.ok(!found(some.stdout).includes('G8.5 undefined-term'), some.stdout);
  assert.deepEqual((JSON.parse(some.stdout) as { changedOnly: unknown }).changedOnly, { comparedWith: 'folder current', leftOut: found(all.stdout).length - found(some.stdout).length });
  assert.match(some.stderr, /findings? of clauses unchanged since folder current not reported/);
});

test('--changed-only without a baseline is a usage error; "compareTo" in .secdraft.json is one', () => {
  const dir = tempDir({ 'now/g8.sec.md': MODIFIED, 'current/g8.sec.md': CURRENT });
  const r = secdraft(['check', 'now', '--changed-only'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--changed-only needs a baseline to compare with/);
  fs.writeFileSync(path.join(dir, '.secdraft.json'), JSON.stringify({ compareTo: 'current', changedOnly: true }));
  const configured = secdraft(['check', 'now', '--format', 'json'], dir);
  assert.match(configured.stdout, /"comparedWith": "folder current"/);
  // The findings baseline keeps its own --baseline FILE meaning alongside.
  const accepted = secdraft(['check', 'now', '--update-baseline', '--baseline', 'accepted.json'], dir);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.ok(fs.existsSync(path.join(dir, 'accepted.json')));
});

test('the report gets a "Changes" part: each changed clause with its word diff, findings and comments', () => {
  const dir = tempDir({
    'now/g8.sec.md': MODIFIED.replace('twenty  days', 'twenty  days <script>x</script>'),
    'now/consultation-responses.csv': 'question,respondent,category,response,text\n1,E.ON,Large Supplier,Approve,"Why does G8.2 now allow twenty days?"\n',
    'current/g8.sec.md': CURRENT,
  });
  const md = secdraft(['report', 'now', '--compare-to', 'current'], dir);
  assert.ok(md.code === 1, md.stderr);
  const part = md.stdout.slice(md.stdout.indexOf('## Changes'), md.stdout.indexOf('## Clauses'));
  assert.match(part, /Compared with folder current: 1 added, 1 changed, 1 renumbered, 1 deleted, 2 unchanged\./);
  assert.match(part, /### G8\.2 changed/);
  assert.match(part, /~~ten~~ \*\*twenty\*\*/);
  assert.match(part, /`double-space`/);
  assert.match(part, /Why does G8\.2 now allow twenty days\?/);
  assert.match(part, /### G8\.3 renumbered from G8\.4/);
  assert.match(part, /### G8\.3 deleted[^]*~~The Security Sub-Committee may set procedures\.~~/);
  const html = path.join(dir, 'report.html');
  secdraft(['report', 'now', '--compare-to', 'current', '--out', html], dir);
  const page = fs.readFileSync(html, 'utf8');
  assert.match(page, /<h2>Changes<\/h2>/);
  assert.match(page, /<del class="change">ten<\/del><ins class="change">twenty/);
  assert.ok(!page.includes('<script>x'), 'drafted text is escaped');
  // Without a baseline the report has no Changes part.
  assert.doesNotMatch(secdraft(['report', 'now'], dir).stdout, /## Changes/);
});
