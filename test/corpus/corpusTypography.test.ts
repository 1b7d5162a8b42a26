// Yardstick on the real SECMP0059 sample (../shared/corpus/secmp0059, when present): the
// planted typography slips of truth.json are found where they are, and none of the lines it
// lists as correct is flagged with a typography code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecLanguageService } from '../../server/src/service';
import { RULES } from '../../server/src/service/rules/registry';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'secmp0059');
const TYPOGRAPHY = new Set(RULES.filter(r => r.family === 'typography').map(r => r.code));

interface Place { file: string; line: number; column: number; text: string; code?: string }

function load() {
  const truth = JSON.parse(fs.readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as { meta: { checkedFiles: string[] }; findings: Place[]; notFlagged: Place[] };
  const service = createSecLanguageService();
  const uri = (f: string) => `file:///corpus/${f}`;
  for (const f of truth.meta.checkedFiles) service.setDocument({ uri: uri(f), version: 1, text: fs.readFileSync(path.join(CORPUS, f), 'utf8') });
  const typography = (f: string) => service.getDiagnostics(uri(f)).filter(d => TYPOGRAPHY.has(d.code));
  return { truth, typography };
}

const present = fs.existsSync(path.join(CORPUS, 'truth.json'));


// The corpus layer needs ../shared beside the clone: missing, it fails (never skips).
test('the shared corpus is present', () => {
  assert.ok(present, `${CORPUS}/truth.json not found: the corpus layer needs ../shared/corpus beside the clone`);
});

test('SECMP0059: every planted typography finding is found at its place', () => {
  const { truth, typography } = load();
  const planted = truth.findings.filter(f => f.code && TYPOGRAPHY.has(f.code));
  assert.deepEqual(planted.map(f => f.code).sort(), ['double-space', 'list-punctuation', 'repeated-word', 'unbalanced-bracket']);
  for (const f of planted) {
    const found = typography(f.file).find(d => d.code === f.code && d.range.start.line + 1 === f.line);
    assert.ok(found, `${f.code} at ${f.file}:${f.line}`);
    // The truth marks the start of the quoted text; the finding starts there or inside it
    // (a double space is reported at the spaces of "User  Security").
    const column = found.range.start.character + 1;
    assert.ok(column >= f.column && column < f.column + f.text.length, `${f.code} at column ${column}, expected within ${f.column}..${f.column + f.text.length - 1}`);
  }
});

test('SECMP0059: no other typography finding, and none on a notFlagged line', () => {
  const { truth, typography } = load();
  const expected = new Set(truth.findings.filter(f => f.code && TYPOGRAPHY.has(f.code)).map(f => `${f.file}:${f.line}:${f.code}`));
  const extra = truth.meta.checkedFiles.flatMap(f => typography(f).map(d => `${f}:${d.range.start.line + 1}:${d.code}`)).filter(k => !expected.has(k));
  assert.deepEqual(extra, []);
  for (const n of truth.notFlagged.filter(p => truth.meta.checkedFiles.includes(p.file))) {
    const onLine = typography(n.file).filter(d => d.range.start.line + 1 === n.line);
    assert.deepEqual(onLine.map(d => d.code), [], `${n.file}:${n.line} "${n.text}"`);
  }
});
