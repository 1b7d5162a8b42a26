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
  check: ctx => [...unknownClauses(ctx), ...duplicateConsultation(ctx)],
};
