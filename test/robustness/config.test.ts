// Configuration is data only, and it cannot reach outside the workspace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../server/src/config';
import { tempDir } from '../helpers/cli';

function workspace(files: Record<string, string>): string {
  return tempDir(files, 'secdraft-config-');
}

test('a word file inside the workspace is read; one outside is refused with the file named', () => {
  const dir = workspace({ 'ws/sec-words.txt': '# proper names\nSecretary of State\n\nEngland and Wales\n', 'outside.txt': 'Leak\n' });
  fs.writeFileSync(path.join(dir, 'ws', '.secdraft.json'), JSON.stringify({ wordFiles: ['sec-words.txt'] }));
  assert.deepEqual(loadConfig(path.join(dir, 'ws', '.secdraft.json')).settings.words, ['Secretary of State', 'England and Wales']);
  fs.writeFileSync(path.join(dir, 'ws', '.secdraft.json'), JSON.stringify({ wordFiles: ['../outside.txt'] }));
  assert.throws(() => loadConfig(path.join(dir, 'ws', '.secdraft.json')), (e: unknown) =>
    e instanceof ConfigError && /\.secdraft\.json: word file "\.\.\/outside\.txt" lies outside the workspace; refused/.test((e as Error).message));
});

test('file patterns that point outside the workspace are refused', () => {
  for (const pattern of ['/etc/**', '../other/**', 'a/../../b/*.txt', '~/secrets/*', 'C:/Windows/*.txt']) {
    assert.throws(() => parseConfig(JSON.stringify({ consultationFiles: [pattern] }), '.secdraft.json'), /points outside the workspace; refused/, pattern);
  }
  assert.deepEqual(parseConfig(JSON.stringify({ legalFiles: ['legal/**/*.txt'] }), '.secdraft.json').legalGlobs, ['legal/**/*.txt']);
});

test('the config is data: unknown codes, wrong types and prototype keys are errors, not behaviour', () => {
  const bad: [string, RegExp][] = [
    ['{"severity": {"__proto__": "error"}}', /unknown diagnostic code "__proto__"/],
    ['{"severity": {"double-space": "loud"}}', /severity of "double-space" must be/],
    ['{"words": "Secretary of State"}', /"words" must be a list of strings/],
    ['{"failOn": "ignore"}', /"failOn" must be/],
    ['[1, 2]', /expected a JSON object/],
    ['module.exports = {}', /not valid JSON/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseConfig(text, 'x/.secdraft.json'), message, text);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
