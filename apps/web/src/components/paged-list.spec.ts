import { describe, expect, it } from '@jest/globals';
import { appendPage, createPager, emptyPages, firstPage, type Page, type PagerState } from './paged-list';

describe('paged list', () => {
  it('starts with the first page and appends the next ones until the cursor runs out', () => {
    let list = emptyPages<number>();
    expect(list).toEqual({ items: [], cursor: null });
    list = firstPage({ items: [1, 2], nextCursor: 'c2' });
    expect(list).toEqual({ items: [1, 2], cursor: 'c2' });
    list = appendPage(list, { items: [3], nextCursor: 'c3' });
    list = appendPage(list, { items: [4], nextCursor: null });
    expect(list).toEqual({ items: [1, 2, 3, 4], cursor: null });
  });
});

/** A page source answering by hand: each request waits until the test resolves or rejects it. */
function source() {
  const requests: { cursor: string | null; resolve: (page: Page<number>) => void; reject: (error: unknown) => void }[] = [];
  const load = (cursor: string | null) =>
    new Promise<Page<number>>((resolve, reject) => {
      requests.push({ cursor, resolve, reject });
    });
  return { requests, load };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the pager behind usePagedList', () => {
  it('loads the first page, then each next page from its cursor, and tells every change', async () => {
    const { requests, load } = source();
    const seen: PagerState<number>[] = [];
    const pager = createPager(load, (state) => seen.push(state));
    const first = pager.first(new AbortController().signal);
    expect(requests.map((request) => request.cursor)).toEqual([null]);
    requests[0]!.resolve({ items: [1, 2], nextCursor: 'c2' });
    await first;
    expect(pager.state()).toEqual({ items: [1, 2], cursor: 'c2', loadingMore: false, moreError: null });

    const more = pager.more();
    expect(pager.state().loadingMore).toBe(true);
    void pager.more(); // a second click while the page is on its way asks nothing
    expect(requests.map((request) => request.cursor)).toEqual([null, 'c2']);
    requests[1]!.resolve({ items: [3], nextCursor: null });
    await more;
    expect(pager.state()).toEqual({ items: [1, 2, 3], cursor: null, loadingMore: false, moreError: null });
    expect(seen.at(-1)).toBe(pager.state());

    await pager.more(); // no next page: nothing asked
    expect(requests).toHaveLength(2);
  });

  it('keeps the list when a next page fails, and clears the error on the next attempt', async () => {
    const { requests, load } = source();
    const pager = createPager(load, () => undefined);
    const first = pager.first(new AbortController().signal);
    requests[0]!.resolve({ items: [1], nextCursor: 'c2' });
    await first;
    const failing = pager.more();
    const error = new Error('offline');
    requests[1]!.reject(error);
    await failing;
    expect(pager.state()).toEqual({ items: [1], cursor: 'c2', loadingMore: false, moreError: error });
    const retry = pager.more();
    expect(pager.state().moreError).toBeNull();
    requests[2]!.resolve({ items: [2], nextCursor: null });
    await retry;
    expect(pager.state().items).toEqual([1, 2]);
  });

  it('drops a next page that arrives after a new first page (a new filter), and a first page whose load was aborted', async () => {
    const { requests, load } = source();
    const pager = createPager(load, () => undefined);
    const first = pager.first(new AbortController().signal);
    requests[0]!.resolve({ items: [1], nextCursor: 'c2' });
    await first;
    const more = pager.more();
    const second = pager.first(new AbortController().signal);
    requests[2]!.resolve({ items: [10, 11], nextCursor: null });
    await second;
    requests[1]!.resolve({ items: [2], nextCursor: 'c3' });
    await more;
    expect(pager.state()).toEqual({ items: [10, 11], cursor: null, loadingMore: false, moreError: null });

    const aborted = new AbortController();
    const stale = pager.first(aborted.signal);
    aborted.abort();
    requests[3]!.resolve({ items: [99], nextCursor: null });
    await stale;
    expect(pager.state().items).toEqual([10, 11]);
  });

  it('rejects when the first page fails, leaving the list as it was', async () => {
    const { requests, load } = source();
    const pager = createPager(load, () => undefined);
    const first = pager.first(new AbortController().signal);
    requests[0]!.reject(new Error('down'));
    await expect(first).rejects.toThrow('down');
    await tick();
    expect(pager.state()).toEqual({ items: [], cursor: null, loadingMore: false, moreError: null });
  });

  it('changes loaded items in place', async () => {
    const { requests, load } = source();
    const pager = createPager(load, () => undefined);
    const first = pager.first(new AbortController().signal);
    requests[0]!.resolve({ items: [1, 2, 3], nextCursor: 'c4' });
    await first;
    pager.update((items) => items.map((item) => (item === 2 ? 20 : item)));
    expect(pager.state()).toEqual({ items: [1, 20, 3], cursor: 'c4', loadingMore: false, moreError: null });
  });
});
