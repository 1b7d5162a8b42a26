// Runs every rule family that applies to a document, then applies what the drafter decided:
// severities from settings (`ignore` drops a code), suppression comments, and the clause each
// finding sits in. The editor and the CLI both call this, so their findings are identical.
import type { CancellationLike, SecDiagnostic, SecSettings, SeverityLevel } from '../types';
import { NEVER_CANCELLED } from '../types';
import type { DocumentModel } from '../model/document';
import { clauseAtLine } from '../model/structure';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { RuleFamily } from './context';
import { RULE_BY_CODE } from './registry';
import { spacingRules } from './spacing';
import { wordRules } from './words';
import { pairingRules } from './pairing';
import { listRules } from './lists';
import { numberingRules } from './numbering';
import { referenceRules } from './references';
import { responsesRules } from './responses';
import { thresholdRules } from './thresholds';
import { numberRules } from './numbers';
import { consultationRules } from './consultation';
import { termRules } from './terms';

/** Every rule family, in the order their findings are listed. */
export const RULE_FAMILIES: RuleFamily[] = [spacingRules, wordRules, pairingRules, listRules, responsesRules, numberingRules, referenceRules, termRules, numberRules, thresholdRules, consultationRules];

export function severityOf(code: string, settings: SecSettings): SeverityLevel {
  return settings.severity[code] ?? RULE_BY_CODE.get(code)?.defaultSeverity ?? 'warning';
}

const SEVERITY_RANK: Record<SeverityLevel, number> = { ignore: 0, hint: 1, information: 2, warning: 3, error: 4 };

/** A finding may cap its severity (e.g. an unanswered comment shown on its clause only as information). */
export function capSeverity(level: SeverityLevel, cap: unknown): SeverityLevel {
  return typeof cap === 'string' && cap in SEVERITY_RANK && SEVERITY_RANK[cap as SeverityLevel] < SEVERITY_RANK[level] ? cap as SeverityLevel : level;
}

export function computeDiagnostics(model: DocumentModel, workspace: WorkspaceIndex, token: CancellationLike = NEVER_CANCELLED): SecDiagnostic[] {
  const settings = workspace.settings;
  const out: SecDiagnostic[] = [];
  const findings = model.problems.slice();
  for (const family of RULE_FAMILIES) {
    if (token.isCancellationRequested) return out;
    if (!family.kinds.includes(model.kind)) continue;
    if (family.codes.every(c => severityOf(c, settings) === 'ignore')) continue;
    findings.push(...family.check({ model, workspace, settings, token }));
  }
  for (const f of findings) {
    const severity = capSeverity(severityOf(f.code, settings), f.data?.severityCap);
    if (severity === 'ignore') continue;
    if (model.suppressions.isSuppressed(f.code, f.range.start.line)) continue;
    const clause = model.kind === 'legal' ? clauseAtLine(model.structure, f.range.start.line)?.id : undefined;
    out.push({ ...f, severity, source: 'sec', ...(clause ? { clause } : {}) });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
