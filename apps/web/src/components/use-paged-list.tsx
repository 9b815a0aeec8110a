// The consoles' lists read a page at a time: the first page loads with the component and again when `key`
// changes (a new filter) or on `reload()`; `loadMore()` appends the next page (a failure is shown beside the
// button, the list stays); a page that arrives after the key changed is dropped (paged-list.ts: createPager, the
// behaviour, unit-tested). <LoadMore> is the button and its error. One hook for every paged list of the consoles.
import { useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { Notice } from './notice';
import { createPager, type Page, type PagerState } from './paged-list';
import { useAsync, type AsyncState } from './use-async';

export interface PagedList<T> {
  /** The first page's state: loading, error, or ready (then `items` holds every page loaded). */
  state: AsyncState<true>;
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  loadMore: () => void;
  reload: () => void;
  /** Changes the loaded items in place (an item the page changed through the API). */
  updateItems: (change: (items: T[]) => T[]) => void;
}

export function usePagedList<T>(loadPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>, key: string): PagedList<T> {
  const { t } = useI18n();
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const [list, setList] = useState<PagerState<T> | null>(null);
  const pager = useMemo(() => createPager<T>((cursor, signal) => loadRef.current(cursor, signal), setList), []);
  const current = list ?? pager.state();

  const { state, reload } = useAsync(async (signal) => {
    await pager.first(signal);
    return true as const;
  }, key);

  return {
    state,
    items: current.items,
    hasMore: current.cursor !== null,
    loadingMore: current.loadingMore,
    moreError: current.moreError === null ? null : errorMessage(current.moreError, t),
    loadMore: () => void pager.more(),
    reload,
    updateItems: pager.update,
  };
}

/** "Load more" under a paged list, with the last failure to load more. */
export function LoadMore({ list }: { list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore'> }) {
  const { t } = useI18n();
  return (
    <>
      {list.moreError && <Notice kind="error">{list.moreError}</Notice>}
      {list.hasMore && (
        <button type="button" class="button button--secondary" disabled={list.loadingMore} onClick={list.loadMore}>
          {t.console.loadMore}
        </button>
      )}
    </>
  );
}
