import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dedent, findingsOf, uriOf, workspaceOf } from '../helpers/fixtures';
import { clauseCorpus, collationLinks, collationMentions, reattach } from '../../server/src/service/model/consultation/linking';
import type { ConsultationModel } from '../../server/src/service/model/consultation';
import { scanMentions } from '../../server/src/service/model/consultation/mentions';
import { workspaceIndexOf } from '../helpers/workspaceIndexOf';

const REPO = path.resolve(__dirname, '..', '..', '..');
const COLLATION = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'secmp0059', 'consultation-responses.txt'), 'utf8');

// A Section G8 of our own: the clauses the SECMP0059 respondents talk about, in other words,
// among clauses they do not talk about.
const G8 = dedent(`
  SECTION G: SECURITY

  G8 USER SECURITY ASSURANCE

  Procedure

  G8.20 The Independent Security Assurance Service Provider shall agree the dates of the fieldwork with each User and confirm them in writing no later than 20 Working Days beforehand.

  G8.22 Within 10 Working Days after completing an assessment, the Independent Security Assurance Service Provider shall send a written report on its findings to the User and to the Security Sub-Committee.

  G8.27 The Security Sub-Committee shall review each report together with the User's reply and may ask for further information.

  G8.30 The Panel shall set the Assurance Status of the User as approved, provisionally approved or deferred.

  Assessment Years

  G8.37 Each period of twelve months from the completion of a User's first Full User Security Assessment is an "Assessment Year", and in every Assessment Year after the first the User shall undergo a further User Security Assessment.

  Supplier Parties

  G8.39 For Sections G8.40 to G8.44C, the number of Domestic Premises or Non-Domestic Premises supplied by a Supplier Party is the number of premises it supplies with its Affiliates on the first day of the Assessment Year.

  G8.40 A Supplier Party supplying more than 250,000 Domestic Premises and no Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year.

  G8.41 A Supplier Party supplying both Domestic Premises and Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year in which its Combined Premises Number, being five times its Non-Domestic Premises plus its Domestic Premises, exceeds 250,000.

  G8.43 Where this Section applies, a User's Assessment Years run in cycles of three: a Full User Security Assessment in the first year, a Verification User Security Assessment in the second year and a User Security Self-Assessment in the third year.

  G8.44A A Supplier Party supplying more than 50,000 Non-Domestic Premises and no Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year.

  G8.44B A Supplier Party supplying 50,000 or fewer Non-Domestic Premises and no Domestic Premises is assessed in the cycle of Section G8.43.

  G8.44C For the avoidance of doubt, a Supplier Party within Section G8.44B shall undergo a Verification User Security Assessment, not a User Security Self-Assessment, in the second Assessment Year of each cycle.

  Users in More Than One Role

  G8.46 A User acting in more than one User Role shall undergo a single User Security Assessment covering all its User Roles, of the most extensive category that applies to any of them.

  Other Users

  G8.48 Where an Other User is also a Supplier Party, including one that supplies only Non-Domestic Premises, Section G8.46 applies and it shall not undergo a separate assessment as an Other User.

  Shared Resources

  G8.49 A Shared Resource Provider shall undergo a Full User Security Assessment in each Assessment Year covering the systems it makes available to other Users.
`);

function linksOf(service: ReturnType<typeof workspaceOf>, id: string) {
  const entry = service.getComments().find(e => e.comment.id === id);
  assert.ok(entry, `no comment ${id}`);
  return entry;
}

test('E.ON links explicitly to G8.41 and G8.44C, with the sentence that names each', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const eon = linksOf(service, 'q2-e-on');
  assert.deepEqual(eon.links.map(l => `${l.clause} ${l.kind} ${l.score}`), ['G8.41 explicit 1', 'G8.44C explicit 1']);
  assert.match(eon.links[0].quote, /^We note that G8\.41 seems to multiple/);
  assert.match(eon.links[1].quote, /G8\.44C contains a double space/);
  assert.equal(eon.status, 'linked');
});

