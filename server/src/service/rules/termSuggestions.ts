// "Did you mean …?" for an undefined term: the defined terms nearest to it, measured as an
// edit distance over words where changing one word costs how different its letters are
// ("Security Assurance Assessment" → "User Security Assessment", "Suplier Party" → "Supplier Party").
import type { TermIndex } from '../model/terms';
import { termKey } from '../model/definitions';
import { DerivedKey, derive, derivedIf, keepDerived } from '../cache';

// Derived values kept per owner (see cache.ts).
const TERMS_BY_STEM = new DerivedKey<Map<string, number[]>>('terms.byStem');

function letterDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] / Math.max(a.length, b.length);
}

export function wordDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + letterDistance(a[i - 1], b[j - 1]));
    prev = cur;
  }
  return prev[b.length];
}

/** Stem of a word for finding neighbours: a near-miss shares its first letters with the term's word. */
const stem = (w: string) => w.slice(0, 3);

/** Per term index, the answers found so far, by query. */
const ANSWERS = new DerivedKey<Map<string, string[]>>('terms.nearestAnswers');
/** The last term index asked, kept on the workspace's term automaton (one per service instance). */
const LAST_INDEX = new DerivedKey<TermIndex>('terms.lastSuggestionIndex');
const MAX_CARRIED = 5000;

/**
 * Answers carried over from the previous index to a new one: an answer can change only if a
 * term added, removed or re-spelt shares a stem with one of the query's words (the candidates
 * are the terms sharing a stem, in key order, so the others keep their places).
 */
function carriedOver(previous: TermIndex | undefined, index: TermIndex): Map<string, string[]> {
  const known = previous && derivedIf(previous, ANSWERS);
  const fresh = new Map<string, string[]>();
  // Typing adds a query per half-typed word: past a few thousand, start afresh rather than carry them all.
  if (!known || known.size === 0 || known.size > MAX_CARRIED) return fresh;
  const before = new Set(previous.terms.map(t => `${t.key}\n${t.term}`));
  const after = new Set(index.terms.map(t => `${t.key}\n${t.term}`));
  const changedStems = new Set<string>();
  const note = (entry: string) => {
    for (const w of entry.slice(0, entry.indexOf('\n')).split(' ')) changedStems.add(stem(w));
  };
  for (const e of before) if (!after.has(e)) note(e);
  for (const e of after) if (!before.has(e)) note(e);
  for (const [query, found] of known) {
    const text = query.slice(query.indexOf('|', query.indexOf('|') + 1) + 1);
    if (!termKey(text).split(' ').some(w => changedStems.has(stem(w)))) fresh.set(query, found);
  }
  return fresh;
}

/** The (at most `limit`) defined terms nearest to `text`, nearest first; none if nothing is close. */
export function nearestTerms(index: TermIndex, text: string, limit = 2, maxDistance = Number.MAX_SAFE_INTEGER): string[] {
  const cache = derive(index, ANSWERS, () => {
    const carried = carriedOver(derivedIf(index.matcher, LAST_INDEX), index);
    keepDerived(index.matcher, LAST_INDEX, index);
    return carried;
  });
  const key = `${limit}|${maxDistance}|${text}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = computeNearest(index, text, limit, maxDistance)));
  return found;
}

function computeNearest(index: TermIndex, text: string, limit: number, maxDistance: number): string[] {
  const byStem = derive(index, TERMS_BY_STEM, () => {
    const map = new Map<string, number[]>();
    index.terms.forEach((t, n) => {
      for (const w of new Set(t.key.split(' ').map(stem))) (map.get(w) ?? map.set(w, []).get(w)!).push(n);
    });
    return map;
  });
  const words = termKey(text).split(' ');
  const candidates = new Set<number>();
  for (const w of words) for (const n of (byStem.get(stem(w)) ?? []).slice(0, 300)) candidates.add(n);
  const scored = [...candidates]
    .map(n => ({ n, d: wordDistance(words, index.terms[n].key.split(' ')) }))
    .filter(s => s.d > 0 && s.d < words.length && s.d <= maxDistance)
    .sort((a, b) => a.d - b.d || index.terms[a.n].key.localeCompare(index.terms[b.n].key));
  return scored.slice(0, limit).map(s => index.terms[s.n].term);
}
