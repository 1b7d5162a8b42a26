// Editor features on defined terms: hover, definition, references, highlights, rename,
// completion, code lens and semantic tokens, over a Section A file and two Section G files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { dedent, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/service/features/semanticTokens';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const A = dedent(`
  A1 DEFINITIONS

  A1.1 In this Code:
  Party | means a person which has acceded to this Code.
  Supplier Party | means a Party which holds a supply licence.
  User | means a Party which acts in a User Role.
  User Role | means each capacity in which a User may act.
  Assessment Year | has the meaning given to that expression in Section G1.2 (Assessment Years).
`);
const G1 = dedent(`
  G1 ASSESSMENTS

  G1.1 Each Supplier Party shall tell the User, and each User’s Supplier Parties shall comply.

  G1.2 Each period of twelve months shall be an “Assessment Year” of that User.
`);
const G2 = 'G2 OTHER\n\nG2.1 A Supplier Party in its first Assessment Year shall act.\n';

function at(fixture: string) {
  const { text, position } = withCursor(fixture);
  const service = workspaceOf({ 'a.sec.txt': A, 'g1.sec.txt': G1, 'g2.sec.txt': text });
  return { service, uri: uriOf('g2.sec.txt'), position };
}

test('hover: definition text, where defined, uses, and the terms the definition uses', () => {
  const { service, uri, position } = at('G2.1 A Supplier Pa$$CURSOR$$rty acts.\n');
  const hover = service.getHover(uri, position)!;
  const md = (hover.contents as { value: string }).value;
  assert.match(md, /\*\*Supplier Party\*\* \(defined term\)/);
  assert.match(md, /means a Party which holds a supply licence\\\./);
  assert.match(md, /a\\\.sec\\\.txt line 5: defined/);
  assert.match(md, /Used 3 times in 2 files\./);
  assert.match(md, /Its definition uses: \[Party\]\(file:\/\/\/ws\/a\.sec\.txt#L4\)/);
  assert.deepEqual(hover.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 21 } });
});

test('hover on a pointer term shows the inline definition and both sites', () => {
  const { service, uri, position } = at('G2.1 In its first Assessment Ye$$CURSOR$$ar.\n');
  const md = (service.getHover(uri, position)!.contents as { value: string }).value;
  assert.match(md, /shall be an “Assessment Year” of that User\\\./);
  assert.match(md, /points to Section G1\\\.2/);
});

test('go to definition: the site that carries the meaning first, then the pointer row', () => {
  const { service, uri, position } = at('G2.1 In its first Assessment Ye$$CURSOR$$ars.\n');
  const defs = service.getDefinition(uri, position);
  assert.deepEqual(defs.map(d => [d.uri, d.range.start.line]), [[uriOf('g1.sec.txt'), 4], [uriOf('a.sec.txt'), 7]]);
});

test('references across files, plurals and possessives included, declaration on request', () => {
  const { service, uri, position } = at('G2.1 The Us$$CURSOR$$er acts.\n');
  const refs = service.getReferences(uri, position, false);
  const texts = refs.map(r => {
    const doc = workspaceIndexOf(service).document(r.uri)!;
    return TextDocument.create(r.uri, 'sec', 1, doc.text).getText(r.range);
  });
  assert.deepEqual(texts.sort(), ['User', 'User', 'User', 'User', 'User’s'].sort());
  assert.equal(service.getReferences(uri, position, true).length, refs.length + 1);
});

test('document highlights: the uses in this file, and the definition site as a write', () => {
  const service = workspaceOf({ 'a.sec.txt': A, 'g1.sec.txt': G1 });
  const highlights = service.getDocumentHighlights(uriOf('a.sec.txt'), { line: 5, character: 1 });
  assert.deepEqual(highlights.map(h => [h.range.start.line, h.kind]), [[5, 3], [6, 2]]);
});

test('rename: every site and use across the workspace, keeping plurals and possessives', () => {
  const { service, uri, position } = at('G2.1 A Supplier Pa$$CURSOR$$rty in its first Assessment Year shall act.\n');
  assert.deepEqual(service.prepareRename(uri, position), { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 21 } }, placeholder: 'Supplier Party' });
  const edit = service.rename(uri, position, 'Licensed Supplier Entity')!;
  const apply = (u: string) => TextDocument.applyEdits(TextDocument.create(u, 'sec', 1, workspaceIndexOf(service).document(u)!.text), (edit.changes![u] ?? []) as TextEdit[]);
  assert.match(apply(uriOf('a.sec.txt')), /^Licensed Supplier Entity \| means a Party/m);
  assert.match(apply(uriOf('g1.sec.txt')), /Each Licensed Supplier Entity shall tell the User, and each User’s Licensed Supplier Entities shall comply/);
  assert.match(apply(uriOf('g2.sec.txt')), /A Licensed Supplier Entity in its first/);
  const possessive = service.rename(uriOf('g1.sec.txt'), { line: 2, character: G1.split('\n')[2].indexOf('User’s') + 2 }, 'Member')!;
  assert.match(TextDocument.applyEdits(TextDocument.create('x', 'sec', 1, G1), possessive.changes![uriOf('g1.sec.txt')] as TextEdit[]), /each Member’s Supplier Parties/);
  assert.equal(service.prepareRename(uri, { line: 0, character: 2 })?.placeholder, 'G2.1', 'on a clause number, the clause is renamed (renumber.test.ts)');
  const plural = workspaceOf({ 'g.sec.txt': 'G1.1 Each Party (together, the “Relevant Parties”) acts.\nG1.2 A Relevant Party’s duty.\n' });
  const renamed = plural.rename(uriOf('g.sec.txt'), { line: 1, character: 10 }, 'Affected Bodies')!;
  assert.deepEqual(renamed.changes![uriOf('g.sec.txt')].map(e => e.newText), ['Affected Bodies', 'Affected Body’s']);
});

test('completion: defined terms with their definitions; several typed words are replaced together', () => {
  const { service, uri, position } = at('G2.1 The User Ro$$CURSOR$$\n');
  const items = service.getCompletions(uri, position);
  const role = items.find(i => i.label === 'User Role')!;
  assert.ok(role, 'User Role offered');
  assert.match((role.documentation as { value: string }).value, /means each capacity/);
  assert.deepEqual((role.textEdit as TextEdit).range, { start: { line: 0, character: 9 }, end: position });
  const none = at('G2.1 See Section G$$CURSOR$$\n');
  assert.ok(!none.service.getCompletions(none.uri, none.position).some(i => i.label === 'User Role'), 'no terms after "Section "');
});

test('code lens: "N uses of Term" on each definition, listing the uses with the server\'s command', () => {
  const service = workspaceOf({ 'a.sec.txt': A, 'g1.sec.txt': G1, 'g2.sec.txt': G2 });
  const lenses = service.getCodeLenses(uriOf('a.sec.txt')).filter(l => l.command?.command === 'secDrafting.lsp.showLocations');
  const supplier = lenses.find(l => l.range.start.line === 4)!;
  assert.equal(supplier.command!.title, '3 uses of Supplier Party');
  assert.equal(supplier.command!.arguments![3], 'uses of Supplier Party', 'what the list is, for the message other clients show');
  const [lensUri, pos, locations] = supplier.command!.arguments as [string, unknown, unknown[]];
  assert.equal(lensUri, uriOf('a.sec.txt'));
  assert.deepEqual(pos, { line: 4, character: 0 });
  assert.equal(locations.length, 3);
});

test('semantic tokens: definition sites as declarations, uses, and clause references', () => {
  const service = workspaceOf({ 'a.sec.txt': A, 'g1.sec.txt': G1 });
  const data = service.getSemanticTokens(uriOf('a.sec.txt')).data;
  const tokens: { line: number; char: number; length: number; type: string; mods: number }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    tokens.push({ line, char, length: data[i + 2], type: SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], mods: data[i + 4] });
  }
  assert.deepEqual(tokens.find(t => t.line === 4 && t.char === 0), { line: 4, char: 0, length: 14, type: 'variable', mods: 3 });
  assert.ok(tokens.some(t => t.line === 4 && t.type === 'variable' && t.mods === 2 && t.length === 5), 'the use of Party in the definition');
  assert.ok(tokens.some(t => t.line === 7 && t.type === 'namespace'), 'the reference to Section G1.2');
});
