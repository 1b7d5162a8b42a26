// `secdraft check --format sarif` validates against the SARIF 2.1.0 JSON schema (shipped in
// test/fixtures: the OASIS 2.1.0 schema, final "rtm.5" revision, as carried by the npm package
// @microsoft/jest-sarif — no network), and the CI policy flags --fail-on / --max-warnings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO, secdraft, tempDir } from '../helpers/cli';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));

function validator() {
  // The published schema's "language" pattern has a stray "]" that only non-unicode regular
  // expressions accept, as the JSON Schema validators of its day used.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = ajv.compile(SCHEMA);
  // A plain predicate: the compiled type guard would narrow the parsed log to `unknown`.
  const validate = (data: unknown): boolean => compiled(data);
  return Object.assign(validate, { get errors() { return compiled.errors; } });
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
}

test('the schema validator rejects what is not SARIF (so a pass means something)', () => {
  const validate = validator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver without a name');
  assert.equal(validate({ version: '2.0.0', runs: [] }), false, 'wrong version');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false, 'bad level');
});

test('check --format sarif on examples/ validates against SARIF 2.1.0 and locates the double space in G8.44C', () => {
  const r = secdraft(['check', 'examples/', '--format', 'sarif']);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0];
  const rules: { id: string }[] = run.tool.driver.rules;
  assert.ok(rules.some(x => x.id === 'double-space') && rules.some(x => x.id === 'unanswered-comment'), 'rules come from the rule table');
  const ds = (run.results as SarifResult[]).find(x => x.ruleId === 'double-space')!;
  assert.equal(rules[ds.ruleIndex].id, 'double-space');
  assert.equal(ds.level, 'warning');
  assert.match(ds.message.text, /\[G8\.44C\]$/);
  const loc = ds.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'examples/secmp0059/section-g8.sec.txt');
  assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
  // Same place as the JSON report gives (1-based line and column, end exclusive).
  const json = JSON.parse(secdraft(['check', 'examples/', '--format', 'json']).stdout);
  const jd = json.files.find((f: { path: string }) => f.path.endsWith('section-g8.sec.txt')).diagnostics.find((d: { code: string }) => d.code === 'double-space');
  assert.deepEqual(loc.region, { startLine: jd.line, startColumn: jd.column, endLine: jd.endLine, endColumn: jd.endColumn });
});

test('sarif: error and information levels map to error and note; unreadable files become notifications', () => {
  const dir = tempDir({
    'a.sec.txt': 'G8.1 One  two.\n',
    '.secdraft.json': JSON.stringify({ severity: { 'double-space': 'error' } }),
    'b.sec.txt': Buffer.from([0, 1, 2, 0]),
  });
  const r = secdraft(['check', '.', '--format', 'sarif'], dir);
  assert.equal(r.code, 2, 'an unreadable file is an input error');
  const log = JSON.parse(r.stdout);
  assert.ok(validator()(log));
  assert.equal(log.runs[0].results[0].level, 'error');
  const inv = log.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.match(inv.toolExecutionNotifications[0].message.text, /b\.sec\.txt: binary file/);
  fs.writeFileSync(path.join(dir, '.secdraft.json'), JSON.stringify({ severity: { 'double-space': 'information' } }));
  fs.rmSync(path.join(dir, 'b.sec.txt'));
  const r2 = secdraft(['check', '.', '--format', 'sarif'], dir);
  assert.equal(r2.code, 0, 'information is below the default failure severity');
  assert.equal(JSON.parse(r2.stdout).runs[0].results[0].level, 'note');
});

test('CI policy: --max-warnings N fails above N warnings; --fail-on decides the severity', () => {
  const dir = tempDir({ 'a.sec.txt': 'G8.1 One  two  three.\n' });
  assert.equal(secdraft(['check', dir, '--fail-on', 'error']).code, 0);
  assert.equal(secdraft(['check', dir, '--fail-on', 'error', '--max-warnings', '2']).code, 0, 'two warnings allowed');
  assert.equal(secdraft(['check', dir, '--fail-on', 'error', '--max-warnings', '1']).code, 1, 'two warnings > 1');
  const bad = secdraft(['check', dir, '--max-warnings', 'lots']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings must be a whole number/);
});
