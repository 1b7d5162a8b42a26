// Per-model memoisation: each model family (definitions, references, thresholds …) lives in
// its own file and computes its part of a document model once, on first use.
const caches = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, key: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  // One lookup on the hot path; `has` only for a value that may itself be undefined.
  const cached = cache.get(key);
  if (cached !== undefined || cache.has(key)) return cached as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
