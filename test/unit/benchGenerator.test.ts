// The benchmark's workspace generator: deterministic (same seed, same bytes) and producing
// text the core reads as SEC legal text and consultation collations.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { generateWorkspace, type GeneratedWorkspace } from '../../bench/generate';
import { createSecLanguageService } from '../../server/src/service';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const digest = (ws: GeneratedWorkspace) => {
  const h = createHash('sha256');
  for (const f of ws.files) h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex');
};

const scale1 = generateWorkspace({ seed: 7 });

test('the same seed gives the same bytes; another seed gives other bytes', () => {
  assert.equal(digest(generateWorkspace({ seed: 7 })), digest(scale1));
  assert.notEqual(digest(generateWorkspace({ seed: 8 })), digest(scale1));
});

test('scale 1 is the size of the whole Code', () => {
  const { stats } = scale1;
  assert.ok(stats.bytes > 2_500_000 && stats.bytes < 6_000_000, `bytes ${stats.bytes}`);
  assert.ok(stats.clauses > 12_000, `clauses ${stats.clauses}`);
  assert.equal(stats.definitions, 2000);
  assert.ok(stats.comments >= 1900, `comments ${stats.comments}`);
  assert.ok(scale1.files.filter(f => f.path.endsWith('.sec.txt')).length >= 25);
});

test('the core reads every section as legal text with unique clause numbers, and every collation as a consultation', () => {
  const service = createSecLanguageService();
  for (const f of scale1.files) service.setDocument({ uri: `file:///bench/${f.path}`, version: 1, text: f.text });
  let clauses = 0;
  for (const f of scale1.files) {
    const model = workspaceIndexOf(service).model(`file:///bench/${f.path}`)!;
    if (f.path.startsWith('consultation/')) {
      assert.equal(model.kind, 'consultation', f.path);
      continue;
    }
    assert.equal(model.kind, 'legal', f.path);
    if (model.kind !== 'legal') continue;
    const ids = model.structure.clauses.map(c => c.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate clause numbers in ${f.path}`);
    clauses += ids.length;
  }
  assert.equal(clauses, scale1.stats.clauses);
});

test('Section A has one table row per definition, and pointer rows name real clauses with their headings', () => {
  const service = createSecLanguageService();
  for (const f of scale1.files) service.setDocument({ uri: `file:///bench/${f.path}`, version: 1, text: f.text });
  const a = workspaceIndexOf(service).model('file:///bench/section-a.sec.txt')!;
  assert.equal(a.kind, 'legal');
  if (a.kind !== 'legal') return;
  const rows = a.structure.lines.filter(l => a.structure.kinds[l.line] === 'table-row');
  assert.equal(rows.length, scale1.stats.definitions);
  let pointers = 0;
  for (const row of rows) {
    const m = /has the meaning given to that expression in Section (\S+) \((.+)\)\.$/.exec(row.text);
    if (!m) continue;
    pointers++;
    const target = workspaceIndexOf(service).findClause(m[1]);
    assert.ok(target, `Section A points at missing ${m[1]}`);
    assert.equal(target.clause.heading, m[2]);
    const term = row.text.slice(0, row.text.indexOf(' |'));
    assert.ok(target.clause.text.includes(`“${term}”`), `${m[1]} does not define “${term}”`);
  }
  assert.ok(pointers > 200, `pointer rows ${pointers}`);
});

test('--scale multiplies the workspace', () => {
  const scale2 = generateWorkspace({ seed: 7, scale: 2 });
  assert.equal(scale2.stats.definitions, 2 * scale1.stats.definitions);
  assert.equal(scale2.stats.collations, 2 * scale1.stats.collations);
  const ratio = scale2.stats.bytes / scale1.stats.bytes;
  assert.ok(ratio > 1.8 && ratio < 2.2, `ratio ${ratio}`);
});
