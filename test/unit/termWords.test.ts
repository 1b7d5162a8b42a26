// The compact words of legal text, the automaton updated in place, and the caches that let an
// edit or a renamed term re-read only what it changed: each checked against a fresh reading.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildLegalModel } from '../../server/src/service/model/document';
import { type Words, BARRIER, CAPITALISED, LOWER, SENTENCE_START, WordVocabulary, possessiveOf, surfaceOf, tokeniseLine } from '../../server/src/service/model/termWords';
import { Store, attachStore } from '../../server/src/service/cache';
import { TermMatcher } from '../../server/src/service/model/termMatcher';
import { docUses, termIndex, termUsesOf, wordsOf } from '../../server/src/service/model/terms';
import type { LegalModel } from '../../server/src/service/model/document';
import { nearestTerms } from '../../server/src/service/rules/termSuggestions';
import { findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The words of a line as the tokeniser was first written: a regex and strings (the reference). */
function referenceWords(text: string, joined = false) {
  const out: { start: number; end: number; surface: string; norm: string; possessive: string; barrier: boolean; sentence: boolean; lower: boolean; capital: boolean; caps: string }[] = [];
  const re = /[\p{L}\p{N}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{N}]+)*['\u2019]?/gu;
  let prevEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    let surface = raw;
    let possessive = '';
    if (raw.length > 2 && /['’]s$/.test(raw)) [surface, possessive] = [raw.slice(0, -2), raw.slice(-2)];
    else if (/['’]$/.test(raw)) {
      surface = raw.slice(0, -1);
      if (/[sS]$/.test(surface)) possessive = raw.slice(-1);
    }
    const end = m.index + surface.length + possessive.length;
    const gap = text.slice(prevEnd, m.index);
    const first = out.length === 0;
    const caps = [...surface.split(/[-\u2010\u2011]/)].map(p => {
      const ch = String.fromCodePoint(p.codePointAt(0)!);
      return ch !== ch.toLowerCase() ? '1' : '0';
    }).join('');
    out.push({
      start: m.index, end, surface,
      norm: surface.replace(/[\u2018\u2019`]/g, "'").replace(/[\u2010\u2011]/g, '-').toLowerCase(),
      possessive,
      barrier: first ? !joined || gap.trim() !== '' : /[^\s]/.test(gap),
      sentence: (first && !joined) || /[.?!:;[]["“‘'(*\s]*$/.test(gap),
      lower: surface === surface.toLowerCase(),
      capital: /^\p{Lu}/u.test(surface),
      caps,
    });
    prevEnd = end;
  }
  return out;
}

function asRecords(words: Words) {
  return Array.from({ length: words.count }, (_, i) => {
    const code = words.caps[i];
    const parts = 31 - Math.clz32(code);
    let caps = '';
    for (let k = 0; k < parts; k++) caps += code & (1 << k) ? '1' : '0';
    return {
      start: words.start[i], end: words.end[i], surface: surfaceOf(words, i), norm: words.vocabulary.wordOf(words.id[i]), possessive: possessiveOf(words, i),
      barrier: (words.flags[i] & BARRIER) !== 0, sentence: (words.flags[i] & SENTENCE_START) !== 0, lower: (words.flags[i] & LOWER) !== 0,
      capital: (words.flags[i] & CAPITALISED) !== 0, caps,
    };
  });
}

/** Words as plain data, each id as its word (two readings in different vocabularies compare equal). */
function wordTable(words: Words) {
  const { count, line, start, end, caps, flags, texts } = words;
  return { count, line, start, end, caps, flags, texts, words: Array.from(words.id, id => words.vocabulary.wordOf(id)) };
}

test('the one-pass tokeniser reads every word as the regex reference does, on random text', () => {
  const pieces = ['User', 'user', 'USER', 'Non', 'Domestic', 'of', 's', 'S', 'é', 'Été', '𝐀bc', '12', 'x', '-', '‐', '‑', "'", '’', "'s", '’s',
    ' ', ' ', ' ', '  ', '.', ',', ';', ':', '(', ')', '“', '”', '"', '*', '[', '\t', '\u00a0', '?', '!'];
  const next = random(8);
  const vocabulary = new WordVocabulary();
  for (let run = 0; run < 3000; run++) {
    let text = '';
    const length = 1 + Math.floor(next() * 14);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
    const joined = next() < 0.3;
    assert.deepEqual(asRecords(tokeniseLine(vocabulary, text, 0, 0, joined)), referenceWords(text, joined), JSON.stringify(text));
  }
});

test('after an edit only the changed lines are read again, and the words equal a fresh reading', () => {
  const lines = [
    'G1 Part', '', 'G1.1 Each Supplier Party shall tell the', 'Relevant Party’s Users of it.', '(a) the User Systems;',
    '(b) “Quoted Term” means a thing.', 'Term | means a term.', '|---|---|', 'G1.2 The Party,', 'and its Affiliates’ Users.',
  ];
  const next = random(3);
  const store = new Store();
  let text = lines.join('\n');
  for (let run = 0; run < 200; run++) {
    // Insert, delete or change one line, or one character.
    const all = text.split('\n');
    const at = Math.floor(next() * all.length);
    const choice = next();
    if (choice < 0.25) all.splice(at, 0, lines[Math.floor(next() * lines.length)]);
    else if (choice < 0.4 && all.length > 2) all.splice(at, 1);
    else if (choice < 0.7) all[at] = lines[Math.floor(next() * lines.length)];
    else {
      const col = Math.floor(next() * (all[at].length + 1));
      all[at] = all[at].slice(0, col) + ' xA.,’'[Math.floor(next() * 6)] + all[at].slice(col);
    }
    text = all.join('\n');
    // Every version of the edited document in one Store (one service instance), so each reading lends the next its lines.
    const model = buildLegalModel({ uri: 'file:///edited.sec.txt', version: run, text });
    attachStore(model, store);
    const edited = wordsOf(model);
    const fresh = wordsOf(buildLegalModel({ uri: `file:///fresh${run}.sec.txt`, version: 1, text }));
    assert.deepEqual(wordTable(edited), wordTable(fresh), JSON.stringify(text));
  }
});

test('after an edit the matches are found again around the edit only, and equal a fresh scan', () => {
  const defs = 'A1.1 Definitions:\nSupplier Party | means a person.\nParty | means a person.\nRelevant Party | means one.\nUser | means one.\n'
    + 'User Systems | means them.\nUser Security Assessment Report | means it.\nAffiliates | means them.\n';
  const lines = [
    'G1.1 Each Supplier Party shall tell the', 'Relevant Party’s Users of it.', '(a) the User Systems;', 'User Security', 'Assessment Report of a Party',
    'G1.2 The Party,', 'and its Affiliates’ Users.', 'a supplier party and a relevant', 'party', '',
  ];
  const ws = workspaceOf({ 'a.sec.txt': defs, 'g.sec.txt': lines.join('\n') });
  const usesOf = (service: typeof ws, name: string) => {
    const model = workspaceIndexOf(service).model(uriOf(name)) as LegalModel;
    return termUsesOf(model, termIndex(workspaceIndexOf(service))).map(u => `${u.range.start.line}:${u.range.start.character}-${u.range.end.line}:${u.range.end.character} ${u.kind} ${u.text}`);
  };
  usesOf(ws, 'g.sec.txt');
  const next = random(11);
  let text = lines.join('\n');
  for (let run = 0; run < 150; run++) {
    const all = text.split('\n');
    const at = Math.floor(next() * all.length);
    const choice = next();
    if (choice < 0.3) all.splice(at, 0, lines[Math.floor(next() * lines.length)]);
    else if (choice < 0.45 && all.length > 2) all.splice(at, 1);
    else if (choice < 0.7) all[at] = lines[Math.floor(next() * lines.length)];
    else {
      const col = Math.floor(next() * (all[at].length + 1));
      all[at] = all[at].slice(0, col) + [' ', 'x', 'P', '.', ',', '’'][Math.floor(next() * 6)] + all[at].slice(col);
    }
    text = all.join('\n');
    ws.setDocument({ uri: uriOf('g.sec.txt'), version: run + 2, text });
    const fresh = workspaceOf({ 'a.sec.txt': defs, [`fresh${run}.sec.txt`]: text });
    assert.deepEqual(usesOf(ws, 'g.sec.txt'), usesOf(fresh, `fresh${run}.sec.txt`), JSON.stringify(text));
  }
});

/** Matches of a matcher as text, for comparing matchers whose stable ids differ. */
function scanned(matcher: TermMatcher, words: Words): string[] {
  const found = matcher.scan(words);
  return Array.from({ length: found.count }, (_, k) => `${found.from[k]}-${found.to[k]}:${matcher.termText(found.term[k])}:${found.flags[k]}`);
}

test('a matcher updated in place matches as a new one, and knows which texts its changes cannot touch', () => {
  const pool = ['User', 'Users', 'User System', 'Supplier Party', 'Party', 'Relevant Parties', 'Notice', 'Non-Domestic Premises', 'Other User',
    'Security', 'User Security Assessment', 'User Security Assessment Report', 'Premises', 'Day', 'Business Day'];
  const vocabulary = new WordVocabulary();
  const texts = [
    'Each User and its User Systems; the Relevant Party’s Notices, non-domestic premises and other Users.',
    'A User Security Assessment Report on a Business Day, for the Supplier Parties.',
    'Nothing here is defined at all.',
  ].map(t => tokeniseLine(vocabulary, t));
  const next = random(5);
  const matcher = new TermMatcher(vocabulary);
  let before = texts.map(t => scanned(matcher, t));
  for (let run = 0; run < 300; run++) {
    const version = matcher.version;
    const terms = pool.filter(() => next() < 0.5).sort();
    matcher.update(terms);
    const fresh = new TermMatcher(vocabulary, terms);
    texts.forEach((words, i) => {
      const now = scanned(matcher, words);
      assert.deepEqual(now, scanned(fresh, words), `${terms.join(', ')} / text ${i}`);
      if (matcher.unchangedSince(version, words)) assert.deepEqual(now, before[i], `claimed unchanged: ${terms.join(', ')} / text ${i}`);
    });
    before = texts.map(t => scanned(matcher, t));
  }
});

test('renaming a term re-reads only the documents that hold its words; unused-definition follows the counts', () => {
  const defs = (name: string) => `A1.1 Definitions:\n${name} | means a person.\nParty | means a Party.\nSupplier | means a Party.\n`;
  const ws = workspaceOf({
    'a.sec.txt': defs('Supplier Party'),
    'g.sec.txt': 'G1.1 Each Party shall tell each Supplier.\n',
    'h.sec.txt': 'H1.1 Each Supplier Party shall tell each Party.\n',
  });
  const usesIn = (name: string) => docUses(workspaceIndexOf(ws).model(uriOf(name)) as never, termIndex(workspaceIndexOf(ws)));
  const g = usesIn('g.sec.txt');
  const h = usesIn('h.sec.txt');
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), []);
  ws.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: defs('Supplier Partner') });
  assert.equal(usesIn('g.sec.txt'), g, 'g holds neither name: its uses are kept');
  assert.notEqual(usesIn('h.sec.txt'), h, 'h holds the old name: read again');
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), ['2:1 unused-definition']);
  ws.setDocument({ uri: uriOf('h.sec.txt'), version: 2, text: 'H1.1 Each Supplier Partner shall tell each Party.\n' });
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), []);
  ws.removeDocument(uriOf('h.sec.txt'));
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), ['2:1 unused-definition'], 'a removed document no longer counts');
});

