// What a term matcher finds in one line, as "text=term" strings for compact asserts; a match
// written in lower case is marked " (lower)".
import { TermMatcher, tokeniseLine } from '../../server/src/service/model/terms';
import { WordVocabulary } from '../../server/src/service/model/termWords';

export function termMatches(terms: string[], text: string): string[] {
  const vocabulary = new WordVocabulary();
  const m = new TermMatcher(vocabulary, terms);
  const words = tokeniseLine(vocabulary, text, 0);
  const found = m.scan(words);
  const out: string[] = [];
  for (let k = 0; k < found.count; k++) {
    out.push(`${text.slice(words.start[found.from[k]], words.end[found.to[k] - 1])}=${terms[found.term[k]]}${found.flags[k] & 1 ? '' : ' (lower)'}`);
  }
  return out;
}
