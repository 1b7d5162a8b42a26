#!/usr/bin/env node
// `npm run rules:sync` (also the first step of `npm run build`): writes what follows from the
// rule table (server/src/service/rules/registry.ts) into the files that must list every code, so
// adding a rule means editing the table, the rule's file and its test, not five lists:
//   - package.json's secDrafting.severity settings and the .secdraft.json schema;
//   - the README's table of codes (between the `rules:start` and `rules:end` markers);
//   - a page docs/rules/<code>.md for a new code, scaffolded with the sections every page has,
//     the standard "Configure or suppress" section written out, and TODO lines where the rule's
//     author writes the why, the example, the counter-example and the fix (the unit tests fail
//     while a TODO is left). An existing page is never touched.
// Codes keep the table's order; each entry takes the code's default severity and description.
// `--check` changes nothing and exits 1 when a file is out of date; `--quiet` prints only changes.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const LEVELS = ['ignore', 'hint', 'information', 'warning', 'error'];
const README_START = '<!-- rules:start (written by npm run rules:sync from the rule table) -->';
const README_END = '<!-- rules:end -->';
/** What a scaffolded page asks its author to write; the unit tests fail while one is left. */
const TODO = 'TODO(rule page):';

/** The rule table, read from its TypeScript source. */
function rules(root = ROOT) {
  const out = esbuild.buildSync({ entryPoints: [path.join(root, 'server/src/service/rules/registry.ts')], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  return mod.exports.RULES;
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

/** A new code's page: everything that follows from the table, and TODOs for what does not. */
function scaffoldPage(rule) {
  return `# ${rule.code}

Default severity: **${rule.defaultSeverity}**.

## What it finds

${rule.description}

## Why it matters in SEC drafting

${TODO} why a drafter or a respondent cares, with an SEC example.

## Example (reported)

\`\`\`text
${TODO} a line of legal text this rule reports
\`\`\`

## Counter-example (not reported)

\`\`\`text
${TODO} a line that looks alike and is not reported
\`\`\`

## The fix

${TODO} what the drafter does, and whether a quick fix does it (and is it certain?).

${configureSection(rule.code)}`;
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

/** Every file the table decides, with the content it should have (pages only where missing). */
function wantedFiles(list, root = ROOT) {
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
  for (const rule of list) {
    const page = path.join('docs', 'rules', `${rule.code}.md`);
    if (!fs.existsSync(path.join(root, page))) files.push([page, scaffoldPage(rule)]);
  }
  return files;
}

/** Brings every file in line with the table; true when one was (or, checking, would be) changed. */
function sync(options = {}, root = ROOT) {
  const list = rules(root);
  let changed = false;
  for (const [file, wanted] of wantedFiles(list, root)) changed = settle(root, file, wanted, options) || changed;
  if (!changed && !options.quiet) console.log(`rules: package.json, the schema, the README and docs/rules follow the ${list.length} codes of the rule table`);
  return changed;
}

module.exports = { rules, wantedFiles, configureSection, scaffoldPage, readmeTable, sync, TODO };

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
