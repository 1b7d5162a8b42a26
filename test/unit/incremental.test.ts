// What an edit re-checks: findings in other documents are kept while what they read is unchanged,
// and recomputed as soon as it changes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { RULE_FAMILIES } from '../../server/src/service/rules';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { DerivedKey } from '../../server/src/service/cache';
import { createSecLanguageService } from '../../server/src/service';

const TARGET = 'G1 PANEL\n\nMeetings\n\nG1.1 The Panel shall meet monthly.\n\nG1.2 The Panel may meet more often.\n\nG2 SUB-COMMITTEES\n\nG2.1 The Panel may establish Sub-Committees.\n';
const CITING = 'H1 USERS\n\nH1.1 Users shall attend as set out in Section G1.2 (Meetings).\n\nH1.2 See Section G1.3.\n';

/** Counts calls of one family's check on one document while `run` runs. */
function countChecks(family: string, uri: string, run: () => void): number {
  const f = RULE_FAMILIES.find(x => x.name === family)!;
  const original = f.check;
  let calls = 0;
  f.check = ctx => {
    if (ctx.model.uri === uri) calls++;
    return original(ctx);
  };
  try {
    run();
  } finally {
    f.check = original;
  }
  return calls;
}

test('typing inside a clause keeps the reference findings of other documents, and the same list', () => {
  const service = workspaceOf({ 'g1.sec.txt': TARGET, 'h1.sec.txt': CITING });
  const before = service.getDiagnostics(uriOf('h1.sec.txt'));
  assert.deepEqual(findingsOf(service, 'h1.sec.txt'), ['5:10 broken-reference']);
  const calls = countChecks('references', uriOf('h1.sec.txt'), () => {
    service.setDocument({ uri: uriOf('g1.sec.txt'), version: 2, text: TARGET.replace('monthly', 'weekly') });
    assert.equal(service.getDiagnostics(uriOf('h1.sec.txt')), before, 'the same list object: nothing to re-send');
  });
  assert.equal(calls, 0);
});

test('a changed heading or a new clause elsewhere re-checks the references that read them', () => {
  const service = workspaceOf({ 'g1.sec.txt': TARGET, 'h1.sec.txt': CITING });
  assert.deepEqual(findingsOf(service, 'h1.sec.txt'), ['5:10 broken-reference']);
  const calls = countChecks('references', uriOf('h1.sec.txt'), () => {
    service.setDocument({ uri: uriOf('g1.sec.txt'), version: 2, text: TARGET.replace('Meetings', 'Proceedings') });
    assert.deepEqual(findingsOf(service, 'h1.sec.txt'), ['3:39 reference-heading-mismatch', '5:10 broken-reference']);
    service.setDocument({ uri: uriOf('g1.sec.txt'), version: 3, text: TARGET.replace('G2 SUB', 'G1.3 Minutes shall be kept.\n\nG2 SUB') });
    assert.deepEqual(findingsOf(service, 'h1.sec.txt'), []);
  });
  assert.equal(calls, 2);
});

test('legalSignature: the number changes only when a document signature changes or documents come and go', () => {
  const ws = new WorkspaceIndex();
  const firstLine = (m: { lines: { text: string }[] }) => m.lines[0].text;
  ws.set({ uri: 'file:///a.sec.txt', version: 1, text: 'G1 PANEL\nG1.1 One.\n' });
  const v1 = ws.legalSignature('first', firstLine);
  ws.set({ uri: 'file:///a.sec.txt', version: 2, text: 'G1 PANEL\nG1.1 Two.\n' });
  assert.equal(ws.legalSignature('first', firstLine), v1);
  ws.set({ uri: 'file:///a.sec.txt', version: 3, text: 'G2 PANEL\nG2.1 Two.\n' });
  const v2 = ws.legalSignature('first', firstLine);
  assert.notEqual(v2, v1);
  ws.set({ uri: 'file:///b.sec.txt', version: 1, text: 'G2 PANEL\n' });
  assert.notEqual(ws.legalSignature('first', firstLine), v2);
});

