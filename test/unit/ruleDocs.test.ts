// Every diagnostic code has its page in docs/rules, with the sections a user looks for, and the
// rule table, the pages and package.json's severity enum name the same codes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/service/rules/registry';
import { ruleDocHref, ruleDocsDir } from '../../server/src/io/ruleDocs';
import { findingsOf, workspaceOf } from '../helpers/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const docs = path.join(root, 'docs', 'rules');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const SECTIONS = ['## What it finds', '## Why it matters in SEC drafting', '## Example (reported)', '## Counter-example (not reported)', '## The fix', '## Configure or suppress'];

test('docs/rules, the rule table and package.json\'s severity enum list the same codes', () => {
  const pages = fs.readdirSync(docs).filter(f => f.endsWith('.md')).map(f => f.slice(0, -3)).sort();
  const codes = RULES.map(r => r.code).sort();
  assert.deepEqual(pages, codes, 'one page per code, and no page for a code that does not exist');
  const enumCodes = Object.keys(pkg.contributes.configuration.properties['secDrafting.severity'].properties).sort();
  assert.deepEqual(enumCodes, codes);
});

test('each page has its title, default severity and every section, with examples', () => {
  for (const r of RULES) {
    const page = fs.readFileSync(path.join(docs, `${r.code}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${r.code}\n`), `${r.code}: title`);
    assert.ok(page.includes(`Default severity: **${r.defaultSeverity}**.`), `${r.code}: default severity as in the rule table`);
    let at = 0;
    for (const s of SECTIONS) {
      const i = page.indexOf(`\n${s}\n`, at);
      assert.ok(i > 0, `${r.code}: "${s}" (in order)`);
      at = i;
    }
    assert.ok(page.includes(`sec-disable-next-line ${r.code}`), `${r.code}: how to suppress it`);
    assert.equal(page.split("```text\n").length - 1, 2, `${r.code}: an example and a counter-example`);
  }
});

test('the pages ship in the package (package.json "files") and each link is a file: URI that exists', () => {
  assert.ok(pkg.files.includes('docs/'), 'docs/ is in the package');
  const dir = ruleDocsDir(path.join(root, 'dist'));
  assert.equal(dir, docs);
  const href = ruleDocHref('double-space', dir)!;
  assert.match(href, /^file:\/\/\/.*\/docs\/rules\/double-space\.md$/);
  assert.ok(fs.existsSync(new URL(href)));
  assert.equal(ruleDocHref('no-such-code', dir), undefined);
  assert.equal(ruleDocHref('../../package', dir), undefined, 'a code is never a path');
});

/** Codes whose example needs nothing else in the workspace (the others name definitions or clauses elsewhere). */
const SELF_CONTAINED = ['double-space', 'stray-tab', 'space-before-punctuation', 'repeated-word', 'unbalanced-bracket', 'unbalanced-quote', 'mixed-quotes', 'list-punctuation', 'clause-numbering', 'unused-suppression'];

test('the pages tell the truth: each self-contained example is reported, its counter-example is not', () => {
  for (const code of SELF_CONTAINED) {
    const page = fs.readFileSync(path.join(docs, `${code}.md`), 'utf8');
    // The fenced text up to any bracketed note after a blank line.
    const [example, counter] = [...page.matchAll(/```text\n([\s\S]*?)\n```/g)].map(m => m[1].split('\n\n(')[0] + '\n');
    const name = code === 'unused-suppression' ? 'g.sec.md' : 'g.sec.txt';
    assert.ok(findingsOf(workspaceOf({ [name]: example }), name, code).length > 0, `${code}: the example is reported`);
    assert.deepEqual(findingsOf(workspaceOf({ [name]: counter }), name, code), [], `${code}: the counter-example is not`);
  }
});
