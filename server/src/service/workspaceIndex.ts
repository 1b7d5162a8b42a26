// The workspace as the core sees it: every known document and its model, plus indexes derived
// from all of them. The server and the CLI feed it documents; it never reads the disk.
// Models are rebuilt only for the document that changed. Derived indexes are memoised per
// aspect of the workspace they read (legal text, consultations, other files, settings): each
// aspect has its own generation, so an edit to a collation does not rebuild the clause index
// and an edit to legal text does not re-read the consultations. What is derived from one
// document lives on its model; this index owns the rest (see cache.ts).
import type { DocumentKind, SecSettings } from './types';
import { resolveSettings } from './types';
import { type DocumentModel, type LegalModel, type SecDocument, buildLegalModel, buildOtherModel } from './model/document';
import { type ConsultationModel, buildConsultationModel } from './model/consultation';
import { globToRegExp, hasConsultationName, hasLegalName, looksLikeConsultation } from './model/classify';
import type { Clause } from './model/structure';
import { isResponsesFile } from './model/responses';
import { DerivedKey, Store, attachStore, derive } from './cache';
import { type Vocabularies, vocabulariesOf } from './model/vocabularies';

export interface ClauseLocation {
  uri: string;
  clause: Clause;
}

export interface WorkspaceOptions {
  /** Extra globs (beyond *.sec, *.sec.txt, *.sec.md) whose files are legal text. */
  legalGlobs?: string[];
  /** Globs whose files are consultation responses (in addition to detection by content). */
  consultationGlobs?: string[];
  /**
   * The documents are read once and checked once (the command line): what only serves to keep
   * results across edits, each document's signature of what other files read from it, is not
   * worked out (legalSignature then changes with any legal document, which is always safe).
   */
  oneShot?: boolean;
}

/** What a derived index can read: the documents of one kind, or the settings. */
export type WorkspaceAspect = DocumentKind | 'settings';

export const ALL_ASPECTS: readonly WorkspaceAspect[] = ['legal', 'consultation', 'other', 'settings'];

const LEGAL: readonly WorkspaceAspect[] = ['legal'];

/** Each legal document's part of a legalSignature, by the signature's name. */
const SIGNATURE_PARTS = new DerivedKey<Map<string, string>>('workspace.signatureParts');

export class WorkspaceIndex {
  /** The state of this service instance's incremental work (see cache.ts). */
  readonly store = new Store();
  /** This instance's word vocabularies (model/vocabularies.ts): its models and indexes read with them. */
  readonly vocabularies: Vocabularies;
  private readonly docs = new Map<string, SecDocument>();
  private readonly models = new Map<string, DocumentModel>();
  private readonly oneShot: boolean;
  private readonly derivedCache = new Map<DerivedKey<unknown> | string, { stamp: number; value: unknown }>();
  private readonly signatures = new Map<string, { stamp: number; uris: string[]; parts: string[]; version: number }>();
  /** Kept by a legalSignature version, not a stamp (derivedWhileSignature): a map of its own, as the numbers are not comparable. */
  private readonly bySignature = new Map<DerivedKey<unknown> | string, { stamp: number; value: unknown }>();
  private readonly aspectGenerations: Record<WorkspaceAspect, number> = { legal: 0, consultation: 0, other: 0, settings: 0 };
  private legalPatterns: RegExp[] = [];
  private legalGlobs: string[] = [];
  private consultationPatterns: RegExp[] = [];
  /** Bumped on every document or settings change (any aspect). */
  generation = 0;
  settings: SecSettings;

  constructor(settings?: Partial<SecSettings>, options: WorkspaceOptions = {}) {
    this.oneShot = options.oneShot === true;
    this.vocabularies = vocabulariesOf(this.store);
    this.settings = resolveSettings(settings);
    this.setOptions(options);
  }

  setOptions(options: WorkspaceOptions): void {
    const legal = (options.legalGlobs ?? []).map(globToRegExp);
    const consultation = (options.consultationGlobs ?? []).map(globToRegExp);
    // Settings are re-sent often with the same globs: only new globs can change a file's kind.
    const same = (a: RegExp[], b: RegExp[]) => a.length === b.length && a.every((r, i) => r.source === b[i].source);
    if (this.generation > 0 && same(legal, this.legalPatterns) && same(consultation, this.consultationPatterns)) return;
    this.legalPatterns = legal;
    this.legalGlobs = options.legalGlobs ?? [];
    this.consultationPatterns = consultation;
    this.models.clear();
    this.touch(ALL_ASPECTS);
  }

