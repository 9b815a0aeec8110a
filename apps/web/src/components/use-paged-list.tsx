// The consoles' lists read a page at a time: the first page loads with the component and again when `key`
// changes (a new filter) or on `reload()`; `loadMore()` appends the next page (a failure is shown beside the
// button, the list stays); a page that arrives after the key changed is dropped. <LoadMore> is the button and
// its error. One hook for the facility lists, the plan, the orders inbox, the history and the inspection record.
import { useCallback, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from './error-message';
import { Notice } from './notice';
import { appendPage, emptyPages, firstPage, type Page, type PagedItems } from './paged-list';
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
  const [list, setList] = useState<PagedItems<T>>(emptyPages);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const generation = useRef(0);

  const { state, reload } = useAsync(async (signal) => {
    const page = await loadRef.current(null, signal);
    if (!signal.aborted) {
      generation.current += 1;
      setList(firstPage(page));
      setMoreError(null);
    }
    return true as const;
  }, key);

  const loadMore = useCallback(() => {
    if (!list.cursor || loadingMore) return;
    const started = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    loadRef.current(list.cursor).then(
      (page) => {
        if (generation.current === started) setList((previous) => appendPage(previous, page));
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (generation.current === started) setMoreError(errorMessage(error, t));
        setLoadingMore(false);
      },
    );
  }, [list.cursor, loadingMore, t]);

  const updateItems = useCallback(
    (change: (items: T[]) => T[]) => setList((previous) => ({ ...previous, items: change(previous.items) })),
    [],
  );
  return { state, items: list.items, hasMore: list.cursor !== null, loadingMore, moreError, loadMore, reload, updateItems };
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
