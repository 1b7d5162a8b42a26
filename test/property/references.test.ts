// Property tests of the reference scanner and the clause features: whatever the text, no
// throw; every reference lies inside its line, its targets and heading inside it, in order;
// text cut from a larger file scans the same, shifted; folding ranges are within the file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { scanLine, scanReferences } from '../../server/src/service/model/references';
import { splitLines } from '../../server/src/service/text/lines';
import { createSecLanguageService } from '../../server/src/service';
import { anyText, secText } from '../helpers/arbitraries';

const RUNS = Number(process.env.FC_RUNS ?? 150);

test('every reference, target and heading lies inside its line, in order', () => {
  fc.assert(fc.property(anyText, text => {
    for (const l of splitLines(text)) {
      let last = 0;
      for (const ref of scanLine(l.text, l.line)) {
        assert.ok(ref.range.start.character >= last && ref.range.end.character <= l.text.length, 'reference inside the line, after the previous one');
        assert.equal(l.text.slice(ref.range.start.character, ref.range.start.character + 7), 'Section');
        for (const t of ref.targets) {
          assert.equal(l.text.slice(t.idRange.start.character, t.idRange.end.character), t.id);
          assert.ok(t.range.start.character >= ref.range.start.character && t.range.end.character <= ref.range.end.character);
        }
        if (ref.headingRange) assert.equal(l.text.slice(ref.headingRange.start.character, ref.headingRange.end.character), ref.heading);
        last = ref.range.end.character;
      }
    }
  }), { numRuns: RUNS });
});

test('scanning text cut from a file gives the same references, shifted by where it starts', () => {
  fc.assert(fc.property(secText, fc.nat(40), fc.nat(12), (text, line, character) => {
    const plain = scanReferences(text);
    const shifted = scanReferences(text, { line, character });
    assert.equal(shifted.length, plain.length);
    plain.forEach((r, i) => {
      const s = shifted[i];
      assert.equal(s.range.start.line, r.range.start.line + line);
      assert.equal(s.range.start.character, r.range.start.character + (r.range.start.line === 0 ? character : 0));
      assert.deepEqual(s.targets.map(t => t.id), r.targets.map(t => t.id));
    });
  }), { numRuns: RUNS });
});

test('folding ranges and workspace symbols stay inside their files', () => {
  fc.assert(fc.property(secText, secText, (a, b) => {
    const service = createSecLanguageService();
    const files = { 'file:///ws/a.sec.txt': a, 'file:///ws/b.sec.md': b };
    for (const [uri, text] of Object.entries(files)) service.setDocument({ uri, version: 1, text });
    for (const [uri, text] of Object.entries(files)) {
      const count = splitLines(text).length;
      for (const r of service.getFoldingRanges(uri)) assert.ok(r.startLine < r.endLine && r.endLine < count, `${uri} fold ${r.startLine}-${r.endLine} of ${count}`);
    }
    for (const s of service.getWorkspaceSymbols('')) {
      const loc = s.location as { uri: string; range: { end: { line: number } } };
      assert.ok(loc.range.end.line < splitLines(files[loc.uri as keyof typeof files]).length);
    }
  }), { numRuns: RUNS });
});
