// Property tests of the collation readers: whatever the text, no throw, every comment and
// problem range inside the file, ids unique, and the same text gives the same comments.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSecLanguageService } from '../../server/src/service';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import type { Range } from '../../server/src/service/types';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const RUNS = Number(process.env.FC_RUNS ?? 150);

const PIECES = [
  ' Question 1: Do you agree?', 'Question 2 - Any other comments?', 'Respondent Category Response Rationale', 'Respondent Category Comments',
  ' Respondent', 'Category', 'Comments', 'EDF Energy Large Supplier | Approve We agree.', 'Haven Power Small Supplier | Reject The threshold',
  'Limited in G8.41 is wrong.', 'Smart DCC Other Approve Text', 'respondent other users', 'SSE Large Supplier', 'E.ON Large Supplier | See G8.44A-C.',
  'N3rgy Limited', 'Other Party', 'Page 2 of 3', '| Western Power | Network Party | Abstain | |', '', '', 'plain prose line.', 'G8.41 G8.99 Section G8.44A to G8.44C',
  'question,respondent,category,response,text', '1,SSE,Large Supplier,Approve,"a ""quoted"" text', '[{"respondent": "SSE", "text": "G8.41"}]', '{"comments": [',
];

const collationText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), { maxLength: 40 }).map(lines => lines.join('\n'));

function inside(range: Range, lines: string[], what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: column ${p.character} outside line ${p.line}`);
  }
}

const LEGAL = 'G8 USER SECURITY ASSURANCE\n\nG8.41 A Supplier Party shall count Non-Domestic Premises.\n\nG8.44A A threshold of 50,000 Non-Domestic Premises applies.\n';

function read(name: string, text: string) {
  const service = createSecLanguageService();
  service.setDocument({ uri: 'file:///ws/g8.sec.txt', version: 1, text: LEGAL });
  service.setDocument({ uri: `file:///ws/${name}`, version: 1, text, languageId: 'sec-consultation' });
  const model = workspaceIndexOf(service).model(`file:///ws/${name}`) as ConsultationModel;
  return { service, model, entries: service.getComments(), diagnostics: service.getDiagnostics(`file:///ws/${name}`) };
}

for (const name of ['consultation-responses.txt', 'responses.csv', 'responses.json']) {
  test(`${name}: never throws, ranges inside, unique ids, deterministic`, () => {
    fc.assert(fc.property(collationText, text => {
      const a = read(name, text);
      const lines = text.split(/\r\n|\r|\n/);
      assert.equal(a.model.kind, 'consultation');
      for (const c of a.model.comments) inside(c.range, lines, `comment ${c.id}`);
      for (const p of a.model.problems) inside(p.range, lines, 'problem');
      for (const d of a.diagnostics) inside(d.range, lines, d.code);
      assert.equal(new Set(a.model.comments.map(c => c.id)).size, a.model.comments.length);
      for (const e of a.entries) for (const l of e.links) assert.ok(l.score > 0 && l.score <= 1);
      const b = read(name, text);
      assert.deepEqual(b.model.comments, a.model.comments);
      assert.deepEqual(b.entries.map(e => e.links), a.entries.map(e => e.links));
    }), { numRuns: RUNS });
  });
}
