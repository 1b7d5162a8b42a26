// `broken-reference` and `reference-heading-mismatch`.
// A reference is reported broken only when that can be shown from the workspace: its Part's
// clauses are present and the number lies inside a stretch of them that is reproduced
// (references before or after an excerpt, or to absent Parts and Sections, are unknowable).
// A bracketed heading is compared with the target's heading (the sub-heading above the
// clause, else its Part heading) ignoring case and extra whitespace.
import type { Finding, Range } from '../types';
import type { LegalModel } from '../model/document';
import { type Clause, clauseRuns } from '../model/structure';
import { compareClauseNumbers, parseClauseId, partOf, sectionOf } from '../model/clauseIds';
import { type ReferenceTarget, type SecReference, referencesOf } from '../model/references';
import type { WorkspaceIndex } from '../workspaceIndex';
import { DerivedKey, derive } from '../cache';
import { type RuleContext, type RuleFamily, signatureKey } from './context';

// Derived values kept per owner (see cache.ts).
const COVERAGE = new DerivedKey<Coverage>('references.coverage');
const SORTED_RUNS = new DerivedKey<Run[]>('references.runs');
const CLAUSES_BY_ID = new DerivedKey<Map<string, Clause>>('references.clausesById');

/**
 * A stretch of consecutive clauses of one Part, in order; `complete` when it starts at the
 * Part's first clause and the text goes on to another Part or a Schedule after it, so the
 * whole Part is reproduced.
 */
interface Run { clauses: Clause[]; complete: boolean }

/** Per Part, the stretches of consecutive clauses present in the workspace. */
type Coverage = Map<string, Run[]>;

