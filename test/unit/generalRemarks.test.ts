// General remarks stay general: a comment about the modification as a whole ("we support this
// modification", "better facilitates the SEC objectives") is linked to no clause by inference,
// and an inferred link needs evidence specific to its clause (a term few clauses of its Part
// hold, or a number it states), not the topic's words that run through the Part.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dedent, workspaceOf } from '../helpers/fixtures';
import { withoutGeneralRemarks } from '../../server/src/service/model/consultation/generalRemarks';

const G8 = dedent(`
  G8 USER SECURITY ASSESSMENTS
  G8.37 Each User shall be subject to a User Security Assessment in its first Assessment Year and in each subsequent Assessment Year.
  G8.39 A Supplier Party shall count the Non-Domestic Premises it supplies at the start of each Assessment Year.
  G8.41 The Combined Premises Number is the number of Domestic Premises plus five times the number of Non-Domestic Premises.
  G8.42 A Supplier Party which supplies 250,000 or fewer Smart Metering Systems, and which does not supply any Non-Domestic Premises, shall be subject to User Security Assessments in a cycle of three years.
  G8.44A A Supplier Party which supplies more than 50,000 Non-Domestic Premises shall undergo a Full User Security Assessment in each Assessment Year.
  G8.46 A User acting in more than one User Role shall undergo a single User Security Assessment covering all its User Roles.
  G8.48 Where an Other User is also a Supplier Party, Section G8.46 applies to it.
  G8.50 A Shared Resource Provider shall notify the Panel of each User whose systems it operates.
`);

const row = (who: string, text: string) => `1,${who},Large Supplier,Approve,"${text}"`;
const COLLATION = ['question,respondent,category,response,text',
  row('E.ON', 'This Modification will better ensure the protection and security of Systems in the operation of the Code and of Smart Metering Systems, thus we believe this Modification better facilitates SEC objectives a and f.'),
  row('British Gas', 'We believe implementation will support relevant objectives (a), (f) and (g). Implementation will help to ensure the protection and security of Smart Metering Systems and User Systems.'),
  row('Utiligroup', 'As a Shared Resource Provider we welcome any change which reduces the effort needed for each User to complete its User Security Assessment.'),
  row('Npower', 'We are supportive of this modification and welcome the clarification around the User Security Assessment in each subsequent Assessment Year and therefore meets the SEC objectives.'),
  row('Haven Power', 'While we agree with the intent of this change, we do not agree with counting Non-Domestic Premises: a threshold of 50,000 meters would be a more accurate measure.'),
  row('SSE', 'We agree with the proposed solution, as each Supplier Party and each User will know which User Security Assessment applies.'),
].join('\n') + '\n';

const linksOf = (service: ReturnType<typeof workspaceOf>) =>
  Object.fromEntries(service.getComments().map(e => [e.comment.respondent, e.links.filter(l => l.kind === 'inferred').map(l => l.clause)]));

test('whole-modification approvals stay general; a particular point after an approval is still linked', () => {
  const links = linksOf(workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': COLLATION }));
  assert.deepEqual(links['E.ON'], [], 'objectives and the modification as a whole');
  assert.deepEqual(links['British Gas'], []);
  assert.deepEqual(links['Utiligroup'], [], '"we welcome any change which …"');
  assert.deepEqual(links['SSE'], [], 'the reason given for an approval is part of it');
  assert.ok(links['Npower'].includes('G8.37'), `the clarification it welcomes (${links['Npower']})`);
  assert.ok(links['Haven Power'].includes('G8.44A'), `the threshold it questions (${links['Haven Power']})`);
});

test('a link needs evidence specific to the clause: words that run through the Part are not enough', () => {
  // "Supplier Party", "User Security Assessment", "Assessment Year" are in most G8 clauses here.
  const topic = ['question,respondent,category,response,text', row('Octopus', 'Each Supplier Party should know in which Assessment Year its User Security Assessment falls.')].join('\n') + '\n';
  assert.deepEqual(linksOf(workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': topic }))['Octopus'], []);
  // The same words with one the clause alone holds (its own term) link to it.
  const own = ['question,respondent,category,response,text', row('Octopus', 'Each Supplier Party should know how its Combined Premises Number counts Domestic Premises in the Assessment Year.')].join('\n') + '\n';
  assert.equal(linksOf(workspaceOf({ 'g8.sec.txt': G8, 'consultation.csv': own }))['Octopus'][0], 'G8.41');
});

test('withoutGeneralRemarks blanks the remarks in place (same length) and keeps what is particular', () => {
  const cases: [string, string][] = [
    ['We support this modification.', ''],
    ['We agree that the SECMP0059 proposed solution better facilitates the SEC objectives as follows:', ''],
    ['While we agree with the intent of this change, as highlighted before, we do not agree with the threshold.', 'we do not agree with the threshold'],
    ['An implementation date of 1 April 2027 allows us enough time.', 'An implementation date of 1 April 2027 allows us enough time'],
    ['The DCC notes that the period of 5 Working Days is unchanged by this modification.', 'The DCC notes that the period of 5 Working Days is unchanged by this modification'],
    ['We welcome the clarification of G8.44C, but we do not support the change.', 'We welcome the clarification of G8.44C'],
  ];
  for (const [text, kept] of cases) {
    const out = withoutGeneralRemarks(text);
    assert.equal(out.length, text.length, 'offsets hold');
    assert.equal(out.replace(/[\s,.:]+/g, ' ').trim(), kept.replace(/[\s,.:]+/g, ' ').trim(), text);
  }
});

test('the real SECMP0059 collation: the whole-modification approvals are general, the particular comments still linked', () => {
  const corpus = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'secmp0059');
  const read = (name: string) => fs.readFileSync(path.join(corpus, name), 'utf8'); // fails, never skips, without ../shared
  const service = workspaceOf({ 'section-a-definitions.sec.txt': read('section-a-definitions.sec.txt'), 'section-g8.sec.txt': read('section-g8.sec.txt'), 'consultation-responses.txt': read('consultation-responses.txt') });
  const status = Object.fromEntries(service.getComments().map(e => [e.comment.id, e.status]));
  for (const id of ['q1-edf-energy', 'q1-smart-dcc', 'q1-n3rgy-limited', 'q1-british-gas', 'q1-e-on']) assert.equal(status[id], 'general', id);
  for (const id of ['q1-haven-power-limited', 'q1-npower', 'q2-bryt-energy-limited', 'q2-haven-power-limited', 'q2-sse', 'q2-e-on']) assert.equal(status[id], 'linked', id);
});
