// Renumbering that keeps every reference right: rename a clause number, insert a clause (with
// or without "renumber the rest"), renumber a lettered list; references follow in every file.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { dedent, uriOf, withCursor, workspaceOf } from '../helpers/fixtures';
import type { SecLanguageService } from '../../server/src/service';
import { RENUMBER_COMMANDS } from '../../server/src/service/features/renumber';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  G8.43 Where this Section G8.43 applies, the User shall be assessed.

  G8.44 Where a Supplier Party exceeds the threshold in Section G8.44A, it shall be assessed.

  G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises shall be assessed.

  G8.44B A Non-Domestic Supplier shall be subject to the cycle in Section G8.43.

  G8.44C For the avoidance of doubt, a Supplier Party to which Section G8.44B applies shall be assessed.

  G8.45 The Panel shall review Sections G8.44A to G8.44C, and Section G8.45A(b).

  G8.45A The Panel shall publish:
  (a) its review; and
  (b) its reasons.
`);

const OTHER = dedent(`
  SECTION A: DEFINITIONS

  A1 DEFINITIONS

  A1.1 A Supplier Party to which Section G8.44C applies is a Small Supplier (see Sections G8.44A to G8.44C and Section G8.44C(a)).
`);

const RESPONSES = dedent(`
  Question 1: Do you agree with the changes?

  Respondent | Category | Response | Rationale
  Acme Energy | Large Supplier | Yes | We agree with G8.44C as drafted.
