// A component's view of a SharedResource (shared-data.ts): the cached value at once, fetched again when the
// component appears (unless `once`: reference data such as unit names is fetched once per page load), when the
// key changes and whenever the resource is refreshed; `null` until there is a value.
// A failed fetch keeps what is shown (the counts and names are extras; the pages say why their own data failed).
import { useEffect, useState } from 'preact/hooks';
import type { SharedResource } from './shared-data';

export function useShared<K, T>(
  resource: SharedResource<K, T>,
  key: K | null,
  keyOf: (key: K) => string = String,
  options: { once?: boolean } = {},
): T | null {
  const id = key === null ? null : keyOf(key);
  const [value, setValue] = useState<T | null>(() => (key === null ? null : (resource.cached(key) ?? null)));
  const [attempt, setAttempt] = useState(0);

  useEffect(
    () =>
      resource.subscribe((event) => {
        if (event.kind === 'stale') setAttempt((n) => n + 1);
        else if (key !== null && keyOf(event.key) === id) setValue(resource.cached(key) ?? null);
      }),
    [resource, id],
  );

  useEffect(() => {
    if (key === null) {
      setValue(null);
      return;
    }
    const cached = resource.cached(key);
    setValue(cached ?? null);
    if (cached !== undefined && options.once && attempt === 0) return;
    let live = true;
    resource.load(key).then(
      (loaded) => live && setValue(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [resource, id, attempt]);

  return value;
}
