// General remarks stay general. "We support this modification", "we agree with the proposed
// solution, which better facilitates the SEC objectives": such a comment shares words with the
// clauses (Smart Metering Systems, security, User Entry Process), but those words run through
// the whole topic and say nothing of one clause. An inferred link therefore needs evidence
// specific to its clause: a term the comment shares with the clause that few clauses of the
// clause's Part hold (its own defined terms, distinctive words), or a number the clause states.
// Words that run through the Part are the topic's boilerplate: they still add to the score of
// a link that has specific evidence, but never make one on their own.
import { DerivedKey, derive } from '../../cache';
import type { ClauseCorpus } from './linking';
import type { Term } from './bm25';
import { partOf } from '../clauseIds';

/** A term in more than this share of its Part's clauses is the topic's, not the clause's. */
const TOPIC_SHARE = 0.25;

interface PartStats {
  /** Document numbers of each Part's clauses. */
  docs: Map<string, number[]>;
  /** Whether a term is specific in a Part ("G8\0term"), as worked out so far. */
  specific: Map<string, boolean>;
}

/** Per corpus (rebuilt with it): its Parts' clauses, and the answers given so far. */
const PART_STATS = new DerivedKey<PartStats>('consultation.partStats');

function statsOf(corpus: ClauseCorpus): PartStats {
  return derive(corpus, PART_STATS, () => {
    const docs = new Map<string, number[]>();
    corpus.ids.forEach((id, doc) => {
      const part = partOf(id);
      const list = docs.get(part);
      if (list) list.push(doc);
      else docs.set(part, [doc]);
    });
    return { docs, specific: new Map() };
  });
}

const holds = (corpus: ClauseCorpus, term: string, doc: number) => corpus.index.contribution(term, doc) > 0;

/** How many clauses of a Part hold a term, stopping once more than `limit` do. */
function spread(corpus: ClauseCorpus, term: string, docs: readonly number[], limit: number): number {
  let n = 0;
  for (const d of docs) if (holds(corpus, term, d) && ++n > limit) break;
  return n;
}

/** Is this term, shared with clause `doc`, evidence about that clause rather than its topic? */
function specificTo(corpus: ClauseCorpus, term: Term, doc: number): boolean {
  if (/\d/.test(term.key)) return true; // a number the clause states: 50,000, 2027, £2,500
  const stats = statsOf(corpus);
  const part = partOf(corpus.ids[doc]);
  const key = `${part}\0${term.key}`;
  let answer = stats.specific.get(key);
  if (answer === undefined) {
    const docs = stats.docs.get(part) ?? [doc];
    const limit = Math.max(1, Math.floor(TOPIC_SHARE * docs.length));
    answer = spread(corpus, term.key, docs, limit) <= limit;
    stats.specific.set(key, answer);
  }
  return answer;
}

/**
 * The comment's terms that are evidence specific to clause `doc` (whole terms, not the words
 * repeated after a phrase): an inferred link with none of them is the topic's boilerplate.
 */
export function specificEvidence(corpus: ClauseCorpus, doc: number, terms: readonly Term[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    if (t.part || seen.has(t.key)) continue;
    seen.add(t.key);
    if (holds(corpus, t.key, doc) && specificTo(corpus, t, doc)) out.push(t.surface);
  }
  return out;
}
