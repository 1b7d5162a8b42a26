// Every diagnostic code has its page in docs/rules, with the sections a user looks for, and the
// rule table, the pages and package.json's severity enum name the same codes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/service/rules/registry';
import { ruleDocHref, ruleDocsDir } from '../../server/src/io/ruleDocs';
import { findingsOf, workspaceOf } from '../helpers/fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const docs = path.join(root, 'docs', 'rules');
// The sync script is plain JavaScript run by the build; its functions are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sync = require(path.join(root, 'scripts', 'sync-rules.js')) as {
  TODO: string;
  rules(root: string): { code: string; defaultSeverity: string }[];
  wantedFiles(list: unknown, root: string): [string, string][];
  configureSection(code: string): string;
  sync(options: { check?: boolean; quiet?: boolean }, root?: string): boolean;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const SECTIONS = ['## What it finds', '## Why it matters in SEC drafting', '## Example (reported)', '## Counter-example (not reported)', '## The fix', '## Configure or suppress'];

test('docs/rules, the rule table and package.json\'s severity enum list the same codes', () => {
  const pages = fs.readdirSync(docs).filter(f => f.endsWith('.md')).map(f => f.slice(0, -3)).sort();
  const codes = RULES.map(r => r.code).sort();
  assert.deepEqual(pages, codes, 'one page per code, and no page for a code that does not exist');
  const enumCodes = Object.keys(pkg.contributes.configuration.properties['secDrafting.severity'].properties).sort();
  assert.deepEqual(enumCodes, codes);
});

/** What a page lacks, as messages (none for a complete page). */
function pageProblems(r: { code: string; defaultSeverity: string }, page: string): string[] {
  const problems: string[] = [];
  if (!page.startsWith(`# ${r.code}\n`)) problems.push(`${r.code}: title`);
  if (!page.includes(`Default severity: **${r.defaultSeverity}**.`)) problems.push(`${r.code}: default severity as in the rule table`);
  let at = 0;
  for (const s of SECTIONS) {
    const i = page.indexOf(`\n${s}\n`, at);
    if (i < 0) problems.push(`${r.code}: "${s}" (in order)`);
    else at = i;
  }
  if (!page.includes(`sec-disable-next-line ${r.code}`)) problems.push(`${r.code}: how to suppress it`);
  if (page.split("```text\n").length - 1 !== 2) problems.push(`${r.code}: an example and a counter-example`);
  if (page.includes(sync.TODO)) problems.push(`${r.code}: the page still has a "${sync.TODO}" line: write it`);
  return problems;
}

test('each page has its title, default severity and every section, with examples', () => {
  for (const r of RULES) assert.deepEqual(pageProblems(r, fs.readFileSync(path.join(docs, `${r.code}.md`), 'utf8')), []);
});

test('package.json, the schema, the README table and the pages follow the rule table (npm run rules:sync)', () => {
  const stale = sync.wantedFiles(sync.rules(root), root)
    .filter(([file, wanted]) => !fs.existsSync(path.join(root, file)) || fs.readFileSync(path.join(root, file), 'utf8') !== wanted)
    .map(([file]) => file);
  assert.deepEqual(stale, [], 'run npm run rules:sync (the build runs it)');
});

test('a page\'s "Configure or suppress" section is the standard one unless the rule needs its own', () => {
  const own = ['duplicate-consultation']; // a copy's comments are suppressed in the collation, not in legal text
  for (const r of RULES.filter(r => !own.includes(r.code))) {
    const page = fs.readFileSync(path.join(docs, `${r.code}.md`), 'utf8');
    assert.equal(page.slice(page.indexOf('## Configure or suppress')), sync.configureSection(r.code), r.code);
  }
});

test('adding a rule: the table row is all the sync needs to list the code everywhere and scaffold its page', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-newrule-'));
  try {
    for (const f of ['package.json', 'README.md', 'schemas/secdraft.schema.json', 'server/src/service/rules/registry.ts', ...fs.readdirSync(docs).map(d => `docs/rules/${d}`)]) {
      fs.mkdirSync(path.dirname(path.join(scratch, f)), { recursive: true });
      fs.copyFileSync(path.join(root, f), path.join(scratch, f));
    }
    const registry = path.join(scratch, 'server/src/service/rules/registry.ts');
    const row = "  { code: 'passive-shall', defaultSeverity: 'hint', family: 'typography', description: 'A shall in the passive voice.' },\n";
    fs.writeFileSync(registry, fs.readFileSync(registry, 'utf8').replace(/\n\];/, `\n${row}];`));
    const log = console.log;
    console.log = () => undefined;
    try { assert.equal(sync.sync({}, scratch), true); } finally { console.log = log; }
    const read = (f: string) => fs.readFileSync(path.join(scratch, f), 'utf8');
    assert.equal(JSON.parse(read('package.json')).contributes.configuration.properties['secDrafting.severity'].properties['passive-shall'].default, 'hint');
    assert.equal(JSON.parse(read('schemas/secdraft.schema.json')).properties.severity.properties['passive-shall'].default, 'hint');
    assert.match(read('README.md'), /\| \[`passive-shall`\]\(docs\/rules\/passive-shall\.md\) \| hint \|/);
    const page = read('docs/rules/passive-shall.md');
    assert.deepEqual(pageProblems({ code: 'passive-shall', defaultSeverity: 'hint' }, page), [`passive-shall: the page still has a "${sync.TODO}" line: write it`]);
    assert.equal(sync.sync({ check: true, quiet: true }, scratch), false, 'a second sync has nothing to do');
    fs.writeFileSync(path.join(scratch, 'docs/rules/passive-shall.md'), 'written by hand');
    sync.sync({ quiet: true }, scratch);
    assert.equal(read('docs/rules/passive-shall.md'), 'written by hand', 'an existing page is never overwritten');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
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
