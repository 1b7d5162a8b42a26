// Where derived values live (server/src/service/cache.ts): on the object they come from, under a
// typed key, dropped with it; per service instance for the rest, so two instances share nothing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { DerivedKey, Store, derive, derivedIf, keepIfSame } from '../../server/src/service/cache';
import { buildLegalModel } from '../../server/src/service/model/document';
import { definitionsOf } from '../../server/src/service/model/definitions';

const SECTION_A = 'A1 DEFINITIONS\n\nA1.1 In this Code:\n\n| "Supplier Party" | means a Party that supplies energy. |\n| "User" | means a Party which uses Services. |\n';
const BODY = 'H1 USERS\n\nH1.1 Each User shall notify the Supplier Party and the Panel Chair.\n';

test('a derived value is computed once per owner, kept out of sight, and not shared with another owner', () => {
  const KEY = new DerivedKey<{ n: number }>('test.count');
  let computed = 0;
  const a = { uri: 'a' };
  const b = { uri: 'a' };
  const first = derive(a, KEY, () => ({ n: ++computed }));
  assert.equal(derive(a, KEY, () => ({ n: ++computed })), first);
  assert.equal(derivedIf(b, KEY), undefined);
  assert.notEqual(derive(b, KEY, () => ({ n: ++computed })), first);
  assert.equal(computed, 2);
  assert.deepEqual(Object.keys(a), ['uri'], 'not enumerable');
  assert.equal(JSON.stringify(a), '{"uri":"a"}');
  assert.deepEqual(a, { uri: 'a' });
});

test('a new model of a document (new text) derives afresh: the one invalidation rule', () => {
  const v1 = buildLegalModel({ uri: 'file:///a.sec.txt', version: 1, text: SECTION_A });
  const v2 = buildLegalModel({ uri: 'file:///a.sec.txt', version: 2, text: SECTION_A.replace('"User"', '"Network User"') });
  assert.deepEqual(definitionsOf(v1).map(d => d.term), ['Supplier Party', 'User']);
  assert.deepEqual(definitionsOf(v2).map(d => d.term), ['Supplier Party', 'Network User']);
  assert.equal(definitionsOf(v1), definitionsOf(v1));
});

test('keepIfSame returns the previous object for equal contents (the same object means unchanged)', () => {
  const same = (x: number[], y: number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  const before = [1, 2];
  assert.equal(keepIfSame(before, [1, 2], same), before);
  const fresh = [1, 3];
  assert.equal(keepIfSame(before, fresh, same), fresh);
  assert.equal(keepIfSame(undefined, fresh, same), fresh);
});

test('the last value of a document is one per uri and forgotten with the document', () => {
  const KEY = new DerivedKey<string>('test.last');
  const store = new Store();
  store.keepLast('file:///a', KEY, 'v1');
  store.keepLast('file:///a', KEY, 'v2');
  assert.equal(store.lastOf('file:///a', KEY), 'v2');
  assert.equal(store.lastOf('file:///b', KEY), undefined);
  store.forget('file:///a');
  assert.equal(store.lastOf('file:///a', KEY), undefined);
});

test('two service instances in one process share nothing: each finds what a fresh one finds', () => {
  // Same uris, different texts, edits interleaved: any state shared between the instances (a
  // last reading by uri, a term automaton) would carry one workspace's words into the other's.
  const one = workspaceOf({ 'a.sec.txt': SECTION_A, 'h.sec.txt': BODY });
  const otherA = SECTION_A.replace('"User"', '"Panel Chair"');
  const two = workspaceOf({ 'a.sec.txt': otherA, 'h.sec.txt': BODY });
  const fresh = (a: string, h: string) => findingsOf(workspaceOf({ 'a.sec.txt': a, 'h.sec.txt': h }), 'h.sec.txt');
  assert.deepEqual(findingsOf(one, 'h.sec.txt'), fresh(SECTION_A, BODY));
  assert.deepEqual(findingsOf(two, 'h.sec.txt'), fresh(otherA, BODY));
  assert.notDeepEqual(findingsOf(one, 'h.sec.txt'), findingsOf(two, 'h.sec.txt'));
  const edited = BODY.replace('Each User', 'Each Users');
  one.setDocument({ uri: uriOf('h.sec.txt'), version: 2, text: edited });
  two.setDocument({ uri: uriOf('h.sec.txt'), version: 2, text: edited });
  assert.deepEqual(findingsOf(one, 'h.sec.txt'), fresh(SECTION_A, edited));
  assert.deepEqual(findingsOf(two, 'h.sec.txt'), fresh(otherA, edited));
});
