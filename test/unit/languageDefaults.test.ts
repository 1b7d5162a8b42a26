// Legal text reads well by default (issue 18): the extension contributes editor defaults for
// the `sec` language — wrapped lines, no boxes round ’ and ×, and clause numbers such as
// G8.44C and (a)(ii) kept whole by double-click and never split by wrapping.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const defaults: Record<string, unknown> = pkg.contributes.configurationDefaults?.['[sec]'] ?? {};

/** The words VS Code's word separators make of a text (what double-click selects). */
function words(text: string, separators: string): string[] {
  return text.split(new RegExp(`[\\s${separators.replace(/[\\\]^-]/g, '\\$&')}]+`)).filter(Boolean);
}

/**
 * Where VS Code's simple wrapping may break a line: after a "break after" character or before a
 * "break before" one (besides anywhere in a word longer than the line, which clause numbers are not).
 */
function breakOpportunities(text: string, after: string, before: string): number[] {
  const at: number[] = [];
  for (let i = 1; i < text.length; i++) if (after.includes(text[i - 1]) || before.includes(text[i])) at.push(i);
  return at;
}

test('sec files wrap, and ’ and × are not boxed as confusable characters', () => {
  assert.equal(defaults['editor.wordWrap'], 'on');
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
});

test('double-click keeps clause numbers and paragraph letters whole', () => {
  const separators = defaults['editor.wordSeparators'];
  assert.equal(typeof separators, 'string');
  const ws = words('in accordance with Section G8.44C(a)(ii), the Party’s “DCC”: see G8.43.', separators as string);
  assert.ok(ws.includes('G8.44C(a)(ii)'), JSON.stringify(ws));
  assert.ok(ws.includes('Party'), JSON.stringify(ws));
  assert.ok(ws.includes('DCC'), JSON.stringify(ws));
  assert.deepEqual(words('(a)(ii)', separators as string), ['(a)(ii)']);
});

test('wrapping never splits a clause number, but still breaks at spaces', () => {
  assert.equal(defaults['editor.wrappingStrategy'], 'simple', 'the "advanced" strategy ignores the break characters');
  const after = defaults['editor.wordWrapBreakAfterCharacters'];
  const before = defaults['editor.wordWrapBreakBeforeCharacters'];
  assert.equal(typeof after, 'string');
  assert.equal(typeof before, 'string');
  for (const number of ['G8.43', 'G8.44C', '(a)(ii)', 'G8.44C(a)(ii)', 'Section X2.1(b)']) {
    const inside = breakOpportunities(number, after as string, before as string).filter(i => number[i - 1] !== ' ');
    assert.deepEqual(inside, [], `${number} may break at ${inside.join(', ')}`);
  }
  assert.ok(breakOpportunities('see G8.43 and', after as string, before as string).length >= 2);
});

test('collations have a language of their own, chosen by the names the client sends to the server', () => {
  const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'sec-consultation');
  assert.ok(language, 'no sec-consultation language');
  const patterns: string[] = language.filenamePatterns;
  const matches = (name: string) => patterns.some(p => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(name));
  for (const name of ['consultation-responses.txt', 'SECMP0059 Consultation Responses.txt', 'collated-responses.txt']) assert.ok(matches(name), name);
  for (const name of ['section-g8.sec.txt', 'consultation-responses.responses.json', 'notes.txt']) assert.ok(!matches(name), name);
  assert.ok(pkg.activationEvents.includes('onLanguage:sec-consultation'));
  assert.equal(pkg.contributes.configurationDefaults['[sec-consultation]']['editor.wordWrap'], 'on');
});
