// Rename a clause number (at the clause's own number or at any reference to it): the clause and
// every reference to it in the workspace's legal text change together, range ends
// ("Sections G8.44A to G8.44C") and paragraph references ("Section G8.44C(a)") included.
// Consultation comments are the respondents' words and are never edited: their links follow
// through the collation's responses file (commentLinksFollow.ts). A number that is
// already taken is refused with the reason. `renumberingEdits` is shared with renumber.ts,
// which moves many clauses at once (insertion with "renumber the rest").
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { Range, SecTextEdit } from '../types';
import { parseClauseId } from '../model/clauseIds';
import { type ReferenceTarget, referencesOf } from '../model/references';
import { DerivedKey, derive } from '../cache';
import type { LegalModel } from '../model/document';
import type { Clause } from '../model/structure';
import { baseName } from '../model/classify';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { FeatureContext } from './context';
import { clauseHitAt } from './clauseNavigation';
import { commentLinkEdits } from './commentLinksFollow';
import { toWorkspaceEdit } from './workspaceEdit';

export { toWorkspaceEdit };

// Derived values kept per owner (see cache.ts).
const CLAUSE_SITES = new DerivedKey<ClauseSites>('renumber.sites');

/** What a rename can answer: the edit, or why not. */
export type Refusable<T> = { ok: T } | { refused: string };

/** A document's clauses and clause reference targets by clause id, made once per version (renumbering reads a few ids of every file). */
export interface ClauseSites {
  declarations: Map<string, Clause[]>;
  targets: Map<string, ReferenceTarget[]>;
}

export function clauseSitesOf(model: LegalModel): ClauseSites {
  return derive(model, CLAUSE_SITES, () => {
    const declarations = new Map<string, Clause[]>();
    for (const c of model.structure.clauses) (declarations.get(c.id) ?? declarations.set(c.id, []).get(c.id)!).push(c);
    const targets = new Map<string, ReferenceTarget[]>();
    for (const ref of referencesOf(model)) {
      for (const t of ref.targets) if (t.kind === 'clause') (targets.get(t.id) ?? targets.set(t.id, []).get(t.id)!).push(t);
    }
    return { declarations, targets };
  });
}

/**
 * The edits that give clauses new numbers (old id → new id): each declaration, and each
 * reference target that names one of them, across the workspace's legal text. Edits of one
 * call never overlap, so every mapping is applied to the text as it is now.
 */
function clauseMappingEdits(workspace: WorkspaceIndex, mapping: ReadonlyMap<string, string>): SecTextEdit[] {
  const edits: SecTextEdit[] = [];
  for (const model of workspace.legalModels()) {
    const sites = clauseSitesOf(model);
    for (const [from, to] of mapping) {
      if (from === to) continue;
      for (const c of sites.declarations.get(from) ?? []) edits.push({ uri: model.uri, range: c.idRange, newText: to });
      for (const t of sites.targets.get(from) ?? []) edits.push({ uri: model.uri, range: t.idRange, newText: to });
    }
  }
  return edits;
}

/** Every edit of a renumbering: the numbers and references in the legal text, and the comment links that follow. */
export function renumberingEdits(workspace: WorkspaceIndex, mapping: ReadonlyMap<string, string>): Refusable<SecTextEdit[]> {
  const follow = commentLinkEdits(workspace, mapping);
  return 'refused' in follow ? follow : { ok: [...clauseMappingEdits(workspace, mapping), ...follow.ok] };
}

/** Where a clause number is already used, for a refusal ("section-g8.sec.txt line 107"). */
function placeOf(workspace: WorkspaceIndex, id: string): string | undefined {
  const at = workspace.findClause(id);
  return at ? `${baseName(at.uri)} line ${at.clause.firstLine + 1}` : undefined;
}

/** Why `to` cannot be the new number of clause `from`, if it cannot. */
export function clauseNumberRefusal(workspace: WorkspaceIndex, from: string, to: string): string | undefined {
  if (!parseClauseId(to)) return `“${to}” is not a clause number (write it as the Code does, e.g. G8.44D).`;
  if (to === from) return undefined;
  const taken = placeOf(workspace, to);
  return taken ? `${to} already exists (${taken}): renaming ${from} to it would give two clauses the same number.` : undefined;
}

/** Rename clause `from` to `to` across the workspace (the CLI and the editor share it). */
export function renameClause(workspace: WorkspaceIndex, from: string, to: string): Refusable<SecTextEdit[]> {
  to = to.trim();
  if (!workspace.findClause(from)) return { refused: `There is no clause ${from} in the workspace to renumber.` };
  const refusal = clauseNumberRefusal(workspace, from, to);
  return refusal ? { refused: refusal } : renumberingEdits(workspace, new Map([[from, to]]));
}

/** The clause number under the cursor that a rename would change, or why there is none to change. */
function renamableClause(ctx: FeatureContext): Refusable<{ id: string; range: Range }> | undefined {
  const hit = clauseHitAt(ctx.model, ctx.position, ctx.workspace);
  if (!hit || hit.kind !== 'clause') return undefined;
  if (ctx.model.kind !== 'legal') return { refused: 'Consultation responses are the respondents’ words and are not edited: rename the clause from the legal text.' };
  if (!ctx.workspace.findClause(hit.id)) return { refused: `There is no clause ${hit.id} in the workspace to rename.` };
  // On a reference, the id alone (not a paragraph path after it).
  const range = hit.target ? hit.target.idRange : hit.range;
  return { ok: { id: hit.id, range } };
}

export function clausePrepareRename(ctx: FeatureContext): Refusable<{ range: Range; placeholder: string }> | undefined {
  const found = renamableClause(ctx);
  if (!found || 'refused' in found) return found;
  return { ok: { range: found.ok.range, placeholder: found.ok.id } };
}

export function clauseRename(ctx: FeatureContext, newName: string): Refusable<WorkspaceEdit> | undefined {
  const found = renamableClause(ctx);
  if (!found || 'refused' in found) return found;
  const renamed = renameClause(ctx.workspace, found.ok.id, newName);
  return 'refused' in renamed ? renamed : { ok: toWorkspaceEdit(renamed.ok) };
}
