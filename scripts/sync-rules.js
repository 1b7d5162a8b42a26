#!/usr/bin/env node
// `npm run rules:sync` (also the first step of `npm run build`): writes what follows from the
// rule table (server/src/service/rules/registry.ts) and the rules' page records into the files
// that must list every code, so adding a rule means editing the table, the rule's file (with its
// page record) and its test, not five lists:
//   - package.json's secDrafting.severity settings and the .secdraft.json schema;
//   - the README's table of codes (between the `rules:start` and `rules:end` markers);
//   - every code's page docs/rules/<code>.md, rendered from its record (a `RuleDoc` in the `docs`
//     of the rule family that reports it, or beside the code for the few codes reported outside
//     a family; rules/docs.ts lists where), the title and default severity from the table, and
//     the standard "Configure or suppress" section. A code without a record stops the sync with
//     a message naming the file to write it in. The pages stay committed: `secdraft explain`,
//     SARIF's helpUri, the Problems panel and GitHub readers read them as files.
// Codes keep the table's order; each entry takes the code's default severity and description.
// `--check` changes nothing and exits 1 when a file is out of date; `--quiet` prints only changes.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const CORE = path.join('server', 'src', 'service');
const LEVELS = ['ignore', 'hint', 'information', 'warning', 'error'];
const README_START = '<!-- rules:start (written by npm run rules:sync from the rule table) -->';
const README_END = '<!-- rules:end -->';
/** The fields every page record has (rules/context.ts RuleDoc). */
const REQUIRED = ['finds', 'why', 'reported', 'notReported', 'fix'];

/**
 * The rule table and where the page records are (rules/docs.ts), read from the TypeScript
 * sources. Packages stay outside the bundle and are required from here, so a copy of the
 * sources elsewhere (the unit tests' scratch checkout) loads as well.
 */
function load(root = ROOT) {
  const out = esbuild.buildSync({ entryPoints: [path.join(root, CORE, 'rules', 'docs.ts')], bundle: true, packages: 'external', write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return { rules: mod.exports.RULES, sources: mod.exports.RULE_DOC_SOURCES };
}

/** The rule table. */
function rules(root = ROOT) {
  return load(root).rules;
}

function severityProperties(list, withType) {
  return Object.fromEntries(list.map(r => [r.code, { ...(withType ? { type: 'string' } : {}), enum: LEVELS, default: r.defaultSeverity, description: r.description }]));
}

/** The README's table of codes: one row per code, linking its page. */
function readmeTable(list) {
  const rows = list.map(r => `| [\`${r.code}\`](docs/rules/${r.code}.md) | ${r.defaultSeverity} | ${r.family} | ${r.description.replace(/\|/g, '\\|')} |`);
  return [README_START, '| code | default | family | what it finds |', '|---|---|---|---|', ...rows, README_END].join('\n');
}

/** The "Configure or suppress" section every rule's page has, for one code. */
function configureSection(code) {
  return `## Configure or suppress

- Severity, in \`.secdraft.json\` (read by the editor and the CLI alike): \`{ "severity": { "${code}": "error" } }\`;
  one of \`ignore\`, \`hint\`, \`information\`, \`warning\`, \`error\`. In VS Code also the setting
  \`secDrafting.severity\` (the repository's \`.secdraft.json\` wins).
- One finding, in the text: \`<!-- sec-disable-next-line ${code} -->\` (Markdown) or
  \`// sec-disable-next-line ${code}\` (plain text) on the line before; \`sec-disable-line ${code}\`
  on the line itself; \`sec-disable ${code}\` … \`sec-enable ${code}\` around a block. A reason may
  follow the code after \` -- \`.
- Without touching the text: the editor's "Suppress in baseline" code action, or
  \`secdraft check --update-baseline\`, accepts the finding in \`.secdraft-baseline.json\`
  (matched by file, code, clause and the flagged text, so edits elsewhere keep it accepted).
`;
}

/** A code's page: the table's title and severity, the record's sections, the standard configuration. */
function renderPage(rule, doc) {
  const example = (text, note) => '```text\n' + text + '\n```\n' + (note === undefined ? '' : `\n${note}\n`);
  return `# ${rule.code}

Default severity: **${rule.defaultSeverity}**.

## What it finds

${doc.finds}

## Why it matters in SEC drafting

${doc.why}

## Example (reported)

${example(doc.reported, doc.reportedNote)}
## Counter-example (not reported)

${example(doc.notReported, doc.notReportedNote)}
## The fix

${doc.fix}

${doc.configure === undefined ? configureSection(rule.code) : `## Configure or suppress\n\n${doc.configure}\n`}`;
}

/** The core's source files (relative paths) whose text includes `needle`, the table's own file left out. */
function filesMentioning(root, needle) {
  const found = [];
  const walk = dir => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !rel.endsWith(path.join('rules', 'registry.ts')) && fs.readFileSync(path.join(root, rel), 'utf8').includes(needle)) found.push(rel.split(path.sep).join('/'));
    }
  };
  walk(CORE);
  return found.sort();
}

