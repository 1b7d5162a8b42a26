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
import type { WorkspaceIndex } from '../workspaceIndex';

/** "means the", "means this", "means" …, at the start of a definition's text (a table cell may start with "means"). */
const HEAD_RE = /^\s*(?:means\s+)?(?:(?:the|this|that|a|an)\s+)?/i;
/** Capitalised words, acronyms and years, with the joining words of a proper name between them. */
const NAME_RE = /^(?:[\p{Lu}\d][\p{L}\p{N}’'&-]*)(?:\s+(?:(?:of|and|for|on|&|the)\s+)*[\p{Lu}\d][\p{L}\p{N}’'&-]*)*/u;

interface HeadName {
  /** The name as written, one space between its words ("Great Britain Companion Specification"). */
  name: string;
  range: Range;
}

const HEAD_NAMES = new DerivedKey<HeadName[]>('terms.definedThingNames');
const WORKSPACE_NAMES = new DerivedKey<string[]>('terms.definedThingNames.workspace');

/** Where the definitions of a document name the thing their term stands for in full. */
export function definedThingNameSpans(model: LegalModel): Range[] {
  return headNames(model).map(h => h.range);
}

/**
 * Every full name the workspace's definitions give their terms, in order: known names in any
 * text ("requirements placed on Electricity Smart Metering Equipment" when "ESME means
 * Electricity Smart Metering Equipment"), as the Code itself names the thing.
 */
export function definedThingNames(workspace: WorkspaceIndex): string[] {
  return workspace.derived(WORKSPACE_NAMES, () => {
    const names = new Set<string>();
    for (const m of workspace.legalModels()) for (const h of headNames(m)) names.add(h.name);
    return [...names].sort();
  }, ['legal']);
}

function headNames(model: LegalModel): HeadName[] {
  return derive(model, HEAD_NAMES, () => {
    const found: HeadName[] = [];
    for (const site of definitionsOf(model)) {
      const head = headName(model, site);
      if (head) found.push(head);
    }
    return found;
  });
}

function headName(model: LegalModel, site: DefinitionSite): HeadName | undefined {
  if (site.form === 'inline') return undefined;
  const { line, character } = site.textRange.start;
  const lineText = model.lines[line]?.text;
  if (lineText === undefined) return undefined;
  // The name may run over a hard line break ("… of Citizens Advice⏎Bureaux").
  const { text, positionAt } = withWrappedLine(model, line, lineText);
  const head = HEAD_RE.exec(text.slice(character));
  if (!head) return undefined;
  const start = character + head[0].length;
  const written = NAME_RE.exec(text.slice(start))?.[0];
  if (!written) return undefined;
  const name = written.replace(/\s+/g, ' ');
  // The term itself ("Party means a Party …") names nothing more.
  if (name.toLowerCase() === site.term.toLowerCase() || !namedBy(name, site.term)) return undefined;
  return { name, range: { start: positionAt(start), end: positionAt(start + written.length) } };
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

/**
 * Does `short` abbreviate `name`? Its last word is the name's ("Gas and Electricity Markets
 * Authority" → "Authority"), or its capitals are drawn in order from the name's initials and
 * acronyms ("SMKI Policy Management Authority" → "SMKI PMA", "Data and Communications
 * Company" → "DCC"). "admitted as a Party (an Applicant)" is not: "Applicant" is another thing.
 */
export function abbreviates(name: string, short: string): boolean {
  const nameWords = name.split(/\s+/).filter(w => /^\p{Lu}/u.test(w));
  const shortWords = short.split(/\s+/);
  if (nameWords.length < 2) return false;
  if (shortWords[shortWords.length - 1].toLowerCase() === nameWords[nameWords.length - 1].toLowerCase() && shortWords.length < nameWords.length) return true;
  const letters = nameWords.map(w => (/^[\p{Lu}\d]+$/u.test(w) ? w : w[0])).join('');
  const capitals = short.replace(/[^\p{Lu}]/gu, '');
  if (capitals.length < 2) return false;
  let at = 0;
  for (const c of letters) if (c === capitals[at]) at++;
  return at === capitals.length;
}
