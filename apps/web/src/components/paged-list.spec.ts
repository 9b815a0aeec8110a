import { describe, expect, it } from '@jest/globals';
import { appendPage, emptyPages, firstPage } from './paged-list';

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