/** Headings that end the numbered clauses of a Section: its Schedules, Appendices and Annexes. */
const END_OF_PART_RE = /^\s*(?:#{1,6}\s+)?(?:SCHEDULE|APPENDIX|ANNEX)\b/;

/** One document's stretches of consecutive clauses, each in order: kept until its text changes. */
function sortedRuns(model: LegalModel): Run[] {
  return derive(model, SORTED_RUNS, () => {
    const { parts, elisions, lines } = model.structure;
    return clauseRuns(model.structure).map(run => {
      const last = run[run.length - 1].lastLine;
      let next: number | undefined = parts.find(p => p.line > last && p.id !== run[0].part)?.line;
      for (let l = last + 1; l < (next ?? lines.length); l++) if (END_OF_PART_RE.test(lines[l].text)) next = l;
      const complete = run[0].id === `${run[0].part}.1` && next !== undefined && !elisions.some(l => l > last && l < next!);
      return { clauses: run.slice().sort(compareClauseNumbers), complete };
    });
  });
}

/** A merge of every document's own stretches, so an edit re-reads only the edited document. */
function coverage(workspace: WorkspaceIndex): Coverage {
  return workspace.derived(COVERAGE, () => {
    const map: Coverage = new Map();
    for (const m of workspace.legalModels()) {
      for (const run of sortedRuns(m)) {
        const list = map.get(run.clauses[0].part);
        if (list) list.push(run);
        else map.set(run.clauses[0].part, [run]);
      }
    }
    return map;
  }, ['legal']);
}

/** A document's clauses by id, the first of a duplicated number only. */
function clausesById(model: LegalModel): Map<string, Clause> {
  return derive(model, CLAUSES_BY_ID, () => {
    const byId = new Map<string, Clause>();
    for (const c of model.structure.clauses) if (!byId.has(c.id)) byId.set(c.id, c);
    return byId;
  });
}

/**
 * The clause as workspace.findClause finds it (the first place, documents in workspace
 * order), looked up in each document's own index so that an edit rebuilds no
 * workspace-wide map of clauses.
 */
function findClause(workspace: WorkspaceIndex, id: string): { uri: string; clause: Clause } | undefined {
  return clausePlaces(workspace).get(id);
}

/**
 * Every clause id's first place, rebuilt only when the reference signature of some document
 * changes: typing inside a clause keeps it. A kept entry may hold the clause object of an
 * earlier version of its document, equal in everything the signature covers (number, lines,
 * heading, paragraphs), which is all the checks read from it.
 */
const CLAUSE_PLACES = new DerivedKey<{ version: number; byId: Map<string, { uri: string; clause: Clause }> }>('references.clausePlaces');

function clausePlaces(workspace: WorkspaceIndex): Map<string, { uri: string; clause: Clause }> {
  const version = workspace.legalSignature('references', referenceSignature);
  const cached = workspace.kept(CLAUSE_PLACES);
  if (cached?.version === version) return cached.byId;
  const byId = new Map<string, { uri: string; clause: Clause }>();
  for (const m of workspace.legalModels()) {
    for (const [id, clause] of clausesById(m)) if (!byId.has(id)) byId.set(id, { uri: m.uri, clause });
  }
  workspace.keep(CLAUSE_PLACES, { version, byId });
  return byId;
}

/**
 * When a missing clause would lie inside reproduced text (so its absence is real), the
 * clauses either side of where it would be; otherwise undefined.
 */
function neighboursIfAbsent(id: string, cov: Coverage): [before: Clause, after: Clause | undefined] | undefined {
  const n = parseClauseId(id);
  if (!n) return undefined;
  for (const { clauses: run, complete } of cov.get(n.part) ?? []) {
    const after = run.findIndex(c => compareClauseNumbers(c, n) > 0);
    if (after > 0) return [run[after - 1], run[after]];
    // Past the last clause of a Part that is reproduced to its end.
    if (after < 0 && complete && compareClauseNumbers(run[run.length - 1], n) < 0) return [run[run.length - 1], undefined];
  }
  return undefined;
}

/** Does the clause have the paragraph? Labels written inline (not at line start) count too. */
function hasParagraph(clause: Clause, path: string, model: LegalModel | undefined): boolean {
  if (clause.paragraphs.some(p => p.path === path)) return true;
  if (clause.paragraphs.length > 0 || !model) return false;
  const last = /\([^()]+\)$/.exec(path)![0];
  const text = model.lines.slice(clause.firstLine, clause.lastLine + 1).map(l => l.text).join('\n');
  return text.includes(last);
}

function brokenTargets(ref: SecReference, workspace: WorkspaceIndex): Finding[] {
  const findings: Finding[] = [];
  const cov = coverage(workspace);
  for (const t of ref.targets) {
    if (t.kind !== 'clause') continue;
    const found = findClause(workspace, t.id);
    const end = t.rangeEnd ? ` (the ${t.rangeEnd} of the range)` : '';
    // A lone target is reported from the word "Section"; one of several, on its own.
    const range: Range = ref.targets.length === 1 ? { start: ref.range.start, end: t.range.end } : t.range;
    if (!found) {
      const around = neighboursIfAbsent(t.id, cov);
      if (around) {
        const message = around[1]
          ? `Section ${t.id}${end} does not exist: ${around[0].id} is followed by ${around[1].id}.`
          : `Section ${t.id}${end} does not exist: ${around[0].id} is the last clause of ${around[0].part}.`;
        findings.push({ code: 'broken-reference', range, message, data: { target: t.id } });
      }
      continue;
    }
    if (t.paragraphPath && !hasParagraph(found.clause, t.paragraphPath, legalModel(workspace, found.uri))) {
      findings.push({
        code: 'broken-reference',
        range,
        message: `${t.id} has no paragraph ${t.paragraphPath}${end}.`,
        data: { target: `${t.id}${t.paragraphPath}` },
        related: [{ uri: found.uri, range: found.clause.idRange, message: `${t.id} is here` }],
      });
    }
  }
  if (ref.isRange) {
    const [a, b] = ref.targets.map(t => parseClauseId(t.id));
    if (a && b && a.part === b.part && compareClauseNumbers(a, b) > 0) {
      findings.push({ code: 'broken-reference', range: ref.range, message: `The range ${ref.targets[0].id} to ${ref.targets[1].id} runs backwards.`, data: { target: ref.targets[0].id } });
    }
  }
  return findings;
}

function legalModel(workspace: WorkspaceIndex, uri: string): LegalModel | undefined {
  const m = workspace.model(uri);
  return m?.kind === 'legal' ? m : undefined;
}

/** The heading a target carries in the workspace, or undefined when it is not present. */
export function headingOfTarget(target: Pick<ReferenceTarget, 'id' | 'kind'>, workspace: WorkspaceIndex): string | undefined {
  if (target.kind === 'clause') return findClause(workspace, target.id)?.clause.heading;
  return partOrSectionHeading(target, workspace);
}

function partOrSectionHeading(target: Pick<ReferenceTarget, 'id' | 'kind'>, workspace: WorkspaceIndex): string | undefined {
  for (const m of workspace.legalModels()) {
    if (target.kind === 'part') {
      const part = m.structure.parts.find(p => p.id === target.id);
      if (part) return part.title;
    } else if (m.structure.section?.letter === target.id && m.structure.section.title) {
      return m.structure.section.title;
    }
  }
  return undefined;
}

function normaliseHeading(s: string): string {
  return s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** "USER SECURITY ASSURANCE" → "User Security Assurance" (Part headings are set in capitals). */
function titleCase(heading: string): string {
  return heading.toLowerCase().replace(/[A-Za-z][A-Za-z'’-]*/g, (w, offset: number) =>
    offset > 0 && SMALL_WORDS.has(w) ? w : w.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase()));
}

function headingMismatch(model: LegalModel, ref: SecReference, workspace: WorkspaceIndex): Finding | undefined {
  if (!ref.heading || !ref.headingRange) return undefined;
  const known = ref.targets.map(t => ({ id: t.id, heading: headingOfTarget(t, workspace) })).filter((k): k is { id: string; heading: string } => !!k.heading);
  if (known.length === 0) return undefined;
  const written = normaliseHeading(ref.heading);
  if (known.some(k => normaliseHeading(k.heading) === written)) return undefined;
  // Drafters also title a clause by its Part ("Section G8.41 (User Security Assurance)"), and
  // a Part by its Section ("Section A1 (Definitions and Interpretation)").
  const broader = ref.targets.flatMap(t => t.kind === 'section' ? [] : [
    ...(t.kind === 'clause' ? [partOrSectionHeading({ id: partOf(t.id), kind: 'part' }, workspace)] : []),
    partOrSectionHeading({ id: sectionOf(t.id), kind: 'section' }, workspace),
  ]);
  if (broader.some(title => title !== undefined && normaliseHeading(title) === written)) return undefined;
  const distinct = [...new Set(known.map(k => k.heading))];
  const real = distinct[0];
  const isCaps = real === real.toUpperCase();
  const replacement = isCaps ? titleCase(real) : real;
  return {
    code: 'reference-heading-mismatch',
    range: ref.range,
    message: `The heading "${ref.heading}" does not match ${known[0].id}'s heading "${replacement}".`,
    data: { target: known[0].id, expectedHeading: real },
    fixes: [{
      title: `Replace with "${replacement}"`,
      // Certain when there is one heading to use and it is written as it stands in the text.
      certain: distinct.length === 1 && !isCaps,
      isPreferred: true,
      edits: [{ uri: model.uri, range: ref.headingRange, newText: replacement }],
    }],
  };
}

/** Labels written inline in a clause without paragraph lines ("… under (a) or (b)"), for hasParagraph. */
function inlineLabels(model: LegalModel, clause: Clause): string {
  if (clause.paragraphs.length > 0) return '';
  let labels = '';
  for (let l = clause.firstLine; l <= clause.lastLine; l++) {
    const text = model.lines[l].text;
    // Each "(…)" holding no bracket, found by indexOf: this runs for every clause of every edited file.
    for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      const close = text.indexOf(')', open + 1);
      if (close < 0) break;
      const inner = text.indexOf('(', open + 1);
      if (inner >= 0 && inner < close) continue;
      if (close > open + 1) labels += text.slice(open, close + 1);
    }
  }
  return labels;
}

/**
 * Everything this family reads from a document when checking references in other documents:
 * its clause numbers, places, headings and paragraphs, its Parts, Section and stretches of
 * consecutive clauses. Words inside a clause are not part of it, so typing in one file does
 * not re-check the references of every other file.
 */
function referenceSignature(model: LegalModel): string {
  const { section, parts, clauses } = model.structure;
  const out: string[] = [`S${section?.letter}:${section?.title}`];
  for (const p of parts) out.push(`P${p.id}:${p.line}:${p.title}`);
  for (const c of clauses) {
    out.push(`C${c.id}:${c.firstLine}-${c.lastLine}:${c.idRange.start.character}-${c.idRange.end.character}:${c.heading}:${c.paragraphs.map(p => p.path).join('')}:${inlineLabels(model, c)}`);
  }
  for (const run of sortedRuns(model)) out.push(`R${run.clauses[0].id}:${run.clauses.length}:${run.complete}`);
  return out.join('\n');
}

export const referenceRules: RuleFamily = {
  name: 'references',
  dependsOn: ['legal'],
  inputsKey: signatureKey('references', referenceSignature),
  kinds: ['legal'],
  codes: ['broken-reference', 'reference-heading-mismatch'],
  docs: referenceDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    const findings: Finding[] = [];
    for (const ref of referencesOf(ctx.model)) {
      if (ctx.token.isCancellationRequested) break;
      findings.push(...brokenTargets(ref, ctx.workspace));
      const mismatch = headingMismatch(ctx.model, ref, ctx.workspace);
      if (mismatch) findings.push(mismatch);
    }
    return findings;
  },
};

