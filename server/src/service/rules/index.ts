// Runs every rule family that applies to a document, then applies what the drafter decided:
// severities from settings (`ignore` drops a code), suppression comments, and the clause each
// finding sits in. The editor and the CLI both call this, so their findings are identical.
import { DerivedKey, derive, derivedIf, keepDerived, keepIfSame } from '../cache';
import type { CancellationLike, Finding, SecDiagnostic, SecSettings, SeverityLevel } from '../types';
import { NEVER_CANCELLED } from '../types';
import type { DocumentModel } from '../model/document';
import { clauseAtLine } from '../model/structure';
import { ALL_ASPECTS, type WorkspaceIndex } from '../workspaceIndex';
import type { RuleFamily } from './context';
import { RULE_BY_CODE } from './registry';
import { spacingRules } from './spacing';
import { wordRules } from './words';
import { pairingRules } from './pairing';
import { listRules } from './lists';
import { numberingRules } from './numbering';
import { referenceRules } from './references';
import { responsesRules } from './responses';
import { termRules } from './terms';
import { thresholdRules } from './thresholds';
import { thresholdReferenceRules } from './thresholdReferences';
import { numberRules } from './numbers';
import { consultationRules } from './consultation';
import { unusedSuppressions } from './suppressions';
import { settingsForUri } from '../overrides';

/** Every rule family, in the order their findings are listed. */
export const RULE_FAMILIES: RuleFamily[] = [spacingRules, wordRules, pairingRules, listRules, responsesRules, numberingRules, referenceRules, termRules, numberRules, thresholdRules, thresholdReferenceRules, consultationRules];

export function severityOf(code: string, settings: SecSettings): SeverityLevel {
  return settings.severity[code] ?? RULE_BY_CODE.get(code)?.defaultSeverity ?? 'warning';
}

const SEVERITY_RANK: Record<SeverityLevel, number> = { ignore: 0, hint: 1, information: 2, warning: 3, error: 4 };

/** A finding may cap its severity (e.g. an unanswered comment shown on its clause only as information). */
export function capSeverity(level: SeverityLevel, cap: unknown): SeverityLevel {
  return typeof cap === 'string' && cap in SEVERITY_RANK && SEVERITY_RANK[cap as SeverityLevel] < SEVERITY_RANK[level] ? cap as SeverityLevel : level;
}

/**
 * Each family's findings per document model, with the stamp of what they read: an edit to one
 * file re-runs only that file's families and the families elsewhere that read what changed.
 */
const FAMILY_FINDINGS = new DerivedKey<Map<RuleFamily, { stamp: string | number; findings: Finding[] }>>('rules.familyFindings');

function familyFindings(family: RuleFamily, model: DocumentModel, workspace: WorkspaceIndex, token: CancellationLike): Finding[] {
  const stamp = family.inputsKey
    ? `${workspace.stampOf(['settings'])}:${family.inputsKey(workspace)}`
    : workspace.stampOf(['settings', ...(family.dependsOn ?? ALL_ASPECTS)]);
  const perModel = derive(model, FAMILY_FINDINGS, () => new Map());
  const cached = perModel.get(family);
  if (cached && cached.stamp === stamp) return cached.findings;
  const fresh = family.check({ model, workspace, settings: workspace.settings, token });
  if (token.isCancellationRequested) return fresh;
  // Recomputed to the same findings: keep the old list, so the document's diagnostics stay the
  // same object (cache.ts, "the same object means unchanged").
  const findings = keepIfSame<Finding[]>(cached?.findings, fresh, sameFindings);
  perModel.set(family, { stamp, findings });
  return findings;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.code !== y.code || x.message !== y.message || !sameRange(x.range, y.range)) return false;
  }
  // Only when everything cheap agrees: the details (fixes, related places, data).
  return a.every((x, i) => JSON.stringify([x.data, x.related, x.fixes]) === JSON.stringify([b[i].data, b[i].related, b[i].fixes]));
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The last diagnostics of each model with the family results they were made from: when every
 * family kept its findings, the same list is returned, so the server sees nothing changed and
 * sends nothing.
 */
const LAST_DIAGNOSTICS = new DerivedKey<{ settings: number; parts: Finding[][]; diagnostics: SecDiagnostic[] }>('rules.lastDiagnostics');

export function computeDiagnostics(model: DocumentModel, workspace: WorkspaceIndex, token: CancellationLike = NEVER_CANCELLED): SecDiagnostic[] {
  const settings = settingsForUri(workspace.settings, model.uri); // per-file "overrides"
  const parts: Finding[][] = [];
  for (const family of RULE_FAMILIES) {
    if (token.isCancellationRequested) return [];
    if (!family.kinds.includes(model.kind)) continue;
    if (family.codes.every(c => severityOf(c, settings) === 'ignore')) continue;
    parts.push(familyFindings(family, model, workspace, token));
  }
  const settingsStamp = workspace.stampOf(['settings']);
  const last = derivedIf(model, LAST_DIAGNOSTICS);
  if (last && last.settings === settingsStamp && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i])) return last.diagnostics;
  const diagnostics = toDiagnostics(model, parts, settings);
  if (!token.isCancellationRequested) keepDerived(model, LAST_DIAGNOSTICS, { settings: settingsStamp, parts, diagnostics });
  return diagnostics;
}

/** Severities, suppressions and the clause of each finding, in document order. */
function toDiagnostics(model: DocumentModel, parts: Finding[][], settings: SecSettings): SecDiagnostic[] {
  const out: SecDiagnostic[] = [];
  const findings = model.problems.slice();
  // A loop, not push(...spread): a 10 MB file can yield more findings than the stack holds arguments.
  for (const part of parts) for (const f of part) findings.push(f);
  const used = new Set<number>();
  for (const f of findings) {
    const severity = capSeverity(severityOf(f.code, settings), f.data?.severityCap);
    if (severity === 'ignore') continue;
    const by = model.suppressions.suppressedBy(f.code, f.range.start.line);
    for (const d of by) used.add(d);
    if (by.length) continue;
    const clause = model.kind === 'legal' ? clauseAtLine(model.structure, f.range.start.line)?.id : undefined;
    out.push({ ...f, severity, source: 'sec', ...(clause ? { clause } : {}) });
  }
  // Suppression comments that name no known code or hid nothing in this run.
  const unusedSeverity = severityOf('unused-suppression', settings);
  if (unusedSeverity !== 'ignore') {
    for (const f of unusedSuppressions(model.suppressions.directives, used, code => severityOf(code, settings) === 'ignore')) {
      const clause = model.kind === 'legal' ? clauseAtLine(model.structure, f.range.start.line)?.id : undefined;
      out.push({ ...f, severity: unusedSeverity, source: 'sec', ...(clause ? { clause } : {}) });
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