test('oneShot (the command line): no document signature is worked out, the number follows every legal change, and the findings are the same', () => {
  const ws = new WorkspaceIndex(undefined, { oneShot: true });
  let signed = 0;
  const firstLine = (m: { lines: { text: string }[] }) => (signed++, m.lines[0].text);
  ws.set({ uri: 'file:///a.sec.txt', version: 1, text: 'G1 PANEL\nG1.1 One.\n' });
  const v1 = ws.legalSignature('first', firstLine);
  ws.set({ uri: 'file:///a.sec.txt', version: 2, text: 'G1 PANEL\nG1.1 Two.\n' });
  assert.notEqual(ws.legalSignature('first', firstLine), v1, 'any legal change is a new number');
  assert.equal(signed, 0, 'no signature worked out');
  const files = { 'g1.sec.txt': TARGET, 'h1.sec.txt': CITING, 'n.sec.txt': 'N1 NUMBERS\n\nN1.1 A Supplier with more than 250,000 Domestic Premises shall report.\n\nN1.2 A Supplier with 250000 or more Domestic Premises shall pay.\n' };
  const oneShot = createSecLanguageService({ oneShot: true });
  for (const [name, text] of Object.entries(files)) oneShot.setDocument({ uri: uriOf(name), version: 1, text });
  const usual = workspaceOf(files);
  for (const name of Object.keys(files)) assert.deepEqual(oneShot.getDiagnostics(uriOf(name)), usual.getDiagnostics(uriOf(name)), name);
  assert.ok(Object.keys(files).some(name => usual.getDiagnostics(uriOf(name)).length > 0), 'the fixture has findings to compare');
});

test('derivedWhileSignature: a workspace value is kept while every document signature is, and recomputed when one changes', () => {
  const ws = new WorkspaceIndex();
  const firstLine = (m: { lines: { text: string }[] }) => m.lines[0].text;
  const key = new DerivedKey<string[]>('test.firstLines');
  let computed = 0;
  const value = () => ws.derivedWhileSignature(key, 'first', firstLine, () => {
    computed++;
    return ws.legalModels().map(m => m.lines[0].text);
  });
  ws.set({ uri: 'file:///a.sec.txt', version: 1, text: 'G1 PANEL\nG1.1 One.\n' });
  const v1 = value();
  ws.set({ uri: 'file:///a.sec.txt', version: 2, text: 'G1 PANEL\nG1.1 Two.\n' });
  assert.equal(value(), v1, 'the same value while the signature is unchanged');
  ws.set({ uri: 'file:///a.sec.txt', version: 3, text: 'G2 PANEL\nG2.1 Two.\n' });
  assert.deepEqual(value(), ['G2 PANEL']);
  assert.equal(computed, 2);
});

test('typing in a file with threshold statements: its own threshold findings are those of a fresh check, as its statements move or stay', () => {
  const a = 'G1 PANEL\n\nG1.1 A Supplier with more than 250,000 Domestic Premises shall report.\n\nG1.2 The Panel shall meet.\n';
  const b = 'H1 USERS\n\nH1.1 A Supplier with 250,000 or more Domestic Premises shall pay.\n';
  const service = workspaceOf({ 'a.sec.txt': a, 'b.sec.txt': b });
  // Both files' findings: the statement in b is the one reported, with a's place among its related places.
  const all = (s: typeof service) => ['a.sec.txt', 'b.sec.txt'].map(name => s.getDiagnostics(uriOf(name)));
  const fresh = (text: string) => all(workspaceOf({ 'a.sec.txt': text, 'b.sec.txt': b }));
  const own = () => all(service);
  assert.equal(own().flat().filter(d => d.code === 'inconsistent-threshold').length, 1);
  // Words typed after the statement, then before it on its line (it moves), then a line above (every line moves).
  const edits = [a.replace('shall meet', 'shall meet monthly'), a.replace('A Supplier with more', 'A large Supplier with more'), 'G1 PANEL\n\nMeetings\n\n' + a.slice('G1 PANEL\n\n'.length)];
  edits.forEach((text, i) => {
    service.setDocument({ uri: uriOf('a.sec.txt'), version: i + 2, text });
    assert.deepEqual(own(), fresh(text), `edit ${i + 1}`);
  });
});

