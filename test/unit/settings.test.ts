// The one settings merge (server/src/io/settings.ts) the server and the CLI both use.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mergeSettings, settingsIn } from '../../server/src/io/settings';
import { DEFAULT_CONFIG, type SecConfig } from '../../server/src/io/config';

const repo: SecConfig = {
  ...DEFAULT_CONFIG,
  settings: { severity: { 'double-space': 'error' }, words: ['Smart Metering Key Infrastructure'], linkThreshold: 0.4 },
  legalGlobs: ['legal/**'],
  consultationGlobs: ['responses/**'],
};

test('the CLI: .secdraft.json and the word list, nothing personal, no place to add words', () => {
  const merged = mergeSettings(repo, { words: ['DCC Live'] });
  assert.deepEqual(merged.settings.words, ['Smart Metering Key Infrastructure', 'DCC Live']);
  assert.deepEqual(merged.settings.severity, { 'double-space': 'error' });
  assert.equal(merged.settings.linkThreshold, 0.4);
  assert.equal(merged.settings.wordListUri, undefined);
  assert.deepEqual([merged.legalGlobs, merged.consultationGlobs], [['legal/**'], ['responses/**']]);
});

test('the editor: personal settings over the repository, except severities, where the repository wins', () => {
  const merged = mergeSettings(repo, { uri: 'file:///ws/sec-words.txt', words: ['DCC Live'] }, {
    severity: { 'double-space': 'hint', 'stray-tab': 'ignore' },
    words: ['Mine'],
    linkThreshold: 0.7,
    allowDoubleSpaceAfterSentence: true,
    legalFiles: ['drafts/*.txt'],
    consultationFiles: ['mine/*.csv'],
  });
  assert.deepEqual(merged.settings.severity, { 'double-space': 'error', 'stray-tab': 'ignore' });
  assert.deepEqual(merged.settings.words, ['Smart Metering Key Infrastructure', 'DCC Live', 'Mine']);
  assert.equal(merged.settings.linkThreshold, 0.7);
  assert.equal(merged.settings.allowDoubleSpaceAfterSentence, true);
  assert.equal(merged.settings.wordListUri, 'file:///ws/sec-words.txt');
  assert.deepEqual([merged.legalGlobs, merged.consultationGlobs], [['legal/**', 'drafts/*.txt'], ['responses/**', 'mine/*.csv']]);
});

test('settingsIn: under secDrafting or flat; a pushed notification only under secDrafting', () => {
  assert.deepEqual(settingsIn({ secDrafting: { words: ['A'] } }), { words: ['A'] });
  assert.deepEqual(settingsIn({ words: ['A'] }), { words: ['A'] });
  assert.equal(settingsIn({ words: ['A'] }, true), undefined);
  assert.equal(settingsIn(null), undefined);
  assert.equal(settingsIn(['x']), undefined);
});
