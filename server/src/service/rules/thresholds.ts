// `inconsistent-threshold`: one threshold stated in different ways across the workspace.
//  - units: the same number counted in premises in one test and in Smart Metering Systems (or
//    meters, MPANs) in its counterpart, so the two tests measure different things;
//  - boundary: the same number with comparison words that disagree at the boundary
//    ("more than 250,000" vs "250,000 or more");
//  - numbers: the same counted subject with different numbers where the tests are the same
//    (same consequence) or are each other's counterpart (leaving a gap or an overlap);
//  - equations: a weighted count (CPN = 5 × NDP + DP) whose threshold does not match the
//    single-subject thresholds it combines (5 × 50,000 should be the 250,000 it is compared
//    with, or a holder of only one kind is treated differently from one with a single unit
//    of the other kind), and two definitions of the same count with different multipliers.
// Complementary tests ("exceeds 250,000" / "250,000 or less") are consistent by design.
import type { Finding, SecRelated } from '../types';
import type { LegalModel } from '../model/document';
import type { WorkspaceIndex } from '../workspaceIndex';
import { partOf } from '../model/clauseIds';
import { DerivedKey, derive } from '../cache';
import { formatGrouped } from '../model/numbers';
import {
  type Equation, type Measure, type Threshold, type WorkspaceThresholds,
  compareStatements, cutOf, isComparable, measureOf, populationsCompatible, sideOf, thresholdsOf, workspaceThresholds,
} from '../model/thresholds';
import { RELATED_LIMIT, type RuleContext, type RuleFamily, signatureKey } from './context';

// Derived values kept per owner (see cache.ts).
const GROUPS = new DerivedKey<Groups>('threshold-groups');
const EQUATIONS_BY_SUBJECT = new DerivedKey<Map<string, { combining: Equation[]; related: Equation[] }>>('equations-by-subject');
const SORTED_EQUATIONS = new DerivedKey<Equation[]>('sorted-equations');
const SUBJECT_PEERS = new DerivedKey<Map<string, SubjectPeers>>('threshold-peers');
const COMPARABLE_BY_URI = new DerivedKey<Map<string, Threshold[]>>('comparable-by-uri');

const CODE = 'inconsistent-threshold';

function where(s: { clause?: string; line: number }): string {
  return s.clause ? `Section ${s.clause}` : `line ${s.line + 1}`;
}

function quote(s: { text: string }): string {
  return `“${s.text}”`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? formatGrouped(n) : formatGrouped(Math.floor(n)) + String(n % 1).slice(1, 5);
}

/** Each statement's related entry, built once: a statement is listed by many findings. */
const RELATED_ENTRY = new DerivedKey<SecRelated>('thresholds.relatedEntry');

function relatedEntry(i: { uri: string; range: Threshold['range']; clause?: string; line: number; text: string }): SecRelated {
  return derive(i, RELATED_ENTRY, () => ({ uri: i.uri, range: i.range, message: `${where(i)}: ${quote(i)}` }));
}

