// A list read a page at a time (`{ items, nextCursor }`): the first page replaces the list, "load more" appends
// the next. Pure, unit-tested; use-paged-list.tsx binds it to a component.

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
