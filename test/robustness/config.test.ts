// Configuration is data only, and it cannot reach outside the workspace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, loadConfig, parseConfig } from '../../server/src/io/config';
import { workspaceWordList } from '../../server/src/io/wordList';
import { secdraft, tempDir } from '../helpers/cli';
import { startServer } from '../helpers/lspClient';

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

test('unknown keys and wrong value types are warnings naming the key, with the nearest known key', () => {
  const config = parseConfig(JSON.stringify({ legalFile: ['**/*.txt'], failon: 'error', colour: 'blue', allowDoubleSpaceAfterSentence: 'yes', linkThreshold: '0.5', words: ['Authority'] }), 'x/.secdraft.json');
  assert.deepEqual(config.warnings, [
    'x/.secdraft.json: unknown key "legalFile" (did you mean "legalFiles"?); ignored',
    'x/.secdraft.json: unknown key "failon" (did you mean "failOn"?); ignored',
    'x/.secdraft.json: unknown key "colour" (known keys: severity, failOn, words, wordFiles, legalFiles, consultationFiles, allowDoubleSpaceAfterSentence, linkThreshold, compareTo, changedOnly, ignores, overrides); ignored',
    'x/.secdraft.json: "allowDoubleSpaceAfterSentence" must be true or false, not "yes"; ignored',
    'x/.secdraft.json: "linkThreshold" must be a number, not "0.5"; ignored',
  ]);
  assert.deepEqual(config.settings.words, ['Authority'], 'the rest of the config still applies');
  assert.deepEqual(parseConfig('{"$schema": "x", "failOn": "error"}', '.secdraft.json').warnings, []);
});

test('the CLI shows config warnings on stderr and still checks (not an input error)', () => {
  const dir = workspace({ '.secdraft.json': JSON.stringify({ legalFile: ['*.txt'] }), 'g8.sec.txt': 'G8.1 Text.\n' });
  const r = secdraft(['check', '.'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /secdraft: warning: .*\.secdraft\.json: unknown key "legalFile" \(did you mean "legalFiles"\?\); ignored/);
});

test('the language server shows config warnings to the user', async () => {
  const dir = workspace({ '.secdraft.json': JSON.stringify({ legalFile: ['*.txt'] }), 'g8.sec.txt': 'G8.1 Text.\n' });
  const client = await startServer({ rootPath: dir });
  try {
    const shown = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message shown')), 20_000);
      // A notification (window/showMessage), never a request that waits for an answer (issue 18).
      client.connection.onNotification('window/showMessage', (p: { message: string }) => {
        if (/legalFile/.test(p.message)) {
          clearTimeout(timer);
          resolve(p.message);
        }
      });
    });
    assert.match(shown, /unknown key "legalFile" \(did you mean "legalFiles"\?\)/);
  } finally {
    await client.close();
  }
});

test('a client that cannot show messages gets the warning in its log, and the server keeps serving', async () => {
  const dir = workspace({ '.secdraft.json': JSON.stringify({ legalFile: ['*.txt'] }), 'g8.sec.txt': 'G8.1 Text.\n' });
  const client = await startServer({ rootPath: dir }); // answers no window/showMessageRequest
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no log message')), 20_000);
      client.connection.onNotification('window/logMessage', (p: { message: string }) => {
        if (/unknown key "legalFile"/.test(p.message)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const uri = `file://${dir}/g8.sec.txt`;
    await client.open(uri, 'G8 PART\n\nG8.1 Text.\n');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'still answering');
    assert.equal(client.process.exitCode, null);
  } finally {
    await client.close();
  }
});

test('a word file that is a symbolic link to a file outside the workspace is refused, named or by default', () => {
  const dir = workspace({ 'outside.txt': 'Leak\n', 'ws/g8.sec.txt': 'G8.1 Leak happens.\n' });
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'ws', 'words.txt'));
  fs.writeFileSync(path.join(dir, 'ws', '.secdraft.json'), JSON.stringify({ wordFiles: ['words.txt'] }));
  assert.throws(() => loadConfig(path.join(dir, 'ws', '.secdraft.json')), /word file "words\.txt" lies outside the workspace; refused/);

  // The default list, sec-words.txt: not read, and not offered to the quick fix to write to.
  fs.rmSync(path.join(dir, 'ws', '.secdraft.json'));
  fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'ws', 'sec-words.txt'));
  assert.deepEqual(workspaceWordList(path.join(dir, 'ws'), DEFAULT_CONFIG), { words: [] });
  fs.rmSync(path.join(dir, 'ws', 'sec-words.txt'));
  fs.symlinkSync(path.join(dir, 'not-yet.txt'), path.join(dir, 'ws', 'sec-words.txt')); // dangling: would create a file outside
  assert.deepEqual(workspaceWordList(path.join(dir, 'ws'), DEFAULT_CONFIG), { words: [] });

  // A link that stays inside the workspace is fine.
  fs.writeFileSync(path.join(dir, 'ws', 'real-words.txt'), 'Inside\n');
  fs.writeFileSync(path.join(dir, 'ws', '.secdraft.json'), JSON.stringify({ wordFiles: ['linked.txt'] }));
  fs.symlinkSync(path.join(dir, 'ws', 'real-words.txt'), path.join(dir, 'ws', 'linked.txt'));
  assert.deepEqual(loadConfig(path.join(dir, 'ws', '.secdraft.json')).settings.words, ['Inside']);
});
