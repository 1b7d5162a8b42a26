// The extension manifest and the rule table must agree: every code has a severity setting.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/service/rules/registry';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('every diagnostic code has a severity setting with its default', () => {
  const props = pkg.contributes.configuration.properties['secDrafting.severity'].properties;
  assert.deepEqual(Object.keys(props).sort(), RULES.map(r => r.code).sort());
  for (const r of RULES) assert.equal(props[r.code].default, r.defaultSeverity, r.code);
});

test('every setting declares its scope and every command its category', () => {
  for (const [name, p] of Object.entries<{ scope?: string }>(pkg.contributes.configuration.properties)) assert.ok(p.scope, `${name} has a scope`);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'SEC', c.command);
});

test('every diagnostic code is documented in the README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const r of RULES) assert.ok(readme.includes(`\`${r.code}\``), r.code);
});

test('engines.vscode accepts VS Code 1.100 and @types/vscode is not newer', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.match(pkg.devDependencies['@types/vscode'], /^1\.100\./);
});
