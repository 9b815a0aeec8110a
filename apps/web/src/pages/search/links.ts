// Links between the parents' pages. The facility page's "back" goes to the search the parent came
// from (remembered for this page load), and `?lang=` in the address travels along when present.
import { paths } from '../../router/routes';

let lastSearch = '';

/** The search page remembers its query string on every change. */
export function rememberSearch(query: string): void {
  lastSearch = query;
}

function langSuffix(prefix: '?' | '&'): string {
  const lang = new URLSearchParams(window.location.search).get('lang');
  return lang ? `${prefix}lang=${encodeURIComponent(lang)}` : '';
}

/** The last search of this page load (or the empty search page). */
export function searchHref(): string {
  if (lastSearch) return paths.map(lastSearch);
  return paths.map(langSuffix('?'));
}

/** A search around a point, e.g. "find others near here" on a facility page. */
export function searchNearHref(query: string): string {
  return paths.map(`${query}${langSuffix(query ? '&' : '?')}`);
}

/** A facility's page; from a search with a child's age, `?age=` makes the page show that age's places first. */
export function facilityHref(id: string, ageMonths: number | null = null): string {
  if (ageMonths === null) return `${paths.facility(id)}${langSuffix('?')}`;
  return `${paths.facility(id)}?age=${ageMonths}${langSuffix('&')}`;
}
