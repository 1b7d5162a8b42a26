// Where the core keeps what it derives, and when it forgets it. One owner, one lifetime, one
// invalidation rule (issue 17); no module-level state anywhere in service/ (test/unit/noModuleState
// checks it).
//
// - A value derived from one object (a document model, or a value itself derived from a model
//   such as its term uses or its thresholds) is kept on that object under a typed key:
//   `derive(model, DEFINITIONS, () => …)`. The WorkspaceIndex builds one model per document text
//   and replaces it when the text or version changes, so everything derived from a document is
//   dropped with it. That is the invalidation rule for per-document values; nothing else drops them.
// - A value read from many documents lives in the WorkspaceIndex: `workspace.derived(name,
//   compute, dependsOn)` is recomputed when any document of a kind it depends on (legal text,
//   consultations, other files, settings) changes.
// - The helpers of incremental work (the term automaton, the last index built, the last reading
//   of each document) are per service instance, in the WorkspaceIndex's Store:
//   `workspace.state(KEY, init)`, `workspace.kept(KEY)`/`keep(KEY, value)` for the workspace's;
//   `lastOf(model, KEY)`/`keepLast(model, KEY, value)` for the latest version of each document,
//   one entry per document (never a chain of versions), dropped when the document is removed.
//
// Two service instances in one process share none of this: each WorkspaceIndex owns a Store (and
// in it its two word vocabularies, model/vocabularies.ts), and the models it builds point at it.
//
// THE SAME OBJECT MEANS UNCHANGED. A derived value that is recomputed to the same contents is
// replaced by the previous object (`keepIfSame`, or a kept last result returned as it is), so
// its consumers tell "nothing changed" by `===` and do no more work: a family's findings and a
// document's diagnostics (rules/index.ts; the server then publishes nothing), the term index
// (model/terms.ts, kept while every definition list is the same), the workspace's clause ids
// and clause places (consultation/linking.ts, rules/references.ts). Code that derives such a
// value must go through keepIfSame or return the kept object; code that reads one may compare
// it by identity only.

/** The name and type of a derived value. Create one per kind of value, at module level. */
export class DerivedKey<T> {
  /** Never read: it only carries the value's type. */
  declare readonly type?: T;
  constructor(readonly name: string) {}
}

/** The Store a model belongs to. */
const STORE = Symbol('store');
/** Where an owner keeps what is derived from it: one map, under one property. */
const DERIVED = Symbol('derived');

type Owner = object & Record<symbol, unknown>;

/**
 * What is derived from `owner`, made on first use. All of it sits in one map under one
 * non-enumerable property (JSON, Object.keys and deep equality ignore it), so an owner gains
 * one property whatever is derived from it and in whatever order: objects read on hot paths
 * (words, uses, matches) keep one shape, and the code reading their own fields stays optimised.
 */
function derivedOf(owner: object): Map<DerivedKey<unknown>, unknown> {
  const o = owner as Owner;
  let values = o[DERIVED] as Map<DerivedKey<unknown>, unknown> | undefined;
  if (!values) Object.defineProperty(o, DERIVED, { value: (values = new Map()), enumerable: false });
  return values;
}

/** The value of `key` derived from `owner`, computed on first use and kept as long as the owner. */
export function derive<T>(owner: object, key: DerivedKey<T>, compute: () => T): T {
  const values = derivedOf(owner);
  // One lookup on the hot path; `has` only for a value that may itself be undefined.
  const cached = values.get(key);
  if (cached !== undefined || values.has(key)) return cached as T;
  const value = compute();
  values.set(key, value);
  return value;
}

/** The value of `key` already derived from `owner`, without computing it. */
export function derivedIf<T>(owner: object, key: DerivedKey<T>): T | undefined {
  return ((owner as Owner)[DERIVED] as Map<DerivedKey<unknown>, unknown> | undefined)?.get(key) as T | undefined;
}

/** Keep `value` as `key`'s value for `owner` (a value computed with what was there before). */
export function keepDerived<T>(owner: object, key: DerivedKey<T>, value: T): T {
  derivedOf(owner).set(key, value);
  return value;
}

/** `fresh` unless it equals `previous`, in which case `previous` itself (see THE SAME OBJECT above). */
export function keepIfSame<T>(previous: T | undefined, fresh: T, same: (a: T, b: T) => boolean): T {
  return previous !== undefined && same(previous, fresh) ? previous : fresh;
}

/**
 * The state of one service instance that outlives a document version: the latest values of each
 * document (by uri) kept to redo only what an edit changed, and the workspace's own helpers.
 */
export class Store {
  private readonly latest = new Map<string, Map<DerivedKey<unknown>, unknown>>();
  private readonly own = new Map<DerivedKey<unknown>, unknown>();

  /** The value of `key` kept for the latest version of the document at `uri`. */
  lastOf<T>(uri: string, key: DerivedKey<T>): T | undefined {
    return this.latest.get(uri)?.get(key) as T | undefined;
  }

  /** Keep `value` for the document at `uri`, replacing the one of its earlier version. */
  keepLast<T>(uri: string, key: DerivedKey<T>, value: T): void {
    let values = this.latest.get(uri);
    if (!values) this.latest.set(uri, (values = new Map()));
    values.set(key, value);
  }

  /** The document is gone: forget its latest values. */
  forget(uri: string): void {
    this.latest.delete(uri);
  }

  /** A helper of the service instance (an automaton, a last result), made on first use. */
  state<T>(key: DerivedKey<T>, init: () => T): T {
    if (this.own.has(key)) return this.own.get(key) as T;
    const value = init();
    this.own.set(key, value);
    return value;
  }

  /** The value last kept under `key` by this service instance, if any. */
  kept<T>(key: DerivedKey<T>): T | undefined {
    return this.own.get(key) as T | undefined;
  }

  /** Keep `value` under `key` for this service instance, replacing the one before. */
  keep<T>(key: DerivedKey<T>, value: T): T {
    this.own.set(key, value);
    return value;
  }
}

/** Make `model` belong to `store` (the WorkspaceIndex does this for every model it builds). */
export function attachStore(model: object, store: Store): void {
  Object.defineProperty(model, STORE, { value: store, enumerable: false, writable: true, configurable: true });
}

/**
 * The Store a model belongs to. A model built outside a WorkspaceIndex (a unit test) gets one
 * of its own: nothing to reuse, the same results.
 */
export function storeOf(model: object): Store {
  const owner = model as Owner;
  let store = owner[STORE] as Store | undefined;
  if (!store) attachStore(owner, (store = new Store()));
  return store;
}

/** The latest value of `key` kept for the document of `model` (an earlier version of it, or itself). */
export function lastOf<T>(model: { uri: string }, key: DerivedKey<T>): T | undefined {
  return storeOf(model).lastOf(model.uri, key);
}

/** Keep `value` as the latest of `key` for the document of `model`. */
export function keepLast<T>(model: { uri: string }, key: DerivedKey<T>, value: T): void {
  storeOf(model).keepLast(model.uri, key, value);
}
