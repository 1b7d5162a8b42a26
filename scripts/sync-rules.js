#!/usr/bin/env node
// `npm run rules:sync`: writes what follows from the rule table (server/src/service/rules/registry.ts)
// into the files that must list every code — package.json's secDrafting.severity settings and
// the .secdraft.json schema — so adding a rule means editing the table, not three lists. Codes
// keep the table's order; each entry takes the code's default severity and description.
// `--check` changes nothing and exits 1 when a file is out of date (the unit tests check it too).
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const LEVELS = ['ignore', 'hint', 'information', 'warning', 'error'];

function rules() {
  const out = esbuild.buildSync({ entryPoints: [path.join(root, 'server/src/service/rules/registry.ts')], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  return mod.exports.RULES;
}

function severityProperties(list, withType) {
  return Object.fromEntries(list.map(r => [r.code, { ...(withType ? { type: 'string' } : {}), enum: LEVELS, default: r.defaultSeverity, description: r.description }]));
}

function update(file, edit, check) {
  const full = path.join(root, file);
  const before = fs.readFileSync(full, 'utf8');
  const json = JSON.parse(before);
  edit(json);
  const after = JSON.stringify(json, null, 2) + '\n';
  if (after === before) return false;
  if (!check) fs.writeFileSync(full, after);
  console.log(`${check ? 'out of date' : 'updated'}: ${file}`);
  return true;
}

const check = process.argv.includes('--check');
const list = rules();
let changed = update('package.json', pkg => {
  pkg.contributes.configuration.properties['secDrafting.severity'].properties = severityProperties(list, true);
}, check);
changed = update('schemas/secdraft.schema.json', schema => {
  schema.properties.severity.properties = severityProperties(list, false);
}, check) || changed;
if (!changed) console.log(`rules: package.json and the schema list the ${list.length} codes of the rule table`);
process.exit(check && changed ? 1 : 0);
