// Every diagnostic code has its page in docs/rules, with the sections a user looks for. The pages
// are rendered by `npm run rules:sync` from the rule table and each rule's page record (a RuleDoc
// in the file that reports the code; rules/docs.ts lists where), and stay committed: these tests
// fail when a page differs from what its record renders, or a code has no record.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/service/rules/registry';
import type { RuleDoc } from '../../server/src/service/rules/context';
import { ruleDocHref, ruleDocsDir } from '../../server/src/io/ruleDocs';
import { findingsOf, workspaceOf } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/tempDir';

const root = path.resolve(__dirname, '..', '..', '..');
const docs = path.join(root, 'docs', 'rules');
interface Loaded { rules: { code: string; defaultSeverity: string }[]; sources: unknown[] }
// The sync script is plain JavaScript run by the build; its functions are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sync = require(path.join(root, 'scripts', 'sync-rules.js')) as {
  load(root: string): Loaded;
  pageRecords(loaded: Loaded, root: string): Map<string, RuleDoc>;
  wantedFiles(loaded: Loaded, root: string): [string, string][];
  configureSection(code: string): string;
  sync(options: { check?: boolean; quiet?: boolean }, root?: string): boolean;
};
/** The rule table and the page records of this checkout, bundled once for the tests that read them. */
const loaded = sync.load(root);
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
  if (page.split('\n## ').length !== SECTIONS.length + 1) problems.push(`${r.code}: exactly the ${SECTIONS.length} sections`);
  if (!page.includes(`sec-disable-next-line ${r.code}`)) problems.push(`${r.code}: how to suppress it`);
  if (page.split("```text\n").length - 1 !== 2) problems.push(`${r.code}: an example and a counter-example`);
  return problems;
}

test('each page has its title, default severity and every section, with examples', () => {
  for (const r of RULES) assert.deepEqual(pageProblems(r, fs.readFileSync(path.join(docs, `${r.code}.md`), 'utf8')), []);
});

test('every code of the rule table has one page record, in the file that reports it', () => {
  const records = sync.pageRecords(loaded, root);
  assert.deepEqual([...records.keys()].sort(), RULES.map(r => r.code).sort());
});

test('each committed page is what its record renders, and so are package.json, the schema and the README (npm run rules:sync)', () => {
  const stale = sync.wantedFiles(loaded, root)
    .filter(([file, wanted]) => !fs.existsSync(path.join(root, file)) || fs.readFileSync(path.join(root, file), 'utf8') !== wanted)
    .map(([file]) => file);
  assert.deepEqual(stale, [], 'a page is written from its record (a RuleDoc in the rule\'s file), not by hand: edit the record and run npm run rules:sync (the build runs it)');
});

test('a page\'s "Configure or suppress" section is the standard one unless its record has its own', () => {
  const records = sync.pageRecords(loaded, root);
  // A copy's comments are suppressed in the collation, not in legal text.
  assert.deepEqual(RULES.filter(r => records.get(r.code)?.configure !== undefined).map(r => r.code), ['duplicate-consultation']);
  for (const r of RULES.filter(r => records.get(r.code)?.configure === undefined)) {
    const page = fs.readFileSync(path.join(docs, `${r.code}.md`), 'utf8');
    assert.equal(page.slice(page.indexOf('## Configure or suppress')), sync.configureSection(r.code), r.code);
  }
});

/**
 * A scratch copy of what the sync reads and writes (the core's sources, the pages, package.json,
 * the schema and the README), for tests that add a rule or break a page.
 */
function withScratch(run: (dir: string, read: (f: string) => string, edit: (f: string, from: string | RegExp, to: string) => void) => void): void {
  const scratch = makeTempDir('sec-newrule-');
  try {
    for (const f of ['package.json', 'README.md', 'schemas', 'docs/rules', 'server/src/service']) fs.cpSync(path.join(root, f), path.join(scratch, f), { recursive: true });
    const read = (f: string) => fs.readFileSync(path.join(scratch, f), 'utf8');
    const edit = (f: string, from: string | RegExp, to: string) => {
      const before = read(f);
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${f}: the test's edit found "${from}"`);
      fs.writeFileSync(path.join(scratch, f), after);
    };
    run(scratch, read, edit);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every file under a folder with its content, by path. */
function snapshot(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir, { recursive: true }).map(String).filter(f => fs.statSync(path.join(dir, f)).isFile()).map(f => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f), 'utf8')]));
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(f => before.get(f) !== after.get(f)).sort();
}

function quietly<T>(run: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try { return run(); } finally { console.log = log; }
}

