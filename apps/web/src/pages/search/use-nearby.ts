// The search's results: `GET /public/facilities/nearby` again whenever the search (or the language)
// changes, the previous request aborted. While a new search runs, the previous results stay on
// screen (marked busy) so the list and the map do not flicker.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { fetchNearby, nearbyQueryString } from '../../api/public';
import type { NearbyItem } from '../../api/types';
import type { Lang } from '../../i18n/language';
import { nearbyQuery, type SearchState } from './search-state';

export type NearbyState =
  | { status: 'idle' }
  | { status: 'loading'; items: NearbyItem[] }
  | { status: 'ready'; items: NearbyItem[] }
  | { status: 'error'; error: unknown; items: NearbyItem[] };

export function useNearby(search: SearchState, lang: Lang): { result: NearbyState; retry: () => void } {
  const query = nearbyQuery(search);
  const key = query ? nearbyQueryString(query) : '';
  const [result, setResult] = useState<NearbyState>(() => (key ? { status: 'loading', items: [] } : { status: 'idle' }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!query) {
      setResult({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setResult((previous) => ({ status: 'loading', items: previous.status === 'idle' ? [] : previous.items }));
    fetchNearby(query, { lang, signal: controller.signal }).then(
      (answer) => {
        if (!controller.signal.aborted) setResult({ status: 'ready', items: Array.isArray(answer?.items) ? answer.items : [] });
      },
      (error: unknown) => {
        if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
        setResult({ status: 'error', error, items: [] });
      },
    );
    return () => controller.abort();
    // `query` is rebuilt on every render; `key` is its identity.
  }, [key, lang, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, retry };
}
