// Yardstick: the public SECMP0059 sample and its truth.json. The checks are written for SEC
// text in general; this only confirms they find what was planted here and nothing else.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecLanguageService } from '../../server/src/service';
import { clauseEntries, definitionEntries } from '../../server/src/service/features/indexEntries';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'secmp0059');
const MY_CODES = ['clause-numbering', 'broken-reference', 'reference-heading-mismatch'];

interface Truth {
  meta: { checkedFiles: string[] };
  clauses: Record<string, string[]>;
  findings: { file: string; line: number; column: number; code: string; text: string }[];
  notFlagged: { file: string; line: number; column: number; text: string }[];
  definitions: { term: string; sites: { file: string; line: number }[] }[];
}

const present = fs.existsSync(path.join(CORPUS, 'truth.json'));

function load() {
  const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as Truth;
  const service = createSecLanguageService();
  const uri = (file: string) => `file:///corpus/${file}`;
  for (const file of truth.meta.checkedFiles) service.setDocument({ uri: uri(file), version: 1, text: fs.readFileSync(path.join(CORPUS, file), 'utf8') });
  const found = truth.meta.checkedFiles.flatMap(file => service.getDiagnostics(uri(file)).filter(d => MY_CODES.includes(d.code)).map(d => ({ file, d })));
  return { truth, service, uri, found };
}


// The corpus layer needs ../shared beside the clone: missing, it fails (never skips).
test('the shared corpus is present', () => {
  assert.ok(present, `${CORPUS}/truth.json not found: the corpus layer needs ../shared/corpus beside the clone`);
});

test('every clause listed in truth.json is in the model, and no other', () => {
  const { truth, service, uri } = load();
  for (const [file, ids] of Object.entries(truth.clauses)) {
    const model = workspaceIndexOf(service).model(uri(file));
    assert.equal(model?.kind, 'legal');
    assert.deepEqual(model.kind === 'legal' ? model.structure.clauses.map(c => c.id) : [], ids, file);
  }
});

test('the planted numbering and reference findings are found, at their line and column', () => {
  const { truth, found } = load();
  const planted = truth.findings.filter(f => MY_CODES.includes(f.code)).map(f => `${f.file}:${f.line}:${f.column} ${f.code}`).sort();
  assert.ok(planted.length >= 3);
  const got = found.map(({ file, d }) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort();
  assert.deepEqual(got, planted, 'exactly the planted findings: no false positives');
});

test('nothing in notFlagged is flagged by the clause and reference checks', () => {
  const { truth, found } = load();
  for (const n of truth.notFlagged) {
    const from = n.column - 1;
    const to = from + n.text.length;
    const hit = found.find(({ file, d }) => file === n.file && d.range.start.line === n.line - 1 && d.range.start.character < to && (d.range.end.line > d.range.start.line || d.range.end.character > from));
    assert.equal(hit, undefined, `${n.file}:${n.line}:${n.column} "${n.text}" flagged: ${hit?.d.message}`);
  }
});

test('secdraft index lists every clause and every definition site in truth.json, and nothing more', () => {
  const { truth, service, uri } = load();
  const clauses: string[] = [];
  const sites: string[] = [];
  for (const file of truth.meta.checkedFiles) {
    const model = workspaceIndexOf(service).model(uri(file));
    if (model?.kind !== 'legal') continue;
    clauses.push(...clauseEntries(model, file).map(c => `${c.path}:${c.id}`));
    sites.push(...definitionEntries(model, file).map(d => `${d.path}:${d.line} ${d.term}`));
  }
  assert.deepEqual(clauses.sort(), Object.entries(truth.clauses).flatMap(([file, ids]) => ids.map(id => `${file}:${id}`)).sort());
  assert.deepEqual(sites.sort(), truth.definitions.flatMap(d => d.sites.map(s => `${s.file}:${s.line} ${d.term}`)).sort());
});
