// The BM25 clause index's hand-written parts against simple references: the word scanner
// (the regex it replaces), the term phrases, phrase tokens, and scores computed naively.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Bm25Index, Bm25Segment, PhraseSet, StemTerms, WordBuffer, stem, termCounts, termPhrases, tokenise, words } from '../../server/src/service/model/consultation/bm25';

/** One vocabulary of stems for this file's tests (a service instance has its own). */
const STEMS = new StemTerms();

const WORD_RE = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g;

const PIECES = ['Supplier', 'Party', "User's", 'User’s', 'non-domestic', '--', "'", '’', ' ', '  ', '\t', '\u00a0', '1,234', '1234,567', '12,34', '250,000,000',
  '3.14', '3.', '.5', 'G8.41', 'x-', '-x', 'ab1cd', 'İ', 'K', 'é', 'The', 'Each', 'Smart Metering System', '\n', ',', '.'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map(p => p.join(''));

test('the word scanner finds exactly what the word regex finds, with the same stems', () => {
  fc.assert(fc.property(text, t => {
    const expected = [...t.matchAll(WORD_RE)].map(m => ({ surface: m[0], index: m.index, stem: stem(m[0]), capital: /^[A-Z]/.test(m[0]) }));
    assert.deepEqual(words(STEMS, t).map(w => ({ surface: w.surface, index: w.index, stem: w.stem, capital: w.capital })), expected);
  }), { numRuns: 500 });
});

test('the table of words seen keeps every word apart as it grows past its first size', () => {
  const many = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36).replace(/\d/g, d => 'abcdefghij'[Number(d)])}x`);
  const stems = words(STEMS, many.join(' ')).map(w => w.stem);
  assert.deepEqual(stems, many.map(stem));
  // Read again (found in the table this time), still the same.
  assert.deepEqual(words(STEMS, many.join(' ')).map(w => w.stem), stems);
});

/** The candidate terms as first written: capitalised runs separated only by spaces, without sentence starts. */
function referencePhrases(t: string): string[] {
  const LEADING = new Set(['each', 'where', 'the', 'a', 'an', 'any', 'for', 'if', 'in', 'on', 'no', 'this', 'that', 'such', 'every', 'all', 'within', 'after', 'before', 'having', 'when', 'while', 'its', 'their', 'we', 'our']);
  const found: string[] = [];
  const ws = [...t.matchAll(WORD_RE)].map(m => ({ stem: stem(m[0]), surface: m[0], index: m.index }));
  let run: typeof ws = [];
  const flush = () => {
    while (run.length && LEADING.has(run[0].stem)) run.shift();
    if (run.length >= 2 && run.length <= 5) found.push(run.map(w => w.stem).join(' '));
    run = [];
  };
  for (const w of ws) {
    const capital = /^[A-Z]/.test(w.surface);
    const last = run[run.length - 1];
    if (capital && (!last || /^\s+$/.test(t.slice(last.index + last.surface.length, w.index)))) run.push(w);
    else {
      flush();
      if (capital) run.push(w);
    }
  }
  flush();
  return found;
}

test('term phrases: capitalised runs of two to five words, sentence starts dropped, as the reference reads them', () => {
  assert.deepEqual(termPhrases(STEMS, 'The Smart Metering System of each Non-Domestic Premises. Each Supplier Party'), ['smart metering system', 'non-domestic premise', 'supplier party']);
  fc.assert(fc.property(text, t => assert.deepEqual(termPhrases(STEMS, t), referencePhrases(t))), { numRuns: 500 });
});

function phraseSet(phrases: string[]): PhraseSet {
  const list = new WordBuffer();
  for (const p of phrases) {
    const ids = new WordBuffer();
    ids.appendLine(STEMS, p);
    list.push(ids.count);
    list.appendIds(ids.ids, 0, ids.count);
  }
  return new PhraseSet(STEMS, [list]);
}

test('tokens: the longest known phrase first, then its words as parts; stopwords and small numbers dropped', () => {
  const phrases = phraseSet(['User Security', 'User Security Assessment', 'Supplier Party']);
  assert.ok(phrases.has('user security assessment') && !phrases.has('security assessment'));
  assert.equal(phrases.longest, 3);
  const tokens = tokenise('The User Security Assessments of 12 Supplier Parties and 250,000 premises', phrases, 3);
  assert.deepEqual(tokens.map(t => `${t.key}${t.part ? ' (part)' : ''}`), [
    'user security assessment', 'user (part)', 'security (part)', 'assessment (part)', 'supplier party', 'supplier (part)', 'party (part)', '250000', 'premise',
  ]);
  assert.equal(tokens[0].surface, 'User Security Assessments');
  // At most maxPhrase words: the two-word phrase is found instead.
  assert.equal(tokenise('User Security Assessment', phrases, 2)[0].key, 'user security');
});

test('BM25 scores and contributions equal the formula computed directly, over several segments', () => {
  const docs = [['alpha', 'beta', 'beta'], ['beta', 'gamma'], ['alpha', 'alpha', 'alpha', 'delta'], ['gamma'], ['delta', 'beta']];
  // Two files' segments; the second lists one clause twice over and skips it (a duplicated number).
  const second = termCounts(STEMS, [docs[2], ['omega'], docs[3], docs[4]]);
  const index = new Bm25Index([new Bm25Segment(STEMS, termCounts(STEMS, docs.slice(0, 2))), new Bm25Segment(STEMS, second, [0, 2, 3])]);
  assert.equal(index.size, 5);
  const average = docs.reduce((a, d) => a + d.length, 0) / docs.length;
  const direct = (term: string, d: number) => {
    const df = docs.filter(x => x.includes(term)).length;
    const tf = docs[d].filter(x => x === term).length;
    if (!tf) return 0;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)) * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * docs[d].length / average));
  };
  const found = index.search(new Map([['alpha', 1], ['beta', 0.35]]));
  assert.deepEqual([...found.keys()].sort(), [0, 1, 2, 4]);
  for (const [d, { score, shared }] of found) {
    assert.ok(Math.abs(score - (direct('alpha', d) + 0.35 * direct('beta', d))) < 1e-12, `doc ${d}`);
    assert.equal(shared, docs[d].includes('alpha') ? 1 : 0);
  }
  for (let d = 0; d < docs.length; d++) assert.ok(Math.abs(index.contribution('beta', d) - direct('beta', d)) < 1e-12);
});

test('a phrase set after one document\'s phrases are replaced equals one built from every document again', () => {
  const lists = (texts: string[]) => texts.map(t => {
    const phrases = new WordBuffer();
    new WordBuffer().appendLine(STEMS, t, phrases);
    return phrases;
  });
  const a = lists(['The Supplier Party and the Smart Metering System.', 'Each Supplier Party shall.', 'A Network Party.']);
  const set = new PhraseSet(STEMS, a);
  // One "Supplier Party" fewer: the same phrases, so the same set (its counts moved on).
  const b = lists(['The Supplier Party and the Smart Metering System.', 'Each shall.', 'A Network Party.']);
  assert.equal(set.replace([a[1]], [b[1]]), set);
  // The only "Network Party" goes and a new phrase comes: a new set, equal to a fresh one.
  const c = lists(['The Supplier Party and the Smart Metering System.', 'Each shall.', 'A Gas Transporter.']);
  const replaced = set.replace([b[2]], [c[2]]);
  assert.notEqual(replaced, set);
  assert.ok(replaced.equals(new PhraseSet(STEMS, c)) && !replaced.has('network party') && replaced.has('gas transporter'));
  // The counts moved on with the set: removing the last "Supplier Party" removes the phrase.
  const d = lists(['The Smart Metering System.', 'Each shall.', 'A Gas Transporter.']);
  const last = replaced.replace([c[0]], [d[0]]);
  assert.ok(last.equals(new PhraseSet(STEMS, d)) && !last.has('supplier party'));
  assert.deepEqual(tokenise('the supplier party', last, last.longest).map(t => t.key), ['supplier', 'party']);
});
