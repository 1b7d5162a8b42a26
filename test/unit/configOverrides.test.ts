// `.secdraft.json` "overrides" (per-glob severities, applied by the core: service/overrides.ts)
// and "ignores" (files never read: ignores.ts), issue 18.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { ConfigError, DEFAULT_CONFIG, OVERRIDE_KEYS, parseConfig } from '../../server/src/io/config';
import { withFolderConfigs } from '../../server/src/io/folderSettings';
import { settingsForUri, resolveSettings } from '../../server/src/service';
import { ignoreRulesOf, isIgnored } from '../../server/src/io/ignores';
import { mergeSettings } from '../../server/src/io/settings';
import { parseJsonc } from '../../server/src/io/configText';
import { findingsOf, workspaceOf } from '../helpers/fixtures';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'secdraft.schema.json'), 'utf8'));
const CONFIG = `{
  "severity": { "double-space": "warning" },
  // Old drafts: the double spaces are fixed when they are next modified.
  "overrides": [
    { "files": ["drafts/**"], "severity": { "double-space": "information" } },
    { "files": ["drafts/urgent/*.sec.txt"], "severity": { "double-space": "error" } },
  ],
  "ignores": ["archive/**", "*.bak.sec.txt"],
}`;
const BASE = pathToFileURL(path.resolve('/ws')).toString();

test('overrides and ignores are read; the globs are relative to the config\'s folder', () => {
  const config = parseConfig(CONFIG, '/ws/.secdraft.json');
  assert.deepEqual(config.settings.overrides, [
    { base: BASE, files: ['drafts/**'], severity: { 'double-space': 'information' } },
    { base: BASE, files: ['drafts/urgent/*.sec.txt'], severity: { 'double-space': 'error' } },
  ]);
  assert.deepEqual(config.ignores, ['archive/**', '*.bak.sec.txt']);
  assert.deepEqual(config.warnings, []);
});

test('a bad override names the file and the entry; an unknown key in one is a warning', () => {
  const bad: [unknown, RegExp][] = [
    [{ overrides: { files: ['a'] } }, /"overrides" must be a list/],
    [{ overrides: ['drafts/**'] }, /overrides\[0\] must be an object/],
    [{ overrides: [{ severity: { 'double-space': 'hint' } }] }, /overrides\[0\] needs "files"/],
    [{ overrides: [{ files: ['../other/**'] }] }, /"overrides\[0\]\.files" pattern "\.\.\/other\/\*\*" points outside the workspace/],
    [{ overrides: [{ files: ['a/**'], severity: { 'no-such-code': 'hint' } }] }, /unknown diagnostic code "no-such-code" in "overrides\[0\]\.severity"/],
    [{ overrides: [{ files: ['a/**'], severity: { 'double-space': 'loud' } }] }, /severity of "double-space" in "overrides\[0\]\.severity" must be/],
    [{ ignores: ['/etc/**'] }, /"ignores" pattern "\/etc\/\*\*" points outside the workspace/],
    [{ ignores: 'archive' }, /"ignores" must be a list of strings/],
  ];
  for (const [value, message] of bad) {
    assert.throws(() => parseConfig(JSON.stringify(value), 'ws/.secdraft.json'), (e: unknown) => e instanceof ConfigError && /^ws\/\.secdraft\.json: /.test((e as Error).message) && message.test((e as Error).message), JSON.stringify(value));
  }
  const config = parseConfig('{"overrides": [{"files": ["a/**"], "seververity": {}}]}', 'ws/.secdraft.json');
  assert.deepEqual(config.warnings, ['ws/.secdraft.json: unknown key "seververity" in overrides[0] (known keys: files, severity); ignored']);
});

test('settingsForUri: every matching override, later ones winning; the same settings when none matches', () => {
  const settings = resolveSettings(parseConfig(CONFIG, '/ws/.secdraft.json').settings);
  assert.equal(settingsForUri(settings, `${BASE}/g8.sec.txt`), settings);
  assert.equal(settingsForUri(settings, 'file:///elsewhere/drafts/g8.sec.txt'), settings, 'not below the config\'s folder');
  assert.equal(settingsForUri(settings, `${BASE}/drafts/g8.sec.txt`).severity['double-space'], 'information');
  assert.equal(settingsForUri(settings, `${BASE}/drafts/urgent/g8.sec.txt`).severity['double-space'], 'error');
  assert.equal(settings.severity['double-space'], 'warning', 'the workspace\'s settings are not changed');
  // Escapes differ between editors and Node ("%20", "%3A"): the paths are compared unescaped.
  const spaced = resolveSettings({ overrides: [{ base: 'file:///my%20ws', files: ['drafts/**'], severity: { 'double-space': 'hint' } }] });
  assert.equal(settingsForUri(spaced, 'file:///my ws/drafts/a.sec.txt').severity['double-space'], 'hint');
});

