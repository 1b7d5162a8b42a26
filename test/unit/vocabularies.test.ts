// Each service instance has its own two word vocabularies (server/src/service/model/vocabularies.ts):
// two instances in one process over the same text find, hover and link exactly alike though
// their ids differ, neither grows the other's vocabularies, and a model's words read under one
// instance are never used with another instance's ids.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import type { LegalModel } from '../../server/src/service/model/document';
import { termIndex, termUsesOf, wordsOf } from '../../server/src/service/model/terms';
import { clauseCorpus } from '../../server/src/service/model/consultation/linking';

const REPO = path.resolve(__dirname, '..', '..', '..');
const COLLATION = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.txt'), 'utf8');

const SECTION_A = dedent(`
  A1 DEFINITIONS

  A1.1 In this Code:

  | "Supplier Party" | means a Party that supplies energy to Domestic Premises or Non-Domestic Premises. |
  | "User" | means a Party which uses Services. |
  | "Domestic Premises" | means premises at which a supply is taken wholly for domestic purposes. |
  | "Non-Domestic Premises" | means premises that are not Domestic Premises. |
  | "User Security Assessment" | means an assessment of a User's security. |
`);

const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  G8.40 A Supplier Party supplying more than 250,000 Domestic Premises and no Non-Domestic Premises shall undergo a Full User Security Assessment.

  G8.44A A Supplier Party supplying more than 50,000 Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year.

  G8.46 A User acting in more than one User Role shall undergo a single User Security Assessment, as the Security Sub-Committee decides.
`);

/** Words only the first instance ever reads: its ids for the shared text then differ from the second's. */
const OTHER = 'Z1.1 Each Quagga Wildebeest Zebra shall notify the Okapi Panel of any Narwhal Event.\n';

const FILES = { 'a.sec.txt': SECTION_A, 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION };

/** Two services over the same files; the first read another document first, then lost it. */
function twoInstances() {
  const one = workspaceOf({ 'z.sec.txt': OTHER, 'consultation-responses.txt': COLLATION });
  findingsOf(one, 'z.sec.txt');
  one.getCommentLinks();
  clauseCorpus(workspaceIndexOf(one));
  one.removeDocument(uriOf('z.sec.txt'));
  for (const [name, text] of Object.entries(FILES)) one.setDocument({ uri: uriOf(name), version: 1, text });
  return { one, two: workspaceOf(FILES) };
}

/** Positions of every capitalised word of G8 (term uses and not), for hovers. */
function hoverPositions(): { line: number; character: number }[] {
  return G8.split('\n').flatMap((text, line) => [...text.matchAll(/\b[A-Z][a-z]/g)].map(m => ({ line, character: m.index! + 1 })));
}

test('two instances over the same text give the same findings, hovers and comment links, with ids of their own', () => {
  const { one, two } = twoInstances();
  const g8 = (service: typeof one) => workspaceIndexOf(service).model(uriOf('g8.sec.txt')) as LegalModel;
  // The test means something: the same words have other ids in the two instances.
  const ids = (service: typeof one) => Array.from(wordsOf(g8(service)).id);
  assert.notDeepEqual(ids(one), ids(two));
  for (const name of Object.keys(FILES)) assert.deepEqual(findingsOf(one, name), findingsOf(two, name), name);
  assert.ok(findingsOf(two, 'g8.sec.txt').some(f => f.endsWith('undefined-term')), 'the term checks ran');
  const hovers = (service: typeof one) => hoverPositions().map(p => JSON.stringify(service.getHover(uriOf('g8.sec.txt'), p)));
  assert.deepEqual(hovers(one), hovers(two));
  assert.ok(hovers(two).some(h => h.includes('Supplier Party')), 'term hovers were shown');
  assert.ok(two.getCommentLinks().some(l => l.kind === 'inferred'), 'comments were linked by their words');
  assert.deepEqual(one.getCommentLinks(), two.getCommentLinks());
  assert.deepEqual(one.getComments(), two.getComments());
  // And the same stems have other ids too.
  const stemId = (service: typeof one) => workspaceIndexOf(service).vocabularies.stems.keys.find('supplier');
  assert.ok(stemId(two) >= 0 && stemId(one) !== stemId(two));
});

test('neither instance shares a vocabulary, a model or a phrase set with the other, nor grows the other\'s', () => {
  const { one, two } = twoInstances();
  const [a, b] = [workspaceIndexOf(one), workspaceIndexOf(two)];
  assert.notEqual(a.vocabularies.words, b.vocabularies.words);
  assert.notEqual(a.vocabularies.stems, b.vocabularies.stems);
  assert.notEqual(a.model(uriOf('g8.sec.txt')), b.model(uriOf('g8.sec.txt')));
  assert.equal(termIndex(a).matcher.vocabulary, a.vocabularies.words);
  assert.equal(clauseCorpus(a).phrases.terms, a.vocabularies.stems);
  const sizes = () => [a.vocabularies.words.size, a.vocabularies.stems.size];
  const before = sizes();
  two.setDocument({ uri: uriOf('h.sec.txt'), version: 1, text: 'H1.1 Each Aardvark Capybara Pangolin shall tell the Tapir Board.\n' });
  findingsOf(two, 'h.sec.txt');
  two.getCommentLinks();
  assert.deepEqual(sizes(), before, 'the second instance\'s new words are not numbered in the first');
  assert.ok(b.vocabularies.words.find('aardvark') >= 0 && a.vocabularies.words.find('aardvark') < 0);
});

test('a model\'s words read under one instance are never used with another\'s ids', () => {
  const { one, two } = twoInstances();
  const [a, b] = [workspaceIndexOf(one), workspaceIndexOf(two)];
  const modelA = a.model(uriOf('g8.sec.txt')) as LegalModel;
  const modelB = b.model(uriOf('g8.sec.txt')) as LegalModel;
  const wordsA = wordsOf(modelA);
  assert.equal(wordsA.vocabulary, a.vocabularies.words);
  // The second instance's automaton refuses words numbered by the first.
  assert.throws(() => termIndex(b).matcher.scan(wordsA), /another vocabulary/);
  // Read with the second instance's term index, the model's words are read again in its
  // vocabulary (not reused), and the uses are those the second instance finds in its own model.
  assert.deepEqual(termUsesOf(modelA, termIndex(b)), termUsesOf(modelB, termIndex(b)));
  const wordsAinB = wordsOf(modelA, b.vocabularies.words);
  assert.notEqual(wordsAinB, wordsA);
  assert.equal(wordsAinB.vocabulary, b.vocabularies.words);
  assert.deepEqual(Array.from(wordsAinB.id), Array.from(wordsOf(modelB).id));
  // Back under its own instance, the model is read in its own vocabulary again.
  assert.equal(wordsOf(modelA).vocabulary, a.vocabularies.words);
  assert.deepEqual(Array.from(wordsOf(modelA).id), Array.from(wordsA.id));
});
