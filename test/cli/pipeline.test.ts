// `secdraft check` in a pull request's pipeline: --report-only for the changed files, GitHub
// annotations, SARIF with help links, stable fingerprints and fixes, the baseline, and explain.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { secdraft, tempDir } from '../helpers/cli';

const SECTION_A = 'A1.1 In this Section:\n“Supplier Party” means a party that supplies.\n';
/** Section G uses a term defined only in Section A, and holds a double space. */
const SECTION_G = 'G8.1 Each Supplier Party shall act.\nG8.2 The  notice is given.\n';
const SECTION_H = 'H1.1 The  other slip is here.\n';

interface JsonReport {
  files: { path: string; diagnostics: { code: string; line: number; clause?: string }[] }[];
  summary: Record<string, number>;
  baselined?: number;
}

test('--report-only reads the whole workspace (terms defined elsewhere count) and reports the named files only', () => {
  const dir = tempDir({ 'a.sec.txt': SECTION_A, 'g.sec.txt': SECTION_G, 'h.sec.txt': SECTION_H, 'notes.md': '# not legal text\n' });
  const r = secdraft(['check', '--report-only', 'g.sec.txt', 'notes.md', 'deleted.sec.txt', '--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(report.files.map(f => f.path), ['g.sec.txt'], 'only the named legal file; a deleted or non-SEC file is no error');
  assert.deepEqual(report.files[0].diagnostics.map(d => d.code), ['double-space'], 'Supplier Party is defined in a.sec.txt, which was read');
  // Without the workspace, the term would be undefined: the flag really reads the rest.
  const alone = JSON.parse(secdraft(['check', 'g.sec.txt', '--format', 'json'], dir).stdout) as JsonReport;
  assert.ok(alone.files[0].diagnostics.some(d => d.code === 'undefined-term'));
  // A clean changed file passes even though another file has findings.
  fs.writeFileSync(path.join(dir, 'g.sec.txt'), SECTION_G.replace('The  notice', 'The notice'));
  assert.equal(secdraft(['check', '--report-only', 'g.sec.txt'], dir).code, 0);
  assert.equal(secdraft(['check', '--report-only'], dir).code, 2, '--report-only with no file is a usage error');
  const other = secdraft(['check', '--report-only', path.join(dir, 'h.sec.txt'), '--workspace', dir, '--format', 'json']);
  assert.deepEqual((JSON.parse(other.stdout) as JsonReport).files.map(f => path.basename(f.path)), ['h.sec.txt'], '--workspace names the folder read');
});

test('--format github prints one workflow command per finding, with escaped properties and message', () => {
  const dir = tempDir({ 'g, part: 1.sec.txt': 'G8.1 The  notice is given.\n(a) first 100% done\n' });
  const r = secdraft(['check', '--format', 'github', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.every(l => /^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/.test(l)), r.stdout);
  const ds = lines.find(l => l.includes('title=double-space'))!;
  assert.equal(ds, "::warning file=g%2C part%3A 1.sec.txt,line=1,col=9,endLine=1,endColumn=11,title=double-space::2 spaces between 'The' and 'notice'; use one. [G8.1]");
});

test('SARIF: helpUri and help from docs/rules, fingerprints that survive unrelated edits, and certain fixes', () => {
  const dir = tempDir({ 'g.sec.txt': SECTION_G, 'a.sec.txt': SECTION_A });
  const sarif = (): { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help?: { markdown: string } }[] } }; results: { ruleId: string; partialFingerprints?: Record<string, string>; fixes?: unknown[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] } =>
    JSON.parse(secdraft(['check', '--format', 'sarif', '.'], dir).stdout);
  const before = sarif();
  const rule = before.runs[0].tool.driver.rules.find(r => r.id === 'double-space')!;
  assert.match(rule.helpUri!, /^file:\/\/.*\/docs\/rules\/double-space\.md$/);
  assert.ok(fs.existsSync(new URL(rule.helpUri!)), 'the help link resolves on this machine');
  assert.match(rule.help!.markdown, /^# double-space/m);
  const ds = before.runs[0].results.find(r => r.ruleId === 'double-space')!;
  assert.ok(ds.partialFingerprints?.['secdraftFinding/v1']);
  assert.deepEqual(ds.fixes, [{
    description: { text: 'Replace with a single space' },
    artifactChanges: [{ artifactLocation: { uri: 'g.sec.txt', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 11 }, insertedContent: { text: ' ' } }] }],
  }]);
  // An unrelated edit above moves the finding down a line; its fingerprint does not change.
  fs.writeFileSync(path.join(dir, 'g.sec.txt'), 'G8.0 A new clause.\n' + SECTION_G);
  const after = sarif().runs[0].results.find(r => r.ruleId === 'double-space')!;
  assert.equal(after.locations[0].physicalLocation.region.startLine, ds.locations[0].physicalLocation.region.startLine + 1);
  assert.deepEqual(after.partialFingerprints, ds.partialFingerprints);
});

