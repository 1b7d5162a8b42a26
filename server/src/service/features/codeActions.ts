// Quick fixes from the findings' fixes: one instance, or every certain fix of the same code in
// the file ("fix all"), and a source.fixAll action for format-on-save style use.
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { Range, SecDiagnostic, SecFix } from '../types';
import { comparePositions } from '../text/lines';
import { toWorkspaceEdit } from './workspaceEdit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sec`;

function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Certain edits of the given diagnostics, without overlaps (the first edit wins). */
export function certainEdits(diagnostics: SecDiagnostic[]): SecFix['edits'] {
  const edits = diagnostics.flatMap(d => d.fixes?.find(f => f.certain)?.edits ?? []);
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
  const kept: SecFix['edits'] = [];
  for (const e of edits) {
    const prev = kept[kept.length - 1];
    if (prev && prev.uri === e.uri && comparePositions(e.range.start, prev.range.end) < 0) continue;
    kept.push(e);
  }
  return kept;
}

export function toLspDiagnostic(d: SecDiagnostic): Diagnostic {
  const severity = { error: 1, warning: 2, information: 3, hint: 4 }[d.severity] as 1 | 2 | 3 | 4;
  return {
    range: d.range,
    severity,
    code: d.code,
    source: d.source,
    message: d.clause ? `${d.message} [${d.clause}]` : d.message,
    ...(d.related?.length
      ? { relatedInformation: d.related.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })) }
      : {}),
  };
}

export function getCodeActions(diagnostics: SecDiagnostic[], range: Range, only?: string[]): CodeAction[] {
  const wantsFixAll = !only || only.some(k => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  const wantsQuickFix = !only || only.some(k => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];
  if (wantsQuickFix) {
    for (const d of diagnostics) {
      if (!rangesOverlap(d.range, range) || !d.fixes) continue;
      for (const fix of d.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d)], isPreferred: fix.isPreferred, edit: toWorkspaceEdit(fix.edits) });
      }
      const sameCode = diagnostics.filter(o => o.code === d.code && o.fixes?.some(f => f.certain));
      if (sameCode.length > 1 && d.fixes.some(f => f.certain)) {
        actions.push({ title: `Fix all '${d.code}' in this file (${sameCode.length})`, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d)], edit: toWorkspaceEdit(certainEdits(sameCode)) });
      }
    }
  }
  if (wantsFixAll && only) {
    const edits = certainEdits(diagnostics);
    if (edits.length) actions.push({ title: 'Fix all certain SEC drafting findings', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits) });
  }
  return actions;
}