function samePosition(a: { uri: string; range: Threshold['range'] }, b: { uri: string; range: Threshold['range'] }): boolean {
  return a.uri === b.uri && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

/** In document order, each position once (the first listed wins: the sort is stable, and equal positions sort together). */
function relatedOf(items: (Threshold | Equation)[]): SecRelated[] {
  return relatedInOrder([...items].sort(compareStatements));
}

/** Statements identical in everything the checks compare, so a file of 100,000 alike is compared once. */
interface Shape {
  rep: Threshold;
  /** In document order. */
  members: Threshold[];
  /** The first member in each place (file and clause), made when first asked for (see `placesOf`). */
  places?: Map<string, Threshold>;
}

function partKey(t: Threshold): string {
  return t.clause ? partOf(t.clause) : t.uri;
}

const PLACE_KEY = new DerivedKey<string>('thresholds.placeKey');

function placeKey(t: Threshold): string {
  // Limbs (a) and (b) of one clause are separate tests, compared as if in separate clauses.
  return derive(t, PLACE_KEY, () => `${t.uri}#${t.clause ?? `line ${t.line}`}#${t.limb ?? ''}`);
}

interface Groups {
  bySubject: Map<string, Shape[]>;
  byValue: Map<number, Shape[]>;
  counted: Map<Measure, { count: number; clause?: string }>;
  singleTerm: Map<string, Set<Threshold>>;
  /** Per value and subject: the statements a related list is drawn from (see `relatedCandidates`). */
  related: Map<string, RelatedCandidates>;
  /** Per value, cut and population: the shapes a unit check compares (see `unitPeers`). */
  unitPeers: Map<string, { peers: Shape[]; measures: Set<Measure> }>;
}

/** Kept per statement: a statement of an unchanged file keeps its key across edits of other files. */
const SHAPE_KEY = new DerivedKey<string>('thresholds.shapeKey');

function shapeKeyOf(t: Threshold): string {
  return derive(t, SHAPE_KEY, () => [t.subjectKey, t.value, t.comparison, t.measure, t.population.join('|'), t.consequence.join('|')].join('#'));
}

function groupsOf(all: WorkspaceThresholds): Groups {
  return derive(all, GROUPS, () => {
    const shapes = new Map<string, Shape>();
    for (const t of all.thresholds) {
      if (!isComparable(t)) continue;
      const key = shapeKeyOf(t);
      const shape = shapes.get(key);
      if (shape) shape.members.push(t);
      else shapes.set(key, { rep: t, members: [t] });
    }
    const groups: Groups = { bySubject: new Map(), byValue: new Map(), counted: new Map(), singleTerm: new Map(), related: new Map(), unitPeers: new Map() };
    for (const shape of shapes.values()) {
      shape.members.sort(compareStatements);
      shape.rep = shape.members[0];
      const bySubject = groups.bySubject.get(shape.rep.subjectKey!);
      if (bySubject) bySubject.push(shape);
      else groups.bySubject.set(shape.rep.subjectKey!, [shape]);
      const byValue = groups.byValue.get(shape.rep.value);
      if (byValue) byValue.push(shape);
      else groups.byValue.set(shape.rep.value, [shape]);
    }
    for (const c of all.countedSubjects) {
      const measure = measureOf(c.key);
      const entry = groups.counted.get(measure) ?? { count: 0, clause: c.clause };
      entry.count++;
      entry.clause ??= c.clause;
      groups.counted.set(measure, entry);
    }
    return groups;
  });
}


/** Equations that define or combine a subject, in workspace order (indexed once per workspace change). */
function equationsOf(all: WorkspaceThresholds, subjectKey: string): { combining: Equation[]; related: Equation[] } {
  const index = derive(all, EQUATIONS_BY_SUBJECT, () => {
    const map = new Map<string, { combining: Equation[]; related: Equation[] }>();
    const entry = (key: string) => map.get(key) ?? map.set(key, { combining: [], related: [] }).get(key)!;
    for (const e of all.equations) {
      const keys = new Set(e.terms.map(term => term.subjectKey));
      for (const key of keys) entry(key).combining.push(e);
      for (const key of new Set([e.definesKey, ...keys])) entry(key).related.push(e);
    }
    return map;
  });
  return index.get(subjectKey) ?? { combining: [], related: [] };
}

/**
 * What the related list of any statement of one value and subject is drawn from: the first
 * RELATED_LIMIT + 1 statements of the value's shapes, then of the subject's (each shape once),
 * and the equations of the subject; and all of them in document order. A statement's own list
 * is this without itself (and without the extra statement when it is not among the first):
 * worked out once per value and subject instead of once per finding.
 */
interface RelatedCandidates {
  first: Threshold[];
  equations: Equation[];
  /** `first` and `equations` in document order; `rank` is the index in `first` (-1: an equation). */
  sorted: { item: Threshold | Equation; rank: number }[];
}

function relatedCandidates(t: Threshold, all: WorkspaceThresholds, g: Groups): RelatedCandidates {
  const key = `${t.value}#${t.subjectKey ?? ''}`;
  let found = g.related.get(key);
  if (found) return found;
  const first: Threshold[] = [];
  const seen = new Set<Shape>();
  for (const shape of [...(g.byValue.get(t.value) ?? []), ...(g.bySubject.get(t.subjectKey ?? '') ?? [])]) {
    if (first.length > RELATED_LIMIT) break;
    if (seen.has(shape)) continue;
    seen.add(shape);
    for (const m of shape.members) {
      if (first.length > RELATED_LIMIT) break;
      first.push(m);
    }
  }
  const equations = t.subjectKey === undefined ? [] : equationsOf(all, t.subjectKey).related;
  const sorted = [...first.map((item, rank) => ({ item, rank })), ...equations.map(item => ({ item, rank: -1 }))]
    .sort((a, b) => compareStatements(a.item, b.item)); // stable: equal positions keep the order above
  found = { first, equations, sorted };
  g.related.set(key, found);
  return found;
}

/** Every other place this threshold appears (the same number, or the same subject), for `related`. */
function everyStatement(t: Threshold, all: WorkspaceThresholds, extra: (Threshold | Equation)[] = []): SecRelated[] {
  const g = groupsOf(all);
  const c = relatedCandidates(t, all, g);
  const own = c.first.indexOf(t);
  if (extra.length === 0) {
    // The first RELATED_LIMIT statements other than t: all of `first` but t, or all but the last.
    const dropped = own >= 0 && own < RELATED_LIMIT ? own : RELATED_LIMIT;
    return relatedInOrder(c.sorted.filter(s => s.rank !== dropped && s.item !== t).map(s => s.item));
  }
  const room = Math.max(0, RELATED_LIMIT - extra.length);
  const members = c.first.filter(m => m !== t).slice(0, room);
  return relatedOf([...extra, ...members, ...c.equations].filter(s => s !== t));
}

/** `relatedOf` for statements already in document order. */
function relatedInOrder(sorted: (Threshold | Equation)[]): SecRelated[] {
  const out: SecRelated[] = [];
  sorted.forEach((i, k) => {
    for (let j = k - 1; j >= 0 && compareStatements(sorted[j], i) === 0; j--) if (samePosition(sorted[j], i)) return;
    out.push(relatedEntry(i));
  });
  return out;
}

/**
 * The first member of a shape in each place. Made on first use: the groups are rebuilt after
 * every edit of legal text, and an edit then asks only about the shapes of its own file.
 */
function placesOf(shape: Shape): Map<string, Threshold> {
  if (!shape.places) {
    shape.places = new Map();
    for (const m of shape.members) if (!shape.places.has(placeKey(m))) shape.places.set(placeKey(m), m);
  }
  return shape.places;
}

/** A statement of the shape elsewhere than `t` (another clause or file), if any. */
function elsewhere(shape: Shape, t: Threshold): Threshold | undefined {
  const here = placeKey(t);
  for (const [place, m] of placesOf(shape)) if (place !== here) return m;
  return undefined;
}

/** Premises or devices: which measure the text means, by the tests themselves and by what it says it counts. */
function preferredMeasure(peers: Shape[], g: Groups): Measure {
  const votes = new Map<Measure, number>();
  for (const s of peers) votes.set(s.rep.measure, (votes.get(s.rep.measure) ?? 0) + s.members.length);
  const counted = (m: Measure) => g.counted.get(m)?.count ?? 0;
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || counted(b[0]) - counted(a[0]));
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1] && counted(ranked[0][0]) === counted(ranked[1][0])) {
    return peers.map(s => s.rep).sort(compareStatements)[0].measure; // a true tie: the first statement sets the measure
  }
  return ranked[0][0];
}