test('Haven Power, SSE and Npower link by inference to the clauses they address, with score and because-words', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const expectations: [string, string[]][] = [
    ['q1-haven-power-limited', ['G8.39', 'G8.41', 'G8.44A', 'G8.44B']],
    ['q2-haven-power-limited', ['G8.39', 'G8.44A', 'G8.44B']],
    ['q2-sse', ['G8.46', 'G8.48']],
    ['q1-npower', ['G8.37', 'G8.43', 'G8.44C']],
  ];
  for (const [id, addressed] of expectations) {
    const entry = linksOf(service, id);
    assert.ok(entry.links.length > 0, `${id} has no links`);
    for (const l of entry.links) {
      assert.equal(l.kind, 'inferred');
      assert.ok(l.score >= 0.35 && l.score < 1, `${id} ${l.clause} score ${l.score}`);
      assert.ok(l.because && l.because.length > 0, `${id} ${l.clause} says why`);
      assert.ok(entry.comment.text.includes(l.quote), 'the quote is a sentence of the comment');
    }
    const top = entry.links[0].clause;
    assert.ok(addressed.includes(top), `${id}: best link ${top}, expected one of ${addressed.join(', ')} (got ${entry.links.map(l => l.clause).join(', ')})`);
  }
  const sse = linksOf(service, 'q2-sse').links;
  assert.ok(sse.some(l => l.because!.some(w => /other user/i.test(w))), 'SSE is linked because of "Other User"');
});

test('comments about nothing in particular stay general, and empty cells are general', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  assert.equal(linksOf(service, 'q1-bryt-energy-limited').status, 'general');
  assert.equal(linksOf(service, 'q2-edf-energy').status, 'general');
  assert.equal(linksOf(service, 'q2-edf-energy').links.length, 0);
  // Every comment is listed, linked or not.
  assert.equal(service.getComments().length, 18);
});

test('the threshold setting decides what is inferred', () => {
  const strict = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION }, { linkThreshold: 0.999 });
  assert.equal(linksOf(strict, 'q2-sse').status, 'general');
  assert.equal(linksOf(strict, 'q2-e-on').links.length, 2, 'explicit links do not depend on the threshold');
});

test('getCommentsForClause and getCommentLinks', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const on41 = service.getCommentsForClause('G8.41');
  assert.ok(on41.some(e => e.comment.respondent === 'E.ON' && e.links[0].kind === 'explicit'));
  assert.ok(on41.every(e => e.links.length === 1 && e.links[0].clause === 'G8.41'));
  assert.deepEqual(service.getCommentsForClause('G8.99'), []);
  const all = service.getCommentLinks();
  assert.ok(all.some(l => l.commentId === 'q2-e-on' && l.clause === 'G8.44C'));
});

test('clause mentions: numbers, paragraphs, "Section", ranges both ways; not versions, modifications or objectives', () => {
  const m = (t: string) => scanMentions(t).map(x => (x.to ? `${x.from}..${x.to}` : x.from));
  assert.deepEqual(m('G8.41(a) and Section G8.44C'), ['G8.41', 'G8.44C']);
  assert.deepEqual(m('Sections G8.44A to G8.44C; G8.44A-C'), ['G8.44A..G8.44C', 'G8.44A..G8.44C']);
  assert.deepEqual(m('SECMP0044 and objectives (a), (f) and (g)'), []);
});

