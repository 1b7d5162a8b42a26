// The slice tables and vocabularies of server/src/service/text/vocabulary.ts: a folded table
// finds a word however its capitals, apostrophes and hyphens are written; an unfolded one only
// as written; both find keys past a collision (a table of two slots, made to grow).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SliceTable, Vocabulary, foldedSlice, hashOf } from '../../server/src/service/text/vocabulary';

const lookUp = (table: SliceTable, text: string, from: number, to: number, fold: boolean) => table.get(text, from, to, hashOf(text, from, to, fold));

test('a folded table finds a word written with capitals, ’ and ‐', () => {
  const table = new SliceTable(true, 2);
  const words = ["user's", 'non-domestic', 'party', 'parties', 'code'];
  words.forEach((w, i) => table.add(w, hashOf(w, 0, w.length, true), i));
  const text = 'The User’s Non‐Domestic PARTY under the Code';
  assert.equal(lookUp(table, text, 4, 10, true), 0);
  assert.equal(lookUp(table, text, 11, 23, true), 1);
  assert.equal(lookUp(table, text, 24, 29, true), 2);
  assert.equal(lookUp(table, text, 40, 44, true), 4);
  assert.equal(lookUp(table, text, 0, 3, true), -1);
  assert.equal(lookUp(table, 'partie', 0, 6, true), -1);
});

test('an unfolded table finds a word only as written', () => {
  const table = new SliceTable(false, 2);
  ['Code', 'code', 'stem'].forEach((w, i) => table.add(w, hashOf(w, 0, w.length, false), i));
  assert.equal(lookUp(table, 'the Code', 4, 8, false), 0);
  assert.equal(lookUp(table, 'the code', 4, 8, false), 1);
  assert.equal(lookUp(table, 'the CODE', 4, 8, false), -1);
  assert.equal(lookUp(table, 'stems', 0, 4, false), 2);
});

test('a folding vocabulary numbers a new word by its folded form', () => {
  const vocabulary = new Vocabulary(true);
  const id = vocabulary.idOfSlice('the Non‐Domestic Supplier’s', 4, 27);
  assert.equal(vocabulary.wordOf(id), "non-domestic supplier's");
  assert.equal(vocabulary.idOf("NON-DOMESTIC SUPPLIER'S"), id);
  assert.equal(vocabulary.find('non-domestic supplier’s'), id);
  assert.equal(vocabulary.size, 1);
  assert.equal(foldedSlice('Ünï A’‑Z', 0, 8), 'Ünï a\'-z');
});
