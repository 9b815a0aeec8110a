// One way of caching and refreshing data several components share (the header's counts, the unit names, the
// checklists, facility names, the consoles' map background; no module keeps a cache of its own): a
// `SharedResource` keeps the last value per key for the page load, so that a new page shows it at once, fetches
// it again when a component asks for it, and `refresh()` makes every component showing it fetch again (no
// module-level variables per hook, no window events). The store itself is pure (no Preact), so it is unit-tested;
// `useShared` (use-shared.ts) binds it to components.

export interface SharedResource<K, T> {
  /** The last value loaded for this key in this page load, if any. */
  cached(key: K): T | undefined;
  /**
   * Loads the value for the key (one request per key at a time: callers asking meanwhile share it), keeps it and
   * tells the subscribers. A failed load keeps the previous value and rejects.
   */
  load(key: K): Promise<T>;
  /**
   * Reference data (unit names, the checklists, the map's background): the value kept for this key, else its one
   * load. Fetched once per page load; a failed load is not kept, so the next call asks again.
   */
  get(key: K): Promise<T>;
  /** Called after each successful load with its key, and on `refresh()` with no key. Returns the unsubscribe. */
  subscribe(listener: (event: { kind: 'loaded'; key: K } | { kind: 'stale' }) => void): () => void;
  /** Something changed on the server: every component showing this resource fetches it again. */
  refresh(): void;
}

export function sharedResource<K, T>(fetcher: (key: K) => Promise<T>, keyOf: (key: K) => string = String): SharedResource<K, T> {
  const values = new Map<string, T>();
  const pending = new Map<string, Promise<T>>();
  const listeners = new Set<(event: { kind: 'loaded'; key: K } | { kind: 'stale' }) => void>();
  const emit = (event: { kind: 'loaded'; key: K } | { kind: 'stale' }) => {
    for (const listener of [...listeners]) listener(event);
  };
  const load = (key: K): Promise<T> => {
    const id = keyOf(key);
    let request = pending.get(id);
    if (!request) {
      request = fetcher(key).then(
        (value) => {
          pending.delete(id);
          values.set(id, value);
          emit({ kind: 'loaded', key });
          return value;
        },
        (error: unknown) => {
          pending.delete(id);
          throw error;
        },
      );
      pending.set(id, request);
    }
    return request;
  };
  return {
    cached: (key) => values.get(keyOf(key)),
    load,
    get(key) {
      const id = keyOf(key);
      return values.has(id) ? Promise.resolve(values.get(id) as T) : load(key);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => emit({ kind: 'stale' }),
  };
}
