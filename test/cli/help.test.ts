// #18: `secdraft VERB --help` prints that verb's usage and exits 0 (it was a usage error, exit 2).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { secdraft } from '../helpers/cli';

for (const verb of ['check', 'report', 'index', 'comments', 'explain', 'lsp']) {
  test(`secdraft ${verb} --help prints its usage and exits 0`, () => {
    for (const flag of ['--help', '-h']) {
      const r = secdraft([verb, flag]);
      assert.equal(r.code, 0, `${verb} ${flag}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage:\\n  secdraft ${verb} `, 'm'), r.stdout);
      assert.doesNotMatch(r.stdout, new RegExp(`secdraft (?!${verb}\\b)(check|report|index|comments|explain|lsp)\\b`), 'only this verb');
      assert.equal(r.stderr, '');
    }
  });
}

test('secdraft help check is the same as secdraft check --help', () => {
  const r = secdraft(['help', 'check']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, secdraft(['check', '--help']).stdout);
});

test('--help after other options still helps (nothing is checked)', () => {
  const r = secdraft(['check', 'no-such-folder', '--format', 'json', '--help']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /--fail-on/);
});