const REGISTRY = 'server/src/service/rules/registry.ts';
const WORDS = 'server/src/service/rules/words.ts';
const ROW = "  { code: 'passive-shall', defaultSeverity: 'hint', family: 'typography', description: 'A shall in the passive voice.' },\n";
const RECORD = `    'passive-shall': {
      finds: 'An obligation in the passive voice ("shall be sent").',
      why: \`A passive "shall" hides who must act, and the Code's obligations bind Parties.\`,
      reported: 'G8.41 The report shall be sent to the Panel.',
      notReported: 'G8.41 The User shall send the report to the Panel.',
      fix: 'Name the Party that shall act. There is no automatic fix.',
    },
`;

test('adding a rule: the table row and a record in the rule\'s file give its page, package.json, the schema and the README row, and nothing else changes', () => {
  withScratch((scratch, read, edit) => {
    edit(REGISTRY, /\n\];/, `\n${ROW}];`);
    edit(WORDS, "codes: ['repeated-word'],", "codes: ['repeated-word', 'passive-shall'],");
    edit(WORDS, /(function wordDocs\(\): RuleFamily\['docs'\] \{\n {2}return \{\n)/, `$1${RECORD}`);
    const before = snapshot(scratch);
    assert.equal(quietly(() => sync.sync({}, scratch)), true);
    assert.deepEqual(changedFiles(before, snapshot(scratch)), ['README.md', 'docs/rules/passive-shall.md', 'package.json', 'schemas/secdraft.schema.json']);
    assert.equal(JSON.parse(read('package.json')).contributes.configuration.properties['secDrafting.severity'].properties['passive-shall'].default, 'hint');
    assert.equal(JSON.parse(read('schemas/secdraft.schema.json')).properties.severity.properties['passive-shall'].default, 'hint');
    assert.match(read('README.md'), /\| \[`passive-shall`\]\(docs\/rules\/passive-shall\.md\) \| hint \|/);
    const page = read('docs/rules/passive-shall.md');
    assert.deepEqual(pageProblems({ code: 'passive-shall', defaultSeverity: 'hint' }, page), []);
    assert.ok(page.includes('## Why it matters in SEC drafting\n\nA passive "shall" hides who must act, and the Code\'s obligations bind Parties.\n\n'), page);
    assert.ok(page.includes('## Example (reported)\n\n```text\nG8.41 The report shall be sent to the Panel.\n```\n\n## Counter-example'), page);
    assert.ok(page.endsWith(sync.configureSection('passive-shall')));
    assert.equal(sync.sync({ check: true, quiet: true }, scratch), false, 'a second sync has nothing to do');
  });
});

test('a code without a page record stops the sync, naming the code and the file to write it in', () => {
  withScratch((scratch, _read, edit) => {
    edit(REGISTRY, /\n\];/, `\n${ROW}];`);
    assert.throws(() => sync.sync({ check: true }, scratch), /docs\/rules\/passive-shall\.md: "passive-shall" has no page record; .*no file under .* reports it yet/);
    edit(WORDS, "codes: ['repeated-word'],", "codes: ['repeated-word', 'passive-shall'],");
    assert.throws(() => sync.sync({ check: true }, scratch), /"passive-shall" has no page record; write one under 'passive-shall' in the docs of the rule that reports it \(server\/src\/service\/rules\/words\.ts\)/);
  });
});

test('a record for a code the table lacks, or documented twice, stops the sync', () => {
  withScratch((scratch, _read, edit) => {
    edit(WORDS, /(function wordDocs\(\): RuleFamily\['docs'\] \{\n {2}return \{\n)/, `$1${RECORD}`);
    assert.throws(() => sync.sync({ check: true }, scratch), /the words family, server\/src\/service\/rules\/words\.ts has a page record for "passive-shall", which is not in the rule table/);
  });
  withScratch((scratch, _read, edit) => {
    edit(WORDS, "codes: ['repeated-word'],", "codes: ['repeated-word', 'double-space'],");
    edit(WORDS, /(function wordDocs\(\): RuleFamily\['docs'\] \{\n {2}return \{\n)/, `$1${RECORD.replace("'passive-shall'", "'double-space'")}`);
    assert.throws(() => sync.sync({ check: true }, scratch), /"double-space" has two page records, in the spacing family, server\/src\/service\/rules\/spacing\.ts and the words family/);
  });
});

test('a page edited by hand is out of date: rules:sync --check says so and the sync writes the record\'s text back', () => {
  withScratch((scratch, read) => {
    const page = 'docs/rules/double-space.md';
    const committed = read(page);
    fs.writeFileSync(path.join(scratch, page), committed.replace('Replace the run with one space.', 'Replace the run with a single space.'));
    const said: string[] = [];
    const log = console.log;
    console.log = (line: string) => { said.push(line); };
    try {
      assert.equal(sync.sync({ check: true }, scratch), true);
      assert.notEqual(read(page), committed, '--check changes nothing');
      assert.equal(sync.sync({ quiet: true }, scratch), true);
    } finally { console.log = log; }
    assert.deepEqual(said, [`out of date: ${page}`, `updated: ${page}`]);
    assert.equal(read(page), committed);
  });
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