/** The premises and devices shapes of t's value, cut and population, found once for all such tests. */
function unitPeers(t: Threshold, g: Groups): { peers: Shape[]; measures: Set<Measure> } {
  const key = `${t.value}#${cutOf(t)}#${t.population.join('|')}`;
  let found = g.unitPeers.get(key);
  if (!found) {
    const peers = (g.byValue.get(t.value) ?? []).filter(s => (s.rep.measure === 'premises' || s.rep.measure === 'devices') &&
      populationsCompatible(s.rep, t) && cutOf(s.rep) === cutOf(t));
    found = { peers, measures: new Set(peers.map(s => s.rep.measure)) };
    g.unitPeers.set(key, found);
  }
  return found;
}

/** The same number counted in premises in one test and in devices in its counterpart. */
function unitFindings(t: Threshold, all: WorkspaceThresholds, g: Groups): Finding[] {
  if (t.measure !== 'premises' && t.measure !== 'devices') return [];
  const { peers, measures } = unitPeers(t, g);
  if (measures.size < 2) return []; // every peer counts in t's own measure
  // Only counterparts in the same Part are read as one threshold: another Part may count other things.
  const others = peers.filter(s => s.rep.measure !== t.measure).map(s => elsewhere(s, t))
    .filter((o): o is Threshold => o !== undefined && partKey(o) === partKey(t));
  if (others.length === 0) return [];
  const preferred = preferredMeasure(peers, g);
  if (preferred === t.measure) return [];
  const named = others.filter(o => o.subjectSource === 'after');
  const role = (o: Threshold) => (sideOf(o.comparison) === sideOf(t.comparison) ? `${where(o)}` : `its counterpart ${where(o)}`);
  const them = (named.length > 0 ? named : others).map(o => `${role(o)} counts it in ${o.subject} (${quote(o)})`).join('; ');
  const countRule = g.counted.get(preferred)?.clause;
  const because = countRule ? ` Section ${countRule} says that the number of ${preferred} is what is counted.` : '';
  const other = named[0] ?? others[0];
  const device = t.measure === 'devices' ? t.subject : other.subject;
  return [{
    code: CODE,
    range: t.range,
    message: `${where(t)} counts the ${fmt(t.value)} threshold in ${t.subject} (${quote(t)}), but ${them}.${because} ` +
      `${t.subject} and ${other.subject} are different measures (one premises may have several ${device}, or none), ` +
      `so a party can be over the threshold on one count and under it on the other, and fall under both tests or neither. ` +
      `State the threshold in the same unit in every clause.`,
    related: everyStatement(t, all),
    data: { kind: 'unit', value: t.value, measure: t.measure, expectedMeasure: preferred },
  }];
}

