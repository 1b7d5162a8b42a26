// The two vocabularies of one service instance (issue 17): the folded words of legal text for
// the term checks (termWords.ts) and the stems and phrase keys for comment linking
// (consultation/bm25.ts). Each WorkspaceIndex makes its own in its constructor and the models it
// builds read with them (through their Store, cache.ts), so two instances in one process share
// no id, no table and no scratch. A model built outside a WorkspaceIndex (a unit test) gets a
// Store, and so vocabularies, of its own.
import { DerivedKey, type Store, storeOf } from '../cache';
import { WordVocabulary } from './termWords';
import { StemTerms } from './consultation/bm25';

export class Vocabularies {
  // Each made on first use: their tables take some 2 ms and 1.5 MB to set up, which an instance
  // that never reads legal text (a baseline, most unit tests) need not pay.
  private wordsMade?: WordVocabulary;
  private stemsMade?: StemTerms;

  /** Folded words of legal text ↔ ids: Words, the term automata, the term checks' word sets. */
  get words(): WordVocabulary {
    return (this.wordsMade ??= new WordVocabulary());
  }

  /** Stems and phrase keys ↔ ids, with the comment-linking scanner's scratch. */
  get stems(): StemTerms {
    return (this.stemsMade ??= new StemTerms());
  }
}

const VOCABULARIES = new DerivedKey<Vocabularies>('vocabularies');

/** The vocabularies of a Store's service instance, made on first use. */
export function vocabulariesOf(store: Store): Vocabularies {
  return store.state(VOCABULARIES, () => new Vocabularies());
}

/** The vocabularies a model is read with: those of the service instance that built it. */
export function modelVocabularies(model: object): Vocabularies {
  return vocabulariesOf(storeOf(model));
}