/** The pages of the reference codes (docs/rules/<code>.md is rendered from these by `npm run rules:sync`). */
function referenceDocs(): RuleFamily['docs'] {
  return {
    'broken-reference': {
      finds: "A reference (`Section G8.48`, `Section G8.22(b)(iii)`, `Sections G8.44A to G8.44C`) to a clause or paragraph that does not exist, reported only when absence can be shown: the target's Part is in the workspace and its number lies within a stretch of that Part's clauses that is reproduced. References to Parts not in the workspace, or before or after an excerpt, are not reported. Backwards ranges are reported too.",
      why: 'A cross-reference to a clause that does not exist leaves an obligation with no content ("in accordance with Section G8.48") and is the commonest casualty of renumbering and of clauses deleted by a modification.',
      reported: 'G8.40 A User shall comply with Section G8.48.\n\n'
        + '(where the Part G8 in the workspace runs from G8.1 to G8.47)',
      notReported: 'G8.40 A User shall comply with Section G8.47.',
      fix: 'Point the reference at the clause that exists (Go to Definition on nearby references and the clause completion after `Section ` help), or restore the clause. There is no automatic fix.',
    },
    'reference-heading-mismatch': {
      finds: 'A bracketed heading in a reference that differs from the target\'s heading (its sub-heading, else its Part heading), ignoring case and spacing: `Section G8.37 (Assessment Categories)` where G8.37 sits under "Categories of Assessment". A bracketed phrase is a heading only when it starts with a capital.',
      why: 'The SEC gives the heading with a reference so that a reader can check they have the right clause. A heading that no longer matches means either the number or the heading is wrong — often after a renumbering — and the reader cannot tell which.',
      reported: 'G8.46 … in accordance with Section G8.37 (Assessment Categories) …',
      notReported: 'G8.46 … in accordance with Section G8.37 (Categories of Assessment) …',
      fix: `Write the target's real heading (the quick fix does, and is certain unless the heading has to be recased from a Part heading in capitals), or correct the clause number if it is the number that is wrong.`,
    },
  };
}
