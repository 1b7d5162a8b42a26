// The extension starts for a workspace whose legal text is Word only (issue 21): FILE.sec.docx or a
// .secdraft.json, never any .docx (that would start a language server in every folder holding a letter).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };

test('activation: a .sec.docx or a .secdraft.json starts the extension; a bare .docx does not', () => {
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.sec.docx'));
  assert.ok(pkg.activationEvents.includes('workspaceContains:.secdraft.json'));
  assert.ok(!pkg.activationEvents.some(e => /^workspaceContains:.*\*\.docx$/.test(e) && !e.endsWith('.sec.docx')));
});