test('suggestions kept across a change of the terms follow the terms that change', () => {
  const defs = (extra: string) => `A1.1 Definitions:\nSupplier Party | means a person.\nSecurity Assessment | means a test.\n${extra}`;
  const queries = ['Suplier Party', 'Security Assesment', 'Suplier Partys', 'Secure Assessment Report'];
  const ws = workspaceOf({ 'a.sec.txt': defs('') });
  const answers = () => queries.map(q => nearestTerms(termIndex(workspaceIndexOf(ws)), q).join(', '));
  assert.deepEqual(answers(), ['Supplier Party', 'Security Assessment', 'Supplier Party', 'Security Assessment']);
  ws.setDocument({ uri: uriOf('a.sec.txt'), version: 2, text: defs('Supplier Parties | means people.\n') });
  assert.deepEqual(answers(), ['Supplier Party, Supplier Parties', 'Security Assessment', 'Supplier Party, Supplier Parties', 'Security Assessment']);
  ws.setDocument({ uri: uriOf('a.sec.txt'), version: 3, text: defs('Security Assessments | means tests.\nSupplier | means one.\n') });
  assert.deepEqual(answers(), ['Supplier Party, Supplier', 'Security Assessment, Security Assessments', 'Supplier Party, Supplier', 'Security Assessment, Security Assessments']);
  ws.setDocument({ uri: uriOf('a.sec.txt'), version: 4, text: defs('Security Assessments | means tests.\nSupplier | means one.\nDay | means a day.\n') });
  assert.deepEqual(answers(), ['Supplier Party, Supplier', 'Security Assessment, Security Assessments', 'Supplier Party, Supplier', 'Security Assessment, Security Assessments'], 'an unrelated new term keeps them');
});
