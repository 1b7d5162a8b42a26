// Three collations written for issue #16 in the layouts SEC collations are published in, each
// read exactly: every respondent, category, response and the whole comment, nothing moved.
//   secmp0104: the PDF-extracted layout with names that wrap without a company suffix
//     ("Caledonia Gas / Networks"), categories no list holds ("Gas Transporter", "Metering
//     Agent"), wrapped ("Independent / Supplier"), a page break with the header repeated inside
//     a row, a row's cells one per line after a break;
//   secmp0105: `Organisation | Category | Response | Rationale`, "Question One" in words, wrapped
//     barred cells, a header repeated inside a row;
//   secmp0106: `Company | Confidential/Anonymous | Response`, anonymous respondents kept apart.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitLines } from '../../server/src/service/text/lines';
import { parseTextCollation } from '../../server/src/service/model/consultation/text';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'unseen');

/** [id, question, respondent, category, response, text] */
type Row = [string, string, string, string, string, string];

const EXPECTED: Record<string, Row[]> = {
  'secmp0104-consultation-responses.txt': [
    ['q1-caledonia-gas-networks', '1', 'Caledonia Gas Networks', 'Gas Transporter', 'Approve', 'We agree that the change will reduce the cost of reporting for transporters and better facilitates Objective (a).'],
    ['q1-thornbury-energy-supply', '1', 'Thornbury Energy Supply', 'Independent Supplier', 'Reject', 'The proposed reporting window is too short for a small supplier that still reports by hand.'],
    ['q1-keystone-shared-metering-services-ltd', '1', 'Keystone Shared Metering Services Ltd', 'Metering Agent', 'Approve', 'We support the change.'],
    ['q1-avonside-community-energy', '1', 'Avonside Community Energy', 'Independent Supplier', 'Neutral', 'We have no view on the change itself, but ask that the guidance is published before it takes effect.'],
    ['q1-northfleet-gas-distribution', '1', 'Northfleet Gas Distribution', 'Gas Transporter', 'Approve', 'We agree.'],
    ['q1-lindley-meter-assets', '1', 'Lindley Meter Assets', 'Metering Agent', 'Abstain', ''],
    ['q2-caledonia-gas-networks', '2', 'Caledonia Gas Networks', 'Gas Transporter', 'Yes', ''],
    ['q2-thornbury-energy-supply', '2', 'Thornbury Energy Supply', 'Independent Supplier', 'No', 'Section H1.5 should allow ten Working Days, not five.'],
    ['q2-keystone-shared-metering-services-ltd', '2', 'Keystone Shared Metering Services Ltd', 'Metering Agent', 'Yes', ''],
    ['q2-avonside-community-energy', '2', 'Avonside Community Energy', 'Independent Supplier', 'Yes', ''],
    ['q2-northfleet-gas-distribution', '2', 'Northfleet Gas Distribution', 'Gas Transporter', 'Yes', 'We note that H1.6A is unchanged.'],
    ['q2-lindley-meter-assets', '2', 'Lindley Meter Assets', 'Metering Agent', 'No', 'The reporting template should be annexed to the Code, so that a change to it is itself a modification.'],
    ['q3-caledonia-gas-networks', '3', 'Caledonia Gas Networks', 'Gas Transporter', '', 'The Gas Transporter role is not named in the definitions, and we would welcome a definition.'],
    ['q3-thornbury-energy-supply', '3', 'Thornbury Energy Supply', 'Independent Supplier', '', ''],
    ['q3-keystone-shared-metering-services-ltd', '3', 'Keystone Shared Metering Services Ltd', 'Metering Agent', '', 'We would ask that the DCC confirms how the change affects shared resource arrangements.'],
    ['q3-avonside-community-energy', '3', 'Avonside Community Energy', 'Independent Supplier', '', 'Our members are small community schemes with limited staff, and would benefit from a worked example.'],
    ['q3-northfleet-gas-distribution', '3', 'Northfleet Gas Distribution', 'Gas Transporter', '', 'No further comments.'],
    ['q3-lindley-meter-assets', '3', 'Lindley Meter Assets', 'Metering Agent', '', ''],
  ],
  'secmp0105-consultation-responses.txt': [
    ['q1-harbourside-energy-services', '1', 'Harbourside Energy Services', 'Energy Service Company', 'Approve', 'We support the change, which gives prepayment customers a second route to top up when the first fails.'],
    ['q1-westmoor-power-trading', '1', 'Westmoor Power Trading', 'Energy Service Company', 'Reject', 'The cost of a second route falls on every supplier, while the failures it addresses are rare.'],
    ['q1-fenland-consumer-forum', '1', 'Fenland Consumer Forum', 'Consumer Advocate', 'Approve', 'Consumers on prepayment are most exposed to a failed top-up, and the change protects them.'],
    ['q1-riverside-tenants-association', '1', 'Riverside Tenants Association', 'Consumer Advocate', 'Abstain', ''],
    ['q2-harbourside-energy-services', '2', 'Harbourside Energy Services', 'Energy Service Company', '', 'The new text in X1.4 should say who bears the cost of the second route.'],
    ['q2-westmoor-power-trading', '2', 'Westmoor Power Trading', 'Energy Service Company', '', ''],
    ['q2-fenland-consumer-forum', '2', 'Fenland Consumer Forum', 'Consumer Advocate', '', 'We ask that X3.2 is reviewed with consumer groups before the Transition Period ends.'],
    ['q2-riverside-tenants-association', '2', 'Riverside Tenants Association', 'Consumer Advocate', '', 'No further comments.'],
  ],
  'secmp0106-consultation-responses.txt': [
    ['q1-medway-valley-heat-and-power', '1', 'Medway Valley Heat and Power', 'Public', '', 'We agree with the scope, but the audit should also cover the test environment used by the shared resource.'],
    ['q1-anonymous', '1', 'Anonymous', 'Anonymous', '', 'We do not agree. The scope duplicates the assessment in Section H1.8 and adds cost without adding assurance.'],
    ['q1-orchard-lane-smart-metering-cooperative', '1', 'Orchard Lane Smart Metering Cooperative', 'Public', '', 'Yes.'],
    ['q1-anonymous-2', '1', 'Anonymous', 'Anonymous', '', 'We agree.'],
    ['q2-medway-valley-heat-and-power', '2', 'Medway Valley Heat and Power', 'Public', '', 'No.'],
    ['q2-anonymous', '2', 'Anonymous', 'Anonymous', '', 'We would welcome a transition period of six months.'],
    ['q2-orchard-lane-smart-metering-cooperative', '2', 'Orchard Lane Smart Metering Cooperative', 'Public', '', ''],
    ['q2-anonymous-2', '2', 'Anonymous', 'Anonymous', '', 'None.'],
  ],
};

for (const [file, rows] of Object.entries(EXPECTED)) {
  test(`${file}: read exactly, every word in its field`, () => {
    const parsed = parseTextCollation(splitLines(fs.readFileSync(path.join(DIR, file), 'utf8')));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.comments.map(c => [c.id, c.question, c.respondent, c.category, c.response, c.text]), rows);
    // None of these rows needed a guess.
    assert.deepEqual(parsed.comments.filter(c => c.confidence).map(c => c.id), []);
  });
}
