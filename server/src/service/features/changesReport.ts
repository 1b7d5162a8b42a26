// The pre-publication report's "Changes" part: each clause the modification added, changed,
// renumbered or deleted, with its word diff, its findings and the consultation comments on it.
// Generic over the report's own finding and comment entries, so it only gathers: the report
// builds those entries once per clause, and this picks up the ones of the changed clauses.
import type { ChangeSet, ChangeStatus, DiffPart } from './changes';
import { describeChange } from './changes';

export interface ReportChange<F, C> {
  id: string;
  status: Exclude<ChangeStatus, 'unchanged'>;
  /** "changed", "renumbered from G8.6, words changed" … */
  description: string;
  heading: string;
  /** Where the clause is now (absent for a deleted clause). */
  path?: string;
  line?: number;
  /** Where it was in the baseline (absent for an added clause). */
  baselinePath?: string;
  baselineLine?: number;
  /** Baseline → now, when the words changed; an added clause's words are all `added`, a deleted one's all `removed`. */
  diff: DiffPart[];
  findings: F[];
  comments: C[];
}

export interface ReportChanges<F, C> {
  /** What the text was compared with ("git main", "folder ../current"). */
  baseline: string;
  counts: Record<ChangeStatus, number>;
  clauses: ReportChange<F, C>[];
}

/** The report's entries of one clause (its findings and comments), as the report built them. */
export interface ReportClauseEntries<F, C> {
  id: string;
  path: string;
  findings: F[];
  comments: C[];
}

export function buildChangesPart<F, C>(changes: ChangeSet, baseline: string, clauses: readonly ReportClauseEntries<F, C>[],
  displayPath: (uri: string) => string, baselinePath: (uri: string) => string = uri => uri): ReportChanges<F, C> {
  const entries = new Map(clauses.map(c => [`${c.path}\u0000${c.id}`, c]));
  const part: ReportChange<F, C>[] = [];
  for (const change of changes.clauses) {
    if (change.status === 'unchanged') continue;
    const now = change.current;
    const before = change.baseline;
    const entry = now ? entries.get(`${displayPath(now.uri)}\u0000${now.id}`) : undefined;
    const diff: DiffPart[] = change.diff ?? (now && !before ? [{ kind: 'added', text: now.text }] : before && !now ? [{ kind: 'removed', text: before.text }] : [{ kind: 'same', text: now?.text ?? '' }]);
    part.push({
      id: change.id, status: change.status, description: describeChange(change), heading: now?.heading ?? before?.heading ?? '',
      ...(now ? { path: displayPath(now.uri), line: now.line + 1 } : {}),
      ...(before ? { baselinePath: baselinePath(before.uri), baselineLine: before.line + 1 } : {}),
      diff, findings: entry?.findings ?? [], comments: entry?.comments ?? [],
    });
  }
  return { baseline, counts: changes.counts, clauses: part };
}
