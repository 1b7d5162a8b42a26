import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { applyFixes } from '../helpers/applyFixes';

const PAIRING = ['unbalanced-bracket', 'unbalanced-quote', 'mixed-quotes'];
const pairingOf = (text: string, name = 'a.sec.txt') =>
  findingsOf(workspaceOf({ [name]: text }), name).filter(f => PAIRING.includes(f.split(' ')[1]));

test('unbalanced-bracket: an opener never closed is reported at the opener (G8.20)', () => {
  const t = 'G8.20 The Provider shall agree with each User (including any Shared Resource Provider on which that User relies the dates, and shall confirm them.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'unbalanced-bracket'), ['1:47 unbalanced-bracket']);
  const d = service.getDiagnostics(uriOf('a.sec.txt')).find(x => x.code === 'unbalanced-bracket')!;
  assert.match(d.message, /'\(' opened before 'including any Shared Resource' is never closed/);
  assert.equal(d.clause, 'G8.20');
  assert.equal(d.fixes, undefined, 'where it closes is the drafter\'s call');
});

test('brackets: nested, across wrapped lines, square brackets, references and labels are balanced', () => {
  const t = dedent(`
    G8.1 The User (which, for the purposes of Section G8.41(a)(ii) [and of Section G8.43(b)],
    includes its Affiliates) shall:
    (a) act (as the case may be); and
    b) wait, in the order 1) first, 2) second.
    G8.26 [Not used]
    CPN = (5 × NDP) + DP
  `);
  assert.deepEqual(pairingOf(t), []);
});

test('brackets: a stray closer, a mismatched nesting, and an opener left open in one list item', () => {
  const t = dedent(`
    G8.1 The Panel shall act.) It shall:
    (a) consider ( the [ matter ); and
    (b) report (in writing; and
    (c) publish it).
  `);
  assert.deepEqual(pairingOf(t), ['1:26 unbalanced-bracket', '2:20 unbalanced-bracket', '3:12 unbalanced-bracket', '4:15 unbalanced-bracket']);
});

test('unbalanced-quote: curly double and single quotes; apostrophes are not quotes', () => {
  const ok = dedent(`
    G8.16 A “Full User Security Assessment” shall cover a User’s User Systems and the Users’ premises.
    (a) ‘approved’;
    (b) ‘approved, subject to the User’s steps’; and
    (c) the ’90s rule.
  `);
  assert.deepEqual(pairingOf(ok), []);
  const bad = 'G8.17 A “Verification User Security Assessment shall be made.\nG8.18 A ‘deferred status applies.\nG8.19 The word approved’ closes nothing.\n';
  assert.deepEqual(pairingOf(bad), ['1:9 unbalanced-quote', '2:9 unbalanced-quote', '3:24 unbalanced-quote']);
});

test('unbalanced-quote: straight quotes follow the same rules', () => {
  assert.deepEqual(pairingOf('G8.1 A "Term" means the User\'s thing and the Users\' things.\n'), []);
  assert.deepEqual(pairingOf('G8.2 A "Term means a thing.\n'), ['1:8 unbalanced-quote']);
});

test('a quoted definition may wrap over lines of its clause', () => {
  assert.deepEqual(pairingOf('G8.1 A “Full User\nSecurity Assessment” is defined here.\n'), []);
});

test('mixed-quotes: straight and curly in one clause; the odd ones out are reported with a fix', () => {
  const t = 'G8.1 A “Full Assessment” and a "Partial Assessment" are the User’s and the Panel\'s.\n';
  const service = workspaceOf({ 'a.sec.txt': t });
  assert.deepEqual(findingsOf(service, 'a.sec.txt', 'mixed-quotes'), ['1:32 mixed-quotes', '1:51 mixed-quotes', '1:81 mixed-quotes']);
  assert.equal(applyFixes(service, 'a.sec.txt', 'mixed-quotes'), 'G8.1 A “Full Assessment” and a “Partial Assessment” are the User’s and the Panel’s.\n');
});

test('mixed-quotes: apostrophes are judged among apostrophes, quotation marks among quotation marks', () => {
  // Curly quotes around a defined term and a straight apostrophe: two habits, both consistent.
  assert.deepEqual(pairingOf('M2.9 Where a User disputes an amount (a “Disputed Amount”), it is paid in the DCC\'s favour.\n'), []);
  // Straight single quotes beside curly double quotes are one habit broken.
  assert.deepEqual(pairingOf('H1.9 The “Assurance Status” is \'approved\'.\n'), ['1:32 mixed-quotes', '1:41 mixed-quotes']);
});

test('mixed-quotes: each definition row and each clause is judged on its own', () => {
  const t = dedent(`
    A1.1 In this Code:
    Authority | means the "Authority" as "defined".
    Code | means this “Code”.
    G8.1 A “Term” means a thing.
    G8.2 A "Other" means another.
  `);
  assert.deepEqual(pairingOf(t), []);
});

test('mixed-quotes: a definition written as text is judged on its own, wrapped lines and paragraphs included', () => {
  const t = dedent(`
    A1.1 In this Code:
    "Authority" means the authority.
    “Code” means this code, including:
    (a) its ‘Schedules’; and
    (b) its "Appendices".
    “Panel” means the panel.
  `);
  assert.deepEqual(pairingOf(t), ['5:9 mixed-quotes', '5:20 mixed-quotes']);
});

test('pairing ignores balanced brackets inside a URL or a Markdown link target', () => {
  const t = 'G8.1 See [the guidance](https://example.org/guidance-(users)/) and https://en.wikipedia.org/wiki/Smart_meter_(UK) (the wiki).\n';
  assert.deepEqual(pairingOf(t, 'a.sec.md'), []);
  // A bracket the URL does not close is still the prose's: "(see https://x.org/a" never closed.
  assert.deepEqual(pairingOf('G8.1 Read the guide (see https://x.org/a and act.\n', 'a.sec.md'), ['1:21 unbalanced-bracket']);
});

test('pairing ignores URLs, code, Markdown links and emphasis', () => {
  const t = 'G8.1 See [the guide](https://example.org/a_(b) and `f(x` and **bold** text and https://x.org/q?a=(1.\n';
  assert.deepEqual(pairingOf(t, 'a.sec.md'), []);
});