test('unknown-clause on the collation at the mention; versions and ranges of existing clauses are not flagged', () => {
  const collation = dedent(`
    Question 1: Comments?
    Respondent Category Comments
    EDF Energy Large Supplier We think G8.99 should go, and G8.44A to G8.44C are fine.
    SSE Large Supplier The SCF V1.15 and SECMP0044 say otherwise; see objectives (a), (f) and (g), G8.41(a) and Section H1.2.
  `);
  const service = workspaceOf({ 'g8.sec.txt': G8, 'responses.txt': collation });
  assert.deepEqual(findingsOf(service, 'responses.txt', 'unknown-clause'), ['3:36 unknown-clause']);
  const d = service.getDiagnostics(uriOf('responses.txt')).find(x => x.code === 'unknown-clause')!;
  assert.match(d.message, /EDF Energy's comment names clause G8\.99/);
  const edf = service.getComments().find(e => e.comment.respondent === 'EDF Energy')!;
  assert.deepEqual(edf.links.map(l => l.clause), ['G8.44A', 'G8.44B', 'G8.44C']);
});

test('a renumbered clause: the comment re-attaches by its sentence, else it is orphaned', () => {
  const renumbered = G8.replace('G8.41 A Supplier Party supplying both', 'G8.40A A Supplier Party supplying both');
  const service = workspaceOf({ 'g8.sec.txt': renumbered, 'consultation-responses.txt': COLLATION });
  // E.ON still names G8.41, which is gone: reported, and its sentence finds the clause again.
  assert.ok(findingsOf(service, 'consultation-responses.txt', 'unknown-clause').length === 1);
  const eon = linksOf(service, 'q2-e-on');
  assert.ok(eon.links.some(l => l.clause === 'G8.44C' && l.kind === 'explicit'));
  const stored = { commentId: 'q2-e-on', clause: 'G8.41', quote: 'We note that G8.41 seems to multiple the number of Non-Domestic Premises by five, ahead of adding these to the number of Domestic Premises.' };
  assert.deepEqual(reattach(workspaceIndexOf(service), stored).clause, 'G8.40A');
  assert.equal(reattach(workspaceIndexOf(service), stored).status, 'reattached');
  assert.equal(reattach(workspaceIndexOf(service), { ...stored, clause: 'G8.44C' }).status, 'attached');
  assert.equal(reattach(workspaceIndexOf(service), { ...stored, clause: 'G8.52', quote: 'We have no further comments.' }).status, 'orphaned');
  // A comment that only names missing clauses and says nothing else is orphaned, not dropped.
  const lone = workspaceOf({ 'g8.sec.txt': G8, 'r.txt': 'Question 1: Any?\nRespondent Category Comments\nSSE Large Supplier See G8.77.\n' });
  const entry = lone.getComments()[0];
  assert.equal(entry.status, 'orphaned');
});

test('links follow edits: changing the legal text relinks, the collation is re-read only when it changes', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const before = service.getComments();
  service.setDocument({ uri: uriOf('g8.sec.txt'), version: 2, text: G8.replace(/^G8\.44C .*$/m, '') });
  const after = service.getComments();
  assert.ok(!after.find(e => e.comment.id === 'q2-e-on')!.links.some(l => l.clause === 'G8.44C'));
  assert.equal(after[0].comment, before[0].comment, 'the collation model was not rebuilt');
});

test('a clause far longer than the rest (a definitions table) takes explicit links but is never inferred', () => {
  const table = 'A1 DEFINITIONS\n\nA1.1 In this Code:\n' + Array.from({ length: 120 }, (_, i) => `Term ${i} Premises | means Non-Domestic Premises counted by meters number ${i}.`).join('\n') + '\n';
  const service = workspaceOf({ 'g8.sec.txt': G8, 'a1.sec.txt': table, 'consultation-responses.txt': COLLATION });
  const inferred = service.getCommentLinks().filter(l => l.kind === 'inferred');
  assert.ok(inferred.length > 0);
  assert.ok(!inferred.some(l => l.clause === 'A1.1'));
  const named = workspaceOf({ 'g8.sec.txt': G8, 'a1.sec.txt': table, 'r.txt': 'Question 1: Any?\nRespondent Category Comments\nSSE Large Supplier See A1.1 please.\n' });
  assert.deepEqual(named.getCommentLinks().map(l => `${l.clause} ${l.kind}`), ['A1.1 explicit']);
});

test('an edit inside a clause keeps the explicit mentions and the explicit links; new clause numbers check them again', () => {
  const service = workspaceOf({ 'g8.sec.txt': G8, 'consultation-responses.txt': COLLATION });
  const collation = workspaceIndexOf(service).model(uriOf('consultation-responses.txt')) as ConsultationModel;
  const mentions = collationMentions(workspaceIndexOf(service), collation);
  const links = collationLinks(workspaceIndexOf(service), collation);
  const corpus = clauseCorpus(workspaceIndexOf(service));
  service.setDocument({ uri: uriOf('g8.sec.txt'), version: 2, text: G8.replace('shall agree the dates', 'shall agree the datesx') });
  assert.equal(collationMentions(workspaceIndexOf(service), collation), mentions, 'same clause numbers: mentions not checked again');
  const again = collationLinks(workspaceIndexOf(service), collation);
  assert.notEqual(clauseCorpus(workspaceIndexOf(service)), corpus, 'the clause texts changed');
  assert.equal(again.get('q2-e-on'), links.get('q2-e-on'), 'an explicitly linked comment keeps its analysis');
  service.setDocument({ uri: uriOf('g8.sec.txt'), version: 3, text: G8.replace('G8.44C ', 'G8.44D ') });
  assert.notEqual(collationMentions(workspaceIndexOf(service), collation), mentions, 'a renumbered clause: mentions checked again');
});