`);

function files(): Record<string, string> {
  return { 'g8.sec.txt': G8, 'a1.sec.txt': OTHER, 'consultation-responses.txt': RESPONSES };
}

/** Every file's text after a workspace edit (files without edits unchanged). */
function applyEdit(service: SecLanguageService, edit: WorkspaceEdit): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(files())) {
    const uri = uriOf(name);
    const text = workspaceIndexOf(service).document(uri)!.text;
    out[name] = TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, text), (edit.changes?.[uri] ?? []) as TextEdit[]);
  }
  return out;
}

function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex(l => l.startsWith(start));
}

test('prepareRename on a clause number and on a reference to it', () => {
  const service = workspaceOf(files());
  const g8 = uriOf('g8.sec.txt');
  const line = lineOf(G8, 'G8.44C');
  assert.deepEqual(service.prepareRename(g8, { line, character: 3 }), { range: { start: { line, character: 0 }, end: { line, character: 6 } }, placeholder: 'G8.44C' });
  const refLine = lineOf(OTHER, 'A1.1');
  const character = OTHER.split('\n')[refLine].indexOf('G8.44C(a)') + 2;
  const prepared = service.prepareRename(uriOf('a1.sec.txt'), { line: refLine, character });
  assert.equal(prepared?.placeholder, 'G8.44C');
  assert.equal(prepared!.range.end.character - prepared!.range.start.character, 6, 'the number only, not its paragraph');
});

test('rename of a clause number is carried through references, ranges and paragraph references in several files', () => {
  const service = workspaceOf(files());
  const edit = service.rename(uriOf('g8.sec.txt'), { line: lineOf(G8, 'G8.44C'), character: 2 }, 'G8.44D')!;
  assert.ok(edit);
  const after = applyEdit(service, edit);
  assert.match(after['g8.sec.txt'], /^G8\.44D For the avoidance of doubt/m);
  assert.match(after['g8.sec.txt'], /review Sections G8\.44A to G8\.44D, and Section G8\.45A\(b\)/);
  assert.match(after['a1.sec.txt'], /to which Section G8\.44D applies is a Small Supplier \(see Sections G8\.44A to G8\.44D and Section G8\.44D\(a\)\)/);
  assert.equal(after['consultation-responses.txt'], RESPONSES, 'respondents’ words are never edited');
  assert.equal(edit.changes?.[uriOf('consultation-responses.txt')], undefined);
  assert.doesNotMatch(Object.values(after).slice(0, 2).join('\n'), /G8\.44C/);
});

test('the same rename from a reference in another file', () => {
  const service = workspaceOf(files());
  const refLine = lineOf(OTHER, 'A1.1');
  const edit = service.rename(uriOf('a1.sec.txt'), { line: refLine, character: OTHER.split('\n')[refLine].indexOf('G8.44C') + 1 }, 'G8.44D')!;
  assert.match(applyEdit(service, edit)['g8.sec.txt'], /^G8\.44D For/m);
});

test('a number already taken, a malformed number and an unknown clause are refused with a reason', () => {
  const service = workspaceOf(files());
  const g8 = uriOf('g8.sec.txt');
  const at = { line: lineOf(G8, 'G8.44C'), character: 2 };
  assert.match(service.renameRefusal(g8, at, 'G8.45')!, /G8\.45 already exists \(g8\.sec\.txt line \d+\)/);
  assert.equal(service.rename(g8, at, 'G8.45'), null);
  assert.match(service.renameRefusal(g8, at, 'clause 9')!, /not a clause number/);
  assert.equal(service.renameRefusal(g8, at, 'G8.44D'), undefined);
  assert.equal(service.renameRefusal(g8, at), undefined);
  const { text, position } = withCursor('G9.1 See Section G8.4$$CURSOR$$8.\n');
  const other = workspaceOf({ ...files(), 'g9.sec.txt': text });
  assert.match(other.renameRefusal(uriOf('g9.sec.txt'), position)!, /no clause G8\.48/);
  assert.equal(other.prepareRename(uriOf('g9.sec.txt'), position), null);
});

test('insert a clause after G8.44C: G8.44D, nothing else moves', () => {
  const service = workspaceOf(files());
  const answer = service.executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: 'G8.44C' }]);
  assert.ok(answer && 'ok' in answer);
  const after = applyEdit(service, answer.ok);
  assert.match(after['g8.sec.txt'], /to which Section G8\.44B applies shall be assessed\.\n\nG8\.44D \[Text of the new clause\]\n\nG8\.45 The Panel/);
  assert.equal(after['a1.sec.txt'], OTHER);
});

test('insert a clause after G8.44C with "renumber the rest": G8.45, later clauses and their references follow', () => {
  const service = workspaceOf(files());
  const answer = service.executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: 'G8.44C', renumberRest: true }]);
  assert.ok(answer && 'ok' in answer);
  const g8 = applyEdit(service, answer.ok)['g8.sec.txt'];
  assert.match(g8, /\nG8\.45 \[Text of the new clause\]\n\nG8\.46 The Panel shall review Sections G8\.44A to G8\.44C, and Section G8\.46A\(b\)\.\n\nG8\.46A The Panel shall publish:/);
});

test('insert after G8.44A with "renumber the rest": its lettered siblings take whole numbers', () => {
  const service = workspaceOf(files());
  const answer = service.executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: 'G8.44A', renumberRest: true }]);
  assert.ok(answer && 'ok' in answer);
  const after = applyEdit(service, answer.ok);
  const ids = after['g8.sec.txt'].split('\n').map(l => /^(G8\.\d+[A-Z]*) /.exec(l)?.[1]).filter(Boolean);
  assert.deepEqual(ids, ['G8.43', 'G8.44', 'G8.44A', 'G8.45', 'G8.46', 'G8.47', 'G8.48', 'G8.48A']);
  assert.match(after['a1.sec.txt'], /Section G8\.47 applies.*Sections G8\.44A to G8\.47 and Section G8\.47\(a\)/);
});

test('an insertion with no number free is refused, and offered with "renumber the rest"', () => {
  const service = workspaceOf(files());
  const answer = service.executeCommand(RENUMBER_COMMANDS.insertClause, [{ clause: 'G8.44' }]);
  assert.ok(answer && 'refused' in answer);
  assert.match(answer.refused, /G8\.44A already exists.*renumber the rest/);
  const line = lineOf(G8, 'G8.44 ');
  const titles = service.getCodeActions(uriOf('g8.sec.txt'), { start: { line, character: 0 }, end: { line, character: 0 } }).map(a => a.title);
  assert.deepEqual(titles.filter(t => /Insert/.test(t)), ['Insert clause after G8.44 as G8.45, renumbering the rest (5 clauses)']);
});

test('code actions on a clause number offer both insertions, with edits', () => {
  const service = workspaceOf(files());
  const line = lineOf(G8, 'G8.44C');
  const actions = service.getCodeActions(uriOf('g8.sec.txt'), { start: { line, character: 1 }, end: { line, character: 1 } });
  const insert = actions.filter(a => /Insert/.test(a.title));
  assert.deepEqual(insert.map(a => a.title), ['Insert clause after G8.44C (G8.44D)', 'Insert clause after G8.44C as G8.45, renumbering the rest (2 clauses)']);
  assert.ok(insert.every(a => a.edit?.changes && a.kind === 'refactor.rewrite'));
  assert.deepEqual(service.getCodeActions(uriOf('g8.sec.txt'), { start: { line, character: 1 }, end: { line, character: 1 } }, ['quickfix']).filter(a => /Insert/.test(a.title)), []);
});

test('renumber a lettered list, and the references to its paragraphs', () => {
  const g = dedent(`
    G8.41 A Supplier Party shall:
    (a) do one thing;
    (b) do another:
    (i) first; and
    (iii) second; and
    (d) do the last.

    G8.42 Nothing in Section G8.41(d) or Section G8.41(b)(iii) limits Section G8.41(a).
  `);
  const service = workspaceOf({ 'g.sec.txt': g });
  const actions = service.getCodeActions(uriOf('g.sec.txt'), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  const action = actions.find(a => a.title === 'Renumber the paragraphs of G8.41 in sequence');
  assert.ok(action?.edit);
  const uri = uriOf('g.sec.txt');
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'sec', 1, g), action.edit.changes![uri] as TextEdit[]);
  assert.match(after, /\(a\) do one thing;\n\(b\) do another:\n\(i\) first; and\n\(ii\) second; and\n\(c\) do the last\./);
  assert.match(after, /Nothing in Section G8\.41\(c\) or Section G8\.41\(b\)\(ii\) limits Section G8\.41\(a\)\./);
  const done = workspaceOf({ 'g.sec.txt': after });
  const again = done.executeCommand(RENUMBER_COMMANDS.renumberParagraphs, [{ clause: 'G8.41' }]);
  assert.ok(again && 'refused' in again && /already in sequence/.test(again.refused));
});

test('unknown commands and bad arguments are answered, never thrown', () => {
  const service = workspaceOf(files());
  assert.equal(service.executeCommand('sec.nothing', []), undefined);
  const missing = service.executeCommand(RENUMBER_COMMANDS.insertClause, [null as unknown as object]);
  assert.ok(missing && 'refused' in missing);
  const renamed = service.executeCommand(RENUMBER_COMMANDS.renameClause, [{ from: 'G8.44C', to: 'G8.44D' }]);
  assert.ok(renamed && 'ok' in renamed);
  assert.match(applyEdit(service, renamed.ok)['a1.sec.txt'], /Section G8\.44D applies/);
});

test('renumber a Part in sequence from its first number, inserted clauses included, with every reference', () => {
  const service = workspaceOf(files());
  const answer = service.executeCommand(RENUMBER_COMMANDS.renumberPart, [{ part: 'G8' }]);
  assert.ok(answer && 'ok' in answer);
  const after = applyEdit(service, answer.ok);
  const ids = after['g8.sec.txt'].split('\n').map(l => /^(G8\.\d+[A-Z]*) /.exec(l)?.[1]).filter(Boolean);
  assert.deepEqual(ids, ['G8.43', 'G8.44', 'G8.45', 'G8.46', 'G8.47', 'G8.48', 'G8.49']);
  assert.match(after['g8.sec.txt'], /review Sections G8\.45 to G8\.47, and Section G8\.49\(b\)/);
  assert.match(after['a1.sec.txt'], /Section G8\.47 applies.*Sections G8\.45 to G8\.47 and Section G8\.47\(a\)/);
  const line = G8.split('\n').findIndex(l => l.startsWith('G8 USER'));
  const titles = service.getCodeActions(uriOf('g8.sec.txt'), { start: { line, character: 0 }, end: { line, character: 0 } }).map(a => a.title);
  assert.deepEqual(titles, ['Renumber the clauses of G8 in sequence (5 clauses)']);
});

test('a Part with an elision or a duplicated number is not renumbered', () => {
  const elided = workspaceOf({ 'g.sec.txt': 'G8 PART\n\nG8.1 One.\n\n[...]\n\nG8.5 Five.\n' });
  const r = elided.executeCommand(RENUMBER_COMMANDS.renumberPart, [{ part: 'G8' }]);
  assert.ok(r && 'refused' in r && /excerpt/.test(r.refused));
  const twice = workspaceOf({ 'g.sec.txt': 'G8 PART\n\nG8.1 One.\n\nG8.1 Again.\n\nG8.3 Three.\n' });
  const t = twice.executeCommand(RENUMBER_COMMANDS.renumberPart, [{ part: 'G8' }]);
  assert.ok(t && 'refused' in t && /G8\.1 is numbered twice/.test(t.refused));
});
