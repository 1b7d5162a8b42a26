// The full name a definition gives the thing its term stands for: "GBCS means the Great Britain
// Companion Specification", "UNC means the Uniform Network Code", "Citizens Advice means the
// National Association of Citizens Advice Bureaux", "Authority means the Gas and Electricity
// Markets Authority". Section A has dozens of such rows, mostly for instruments and bodies
// outside the Code; the name is what the term abbreviates, not an undefined term.
//
// Only the head of the definition counts (the name right after "means the"), and only when the
// term is drawn from the name: it abbreviates it (initials and acronyms in order, or its last
// word), or the name holds the term, or the term's words but its last ("Citizens Advice
// Scotland" in "the Scottish Association of Citizens Advice Bureaux"). "Assurance Status means
// the Assurance Level …" stays a use of an undefined "Assurance Level".
import type { Range } from '../types';
import type { LegalModel } from '../model/document';
import { definitionsOf, type DefinitionSite } from '../model/definitions';
import { DerivedKey, derive } from '../cache';
import { withWrappedLine } from '../text/prose';
import { abbreviates } from './terms';

/** "means the", "means this", "means" …, at the start of a definition's text (a table cell may start with "means"). */
const HEAD_RE = /^\s*(?:means\s+)?(?:(?:the|this|that|a|an)\s+)?/i;
/** Capitalised words, acronyms and years, with the joining words of a proper name between them. */
const NAME_RE = /^(?:[\p{Lu}\d][\p{L}\p{N}’'&-]*)(?:\s+(?:(?:of|and|for|on|&|the)\s+)*[\p{Lu}\d][\p{L}\p{N}’'&-]*)*/u;

const NAME_SPANS = new DerivedKey<Range[]>('terms.definedThingNames');

/** Where the definitions of a document name the thing their term stands for in full. */
export function definedThingNameSpans(model: LegalModel): Range[] {
  return derive(model, NAME_SPANS, () => {
    const spans: Range[] = [];
    for (const site of definitionsOf(model)) {
      const span = headNameSpan(model, site);
      if (span) spans.push(span);
    }
    return spans;
  });
}

function headNameSpan(model: LegalModel, site: DefinitionSite): Range | undefined {
  if (site.form === 'inline') return undefined;
  const { line, character } = site.textRange.start;
  const lineText = model.lines[line]?.text;
  if (lineText === undefined) return undefined;
  // The name may run over a hard line break ("… of Citizens Advice⏎Bureaux").
  const { text, positionAt } = withWrappedLine(model, line, lineText);
  const head = HEAD_RE.exec(text.slice(character));
  if (!head) return undefined;
  const start = character + head[0].length;
  const name = NAME_RE.exec(text.slice(start))?.[0];
  if (!name || !namedBy(name.replace(/\s+/g, ' '), site.term)) return undefined;
  return { start: positionAt(start), end: positionAt(start + name.length) };
}

/** Is `name` the full name that `term` is drawn from? */
export function namedBy(name: string, term: string): boolean {
  const words = term.split(/\s+/);
  // A term of three words or more may add a word to a name it shares the rest with.
  if (words.length > 2 && containsWords(name, words.slice(0, -1).join(' '))) return true;
  return containsWords(name, term) || abbreviates(name, term);
}

function containsWords(text: string, phrase: string): boolean {
  const at = text.toLowerCase().indexOf(phrase.toLowerCase());
  if (at < 0) return false;
  const before = text[at - 1];
  const after = text[at + phrase.length];
  return (before === undefined || before === ' ') && (after === undefined || after === ' ');
}
