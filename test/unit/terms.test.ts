// Matching uses of defined terms: longest first, plurals, possessives, whitespace, case.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildLegalModel } from '../../server/src/service/model/document';
import { capitalisedRuns, pluralise, surfaceOf, termIndex, termUsesOf, tokeniseLine, usesOfTerm } from '../../server/src/service/model/terms';
import { WordVocabulary } from '../../server/src/service/model/termWords';
import type { LegalModel } from '../../server/src/service/model/document';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';
import { termMatches as matches } from '../helpers/termMatches';


test('the longest term wins: a report is not a use of User', () => {
  const terms = ['User', 'User Security Assessment', 'User Security Assessment Report'];
  assert.deepEqual(matches(terms, 'each User Security Assessment Report to the User'), [
    'User Security Assessment Report=User Security Assessment Report',
    'User=User',
  ]);
});

test('plurals (s, es, y → ies) and possessives (’s, \'s, s’) are uses', () => {
  const terms = ['Supplier Party', 'User', 'User System', 'Business'];
  assert.deepEqual(matches(terms, 'Supplier Parties and a User’s User Systems, Users’ and User\'s and Businesses'), [
    'Supplier Parties=Supplier Party', 'User’s=User', 'User Systems=User System', 'Users’=User', 'User\'s=User', 'Businesses=Business',
  ]);
});

test('a term defined in the plural is used in the singular', () => {
  assert.deepEqual(matches(['Relevant Parties', 'Notices'], 'a Relevant Party and each Notice'), ['Relevant Party=Relevant Parties', 'Notice=Notices']);
});

test('words are compared, so a double space or a line break inside a term still matches', () => {
  assert.deepEqual(matches(['Verification User Security Assessment'], 'a Verification User  Security Assessment'), ['Verification User  Security Assessment=Verification User Security Assessment']);
  const model = buildLegalModel({ uri: 'file:///a.sec.txt', version: 1, text: 'G1.1 The Smart Metering\nSystem is here.\n' });
  const ws = workspaceOf({ 'a.sec.txt': 'A1.1 Definitions\nSmart Metering System | means a system.\n' });
  const uses = termUsesOf(model, termIndex(workspaceIndexOf(ws)));
  assert.equal(uses.length, 1);
  assert.deepEqual(uses[0].range, { start: { line: 0, character: 9 }, end: { line: 1, character: 6 } });
});

test('punctuation ends a phrase: "Supplier, Party" is not a use of "Supplier Party"', () => {
  assert.deepEqual(matches(['Supplier Party'], 'the Supplier, Party and (Supplier) Party'), []);
});

test('case: lower case is the term in lower case; mixed case ("other Users") is neither', () => {
  const terms = ['Non-Domestic Premises', 'Domestic Premises', 'Other User', 'User'];
  assert.deepEqual(matches(terms, 'non-domestic premises and any other Users'), ['non-domestic premises=Non-Domestic Premises (lower)', 'Users=User']);
});

test('pluralise mirrors the plural forms the matcher accepts', () => {
  assert.equal(pluralise('Supplier Party'), 'Supplier Parties');
  assert.equal(pluralise('User'), 'Users');
  assert.equal(pluralise('Business'), 'Businesses');
  assert.equal(pluralise('Day'), 'Days');
});

test('capitalised runs skip sentence openings, acronyms, dates and legislation', () => {
  const runs = (text: string) => {
    const words = tokeniseLine(new WordVocabulary(), text, 0);
    return capitalisedRuns(words, new Uint8Array(words.count)).map(r => Array.from({ length: r.to - r.from }, (_, i) => surfaceOf(words, r.from + i)).join(' '));
  };
  assert.deepEqual(runs('A Non-Domestic Supplier which supplies Premises.'), ['Non-Domestic Supplier', 'Premises']);
  assert.deepEqual(runs('Each CPN on 28 February 2019 under the Companies Act 2006 (known as the SSC).'), []);
  assert.deepEqual(runs('In this Section G8 the Secretary of State decides.'), ['Secretary of State']);
});