/** Where a source's records are written, for messages. */
function sourceFile(root, source) {
  if (source.file) return source.file;
  const files = filesMentioning(root, `name: '${source.family}'`);
  return files.length ? `the ${source.family} family, ${files.join(', ')}` : `the ${source.family} family`;
}

/**
 * Each code's page record, by code. Throws, naming the code and the file to write in, when a
 * code of the table has none, has two, or a record is incomplete or names no code of the table.
 */
function pageRecords({ rules: list, sources }, root = ROOT) {
  const known = new Set(list.map(r => r.code));
  const records = new Map();
  const where = new Map();
  const problems = [];
  for (const source of sources) {
    const at = () => sourceFile(root, source); // read only for a message
    for (const [code, doc] of Object.entries(source.docs)) {
      if (!known.has(code)) problems.push(`${at()} has a page record for "${code}", which is not in the rule table (${CORE}/rules/registry.ts)`);
      else if (!source.codes.includes(code)) problems.push(`${at()} has a page record for "${code}" but does not report it (add it to its codes, or move the record to the rule that does)`);
      if (where.has(code)) problems.push(`"${code}" has two page records, in ${sourceFile(root, where.get(code))} and ${at()}: keep one`);
      const missing = REQUIRED.filter(field => typeof doc[field] !== 'string' || doc[field].trim() === '');
      if (missing.length) problems.push(`${at()}: the page record of "${code}" needs ${missing.join(', ')}`);
      for (const field of ['reported', 'notReported']) if (String(doc[field]).includes('```')) problems.push(`${at()}: the ${field} text of "${code}" must not hold a \`\`\` fence (it is shown in one)`);
      where.set(code, source);
      records.set(code, doc);
    }
  }
  for (const rule of list) {
    if (records.has(rule.code)) continue;
    const files = filesMentioning(root, `'${rule.code}'`);
    problems.push(`docs/rules/${rule.code}.md: "${rule.code}" has no page record; write one under '${rule.code}' in the docs of the rule that reports it (${files.length ? files.join(', ') : 'no file under ' + CORE + ' reports it yet'}), as the other codes there have (see CONTRIBUTING "Adding a rule")`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return records;
}

/** One file's wanted content: writes it (or, checking, reports it) when it differs. */
function settle(root, file, wanted, options) {
  const full = path.join(root, file);
  const before = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  if (wanted === before) return false;
  if (!options.check) fs.writeFileSync(full, wanted);
  console.log(`${options.check ? 'out of date' : before === undefined ? 'written' : 'updated'}: ${file}`);
  return true;
}

function editJson(root, file, edit) {
  const json = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  edit(json);
  return JSON.stringify(json, null, 2) + '\n';
}

/** Every file the table and the page records decide, with the content it should have. */
function wantedFiles(loaded, root = ROOT) {
  const list = loaded.rules;
  const records = pageRecords(loaded, root);
  const files = [
    ['package.json', editJson(root, 'package.json', pkg => {
      pkg.contributes.configuration.properties['secDrafting.severity'].properties = severityProperties(list, true);
    })],
    ['schemas/secdraft.schema.json', editJson(root, 'schemas/secdraft.schema.json', schema => {
      schema.properties.severity.properties = severityProperties(list, false);
    })],
  ];
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md: the markers "${README_START}" and "${README_END}" around the table of codes are missing`);
  files.push(['README.md', readme.slice(0, start) + readmeTable(list) + readme.slice(end + README_END.length)]);
  for (const rule of list) files.push([`docs/rules/${rule.code}.md`, renderPage(rule, records.get(rule.code))]);
  return files;
}

/** Brings every file in line with the table and the records; true when one was (or, checking, would be) changed. */
function sync(options = {}, root = ROOT) {
  const loaded = load(root);
  let changed = false;
  for (const [file, wanted] of wantedFiles(loaded, root)) changed = settle(root, file, wanted, options) || changed;
  if (!changed && !options.quiet) console.log(`rules: package.json, the schema, the README and docs/rules follow the ${loaded.rules.length} codes of the rule table and their page records`);
  return changed;
}

module.exports = { load, rules, pageRecords, renderPage, wantedFiles, configureSection, readmeTable, sync };

if (require.main === module) {
  const check = process.argv.includes('--check');
  try {
    const changed = sync({ check, quiet: process.argv.includes('--quiet') });
    process.exit(check && changed ? 1 : 0);
  } catch (e) {
    console.error(`rules:sync: ${e.message}`);
    process.exit(2);
  }
}
