// Property tests of renumbering: whatever the Part (inserted clauses, references to any clause,
// ranges), inserting a clause with "renumber the rest", renumbering the Part or renaming a clause
// to a free number leaves clause numbers in order and every reference naming the clause it named
// before (recognised by each clause's own words).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createSecLanguageService } from '../../server/src/service';
import { RENUMBER_COMMANDS } from '../../server/src/service/features/renumber';
import { compareClauseNumbers, ordinalSuffix, parseClauseId } from '../../server/src/service/model/clauseIds';

const RUNS = Number(process.env.FC_RUNS ?? 100);
const URI = 'file:///ws/g8.sec.txt';

/** A Part of clauses G8.1 … with inserted letters, each citing others (by index) and its own tag. */
const partArb = fc.array(fc.record({ letters: fc.nat(3), cites: fc.array(fc.nat(40), { maxLength: 3 }) }), { minLength: 1, maxLength: 8 })
  .chain(bases => fc.constant(bases.flatMap((b, i) => Array.from({ length: b.letters + 1 }, (_, k) => ({ id: `G8.${i + 1}${ordinalSuffix(k)}`, cites: b.cites })))));

function textOf(clauses: { id: string; cites: number[] }[]): string {
  const lines = ['G8 PART', ''];
  clauses.forEach((c, i) => {
    const refs = c.cites.map(n => clauses[n % clauses.length].id);
    const range = clauses.length > 2 ? ` See Sections ${clauses[0].id} to ${clauses[clauses.length - 1].id}.` : '';
    lines.push(`${c.id} Tag${i}.${refs.map(r => ` See Section ${r}(a).`).join('')}${range}`, '');
  });
  return lines.join('\n');
}

/** Each clause's tag, and what each of its references points at, as tags. */
function meaning(text: string): { ids: string[]; cites: string[][] } {
  const clauses = text.split('\n').map(l => /^(G8\.\d+[A-Z]*) (?:\[[^\]]*\]|Tag(\d+))/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const tagOf = new Map(clauses.map(m => [m[1], m[2] ?? 'new']));
  const cites = text.split('\n').filter(l => /^G8\.\d/.test(l)).map(l => [...l.matchAll(/Sections? (G8\.\d+[A-Z]*)/g)].map(m => tagOf.get(m[1]) ?? `missing ${m[1]}`));
  return { ids: clauses.map(m => m[1]), cites };
}

function applied(text: string, edit: WorkspaceEdit): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'sec', 1, text), (edit.changes?.[URI] ?? []) as TextEdit[]);
}

function inOrder(ids: string[]): boolean {
  return ids.every((id, i) => i === 0 || compareClauseNumbers(parseClauseId(ids[i - 1])!, parseClauseId(id)!) < 0);
}

test('insertion with "renumber the rest" keeps numbers in order and every reference on its clause', () => {
  fc.assert(fc.property(partArb, fc.nat(), (clauses, pick) => {
    const text = textOf(clauses);
    const service = createSecLanguageService();
    service.setDocument({ uri: URI, version: 1, text });
    const anchor = clauses[pick % clauses.length].id;
    const answer = service.executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: anchor, renumberRest: true }]);
    assert.ok(answer && 'ok' in answer);
    const after = meaning(applied(text, answer.ok));
    assert.ok(inOrder(after.ids), after.ids.join());
    assert.equal(after.ids.length, clauses.length + 1);
    const before = meaning(text);
    assert.deepEqual(after.cites.filter((_, i) => after.ids[i] !== after.ids[clauses.findIndex(c => c.id === anchor) + 1]), before.cites);
  }), { numRuns: RUNS });
});

test('renumbering the Part keeps every reference on its clause; renaming to a taken number is always refused', () => {
  fc.assert(fc.property(partArb, fc.nat(), fc.nat(), (clauses, a, b) => {
    const text = textOf(clauses);
    const service = createSecLanguageService();
    service.setDocument({ uri: URI, version: 1, text });
    const answer = service.executeCommand(RENUMBER_COMMANDS.renumberPart, [{ part: 'G8' }]);
    const before = meaning(text);
    if (answer && 'ok' in answer) {
      const after = meaning(applied(text, answer.ok));
      assert.deepEqual(after.ids, clauses.map((_, i) => `G8.${i + 1}`));
      assert.deepEqual(after.cites, before.cites);
    } else assert.ok(clauses.every(c => !/[A-Z]$/.test(c.id)), 'refused only when already in sequence');
    const [from, to] = [clauses[a % clauses.length].id, clauses[b % clauses.length].id];
    const renamed = service.executeCommand(RENUMBER_COMMANDS.renameClause, [{ from, to }]);
    assert.ok(renamed && (from === to ? 'ok' in renamed : 'refused' in renamed));
  }), { numRuns: RUNS });
});