test('the core applies the overrides per file, in memory (fixture files live in file:///ws/)', () => {
  const { settings } = mergeSettings(parseConfig(CONFIG, '/ws/.secdraft.json'), { words: [] }, { severity: { 'double-space': 'hint' } });
  const text = 'G8.1 One  two.\n';
  const service = workspaceOf({ 'g8.sec.txt': text, 'drafts/g9.sec.txt': text, 'drafts/urgent/g10.sec.txt': text }, settings);
  const severityIn = (name: string) => service.getDiagnostics(`${BASE}/${name}`).find(d => d.code === 'double-space')?.severity;
  assert.deepEqual(['g8.sec.txt', 'drafts/g9.sec.txt', 'drafts/urgent/g10.sec.txt'].map(severityIn), ['warning', 'information', 'error']);
  // An override may switch a check off for some files only, and on again for fewer.
  const off = workspaceOf({ 'a.sec.txt': text, 'old/b.sec.txt': text }, { overrides: [{ base: BASE, files: ['old/**'], severity: { 'double-space': 'ignore' } }] });
  assert.deepEqual([findingsOf(off, 'a.sec.txt', 'double-space'), findingsOf(off, 'old/b.sec.txt', 'double-space')], [['1:9 double-space'], []]);
  const on = workspaceOf({ 'a.sec.txt': text, 'new/b.sec.txt': text }, { severity: { 'double-space': 'ignore' }, overrides: [{ base: BASE, files: ['new/**'], severity: { 'double-space': 'error' } }] });
  assert.deepEqual([findingsOf(on, 'a.sec.txt', 'double-space'), findingsOf(on, 'new/b.sec.txt', 'double-space')], [[], ['1:9 double-space']]);
});

test('isIgnored: globs relative to the config\'s folder; nothing outside it; none without "ignores"', () => {
  const rules = ignoreRulesOf(parseConfig(CONFIG, path.resolve('/ws/.secdraft.json')));
  const at = (p: string) => path.resolve('/ws', p);
  assert.equal(isIgnored(at('archive/2019/g8.sec.txt'), rules), true);
  assert.equal(isIgnored(at('archive'), rules), false, 'the folder itself is walked; its files are ignored');
  assert.equal(isIgnored(at('drafts/g8.bak.sec.txt'), rules), true, 'a glob without "/" matches at any depth');
  assert.equal(isIgnored(at('drafts/g8.sec.txt'), rules), false);
  assert.equal(isIgnored(path.resolve('/elsewhere/archive/g8.sec.txt'), rules), false);
  assert.equal(ignoreRulesOf(parseConfig('{}', '/ws/.secdraft.json')), undefined);
});

test('the schema knows overrides and ignores, with the keys the parser accepts', () => {
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate(parseJsonc(CONFIG)), JSON.stringify(validate.errors));
  assert.deepEqual(Object.keys(schema.properties.overrides.items.properties).sort(), [...OVERRIDE_KEYS].sort());
  assert.equal(validate({ overrides: [{ files: ['a/**'], severity: { 'no-such-code': 'hint' } }] }), false);
  assert.equal(validate({ overrides: [{ files: ['a/**'], seververity: {} }] }), false);
  assert.equal(validate({ ignores: 'archive' }), false);
});

test('multi-root: another folder\'s config becomes overrides for its files; shared configs apply once', () => {
  const primary = parseConfig('{"severity": {"double-space": "error"}, "words": ["Ofgem"]}', '/ws/.secdraft.json');
  const second = parseConfig('{"severity": {"stray-tab": "hint"}, "legalFiles": ["legal/*.txt"], "overrides": [{"files": ["x/**"], "severity": {"double-space": "ignore"}}]}', '/two/.secdraft.json');
  const client = { severity: { 'double-space': 'information' as const } };
  const merged = withFolderConfigs(mergeSettings(primary, { words: [] }, client), primary, [
    { folder: '/two', config: second, words: ['DCC'] },
    { folder: '/two/inner', config: second, words: ['DCC'] },
    { folder: '/ws/sub', config: primary, words: [] },
    { folder: '/three', config: { ...DEFAULT_CONFIG }, words: [] },
  ], client);
  const two = pathToFileURL(path.resolve('/two')).toString();
  const three = pathToFileURL(path.resolve('/three')).toString();
  assert.deepEqual(merged.settings.overrides, [
    // The first folder's "error" is not the second's: there the drafter's own setting applies.
    { base: two, files: ['**'], severity: { 'double-space': 'information', 'stray-tab': 'hint' } },
    { base: two, files: ['x/**'], severity: { 'double-space': 'ignore' } },
    { base: three, files: ['**'], severity: { 'double-space': 'information' } },
  ]);
  assert.deepEqual(merged.settings.words, ['Ofgem', 'DCC']);
  assert.deepEqual(merged.legalGlobs, ['legal/*.txt']);
  const settings = resolveSettings(merged.settings);
  assert.equal(settingsForUri(settings, `${BASE}/a.sec.txt`).severity['double-space'], 'error');
  assert.equal(settingsForUri(settings, `${two}/a.sec.txt`).severity['double-space'], 'information');
  assert.equal(settingsForUri(settings, `${two}/x/a.sec.txt`).severity['double-space'], 'ignore');
});
