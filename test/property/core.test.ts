// Property tests over every parser and every check, through the facade: whatever the text,
// nothing throws, every range lies inside its document, the same text gives the same answer,
// and the result after any sequence of edits equals a fresh parse of the final text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { splitLines } from '../../server/src/service/text/lines';
import { parseStructure } from '../../server/src/service/model/structure';
import { createSecLanguageService } from '../../server/src/service';
import type { Range } from '../../server/src/service/types';
import { anyText, applyEditOp, editOp, secText } from '../helpers/arbitraries';

const RUNS = Number(process.env.FC_RUNS ?? 150);
const NAMES = ['section-a.sec.txt', 'section-g8.sec.md', 'consultation-responses.txt', 'responses.csv', 'comments.json'];

function inside(range: Range, lines: string[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: column ${p.character} outside line ${p.line} (length ${lines[p.line].length})`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: start after end`);
}

/** Every answer of the service for a workspace of the given files, as plain data. */
function everything(files: Record<string, string>) {
  const service = createSecLanguageService();
  for (const [name, text] of Object.entries(files)) service.setDocument({ uri: `file:///ws/${name}`, version: 1, text });
  return Object.keys(files).map(name => {
    const uri = `file:///ws/${name}`;
    return { name, diagnostics: service.getDiagnostics(uri), symbols: service.getDocumentSymbols(uri) };
  });
}

function checkRanges(files: Record<string, string>): void {
  const service = createSecLanguageService();
  for (const [name, text] of Object.entries(files)) service.setDocument({ uri: `file:///ws/${name}`, version: 1, text });
  for (const [name, text] of Object.entries(files)) {
    const uri = `file:///ws/${name}`;
    const lines = splitLines(text).map(l => l.text);
    for (const d of service.getDiagnostics(uri)) {
      inside(d.range, lines, `${name} ${d.code}`);
      for (const fix of d.fixes ?? []) for (const e of fix.edits) if (e.uri === uri) inside(e.range, lines, `${name} ${d.code} fix`);
    }
    const walk = (symbols: ReturnType<typeof service.getDocumentSymbols>) => {
      for (const s of symbols) {
        inside(s.range, lines, `${name} symbol ${s.name}`);
        inside(s.selectionRange, lines, `${name} symbol selection ${s.name}`);
        walk(s.children ?? []);
      }
    };
    walk(service.getDocumentSymbols(uri));
    // Position-based features at a few positions, including past the end of a line.
    for (const line of [0, Math.floor(lines.length / 2), lines.length - 1]) {
      for (const character of [0, 3, lines[line].length, lines[line].length + 5]) {
        const position = { line, character };
        const hover = service.getHover(uri, position);
        if (hover?.range) inside(hover.range, lines, `${name} hover`);
        service.getDefinition(uri, position);
        service.getReferences(uri, position, true);
        service.getCompletions(uri, position);
      }
    }
    service.getCodeLenses(uri);
    service.getCodeActions(uri, { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } });
  }
}

test('the structure parser never throws and keeps every range inside the text', () => {
  fc.assert(fc.property(anyText, text => {
    const s = parseStructure(text);
    const lines = s.lines.map(l => l.text);
    assert.equal(lines.length, splitLines(text).length);
    for (const c of s.clauses) {
      inside(c.range, lines, `clause ${c.id}`);
      inside(c.idRange, lines, `clause id ${c.id}`);
      for (const p of c.paragraphs) inside(p.labelRange, lines, `paragraph ${p.path}`);
    }
    for (const p of s.parts) inside(p.range, lines, `part ${p.id}`);
    for (const h of s.subHeadings) inside(h.range, lines, 'sub-heading');
  }), { numRuns: RUNS * 2 });
});

test('every check and feature: no throw, ranges inside documents, for any workspace', () => {
  fc.assert(fc.property(fc.array(anyText, { minLength: 1, maxLength: NAMES.length }), texts => {
    const files = Object.fromEntries(texts.map((t, i) => [NAMES[i], t]));
    checkRanges(files);
  }), { numRuns: RUNS });
});

test('the same text gives the same answer (deterministic parse and checks)', () => {
  fc.assert(fc.property(secText, secText, (legal, consultation) => {
    const files = { 'a.sec.txt': legal, 'consultation-responses.txt': consultation };
    assert.deepEqual(everything(files), everything(files));
  }), { numRuns: RUNS });
});

test('after any sequence of edits, the result equals a fresh parse of the final text', () => {
  const edit = fc.record({ op: editOp, inOther: fc.boolean() });
  fc.assert(fc.property(secText, secText, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, otherStart, edits) => {
    const service = createSecLanguageService();
    const uri = 'file:///ws/g8.sec.txt';
    let other = otherStart;
    service.setDocument({ uri: 'file:///ws/a.sec.txt', version: 1, text: other });
    let text = start;
    service.setDocument({ uri, version: 1, text });
    service.getDiagnostics(uri);
    // Edits land in either file: findings in one depend on the other (terms, references).
    edits.forEach(({ op, inOther }, i) => {
      if (inOther) {
        other = applyEditOp(other, op);
        service.setDocument({ uri: 'file:///ws/a.sec.txt', version: i + 2, text: other });
      } else {
        text = applyEditOp(text, op);
        service.setDocument({ uri, version: i + 2, text });
      }
      if (i % 2 === 0) service.getDiagnostics(uri); // interleave queries so caches are exercised
    });
    const incremental = service.getDiagnostics(uri);
    const fresh = everything({ 'a.sec.txt': other, 'g8.sec.txt': text }).find(f => f.name === 'g8.sec.txt')!;
    assert.deepEqual(incremental, fresh.diagnostics);
    assert.deepEqual(service.getDocumentSymbols(uri), fresh.symbols);
  }), { numRuns: RUNS });
});
