// The client-side route table as data: a path → which screen, with its parameters. Pure, so it
// is unit-tested; router.tsx turns a match into a page. The API answers `/`, `/login`, `/console`
// and every path under `/console/` with index.html.

export type Route =
  | { name: 'map' }
  | { name: 'login' }
  | { name: 'console' }
  | { name: 'operatorHome' }
  | { name: 'operatorNewFacility' }
  | { name: 'operatorFacility'; id: string }
  | { name: 'regulatorHome' }
  | { name: 'regulatorFacility'; id: string }
  | { name: 'notFound' };

const ID = '([0-9A-Za-z-]{1,64})';
const PATTERNS: [RegExp, (match: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'map' })],
  [/^\/login$/, () => ({ name: 'login' })],
  [/^\/console$/, () => ({ name: 'console' })],
  [/^\/console\/operator$/, () => ({ name: 'operatorHome' })],
  [/^\/console\/operator\/facilities\/new$/, () => ({ name: 'operatorNewFacility' })],
  [new RegExp(`^/console/operator/facilities/${ID}$`), (m) => ({ name: 'operatorFacility', id: m[1]! })],
  [/^\/console\/regulator$/, () => ({ name: 'regulatorHome' })],
  [new RegExp(`^/console/regulator/facilities/${ID}$`), (m) => ({ name: 'regulatorFacility', id: m[1]! })],
];

/** `/index.html` is `/`, and one trailing slash is ignored (`/console/` is `/console`). */
export function normalisePath(pathname: string): string {
  const path = pathname.replace(/\/index\.html$/, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

export function matchRoute(pathname: string): Route {
  const path = normalisePath(pathname);
  for (const [pattern, build] of PATTERNS) {
    const match = path.match(pattern);
    if (match) return build(match);
  }
  return { name: 'notFound' };
}

export const paths = {
  map: () => '/',
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  operatorHome: () => '/console/operator',
  operatorNewFacility: () => '/console/operator/facilities/new',
  operatorFacility: (id: string) => `/console/operator/facilities/${encodeURIComponent(id)}`,
  regulatorHome: () => '/console/regulator',
  regulatorFacility: (id: string) => `/console/regulator/facilities/${encodeURIComponent(id)}`,
};

/** Only a same-site console path may be a `next` target after login (never another origin). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/console') || next.startsWith('//')) return null;
  return matchRoute(next.split(/[?#]/)[0]!).name === 'notFound' ? null : next;
}
