// Checks of consultation collations: a comment that names a clause the workspace does not
// have (`unknown-clause`, at the mention), and a collation that repeats another one
// (`duplicate-consultation`, naming both files). Rows that cannot be read are the model's own
// `file-error` problems, reported with the rest by the runner.
import type { Finding } from '../types';
import type { ConsultationModel } from '../model/consultation';
import { collationMentions } from '../model/consultation/linking';
import { collationCopies } from '../model/consultation/copies';
import { needsAnswer } from '../model/consultation/votes';
import { baseName } from '../model/classify';
import type { RuleContext, RuleFamily } from './context';

function unknownClauses(ctx: RuleContext): Finding[] {
  const model = ctx.model as ConsultationModel;
  const findings: Finding[] = [];
  // Without any legal text loaded every clause is unknown: say nothing rather than everything.
  if (ctx.workspace.legalModels().length === 0) return findings;
  // A second copy's mentions are the first copy's: said there once.
  if (collationCopies(ctx.workspace).has(model.uri)) return findings;
  // Only the clause numbers are needed: the mentions are checked without the BM25 index.
  const analyses = collationMentions(ctx.workspace, model);
  for (const comment of model.comments) {
    const a = analyses.get(comment.id);
    if (!a) continue;
    for (const m of a.unknown) {
      const written = m.text === m.clause ? m.clause : `${m.clause} (in "${m.text}")`;
      findings.push({
        code: 'unknown-clause',
        range: m.range,
        message: `${comment.respondent}'s comment names clause ${written}, which is not in the legal text.`,
        data: { clause: m.clause, commentId: comment.id },
      });
    }
  }
  return findings;
}

/** On a collation that repeats another: which one, and that its comments are counted once, from the other. */
function duplicateConsultation(ctx: RuleContext): Finding[] {
  const model = ctx.model as ConsultationModel;
  const original = collationCopies(ctx.workspace).get(model.uri);
  if (!original) return [];
  const originalModel = ctx.workspace.model(original) as ConsultationModel | undefined;
  const comments = model.comments.filter(needsAnswer).length;
  // On the copy's first comment row, where a suppression comment can stand before it.
  const line = model.comments.find(needsAnswer)?.range.start.line ?? 0;
  const here = baseName(model.uri);
  const there = baseName(original) === here ? original : baseName(original);
  return [{
    code: 'duplicate-consultation',
    range: { start: { line, character: 0 }, end: { line, character: model.lines[line]?.text.length ?? 0 } },
    message: `${here} is a second copy of the consultation in ${there} (the same questions, respondents and comments): its ${comments} comment${comments === 1 ? ' is' : 's are'} counted once, from ${there}. Keep one of the two files in the workspace.`,
    related: originalModel ? [{ uri: original, range: originalModel.comments[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `the copy kept: ${baseName(original)}` }] : [],
    data: { original },
  }];
}

export const consultationRules: RuleFamily = {
  name: 'consultation',
  kinds: ['consultation'],
  codes: ['unknown-clause', 'duplicate-consultation'],
  docs: consultationDocs(),
  check: ctx => [...unknownClauses(ctx), ...duplicateConsultation(ctx)],
};

/** The pages of the consultation codes (docs/rules/<code>.md is rendered from these by `npm run rules:sync`). */
function consultationDocs(): RuleFamily['docs'] {
  return {
    'unknown-clause': {
      finds: 'A consultation comment that names a clause (`G8.48`, `Section G8.44C`) that does not exist in the workspace, reported in the collation at the mention. A number counts only when its Part has clauses in the workspace (`V1.15` is a version, not a clause).',
      why: 'A comment on a clause that does not exist usually means the respondent read an earlier draft, or mistyped the number. Either way the comment is not attached to the clause it is about, and may go unanswered.',
      reported: 'Question 1 | E.ON | Large Supplier | … we query G8.48 …\n\n(where Part G8 ends at G8.47)',
      notReported: 'Question 1 | E.ON | Large Supplier | … we query G8.44C …',
      fix: `Find the clause the respondent meant (the comment's text is matched against the clauses too, and its inferred links are shown on hover) and say so in the response. The collation itself is the respondents' words and is never changed; suppress the finding if the mention is understood.`,
    },
    'duplicate-consultation': {
      finds: 'A consultation collation that repeats another one in the workspace: the same respondents on\n'
        + 'the same questions, with the same comments (compared word by word, as the text, CSV, JSON and\n'
        + 'Word readers tidy text a little differently) and, where both files name their questions, the\n'
        + 'same question titles. Typically the `.txt` copied from the published PDF and a `.csv` of the\n'
        + `same collation side by side. The finding stands on the copy's first comment row and names both\n`
        + `files; the copy's comments are counted once, from the file that is kept (the one with a\n`
        + 'responses file, else the one with more rows, else the first by name).',
      why: 'Read twice, every comment would be listed twice on each clause and in the modification report,\n'
        + 'and the publication gate would ask for two responses to each. Counting the copy once keeps the\n'
        + `Working Group's answers and the report honest; saying so keeps the drafter from wondering why\n`
        + `one file's comments are not shown.`,
      reported: 'consultation-responses.txt   Question 1 … | E.ON | Large Supplier | Approve | This Modification will …\n'
        + 'consultation-responses.csv   1,E.ON,Large Supplier,Approve,"This Modification will …"',
      reportedNote: '(reported on `consultation-responses.csv`: "a second copy of the consultation in consultation-responses.txt")',
      notReported: 'secmp0101-consultation-responses.txt   Question 1: Do you believe that SECMP0101 should be approved?\n'
        + 'secmp0102-consultation-responses.txt   Question 1: Do you believe that SECMP0102 should be approved?',
      notReportedNote: 'Two consultations answered by the same respondents: their comments and question titles differ.',
      fix: 'Keep one copy of each collation in the workspace (move the other out of the folder, or narrow\n'
        + 'the `secDrafting.consultationFiles` globs). Nothing the respondents wrote is changed, and no\n'
        + 'response recorded for the kept file is lost.',
      configure: '- Severity, in `.secdraft.json` (read by the editor and the CLI alike): `{ "severity": { "duplicate-consultation": "error" } }`;\n'
        + '  one of `ignore`, `hint`, `information`, `warning`, `error`. In VS Code also the setting\n'
        + "  `secDrafting.severity` (the repository's `.secdraft.json` wins). The copy's comments are\n"
        + '  counted once whatever the severity.\n'
        + '- One finding, in a text collation: `// sec-disable-next-line duplicate-consultation` on the line\n'
        + `  before the copy's first comment row (the collation's words are not changed).\n`
        + `- Without touching the text: the editor's "Suppress in baseline" code action, or\n`
        + '  `secdraft check --update-baseline`, accepts the finding in `.secdraft-baseline.json`.',
    },
  };
}