  setSettings(settings: Partial<SecSettings>): void {
    this.settings = resolveSettings(settings);
    this.touch(['settings']);
  }

  /** Add or replace a document. Unchanged text keeps its model. */
  set(doc: SecDocument): void {
    const old = this.docs.get(doc.uri);
    if (old && old.text === doc.text && (old.languageId === doc.languageId || this.sameReading(old, doc))) {
      // Keep the text the model already holds: one copy of each file, not one per opening.
      if (old !== doc) this.docs.set(doc.uri, { ...doc, text: old.text });
      return;
    }
    // The kinds the document was and is now: a file renamed into or out of a kind changes both.
    const kinds = new Set([this.kindOf(doc), ...(old ? [this.models.get(doc.uri)?.kind ?? this.kindOf(old)] : [])]);
    this.docs.set(doc.uri, doc);
    this.models.delete(doc.uri);
    this.touch([...kinds]);
  }

  /**
   * The editor opening a file the scan already read (same text, a language id the scan did not
   * know) changes nothing when the file keeps its kind and its reading problems: keep the model
   * and every index, instead of invalidating the whole workspace once per opened file.
   */
  private sameReading(old: SecDocument, doc: SecDocument): boolean {
    const kind = this.models.get(doc.uri)?.kind ?? this.kindOf(old);
    const reading = (d: SecDocument) => [...(d.fileProblems ?? []), '', ...(d.fileNotes ?? [])].join('\n');
    return this.kindOf(doc) === kind && reading(old) === reading(doc);
  }

