import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { dedent, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import { clauseLocationsFor } from '../../server/src/service/features/clauseNavigation';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  Supplier Parties

  G8.40 A Supplier Party which supplies more than 250,000 Domestic Premises
  shall be assessed each year.

  G8.41 Where a Supplier Party supplies both, it shall:
  (a) count its premises; and
  (b) report them to the <Panel>
  within ten days.

  G8.42 See Section G8.41(b) and Sections G8.40 to G8.41.
`);

/** A workspace with G8 and one more file holding the cursor. */
function at(name: string, textWithCursor: string) {
  const { text, position } = withCursor(textWithCursor);
  const service = workspaceOf({ 'g8.sec.txt': G8, [name]: text });
  return { service, uri: uriOf(name), position };
}

const hoverText = (h: ReturnType<ReturnType<typeof workspaceOf>['getHover']>) => (h?.contents as MarkupContent | undefined)?.value ?? '';

test('hover on a reference: heading, opening words, and the paragraph it names', () => {
  const { service, uri, position } = at('a.sec.txt', 'A1.1 As in Section G8.4$$CURSOR$$1(b) (Supplier Parties).\n');
  const hover = service.getHover(uri, position);
  const md = hoverText(hover);
  assert.match(md, /\*\*G8\.41\*\* — Supplier Parties/);
  assert.match(md, /Where a Supplier Party supplies both, it shall:/);
  assert.match(md, /report them to the &lt;Panel&gt; within ten days\\./, 'the paragraph with its wrapped line, escaped');
  assert.deepEqual(hover?.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 27 } });
});

test('hover on a clause number joins the lines that continue it; on a Part, its heading', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8 });
  const clause = hoverText(service.getHover(uriOf('g8.sec.txt'), { line: 6, character: 2 }));
  assert.match(clause, /250,000 Domestic Premises shall be assessed each year/);
  assert.match(clause, /_g8\\.sec\\.txt, line 7 · referred to once_/);
  const part = hoverText(service.getHover(uriOf('g8.sec.txt'), { line: 2, character: 1 }));
  assert.match(part, /\*\*G8\*\* — USER SECURITY ASSURANCE/);
});

test('hover on a reference to an absent clause says so', () => {
  const { service, uri, position } = at('a.sec.txt', 'A1.1 See Section H1$$CURSOR$$.3.\n');
  assert.match(hoverText(service.getHover(uri, position)), /H1\.3\*\* is not in this workspace/);
});

test('definition: reference → clause, paragraph → its label, Part → heading', () => {
  const { service, uri, position } = at('a.sec.txt', 'A1.1 See Section G8.4$$CURSOR$$0 and Section G8.41(b) and Section G8.\n');
  assert.deepEqual(service.getDefinition(uri, position), [{ uri: uriOf('g8.sec.txt'), range: { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } } }]);
  assert.deepEqual(service.getDefinition(uri, { line: 0, character: 38 })[0].range.start, { line: 11, character: 0 });
  assert.deepEqual(service.getDefinition(uri, { line: 0, character: 57 })[0].range.start, { line: 2, character: 0 });
});

test('definition works from a consultation comment that names a clause without "Section"', () => {
  const { service, uri, position } = at('responses.txt', 'Respondent | Category | Response\nE.ON | Large Supplier | We query G8.4$$CURSOR$$1 and G9.99.\n');
  assert.equal(service.getDefinition(uri, position)[0]?.uri, uriOf('g8.sec.txt'));
  assert.deepEqual(service.getDefinition(uri, { line: 1, character: 45 }), []);
});

test('references on a clause number: direct references and ranges that cover it', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'a.sec.txt': 'A1.1 See Section G8.41 (Supplier Parties).\n' });
  const refs = service.getReferences(uriOf('g8.sec.txt'), { line: 9, character: 3 }, false);
  assert.deepEqual(refs.map(r => `${r.uri.split('/').pop()}:${r.range.start.line}:${r.range.start.character}`).sort(),
    ['a.sec.txt:0:17', 'g8.sec.txt:14:18', 'g8.sec.txt:14:49']);
  const withDecl = service.getReferences(uriOf('g8.sec.txt'), { line: 9, character: 3 }, true);
  assert.equal(withDecl.length, 4);
});

test('clauseLocationsFor finds clauses, Parts and Sections', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8 });
  assert.deepEqual(clauseLocationsFor(['G8.42', 'G8', 'G', 'G9.1'], workspaceIndexOf(service)).map(l => l.range.start.line), [14, 2, 0]);
});

test('workspace symbols: by number or by heading word', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8 });
  assert.deepEqual(service.getWorkspaceSymbols('G8.41').map(s => s.name), ['G8.41 Supplier Parties']);
  assert.deepEqual(service.getWorkspaceSymbols('supplier').map(s => s.name), ['G8.40 Supplier Parties', 'G8.41 Supplier Parties', 'G8.42 Supplier Parties']);
  assert.ok(service.getWorkspaceSymbols('assurance').some(s => s.name === 'G8 USER SECURITY ASSURANCE'));
  assert.equal(service.getWorkspaceSymbols('').length, 4);
  assert.deepEqual(service.getWorkspaceSymbols('g841').map(s => s.name), ['G8.41 Supplier Parties']);
});

test('folding by Part and by multi-line clause', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8 });
  assert.deepEqual(service.getFoldingRanges(uriOf('g8.sec.txt')).map(r => [r.startLine, r.endLine]), [[2, 14], [6, 7], [9, 12]]);
});

test('completion of clause numbers after "Section " and after "to ", with headings', () => {
  const { service, uri, position } = at('a.sec.txt', 'A1.1 Under Section G8.4$$CURSOR$$\n');
  const items = service.getCompletions(uri, position).filter(i => /^[A-Z]\d/.test(i.label));
  assert.deepEqual(items.map(i => i.label), ['G8.40', 'G8.41', 'G8.42']);
  assert.equal(items[0].detail, 'Supplier Parties');
  assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range.start : undefined, { line: 0, character: 19 });
  const after = at('b.sec.txt', 'A1.1 Sections G8.40 to $$CURSOR$$\n');
  assert.ok(after.service.getCompletions(after.uri, after.position).some(i => i.label === 'G8.42'));
  const none = at('c.sec.txt', 'A1.1 Under section $$CURSOR$$\n');
  assert.ok(!none.service.getCompletions(none.uri, none.position).some(i => i.label === 'G8.42'));
});

test('completion of the paragraphs of a clause after "Section G8.41("', () => {
  const { service, uri, position } = at('a.sec.txt', 'A1.1 Under Section G8.41($$CURSOR$$\n');
  const items = service.getCompletions(uri, position).filter(i => i.label.startsWith('('));
  assert.deepEqual(items.map(i => i.label), ['(a)', '(b)']);
  assert.equal(items[1].detail, 'report them to the <Panel>');
  assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range.start : undefined, { line: 0, character: 24 });
  const partial = at('b.sec.txt', 'A1.1 Under Section G8.41(b$$CURSOR$$\n');
  assert.deepEqual(partial.service.getCompletions(partial.uri, partial.position).filter(i => i.label.startsWith('(')).map(i => i.label), ['(b)']);
});
