// Yardstick: the public SECMP0059 sample. Every planted term finding is found, and nothing in
// truth.json's notFlagged list draws a term finding. Skipped when the corpus is not beside the clone.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecLanguageService } from '../../server/src/service';
import { termIndex } from '../../server/src/service/model/terms';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'secmp0059');
const CODES = new Set(['undefined-term', 'unused-definition', 'duplicate-definition', 'lowercase-defined-term', 'circular-definition']);

interface Truth {
  meta: { checkedFiles: string[] };
  findings: { file: string; line: number; column: number; code: string; text: string }[];
  notFlagged: { file: string; line: number; column: number; text: string }[];
  definitions: { term: string; sites: { file: string; line: number }[] }[];
}

const available = fs.existsSync(path.join(CORPUS, 'truth.json'));

function load() {
  const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as Truth;
  const service = createSecLanguageService();
  for (const f of fs.readdirSync(CORPUS).filter(f => f.endsWith('.txt') || f.endsWith('.csv'))) {
    service.setDocument({ uri: `file:///corpus/${f}`, version: 1, text: fs.readFileSync(path.join(CORPUS, f), 'utf8') });
  }
  const found = truth.meta.checkedFiles.flatMap(file => service.getDiagnostics(`file:///corpus/${file}`)
    .filter(d => CODES.has(d.code))
    .map(d => ({ file, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, code: d.code })));
  return { truth, service, found };
}


// The corpus layer needs ../shared beside the clone: missing, it fails (never skips).
test('the shared corpus is present', () => {
  assert.ok(available, `${CORPUS}/truth.json not found: the corpus layer needs ../shared/corpus beside the clone`);
});

test('SECMP0059: every planted term finding, at its line and column', () => {
  const { truth, found } = load();
  const expected = truth.findings.filter(f => CODES.has(f.code));
  assert.ok(expected.length >= 5);
  for (const e of expected) {
    assert.ok(found.some(f => f.code === e.code && f.file === e.file && f.line === e.line && f.column === e.column), `missing ${e.code} at ${e.file}:${e.line}:${e.column} (${e.text})`);
  }
  // Nothing beyond the planted findings.
  assert.deepEqual(found.map(f => `${f.file}:${f.line}:${f.column} ${f.code}`).sort(), expected.map(e => `${e.file}:${e.line}:${e.column} ${e.code}`).sort());
});

test('SECMP0059: nothing on the notFlagged list draws a term finding', () => {
  const { truth, found } = load();
  for (const n of truth.notFlagged) {
    const end = n.column + n.text.length;
    const hit = found.find(f => f.file === n.file && f.line === n.line && f.column < end && (f.endLine > n.line || f.endColumn > n.column));
    assert.equal(hit, undefined, `${n.file}:${n.line}:${n.column} “${n.text}” must not be flagged (${hit?.code})`);
  }
});

test('SECMP0059: every definition site is found, pointer rows with their inline definitions', () => {
  const { truth, service } = load();
  const lines = new Map<string, Set<number>>();
  const index = termIndex(workspaceIndexOf(service));
  for (const t of index.terms) for (const s of t.sites) {
    const file = s.uri.replace('file:///corpus/', '');
    (lines.get(`${t.term}|${file}`) ?? lines.set(`${t.term}|${file}`, new Set()).get(`${t.term}|${file}`)!).add(s.range.start.line + 1);
  }
  for (const d of truth.definitions) for (const s of d.sites) {
    assert.ok(lines.get(`${d.term}|${s.file}`)?.has(s.line), `definition of “${d.term}” at ${s.file}:${s.line}`);
  }
  assert.equal(index.terms.length, truth.definitions.length, 'no definitions beyond the listed ones');
});