test('number findings elsewhere are kept while typing words, and follow a changed number', () => {
  const a = 'G1 PANEL\n\nG1.1 A Supplier with more than 250,000 Domestic Premises shall report.\n\nG1.2 The Panel shall meet.\n';
  const b = 'H1 USERS\n\nH1.1 A Supplier with more than 250000 Domestic Premises shall pay.\n';
  const service = workspaceOf({ 'a.sec.txt': a, 'b.sec.txt': b });
  assert.deepEqual(findingsOf(service, 'b.sec.txt', 'number-format'), ['3:32 number-format']);
  const calls = countChecks('numbers', uriOf('b.sec.txt'), () => {
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: a.replace('shall meet', 'shall meet monthly') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'number-format'), ['3:32 number-format']);
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 3, text: a.replace('250,000', '250000') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'number-format'), []);
  });
  assert.equal(calls, 1);
});

test('threshold findings elsewhere are kept while typing words, and follow a changed threshold', () => {
  const a = 'G1 PANEL\n\nG1.1 A Supplier with more than 250,000 Domestic Premises shall report.\n\nG1.2 The Panel shall meet.\n';
  const b = 'H1 USERS\n\nH1.1 A Supplier with 250,000 or more Domestic Premises shall pay.\n';
  const service = workspaceOf({ 'a.sec.txt': a, 'b.sec.txt': b });
  const before = findingsOf(service, 'b.sec.txt', 'inconsistent-threshold');
  assert.equal(before.length, 1);
  const calls = countChecks('thresholds', uriOf('b.sec.txt'), () => {
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: a.replace('shall meet', 'shall meet monthly') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'inconsistent-threshold'), before);
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 3, text: a.replace('more than 250,000', '250,000 or more') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'inconsistent-threshold'), []);
  });
  assert.equal(calls, 1);
});

test('threshold citations elsewhere are kept while typing words, and follow a changed cited figure or clause', () => {
  const a = 'G1 PANEL\n\nG1.1 A Supplier with more than 250,000 Domestic Premises shall report.\n\nG1.2 The Panel shall meet.\n';
  const b = 'H1 USERS\n\nH1.1 The Panel shall review the threshold of 250,000 set out in Section G1.1.\n';
  const service = workspaceOf({ 'a.sec.txt': a, 'b.sec.txt': b });
  assert.deepEqual(findingsOf(service, 'b.sec.txt', 'inconsistent-threshold'), []);
  const calls = countChecks('threshold-references', uriOf('b.sec.txt'), () => {
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: a.replace('shall meet', 'shall meet monthly') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'inconsistent-threshold'), []);
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 3, text: a.replace('more than 250,000', 'more than 300,000') });
    assert.deepEqual(findingsOf(service, 'b.sec.txt', 'inconsistent-threshold'), ['3:29 inconsistent-threshold']);
    // G1.1 becomes G1.3 and G1.1 is a clause with no figure: the citation now points nowhere.
    service.setDocument({ uri: uriOf('a.sec.txt'), version: 4, text: 'G1 PANEL\n\nG1.1 The Panel shall meet.\n\nG1.3 A Supplier with more than 300,000 Domestic Premises shall report.\n' });
    assert.equal(service.getDiagnostics(uriOf('b.sec.txt')).find(d => d.code === 'inconsistent-threshold')?.severity, 'information');
  });
  assert.equal(calls, 2);
});
