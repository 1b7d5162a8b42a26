// Properties of the threshold and number models over generated SEC-like text: nothing throws,
// every range lies inside its line and covers what it claims, a hover answers on every
// threshold, and applying the certain number-format fixes leaves none behind.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSecLanguageService } from '../../server/src/service';
import type { LegalModel } from '../../server/src/service/model/document';
import { numbersOf } from '../../server/src/service/model/numbers';
import { thresholdsOf } from '../../server/src/service/model/thresholds';
import { secText } from '../helpers/arbitraries';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const RUNS = Number(process.env.FC_RUNS ?? 150);
const URI = 'file:///ws/g8.sec.txt';

const comparison = fc.constantFrom('more than ', 'at least ', 'fewer than ', 'not exceeding ', 'exceeds ', '', 'does not exceed ', 'up to and including ');
const amount = fc.constantFrom('250,000', '250000', '50,000', 'fifty thousand', 'two hundred and fifty thousand', '25,0000', '5 (five)', 'five (6)', '£5,000', '2019', '10');
const suffix = fc.constantFrom(' or more', ' or fewer', ' or less', '');
const subject = fc.constantFrom(' Domestic Premises', ' Non-Domestic Premises', ' Smart Metering Systems', ' meters', ' Working Days', ' persons', '', ' per cent of the votes');
const tail = fc.constantFrom(', and which does not supply any Non-Domestic Premises,', ' and no Domestic Premises', '', ' in any year', ', and a Supplier Party whose Combined Premises Number is 250,000 or less,');

const sentence = fc.tuple(fc.integer({ min: 1, max: 60 }), comparison, amount, suffix, subject, tail)
  .map(([n, c, a, s, u, t]) => `G8.${n} A Supplier Party which supplies ${c}${a}${s}${u}${t} shall be subject to a Full User Security Assessment.`);

const document = fc.array(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: secText }), { minLength: 1, maxLength: 12 })
  .map(parts => `G8 USER SECURITY ASSURANCE\n\n${parts.join('\n\n')}\n`);

function serviceOf(text: string) {
  const service = createSecLanguageService();
  service.setDocument({ uri: URI, version: 1, text });
  return service;
}

test('threshold and number ranges lie on their lines and cover their text; hover answers on each threshold', () => {
  fc.assert(fc.property(document, text => {
    const service = serviceOf(text);
    const model = workspaceIndexOf(service).model(URI) as LegalModel;
    const lines = model.lines.map(l => l.text);
    for (const n of numbersOf(model)) assert.equal(lines[n.line].slice(n.start, n.end), n.text);
    for (const t of thresholdsOf(model).thresholds) {
      const { start, end } = t.range;
      assert.ok(start.line <= end.line && end.line < lines.length);
      if (start.line === end.line) assert.equal(lines[start.line].slice(start.character, end.character), t.text);
      assert.ok(service.getHover(URI, start), `hover at ${JSON.stringify(start)}`);
    }
    service.getDiagnostics(URI);
  }), { numRuns: RUNS });
});

test('after the certain number-format fixes, no certain number-format fix is left', () => {
  fc.assert(fc.property(document, text => {
    const service = serviceOf(text);
    const fixes = service.getDiagnostics(URI).filter(d => d.code === 'number-format').flatMap(d => d.fixes?.filter(f => f.certain) ?? []);
    if (fixes.length === 0) return;
    const edits = fixes.flatMap(f => f.edits).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const kept = edits.filter((e, i) => i === 0 || !(e.range.start.line === edits[i - 1].range.start.line && e.range.start.character < edits[i - 1].range.end.character));
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'sec', 1, text), kept.map(e => ({ range: e.range, newText: e.newText })));
    const again = serviceOf(fixed).getDiagnostics(URI).filter(d => d.code === 'number-format' && d.fixes?.some(f => f.certain));
    assert.deepEqual(again.map(d => d.message), []);
  }), { numRuns: RUNS });
});