const WORDS: Record<Threshold['comparison'], string> = { gt: 'more than', ge: 'at least', lt: 'fewer than', le: 'at most' };

/** Why two statements of the same number disagree at the boundary. */
function boundaryProblem(t: Threshold, o: Threshold): string {
  const n = fmt(t.value);
  if (sideOf(t.comparison) === sideOf(o.comparison)) {
    return `exactly ${n} is caught by one test and not by the other`;
  }
  return cutOf(t) > cutOf(o) === (sideOf(t.comparison) === 'upper')
    ? `exactly ${n} falls under neither test`
    : `exactly ${n} falls under both tests`;
}

/** The shapes of one subject that a test with a given population is compared with, indexed once for all its tests. */
interface SubjectPeers {
  shapes: Shape[];
  cuts: number[];
  /** Statements per cut: the cut with fewer is the one to change. */
  weights: Map<number, number>;
  /** Cuts stated from both sides ("more than N" and "N or fewer"): counterparts by design. */
  twoSided: Set<number>;
  /** Shape indices by value, by side and consequence, and by side for one-sided cuts: the only shapes a test can disagree with. */
  byValue: Map<number, number[]>;
  bySideConsequence: Map<string, number[]>;
  oneSidedBySide: Map<string, number[]>;
  /** Each list split by cut, heaviest first, made when a test first reads it. */
  splitLists: Map<number[], CutShapes[]>;
}

/**
 * The shapes of one list that share a cut, ascending, with the cut's weight. A test is only
 * ever the one to change against a cut stated at least as often as its own, so each list is
 * kept heaviest cut first and read only down to the test's own weight: a test on the majority
 * cut looks at a few shapes, not at every other statement of its value or subject.
 */