test('the workspace index counts uses across documents and changes its automaton only when terms change', () => {
  const ws = workspaceOf({
    'a.sec.txt': dedent(`
      A1.1 Definitions:
      Supplier Party | means a Party which holds a supply licence.
      Party | means a person which has acceded to this Code.
    `),
    'g.sec.txt': 'G1.1 Each Supplier Party and its Supplier Parties shall tell each Party.\n',
  });
  const index = termIndex(workspaceIndexOf(ws));
  assert.deepEqual(index.terms.map(t => t.term), ['Party', 'Supplier Party']);
  assert.equal(usesOfTerm(workspaceIndexOf(ws), index.numberOf.get('supplier party')!).length, 2);
  assert.equal(usesOfTerm(workspaceIndexOf(ws), index.numberOf.get('party')!).length, 2); // one in G1.1, one in the definition of Supplier Party
  ws.setDocument({ uri: uriOf('g.sec.txt'), version: 2, text: 'G1.1 Each Party.\n' });
  assert.equal(termIndex(workspaceIndexOf(ws)).version, index.version, 'same terms: the automaton is unchanged');
  ws.setDocument({ uri: uriOf('g.sec.txt'), version: 3, text: 'G1.1 “Relevant Party” means a Party.\n' });
  assert.notEqual(termIndex(workspaceIndexOf(ws)).version, index.version, 'a new term: the automaton is updated');
  const model = workspaceIndexOf(ws).model(uriOf('g.sec.txt')) as LegalModel;
  assert.deepEqual(termUsesOf(model, termIndex(workspaceIndexOf(ws))).map(u => u.text), ['Party'], 'the definition site is not a use');
});

test('a phrase runs on over a line break only after a word, whatever trails the line', () => {
  const ws = workspaceOf({ 'a.sec.txt': 'A1.1 Definitions\nSmart Metering System | means a system.\n' });
  const usesIn = (text: string) => termUsesOf(buildLegalModel({ uri: 'file:///g.sec.txt', version: 1, text }), termIndex(workspaceIndexOf(ws))).map(u => `${u.range.start.line}:${u.range.start.character}-${u.range.end.line}:${u.range.end.character}`);
  assert.deepEqual(usesIn('G1.1 The Smart Metering  \t\nSystem is here.\n'), ['0:9-1:6'], 'trailing blanks: the word still ends the line');
  assert.deepEqual(usesIn('G1.1 The Smart Metering\u00a0\nSystem is here.\n'), ['0:9-1:6'], 'a no-break space trails too');
  assert.deepEqual(usesIn('G1.1 The Smart Metering,\nSystem is here.\n'), [], 'punctuation ends the phrase');
});

test('an edit recomputes the uses of the edited document only, and the workspace totals follow it', () => {
  const ws = workspaceOf({
    'a.sec.txt': 'A1.1 Definitions:\nSupplier Party | means a Party which holds a supply licence.\nParty | means a person.\n',
    'g.sec.txt': 'G1.1 Each Supplier Party shall tell each Party.\n',
  });
  const modelA = workspaceIndexOf(ws).model(uriOf('a.sec.txt')) as LegalModel;
  const before = termUsesOf(modelA, termIndex(workspaceIndexOf(ws)));
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), []);
  ws.setDocument({ uri: uriOf('g.sec.txt'), version: 2, text: 'G1.1 Each Party shall tell each other.\n' });
  assert.equal(termUsesOf(modelA, termIndex(workspaceIndexOf(ws))), before, 'the unchanged document keeps its uses');
  assert.deepEqual(findingsOf(ws, 'a.sec.txt', 'unused-definition'), ['2:1 unused-definition']);
  const index = termIndex(workspaceIndexOf(ws));
  assert.equal(usesOfTerm(workspaceIndexOf(ws), index.numberOf.get('supplier party')!).length, 0);
  assert.equal(usesOfTerm(workspaceIndexOf(ws), index.numberOf.get('party')!).length, 2);
});