  remove(uri: string): void {
    const old = this.docs.get(uri);
    if (old && this.docs.delete(uri)) {
      const kind = this.models.get(uri)?.kind ?? this.kindOf(old);
      this.models.delete(uri);
      this.store.forget(uri);
      this.touch([kind]);
    }
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  document(uri: string): SecDocument | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  kindOf(doc: SecDocument): DocumentKind {
    if (isResponsesFile(doc.uri)) return 'other'; // answers to a collation, read by the responses rule
    if (doc.languageId === 'sec' || hasLegalName(doc.uri)) return 'legal';
    if (doc.languageId === 'sec-consultation') return 'consultation';
    // A collation matched by a broad legalFiles glob ("**/*.txt") stays a collation: its content says so.
    if (this.legalGlobMatching(doc.uri) !== undefined) return looksLikeConsultation(doc.text) ? 'consultation' : 'legal';
    if (this.consultationPatterns.some(p => p.test(doc.uri))) return 'consultation';
    if (hasConsultationName(doc.uri) || looksLikeConsultation(doc.text)) return 'consultation';
    return 'other';
  }

  model(uri: string): DocumentModel | undefined {
    const cached = this.models.get(uri);
    if (cached) return cached;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const kind = this.kindOf(doc);
    const model = kind === 'legal' ? buildLegalModel(doc) : kind === 'consultation' ? buildConsultationModel(this.withGlobNote(doc)) : buildOtherModel(doc);
    attachStore(model, this.store);
    this.models.set(uri, model);
    return model;
  }

  /** The legalFiles glob a URI matches, if any. */
  private legalGlobMatching(uri: string): string | undefined {
    const i = this.legalPatterns.findIndex(p => p.test(uri));
    return i < 0 ? undefined : this.legalGlobs[i];
  }

  /** A collation that a legalFiles glob also matched says so, so the drafter can narrow the glob. */
  private withGlobNote(doc: SecDocument): SecDocument {
    const glob = doc.languageId === 'sec-consultation' || hasLegalName(doc.uri) ? undefined : this.legalGlobMatching(doc.uri);
    if (glob === undefined) return doc;
    const note = `The legalFiles pattern "${glob}" matches this file, but its content is a consultation collation: it is read as a collation, and never edited as legal text.`;
    return { ...doc, fileNotes: [...(doc.fileNotes ?? []), note] };
  }

  legalModels(): LegalModel[] {
    return this.derived('legalModels', () =>
      this.uris().map(u => this.model(u)).filter((m): m is LegalModel => m?.kind === 'legal'), ['legal']);
  }

  consultationModels(): ConsultationModel[] {
    return this.derived('consultationModels', () =>
      this.uris().map(u => this.model(u)).filter((m): m is ConsultationModel => m?.kind === 'consultation'), ['consultation']);
  }

  /** Every clause in the workspace by id (a duplicated number lists each place). */
  clauseIndex(): Map<string, ClauseLocation[]> {
    return this.derived('clauseIndex', () => {
      const index = new Map<string, ClauseLocation[]>();
      for (const m of this.legalModels()) {
        for (const clause of m.structure.clauses) {
          const list = index.get(clause.id);
          if (list) list.push({ uri: m.uri, clause });
          else index.set(clause.id, [{ uri: m.uri, clause }]);
        }
      }
      return index;
    }, ['legal']);
  }

  findClause(id: string): ClauseLocation | undefined {
    return this.clauseIndex().get(id)?.[0];
  }

  /**
   * Memoise a value derived from the workspace until an aspect it reads changes, under a typed
   * DerivedKey or a name (a string, for a value per clause or per file: `responses:${uri}`). Name the
   * aspects (`['legal']` for an index of clauses or terms) so that other edits keep it;
   * by default any change recomputes it.
   */
  derived<T>(key: DerivedKey<T> | string, compute: () => T, dependsOn: readonly WorkspaceAspect[] = ALL_ASPECTS): T {
    return memoised(this.derivedCache, key, this.stampOf(dependsOn), compute);
  }

  /**
   * A number that changes only when what `signatureOf` reads from the legal documents changes:
   * each document's signature is computed once per version, and the number is bumped only when
   * one differs from before (or documents come or go). A one-character edit inside a clause's
   * words keeps, say, the clause index's number, so findings that read only the clause index
   * elsewhere are kept instead of recomputed.
   */
  legalSignature(key: string, signatureOf: (model: LegalModel) => string): number {
    const stamp = this.stampOf(LEGAL);
    if (this.oneShot) return stamp;
    const before = this.signatures.get(key);
    if (before && before.stamp === stamp) return before.version;
    const models = this.legalModels();
    const uris = models.map(m => m.uri);
    const parts = models.map(m => {
      const known = derive(m, SIGNATURE_PARTS, () => new Map<string, string>());
      let part = known.get(key);
      if (part === undefined) known.set(key, (part = signatureOf(m)));
      return part;
    });
    const same = before !== undefined && sameStrings(before.uris, uris) && sameStrings(before.parts, parts);
    const version = same ? before.version : (before?.version ?? 0) + 1;
    this.signatures.set(key, { stamp, uris, parts, version });
    return version;
  }

  /**
   * Memoise a workspace value that reads from each legal document only what `signatureOf` puts
   * in its signature (see legalSignature): kept while no document's signature changes, so a
   * keystroke that leaves every threshold statement as it was keeps the workspace's groups of
   * statements. The value must not rely on the identity of a document's model or of objects
   * made from it (it may hold those of an earlier version with the same signature). One key
   * goes with one signature name.
   */
  derivedWhileSignature<T>(key: DerivedKey<T>, name: string, signatureOf: (model: LegalModel) => string, compute: () => T): T {
    return memoised(this.bySignature, key, this.legalSignature(name, signatureOf), compute);
  }

  /**
   * A helper this workspace keeps for its life (a term automaton, the last index built), made on
   * first use: the per-instance home of what would otherwise be a module-level cache.
   */
  state<T>(key: DerivedKey<T>, init: () => T): T {
    return this.store.state(key, init);
  }

  /** The value last kept under `key` by this workspace (a last result to compare with), if any. */
  kept<T>(key: DerivedKey<T>): T | undefined {
    return this.store.kept(key);
  }

  /** Keep `value` under `key` for this workspace, replacing the one before. */
  keep<T>(key: DerivedKey<T>, value: T): T {
    return this.store.keep(key, value);
  }

  /**
   * A number that changes whenever one of the aspects changes, a cache key for derived data: the
   * generation of the latest change to any of them (each change takes a generation higher than
   * all before).
   */
  stampOf(aspects: readonly WorkspaceAspect[]): number {
    let latest = 0;
    for (const a of aspects) if (this.aspectGenerations[a] > latest) latest = this.aspectGenerations[a];
    return latest;
  }

  private touch(aspects: readonly WorkspaceAspect[]): void {
    this.generation++;
    for (const a of aspects) this.aspectGenerations[a] = this.generation;
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The value kept under `key` while its stamp is `stamp`; computed and kept anew otherwise. */
function memoised<T>(cache: Map<DerivedKey<unknown> | string, { stamp: number; value: unknown }>, key: DerivedKey<T> | string, stamp: number, compute: () => T): T {
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp) return cached.value as T;
  const value = compute();
  cache.set(key, { stamp, value });
  return value;
}
