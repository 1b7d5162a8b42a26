// Clause numbers above 999 in one Part (a generated or very long Part): recognised as clauses,
// numbered, and found by references, like any other.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceOf, uriOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

test('clauses G8.998 … G8.1203 are clauses: no numbering findings, a reference to G8.1100 resolves, one to G8.1100A is broken', () => {
  const ids = Array.from({ length: 206 }, (_, i) => `G8.${998 + i}`);
  const text = 'G8 USER SECURITY\n\n' + ids.map(id => `${id} Text of ${id}.`).join('\n\n') + '\n\nG8.1204 As set out in Section G8.1100, and not in Section G8.1100A.\n';
  const service = workspaceOf({ 'g.sec.txt': text });
  const model = workspaceIndexOf(service).model(uriOf('g.sec.txt'));
  assert.equal(model?.kind, 'legal');
  const clauseIds = model!.kind === 'legal' ? model!.structure.clauses.map(c => c.id) : [];
  assert.deepEqual(clauseIds.slice(-3), ['G8.1202', 'G8.1203', 'G8.1204']);
  const findings = service.getDiagnostics(uriOf('g.sec.txt')).map(d => `${d.code} ${d.message}`);
  assert.deepEqual(findings.filter(f => f.startsWith('clause-numbering')), []);
  const broken = findings.filter(f => f.startsWith('broken-reference'));
  assert.equal(broken.length, 1, broken.join('\n'));
  assert.match(broken[0], /Section G8\.1100A does not exist: G8\.1100 is followed by G8\.1101/);
});
