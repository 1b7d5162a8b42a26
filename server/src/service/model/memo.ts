// Per-model memoisation: each model family (definitions, references, thresholds …) lives in
// its own file and computes its part of a document model once, on first use.
const caches = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, key: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