interface CutShapes {
  cut: number;
  weight: number;
  shapes: number[];
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** A list of shape indices split by cut, heaviest cut first. */
function byCut(p: SubjectPeers, list: number[] | undefined): CutShapes[] {
  if (!list) return [];
  let split = p.splitLists.get(list);
  if (!split) {
    const perCut = new Map<number, number[]>();
    for (const i of list) push(perCut, p.cuts[i], i);
    split = [...perCut].map(([cut, shapes]) => ({ cut, weight: p.weights.get(cut) ?? 0, shapes })).sort((a, b) => b.weight - a.weight);
    p.splitLists.set(list, split);
  }
  return split;
}

/** "upper#assessment year|supplier party": a statement's side and consequence, kept per statement (as its shape key is). */
const SIDE_CONSEQUENCE_KEY = new DerivedKey<string>('thresholds.sideConsequenceKey');

function sideConsequenceOf(t: Threshold): string {
  return derive(t, SIDE_CONSEQUENCE_KEY, () => `${sideOf(t.comparison)}#${t.consequence.join('|')}`);
}

function subjectPeers(t: Threshold, g: Groups): SubjectPeers {
  const known = derive(g, SUBJECT_PEERS, () => new Map<string, SubjectPeers>());
  const key = `${t.subjectKey}#${t.population.join('|')}`;
  const cached = known.get(key);
  if (cached) return cached;
  const peers = ((): SubjectPeers => {
    const shapes = (g.bySubject.get(t.subjectKey!) ?? []).filter(s => populationsCompatible(s.rep, t));
    const cuts = shapes.map(s => cutOf(s.rep));
    const weights = new Map<number, number>();
    const sides = new Map<number, Set<string>>();
    shapes.forEach((s, i) => {
      weights.set(cuts[i], (weights.get(cuts[i]) ?? 0) + s.members.length);
      (sides.get(cuts[i]) ?? sides.set(cuts[i], new Set()).get(cuts[i])!).add(sideOf(s.rep.comparison));
    });
    const twoSided = new Set([...sides].filter(([, set]) => set.size === 2).map(([cut]) => cut));
    const byValue = new Map<number, number[]>();
    const bySideConsequence = new Map<string, number[]>();
    const oneSidedBySide = new Map<string, number[]>();
    shapes.forEach((s, i) => {
      push(byValue, s.rep.value, i);
      push(bySideConsequence, sideConsequenceOf(s.rep), i);
      if (!twoSided.has(cuts[i])) push(oneSidedBySide, sideOf(s.rep.comparison), i);
    });
    return { shapes, cuts, weights, twoSided, byValue, bySideConsequence, oneSidedBySide, splitLists: new Map() };
  })();
  known.set(key, peers);
  return peers;
}

/**
 * Indices of the shapes that may disagree with `t`, in the groups' order (which orders the
 * message): in its lists, on another cut stated at least as often as its own.
 */
function candidateShapes(t: Threshold, p: SubjectPeers): number[] {
  const side = sideOf(t.comparison);
  const tCut = cutOf(t);
  const tWeight = p.weights.get(tCut) ?? 0;
  const lists = [p.byValue.get(t.value)];
  if (t.consequence.length > 0) lists.push(p.bySideConsequence.get(sideConsequenceOf(t)));
  if (!p.twoSided.has(tCut)) lists.push(p.oneSidedBySide.get(side === 'upper' ? 'lower' : 'upper'));
  const picked: number[][] = [];
  for (const list of lists) {
    for (const c of byCut(p, list)) {
      if (c.weight < tWeight) break;
      if (c.cut !== tCut) picked.push(c.shapes);
    }
  }
  if (picked.length <= 1) return picked[0] ?? [];
  // The union, ascending, each index once.
  const all = picked.flat().sort((a, b) => a - b);
  return all.filter((i, k) => k === 0 || all[k - 1] !== i);
}

/** An amount of money: "£1,000,000" says how much, not of what (a liability cap, a charge, a debt). */
function isMoney(t: Threshold): boolean {
  return /^(?:pound|dollar|euro)s?$/.test(t.subjectKey ?? '');
}

/** Same counted subject: comparison words that disagree, or different numbers for the same test. */
function subjectFindings(t: Threshold, all: WorkspaceThresholds, g: Groups): Finding[] {
  const p = subjectPeers(t, g);
  const cutWeight = (cut: number) => p.weights.get(cut) ?? 0;
  const twoSided = (cut: number) => p.twoSided.has(cut);
  const tCut = cutOf(t);
  /** The statement that has fewer like it (or, equally many, comes later) is the one to change. */
  const isMinority = (o: Threshold, oCut: number) => cutWeight(tCut) < cutWeight(oCut) ||
    (cutWeight(tCut) === cutWeight(oCut) && compareStatements(o, t) < 0);
  const boundary: Threshold[] = [];
  const numbers: { o: Threshold; why: string }[] = [];
  for (const i of candidateShapes(t, p)) {
    const shape = p.shapes[i];
    const oCut = p.cuts[i];
    if (oCut === tCut || cutWeight(tCut) > cutWeight(oCut)) continue;
    const o = elsewhere(shape, t);
    if (!o || !isMinority(o, oCut)) continue;
    // Two different sums of money are two prices of different things, not one threshold
    // stated twice; the same sum with comparison words that disagree still is.
    if (isMoney(t) && o.value !== t.value) continue;
    if (o.value === t.value) {
      boundary.push(o);
    } else if (sideOf(o.comparison) === sideOf(t.comparison)) {
      if (t.consequence.length > 0 && t.consequence.join('|') === o.consequence.join('|')) {
        numbers.push({ o, why: `the same test with the same result is set at ${fmt(o.value)} there and ${fmt(t.value)} here` });
      }
    } else if (!twoSided(tCut) && !twoSided(oCut)) {
      const upper = sideOf(t.comparison) === 'upper' ? t : o;
      const lower = upper === t ? o : t;
      const [lo, hi] = [Math.min(cutOf(upper), cutOf(lower)), Math.max(cutOf(upper), cutOf(lower)) - 1];
      const span = lo === hi ? `exactly ${fmt(lo)}` : `from ${fmt(lo)} to ${fmt(hi)}`;
      numbers.push({ o, why: cutOf(lower) < cutOf(upper)
        ? `the two tests are counterparts but leave a gap: ${span} ${t.subject} falls under neither`
        : `the two tests are counterparts but overlap: ${span} ${t.subject} falls under both` });
    }
  }
  const out: Finding[] = [];
  if (boundary.length > 0) {
    out.push({
      code: CODE,
      range: t.range,
      message: `${where(t)} states the ${fmt(t.value)} ${t.subject} threshold as ${quote(t)} (${WORDS[t.comparison]} ${fmt(t.value)}), ` +
        `but ${boundary.map(b => `${where(b)} says ${quote(b)}`).join('; ')}: ${boundaryProblem(t, boundary[0])}. ` +
        `Use comparison words that meet at the same boundary (for example "more than ${fmt(t.value)}" and "${fmt(t.value)} or fewer").`,
      related: everyStatement(t, all),
      data: { kind: 'boundary', value: t.value },
    });
  }
  if (numbers.length > 0) {
    out.push({
      code: CODE,
      range: t.range,
      message: `${where(t)} sets the ${t.subject} threshold at ${fmt(t.value)} (${quote(t)}), but ` +
        `${numbers.map(n => `${where(n.o)} says ${quote(n.o)}: ${n.why}`).join('; ')}. State one number for the threshold.`,
      related: everyStatement(t, all),
      data: { kind: 'number', value: t.value, others: numbers.map(n => n.o.value) },
    });
  }
  return out;
}

/** Thresholds on one term of an equation that apply when the other terms are nil ("does not supply any …"). */
function singleTermThresholds(all: WorkspaceThresholds, g: Groups, e: Equation, index: number): Set<Threshold> {
  const key = `${all.equations.indexOf(e)}:${index}`;
  const cached = g.singleTerm.get(key);
  if (cached) return cached;
  const term = e.terms[index];
  const others = e.terms.filter((_, j) => j !== index).map(o => o.subjectKey);
  const candidates = (g.bySubject.get(term.subjectKey) ?? []).flatMap(s => s.members);
  const exclusive = candidates.filter(s => s.population.includes(`only:${term.subjectKey}`) ||
    (others.length > 0 && others.every(k => s.population.includes(`not:${k}`))));
  const result = new Set(exclusive.length > 0 ? exclusive : candidates.filter(s => s.population.length === 0));
  g.singleTerm.set(key, result);
  return result;
}

/** The same test ("more than N" twice) or its counterpart ("more than N" / "N or fewer"). */
function compatibleComparisons(a: Threshold, b: Threshold): boolean {
  const counterpart: Record<Threshold['comparison'], Threshold['comparison']> = { gt: 'le', le: 'gt', ge: 'lt', lt: 'ge' };
  return a.comparison === b.comparison || counterpart[a.comparison] === b.comparison;
}

/** A weighted count's threshold must match the single-subject thresholds it combines. */
function equationFindings(t: Threshold, all: WorkspaceThresholds, g: Groups): Finding[] {
  const out: Finding[] = [];
  for (const e of equationsOf(all, t.subjectKey!).combining) {
    const index = e.terms.findIndex(term => term.subjectKey === t.subjectKey);
    if (!singleTermThresholds(all, g, e, index).has(t)) continue;
    const term = e.terms[index];
    const wrong = (g.bySubject.get(e.definesKey) ?? []).map(s => s.rep)
      .filter(d => compatibleComparisons(d, t) && term.coefficient * t.value !== d.value);
    if (wrong.length === 0) continue;
    const d = wrong[0];
    const implied = d.value / term.coefficient;
    const [lo, hi] = [Math.min(implied, t.value), Math.max(implied, t.value)];
    const other = e.terms.find((_, j) => j !== index);
    out.push({
      code: CODE,
      range: t.range,
      message: `${where(e)} counts each of the ${term.subject} ${term.coefficient === 1 ? 'once' : `${term.coefficient} times`} in the ${e.defines} (${quote(e)}), ` +
        `so its ${fmt(d.value)} threshold in ${where(d)} (${quote(d)}) corresponds to ${fmt(implied)} ${term.subject}; ` +
        `but ${where(t)} sets the ${term.subject} threshold at ${fmt(t.value)} (${quote(t)}; ${term.coefficient} × ${fmt(t.value)} = ${fmt(term.coefficient * t.value)}). ` +
        `A holder of between ${fmt(lo)} and ${fmt(hi)} ${term.subject} is then treated differently depending on whether it also has a single ${other ? other.subject : 'other unit'}. ` +
        `Align the multiplier or one of the thresholds.`,
      related: everyStatement(t, all, [e, ...wrong]),
      data: { kind: 'equation', value: t.value, coefficient: term.coefficient, combined: d.value },
    });
  }
  return out;
}

/** Two definitions of the same weighted count must use the same multipliers. */
function multiplierFindings(model: LegalModel, all: WorkspaceThresholds): Finding[] {
  const out: Finding[] = [];
  const sorted = derive(all, SORTED_EQUATIONS, () => [...all.equations].sort(compareStatements));
  for (const e of sorted.filter(x => x.uri === model.uri)) {
    const earlier = sorted.slice(0, sorted.indexOf(e)).filter(x => x.definesKey === e.definesKey);
    for (const prior of earlier) {
      const differs = e.terms.filter(term => {
        const match = prior.terms.find(p => p.subjectKey === term.subjectKey);
        return match && match.coefficient !== term.coefficient;
      });
      if (differs.length === 0) continue;
      const term = differs[0];
      const before = prior.terms.find(p => p.subjectKey === term.subjectKey)!;
      out.push({
        code: CODE,
        range: e.range,
        message: `${where(e)} counts each of the ${term.subject} ${term.coefficient} times in the ${e.defines} (${quote(e)}), ` +
          `but ${where(prior)} counts them ${before.coefficient} times (${quote(prior)}): the same count is defined two ways, so it depends on which clause is read. ` +
          `Use one multiplier.`,
        related: relatedOf([prior, ...all.equations.filter(x => x !== e && x !== prior && x.definesKey === e.definesKey)]),
        data: { kind: 'multiplier', coefficient: term.coefficient, expected: before.coefficient },
      });
      break;
    }
  }
  return out;
}

/** A file's comparable statements, in workspace order: one pass over the workspace, not one per file. */
function comparableIn(all: WorkspaceThresholds, uri: string): Threshold[] {
  const byUri = derive(all, COMPARABLE_BY_URI, () => {
    const map = new Map<string, Threshold[]>();
    for (const t of all.thresholds) {
      if (!isComparable(t)) continue;
      const list = map.get(t.uri);
      if (list) list.push(t);
      else map.set(t.uri, [t]);
    }
    return map;
  });
  return byUri.get(uri) ?? [];
}

export function checkThresholds(model: LegalModel, all: WorkspaceThresholds): Finding[] {
  const g = groupsOf(all);
  const out: Finding[] = [];
  for (const t of comparableIn(all, model.uri)) {
    for (const f of unitFindings(t, all, g)) out.push(f);
    for (const f of subjectFindings(t, all, g)) out.push(f);
    for (const f of equationFindings(t, all, g)) out.push(f);
  }
  for (const f of multiplierFindings(model, all)) out.push(f);
  return out;
}

/**
 * What other documents read from this one: its statements, equations and counted subjects,
 * with their places. A keystroke that changes none of them keeps every other file's
 * threshold findings.
 */
function thresholdSignature(model: LegalModel): string {
  const t = thresholdsOf(model);
  return JSON.stringify([t.thresholds, t.equations, t.countedSubjects]);
}

export const thresholdRules: RuleFamily = {
  name: 'thresholds',
  dependsOn: ['legal'],
  inputsKey: signatureKey('thresholds', thresholdSignature),
  kinds: ['legal'],
  codes: [CODE],
  docs: thresholdDocs(),
  check(ctx: RuleContext): Finding[] {
    if (ctx.model.kind !== 'legal') return [];
    return checkThresholds(ctx.model, statementsCompared(ctx.workspace));
  },
};

const STATEMENTS_COMPARED = new DerivedKey<WorkspaceThresholds>('thresholds.statementsCompared');

/**
 * The workspace's statements as this family compares them, kept (with their groups, made on
 * them) while no document's statements change: a keystroke in a clause checks that file's
 * statements against the groups already made instead of regrouping the whole workspace. The
 * statements of the edited file may then be those of its last version, equal in everything
 * (thresholdSignature is all of them), so the findings are the same.
 */
function statementsCompared(workspace: WorkspaceIndex): WorkspaceThresholds {
  return workspace.derivedWhileSignature(STATEMENTS_COMPARED, 'thresholds', thresholdSignature, () => workspaceThresholds(workspace));
}

/**
 * The page of inconsistent-threshold (also reported by thresholdReferences.ts):
 * docs/rules/inconsistent-threshold.md is rendered from it by `npm run rules:sync`.
 */
function thresholdDocs(): RuleFamily['docs'] {
  return {
    'inconsistent-threshold': {
      finds: 'One threshold stated with different units (premises in one test, Smart Metering Systems or meters in its counterpart), boundaries ("more than 250,000" against "250,000 or more"), numbers (counterpart tests that leave a gap or overlap), or a weighted count (`CPN = (5 × NDP) + DP`) that does not match the single-subject thresholds it combines. Every other statement of the threshold is given as related information. Complementary tests ("exceeds 250,000" / "250,000 or less") are consistent.',
      why: `SECMP0059's respondents asked exactly these questions: why G8.41 multiplies Non-Domestic Premises by five, whether a threshold counts premises or meters, how the 250,000 Domestic threshold meets the 50,000 non-domestic one. A gap or overlap between two tests leaves some Supplier Parties under neither obligation, or both.`,
      reported: 'G8.40 … more than 250,000 Domestic Premises …\n'
        + 'G8.42 … 250,000 or fewer Smart Metering Systems …',
      notReported: 'G8.40 … more than 250,000 Domestic Premises …\n'
        + 'G8.42 … 250,000 or fewer Domestic Premises …',
      fix: 'Make the statements agree (the hover on any threshold lists every statement of it with its clause, counted subject, test and population). There is no automatic fix: which statement is right is a policy question.',
    },
  };
}
