// The JSON report is written finding by finding (a 10 MB file's report is not held in one
// string), and must read exactly as JSON.stringify of the whole report (issue 19).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { writeJsonReport } from '../../server/src/cli/check';

const diagnostic = fc.record({ code: fc.string(), line: fc.nat(), message: fc.string({ unit: 'grapheme' }), related: fc.option(fc.array(fc.record({ line: fc.nat(), message: fc.string() })), { nil: undefined }) });
const report = fc.record({
  files: fc.array(fc.record({ path: fc.string(), kind: fc.constantFrom('legal', 'consultation'), diagnostics: fc.array(diagnostic, { maxLength: 5 }) }), { maxLength: 4 }),
  summary: fc.record({ error: fc.nat(), warning: fc.nat() }),
  baselined: fc.option(fc.nat(), { nil: undefined }),
});

test('the JSON report written in pieces is the text of JSON.stringify of the whole report', () => {
  fc.assert(fc.property(report, ({ files, summary, baselined }) => {
    let out = '';
    // As the CLI writes to stdout: a piece without a final line break gets one.
    const write = (s: string) => { out += s.endsWith('\n') ? s : s + '\n'; };
    const tail = { summary, ...(baselined !== undefined ? { baselined } : {}) };
    writeJsonReport(write, files.map(f => ({ head: { path: f.path, kind: f.kind }, diagnostics: f.diagnostics })), d => d, tail);
    assert.equal(out, JSON.stringify({ version: 1, files, ...tail }, null, 2) + '\n');
  }), { numRuns: 300 });
});

test('a report of several megabytes is written in chunks and reads the same', () => {
  const big = 'x'.repeat(600_000);
  const files = [{ path: 'g.sec.txt', kind: 'legal', diagnostics: [1, 2, 3, 4].map(line => ({ code: 'undefined-term', line, message: big })) }, { path: 'h.sec.txt', kind: 'legal', diagnostics: [] }];
  const pieces: string[] = [];
  writeJsonReport(s => pieces.push(s), files.map(f => ({ head: { path: f.path, kind: f.kind }, diagnostics: f.diagnostics })), d => d, { summary: { warning: 4 } });
  assert.ok(pieces.length > 1, 'more than one write');
  assert.ok(pieces.slice(0, -1).every(p => p.endsWith('\n')), 'every piece but the last ends a line, so the CLI adds no line break inside the report');
  assert.equal(pieces.join('') + '\n', JSON.stringify({ version: 1, files, summary: { warning: 4 } }, null, 2) + '\n');
});
