// The same consultation read twice: the .txt and the .csv of one collation side by side (or
// the PDF copy and the .docx). Two collations are copies when they hold the same respondents
// on the same questions, with the same comments (words compared, as readers tidy text
// differently) and, where both name their questions, the same question titles. Of each set of
// copies one is kept (the one whose responses file exists, else the one with more rows, which
// keeps the votes, else the first by name); the others' comments are counted nowhere, and the
// `duplicate-consultation` finding on each names both files.
import type { WorkspaceIndex } from '../../workspaceIndex';
import { DerivedKey, derive } from '../../cache';
import { responsesPathFor } from '../responses';
import type { ConsultationModel } from './index';
import { needsAnswer } from './votes';

/** What two collations are compared by first, once per model: which rows have a comment. */
interface CollationSignature {
  /** "question|respondent" of each row with a comment, sorted. */
  keys: string[];
  /** The comments of those rows, by key (a respondent may comment twice on one question). */
  texts: Map<string, string[]>;
}

/** What two collations with the same rows are then compared by: the comments' and question titles' words. */
interface CollationWords {
  /** The words of each row's comment, by key. */
  words: Map<string, Set<string>>;
  /** The words of each question's title, by question number (only titles the collation has). */
  titles: Map<string, Set<string>>;
}

/** A company's name as compared: "Haven Power Limited" and "Haven Power Ltd." are one respondent. */
function respondentKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/\b(?:limited|ltd|plc|llp|inc|co|uk|group)\b/g, ' ').replace(/\s+/g, '');
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

const COPY_SIGNATURE = new DerivedKey<CollationSignature>('consultation.copySignature');
const COPY_WORDS = new DerivedKey<CollationWords>('consultation.copyWords');

function signature(model: ConsultationModel): CollationSignature {
  return derive(model, COPY_SIGNATURE, () => {
    const texts = new Map<string, string[]>();
    for (const c of model.comments) {
      if (!needsAnswer(c)) continue;
      const key = `${c.question}|${respondentKey(c.respondent)}`;
      const had = texts.get(key);
      if (had) had.push(c.text);
      else texts.set(key, [c.text]);
    }
    return { keys: [...texts.keys()].sort(), texts };
  });
}

/** The words, read only for a collation whose rows match another's (most have no copy). */
function wordsOf(model: ConsultationModel): CollationWords {
  return derive(model, COPY_WORDS, () => {
    const words = new Map<string, Set<string>>();
    // A second comment of the same respondent on the same question adds its words.
    for (const [key, texts] of signature(model).texts) words.set(key, new Set(texts.flatMap(t => [...wordSet(t)])));
    const titles = new Map<string, Set<string>>();
    for (const q of model.questions) if (q.title.trim()) titles.set(q.number, wordSet(q.title));
    return { words, titles };
  });
}

/** Share of words two texts have in common (Jaccard). */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Comments this alike are one comment read twice (hyphens, wrapping and page furniture differ a little). */
const SAME_COMMENT = 0.8;
const SAME_TITLE = 0.7;

/** Are two collations the same consultation read twice? */
export function sameConsultation(a: ConsultationModel, b: ConsultationModel): boolean {
  const rows = signature(a).keys;
  const otherRows = signature(b).keys;
  if (rows.length === 0 || rows.length !== otherRows.length || rows.some((k, i) => k !== otherRows[i])) return false;
  const x = wordsOf(a);
  const y = wordsOf(b);
  for (const [question, title] of x.titles) {
    const other = y.titles.get(question);
    if (other && overlap(title, other) < SAME_TITLE) return false;
  }
  return rows.every(k => overlap(x.words.get(k)!, y.words.get(k)!) >= SAME_COMMENT);
}

/** Which copy is kept: answered first, then the fuller reading, then by name. */
function keepOrder(workspace: WorkspaceIndex): (a: ConsultationModel, b: ConsultationModel) => number {
  const answered = (m: ConsultationModel) => (workspace.document(responsesPathFor(m.uri)) ? 1 : 0);
  return (a, b) => answered(b) - answered(a) || b.comments.length - a.comments.length || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Each collation that repeats another, with the one kept (copy uri → kept uri). */
export function collationCopies(workspace: WorkspaceIndex): Map<string, string> {
  return workspace.derived('consultation.copies', () => {
    const copies = new Map<string, string>();
    const kept: ConsultationModel[] = [];
    for (const model of [...workspace.consultationModels()].sort(keepOrder(workspace))) {
      const original = kept.find(k => sameConsultation(k, model));
      if (original) copies.set(model.uri, original.uri);
      else kept.push(model);
    }
    return copies;
  });
}