test('baseline: --update-baseline accepts today\'s findings; later runs report only new ones and say how many are baselined', () => {
  const dir = tempDir({ 'a.sec.txt': SECTION_A, 'g.sec.txt': SECTION_G });
  const first = secdraft(['check', '--update-baseline', '.'], dir);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /1 finding accepted in .*\.secdraft-baseline\.json/);
  const file = JSON.parse(fs.readFileSync(path.join(dir, '.secdraft-baseline.json'), 'utf8'));
  assert.deepEqual(file, { version: 1, findings: [{ path: 'g.sec.txt', code: 'double-space', clause: 'G8.2', text: 'The  notice', count: 1 }] });

  const clean = secdraft(['check', '.'], dir);
  assert.equal(clean.code, 0, clean.stdout);
  assert.match(clean.stderr, /1 finding accepted in the baseline \(\.secdraft-baseline\.json\) not reported/);

  // Edits elsewhere (a clause inserted above) keep the accepted finding matched; a new slip is reported.
  fs.writeFileSync(path.join(dir, 'g.sec.txt'), 'G8.0 A new  clause.\n' + SECTION_G);
  const r = secdraft(['check', '--format', 'json', '.'], dir);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(report.files.flatMap(f => f.diagnostics.map(d => `${d.code} ${d.clause}`)), ['double-space G8.0']);
  assert.equal(report.baselined, 1);

  // A broken baseline is an input error naming the file, never silently ignored.
  fs.writeFileSync(path.join(dir, '.secdraft-baseline.json'), '{"version": 1, "findings": [{"code": 3}]}');
  const broken = secdraft(['check', '.'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /\.secdraft-baseline\.json: finding 1 needs/);
});

test('baseline: updating from part of the workspace keeps the other files\' entries', () => {
  const dir = tempDir({ 'g.sec.txt': 'G8.1 The  notice.\n', 'h.sec.txt': SECTION_H });
  assert.equal(secdraft(['check', '--update-baseline', '.'], dir).code, 0);
  fs.writeFileSync(path.join(dir, 'g.sec.txt'), 'G8.1 The notice.\n');
  assert.equal(secdraft(['check', '--update-baseline', 'g.sec.txt', '--baseline', '.secdraft-baseline.json'], dir).code, 0);
  const file = JSON.parse(fs.readFileSync(path.join(dir, '.secdraft-baseline.json'), 'utf8'));
  assert.deepEqual(file.findings.map((f: { path: string }) => f.path), ['h.sec.txt']);
});

test('explain CODE prints the rule\'s page and where it is; explain lists every code; an unknown code is a usage error', () => {
  const r = secdraft(['explain', 'double-space']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# double-space/);
  assert.match(r.stdout, /## Why it matters/);
  assert.match(r.stdout.trim().split('\n').at(-1)!, /docs[/\\]rules[/\\]double-space\.md$/);
  const list = secdraft(['explain']);
  assert.match(list.stdout, /^unused-suppression +information +A suppression comment/m);
  const bad = secdraft(['explain', 'double-spaces']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown code "double-spaces"/);
});
