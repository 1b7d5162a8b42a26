// Clauses in the editor: go to definition (a reference → its clause, paragraph, Part or
// Section heading), find references (a clause number → every reference that names it,
// directly or inside a range). Works in legal text and in any other document whose model
// carries text (consultation responses mention "G8.41" without the word "Section").
import type { Location } from 'vscode-languageserver-types';
import type { Position, Range } from '../types';
import type { DocumentModel } from '../model/document';
import { type ReferenceTarget, type SecReference, type TargetKind, referenceNames, referencesOf, scanLine, targetAt, targetKind } from '../model/references';
import { CLAUSE_ID_SOURCE } from '../model/clauseIds';
import { rangeContains } from '../text/lines';
import type { WorkspaceIndex } from '../workspaceIndex';
import { clauseRenamesFor } from '../model/responsesIndex';
import type { FeatureContext } from './context';

/** What is under the cursor: a reference to a clause, or a clause's (or Part's) own number. */
export interface ClauseHit {
  id: string;
  kind: TargetKind;
  range: Range;
  /** Set when the cursor is on a reference. */
  ref?: SecReference;
  target?: ReferenceTarget;
  /** True on the number that declares the clause or Part. */
  declaration: boolean;
}

const BARE_ID_RE = new RegExp(`(?<![A-Za-z0-9.])(${CLAUSE_ID_SOURCE})(?![A-Za-z0-9])`, 'g');

/** A clause id written without "Section" (as respondents write), when it exists. */
function bareClauseAt(text: string, line: number, pos: Position, renames: ReadonlyMap<string, string>, workspace: WorkspaceIndex): ClauseHit | undefined {
  BARE_ID_RE.lastIndex = 0;
  for (let m = BARE_ID_RE.exec(text); m; m = BARE_ID_RE.exec(text)) {
    if (pos.character < m.index || pos.character > m.index + m[1].length) continue;
    const id = renames.get(m[1]) ?? m[1];
    if (!workspace.findClause(id)) return undefined;
    return { id, kind: 'clause', range: { start: { line, character: m.index }, end: { line, character: m.index + m[1].length } }, declaration: false };
  }
  return undefined;
}

function declarationAt(model: DocumentModel, pos: Position): ClauseHit | undefined {
  if (model.kind !== 'legal') return undefined;
  const { clauses, parts } = model.structure;
  const clause = clauses.find(c => c.firstLine === pos.line && rangeContains(c.idRange, pos));
  if (clause) return { id: clause.id, kind: 'clause', range: clause.idRange, declaration: true };
  const part = parts.find(p => p.line === pos.line && rangeContains(p.idRange, pos));
  return part ? { id: part.id, kind: 'part', range: part.idRange, declaration: true } : undefined;
}

/** The clause reference or clause number under the cursor, in any document with text. */
export function clauseHitAt(model: DocumentModel, pos: Position, workspace: WorkspaceIndex): ClauseHit | undefined {
  const declared = declarationAt(model, pos);
  if (declared) return declared;
  const lineText = model.lines[pos.line]?.text;
  if (lineText === undefined) return undefined;
  const refs = model.kind === 'legal' ? referencesOf(model).filter(r => r.range.start.line <= pos.line && pos.line <= r.range.end.line) : scanLine(lineText, pos.line);
  // A collation's comments keep the numbers they were written with; a renumbered clause is found by its number now.
  const renames = model.kind === 'consultation' ? clauseRenamesFor(workspace, model.uri) : undefined;
  const found = targetAt(refs, pos);
  if (found) return { id: renames?.get(found.target.id) ?? found.target.id, kind: found.target.kind, range: found.target.range, ref: found.ref, target: found.target, declaration: false };
  return model.kind === 'legal' ? undefined : bareClauseAt(lineText, pos.line, pos, renames ?? new Map(), workspace);
}

/** Where the given clause, Part or Section ids are declared in the workspace. */
export function clauseLocationsFor(ids: readonly string[], workspace: WorkspaceIndex): Location[] {
  const out: Location[] = [];
  for (const id of ids) {
    const kind = targetKind(id);
    if (kind === 'clause') {
      for (const at of workspace.clauseIndex().get(id) ?? []) out.push({ uri: at.uri, range: at.clause.idRange });
      continue;
    }
    for (const m of workspace.legalModels()) {
      if (kind === 'part') for (const p of m.structure.parts.filter(p => p.id === id)) out.push({ uri: m.uri, range: p.range });
      else if (m.structure.section?.letter === id) out.push({ uri: m.uri, range: m.structure.section.range });
    }
  }
  return out;
}

/** Where a referenced paragraph ("(b)(i)") is, when the clause has it. */
function paragraphLocation(id: string, path: string, workspace: WorkspaceIndex): Location | undefined {
  const at = workspace.findClause(id);
  const para = at?.clause.paragraphs.find(p => p.path === path);
  return at && para ? { uri: at.uri, range: para.labelRange } : undefined;
}

export function clauseDefinition(ctx: FeatureContext): Location[] | undefined {
  const hit = clauseHitAt(ctx.model, ctx.position, ctx.workspace);
  if (!hit || hit.declaration) return undefined;
  const para = hit.target?.paragraphPath ? paragraphLocation(hit.id, hit.target.paragraphPath, ctx.workspace) : undefined;
  const found = para ? [para] : clauseLocationsFor([hit.id], ctx.workspace);
  return found.length ? found : undefined;
}

/** Every reference in legal text that names `id`, directly or inside a range. */
export function incomingReferences(id: string, workspace: WorkspaceIndex): Location[] {
  return workspace.derived(`clauseNavigation.incoming:${id}`, () => {
    const out: Location[] = [];
    for (const m of workspace.legalModels()) {
      for (const ref of referencesOf(m)) {
        if (!referenceNames(ref, id)) continue;
        const direct = ref.targets.find(t => t.id === id);
        out.push({ uri: m.uri, range: direct ? direct.range : ref.range });
      }
    }
    return out;
  }, ['legal']);
}

export function clauseReferences(ctx: FeatureContext, includeDeclaration: boolean): Location[] | undefined {
  const hit = clauseHitAt(ctx.model, ctx.position, ctx.workspace);
  if (!hit) return undefined;
  const refs = incomingReferences(hit.id, ctx.workspace);
  return includeDeclaration ? [...clauseLocationsFor([hit.id], ctx.workspace), ...refs] : refs;
}
