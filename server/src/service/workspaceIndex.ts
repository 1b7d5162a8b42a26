// The workspace as the core sees it: every known document and its model, plus indexes derived
// from all of them. The server and the CLI feed it documents; it never reads the disk.
// Models are rebuilt only for the document that changed; derived indexes are memoised per
// workspace generation (a counter bumped on every change).
import type { DocumentKind, SecSettings } from './types';
import { resolveSettings } from './types';
import { type DocumentModel, type LegalModel, type SecDocument, buildLegalModel, buildOtherModel } from './model/document';
import { type ConsultationModel, buildConsultationModel } from './model/consultation';
import { globToRegExp, hasConsultationName, hasLegalName, looksLikeConsultation } from './model/classify';
import type { Clause } from './model/structure';
import { isResponsesFile } from './model/responses';

export interface ClauseLocation {
  uri: string;
  clause: Clause;
}

export interface WorkspaceOptions {
  /** Extra globs (beyond *.sec, *.sec.txt, *.sec.md) whose files are legal text. */
  legalGlobs?: string[];
  /** Globs whose files are consultation responses (in addition to detection by content). */
  consultationGlobs?: string[];
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, SecDocument>();
  private readonly models = new Map<string, DocumentModel>();
  private readonly derivedCache = new Map<string, unknown>();
  private legalPatterns: RegExp[] = [];
  private consultationPatterns: RegExp[] = [];
  /** Bumped on every document or settings change; derived indexes are keyed on it. */
  generation = 0;
  settings: SecSettings;

  constructor(settings?: Partial<SecSettings>, options: WorkspaceOptions = {}) {
    this.settings = resolveSettings(settings);
    this.setOptions(options);
  }

  setOptions(options: WorkspaceOptions): void {
    this.legalPatterns = (options.legalGlobs ?? []).map(globToRegExp);
    this.consultationPatterns = (options.consultationGlobs ?? []).map(globToRegExp);
    this.models.clear();
    this.touch();
  }

  setSettings(settings: Partial<SecSettings>): void {
    this.settings = resolveSettings(settings);
    this.touch();
  }

  /** Add or replace a document. Unchanged text keeps its model. */
  set(doc: SecDocument): void {
    const old = this.docs.get(doc.uri);
    if (old && old.text === doc.text && old.languageId === doc.languageId) {
      if (old.version !== doc.version) this.docs.set(doc.uri, doc);
      return;
    }
    this.docs.set(doc.uri, doc);
    this.models.delete(doc.uri);
    this.touch();
  }

  remove(uri: string): void {
    if (this.docs.delete(uri)) {
      this.models.delete(uri);
      this.touch();
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
    if (doc.languageId === 'sec' || hasLegalName(doc.uri) || this.legalPatterns.some(p => p.test(doc.uri))) return 'legal';
    if (doc.languageId === 'sec-consultation' || this.consultationPatterns.some(p => p.test(doc.uri))) return 'consultation';
    if (hasConsultationName(doc.uri) || looksLikeConsultation(doc.text)) return 'consultation';
    return 'other';
  }

  model(uri: string): DocumentModel | undefined {
    const cached = this.models.get(uri);
    if (cached) return cached;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const kind = this.kindOf(doc);
    const model = kind === 'legal' ? buildLegalModel(doc) : kind === 'consultation' ? buildConsultationModel(doc) : buildOtherModel(doc);
    this.models.set(uri, model);
    return model;
  }

  legalModels(): LegalModel[] {
    return this.derived('legalModels', () =>
      this.uris().map(u => this.model(u)).filter((m): m is LegalModel => m?.kind === 'legal'));
  }

  consultationModels(): ConsultationModel[] {
    return this.derived('consultationModels', () =>
      this.uris().map(u => this.model(u)).filter((m): m is ConsultationModel => m?.kind === 'consultation'));
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
    });
  }

  findClause(id: string): ClauseLocation | undefined {
    return this.clauseIndex().get(id)?.[0];
  }

  /** Memoise a value derived from the whole workspace until the next change. */
  derived<T>(key: string, compute: () => T): T {
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = compute();
    this.derivedCache.set(key, value);
    return value;
  }

  private touch(): void {
    this.generation++;
    this.derivedCache.clear();
  }
}
