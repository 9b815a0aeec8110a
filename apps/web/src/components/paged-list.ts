// A list read a page at a time (`{ items, nextCursor }`): the first page replaces the list, "load more" appends
// the next. `createPager` is the whole behaviour of the consoles' paged lists without Preact (unit-tested);
// use-paged-list.tsx binds it to a component.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedItems<T> {
  items: T[];
  /** Where the next page starts; null when the last page is in. */
  cursor: string | null;
}

export const emptyPages = <T>(): PagedItems<T> => ({ items: [], cursor: null });

export function firstPage<T>(page: Page<T>): PagedItems<T> {
  return { items: page.items, cursor: page.nextCursor };
}

export function appendPage<T>(list: PagedItems<T>, page: Page<T>): PagedItems<T> {
  return { items: [...list.items, ...page.items], cursor: page.nextCursor };
}

export interface PagerState<T> extends PagedItems<T> {
  /** A next page is on its way. */
  loadingMore: boolean;
  /** Why the last "load more" failed (cleared by the next attempt or a new first page). */
  moreError: unknown;
}

export interface Pager<T> {
  state(): PagerState<T>;
  /**
   * Loads the first page (the list's first load, a new filter, a reload) and replaces the list with it, unless
   * `signal` was aborted meanwhile (a newer first page is on its way). A next page still on its way is then dropped.
   * Rejects as the load does (the caller shows the error); the list stays as it was.
   */
  first(signal: AbortSignal): Promise<void>;
  /** Appends the next page; nothing when there is none or one is on its way. A failure is kept in `moreError`. */
  more(): Promise<void>;
  /** Changes the loaded items in place (an item changed through the API). */
  update(change: (items: T[]) => T[]): void;
}

export function createPager<T>(
  loadPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>,
  onChange: (state: PagerState<T>) => void,
): Pager<T> {
  let current: PagerState<T> = { ...emptyPages<T>(), loadingMore: false, moreError: null };
  // Counts first pages: a next page asked for before the latest first page belongs to another list.
  let generation = 0;
  const set = (change: Partial<PagerState<T>>) => {
    current = { ...current, ...change };
    onChange(current);
  };
  return {
    state: () => current,
    async first(signal) {
      const page = await loadPage(null, signal);
      if (signal.aborted) return;
      generation += 1;
      set({ ...firstPage(page), moreError: null });
    },
    async more() {
      if (current.cursor === null || current.loadingMore) return;
      const started = generation;
      set({ loadingMore: true, moreError: null });
      try {
        const page = await loadPage(current.cursor);
        if (generation === started) set({ ...appendPage(current, page), loadingMore: false });
        else set({ loadingMore: false });
      } catch (error) {
        set(generation === started ? { loadingMore: false, moreError: error } : { loadingMore: false });
      }
    },
    update(change) {
      set({ items: change(current.items) });
    },
  };
}
