// `.secdraft.json` is JSON with comments, validated in the editor by a contributed JSON Schema
// (issue 18). The schema and the parser must agree on every key and diagnostic code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CONFIG_KEYS, ConfigError, parseConfig } from '../../server/src/io/config';
import { parseJsonc } from '../../server/src/io/configText';
import { RULES } from '../../server/src/service/rules/registry';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'secdraft.schema.json'), 'utf8'));

const COMMENTED = `{
  // Proper names the Working Group agreed are not defined terms.
  "words": ["Secretary of State", "Ofgem",],
  /* SECMP0059: the double space is fixed in the next release. */
  "severity": { "double-space": "information" },
  "failOn": "error",
}
`;

test('comments and trailing commas are allowed, and the values read as written', () => {
  const config = parseConfig(COMMENTED, 'ws/.secdraft.json');
  assert.deepEqual(config.settings.words, ['Secretary of State', 'Ofgem']);
  assert.deepEqual(config.settings.severity, { 'double-space': 'information' });
  assert.equal(config.failOn, 'error');
  assert.deepEqual(config.warnings, []);
});

test('a syntax error names the file, the line and the column', () => {
  assert.throws(() => parseConfig('{\n  "words": ["a"]\n  "failOn": "error"\n}', 'ws/.secdraft.json'),
    (e: unknown) => e instanceof ConfigError && /ws\/\.secdraft\.json: not valid JSON \(line 3, column 3: CommaExpected\)/.test((e as Error).message));
});

test('keys are own data, as JSON.parse makes them: "__proto__" reaches no prototype', () => {
  const value = parseJsonc('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
  assert.deepEqual(Object.keys(value), ['__proto__', 'a']);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('the schema lists exactly the keys and diagnostic codes the parser accepts', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), RULES.map(r => r.code).sort());
  for (const r of RULES) assert.equal(schema.properties.severity.properties[r.code].default, r.defaultSeverity, r.code);
});

test('the schema accepts a commented config and rejects a misspelt key; VS Code is told to use it', () => {
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate(parseJsonc(COMMENTED)), JSON.stringify(validate.errors));
  assert.equal(validate({ legalFile: ['*.txt'] }), false);
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.secdraft.json', url: './schemas/secdraft.schema.json' }]);
  assert.ok(pkg.contributes.languages.some((l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.secdraft.json')));
  assert.ok(pkg.files.includes('schemas/'));
});
