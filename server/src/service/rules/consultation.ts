// Checks of consultation collations: a comment that names a clause the workspace does not
// have (`unknown-clause`, at the mention). Rows that cannot be read are the model's own
// `file-error` problems, reported with the rest by the runner.
import type { Finding } from '../types';
import type { ConsultationModel } from '../model/consultation';
import { collationMentions } from '../model/consultation/linking';
import type { RuleContext, RuleFamily } from './context';

function unknownClauses(ctx: RuleContext): Finding[] {
  const model = ctx.model as ConsultationModel;
  const findings: Finding[] = [];
  // Without any legal text loaded every clause is unknown: say nothing rather than everything.
  if (ctx.workspace.legalModels().length === 0) return findings;
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

export const consultationRules: RuleFamily = {
  name: 'consultation',
  kinds: ['consultation'],
  codes: ['unknown-clause'],
  check: unknownClauses,
};
