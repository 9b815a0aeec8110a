// The client-side route table as data: a path → which screen, with its parameters. Pure, so it
// is unit-tested; router.tsx turns a match into a page. The API answers `/`, `/login`, `/console`,
// every path under `/console/` and `/facilities/*` with index.html.
import type { Domain } from '../api/inspections';

/** The inspection domains (as in api/inspections.ts, which this pure module does not import at run time). */
const DOMAINS: readonly Domain[] = ['fire', 'food', 'building', 'hygiene'];

export type Route =
  | { name: 'map' }
  | { name: 'facility'; id: string }
  | { name: 'login' }
  | { name: 'console' }
  | { name: 'operatorHome' }
  | { name: 'operatorNewFacility' }
  | { name: 'operatorFacility'; id: string }
  | { name: 'regulatorHome' }
  | { name: 'regulatorFacility'; id: string }
  | { name: 'regulatorInspect'; id: string; domain: Domain }
  | { name: 'regulatorChange'; id: string }
  | { name: 'orders' }
  | { name: 'plan' }
  | { name: 'dashboard' }
  | { name: 'incidents' }
  | { name: 'incident'; id: string }
  | { name: 'operatorReportIncident'; id: string }
  | { name: 'myApplications' }
  | { name: 'applyForm' }
  | { name: 'applicants'; id: string }
  | { name: 'complain' }
  | { name: 'followComplaint' }
  | { name: 'complaints' }
  | { name: 'credit' }
  | { name: 'notFound' };

const ID = '([0-9A-Za-z-]{1,64})';
const PATTERNS: [RegExp, (match: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'map' })],
  [new RegExp(`^/facilities/${ID}$`), (m) => ({ name: 'facility', id: m[1]! })],
  [/^\/login$/, () => ({ name: 'login' })],
  [/^\/console$/, () => ({ name: 'console' })],
  [/^\/console\/operator$/, () => ({ name: 'operatorHome' })],
  [/^\/console\/operator\/facilities\/new$/, () => ({ name: 'operatorNewFacility' })],
  [new RegExp(`^/console/operator/facilities/${ID}$`), (m) => ({ name: 'operatorFacility', id: m[1]! })],
  [new RegExp(`^/console/operator/facilities/${ID}/incidents/new$`), (m) => ({ name: 'operatorReportIncident', id: m[1]! })],
  [/^\/console\/regulator$/, () => ({ name: 'regulatorHome' })],
  [new RegExp(`^/console/regulator/facilities/${ID}$`), (m) => ({ name: 'regulatorFacility', id: m[1]! })],
  [new RegExp(`^/console/regulator/changes/${ID}$`), (m) => ({ name: 'regulatorChange', id: m[1]! })],
  [
    new RegExp(`^/console/regulator/facilities/${ID}/inspect/(${DOMAINS.join('|')})$`),
    (m) => ({ name: 'regulatorInspect', id: m[1]!, domain: m[2] as Domain }),
  ],
  [/^\/console\/orders$/, () => ({ name: 'orders' })],
  [/^\/console\/plan$/, () => ({ name: 'plan' })],
  [/^\/console\/dashboard$/, () => ({ name: 'dashboard' })],
  [/^\/console\/incidents$/, () => ({ name: 'incidents' })],
  [new RegExp(`^/console/incidents/${ID}$`), (m) => ({ name: 'incident', id: m[1]! })],
  [/^\/console\/applications$/, () => ({ name: 'myApplications' })],
  [/^\/console\/applications\/new$/, () => ({ name: 'applyForm' })],
  [new RegExp(`^/console/operator/facilities/${ID}/applicants$`), (m) => ({ name: 'applicants', id: m[1]! })],
  [/^\/complain$/, () => ({ name: 'complain' })],
  [/^\/complain\/track$/, () => ({ name: 'followComplaint' })],
  [/^\/console\/complaints$/, () => ({ name: 'complaints' })],
  [/^\/console\/credit$/, () => ({ name: 'credit' })],
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
  /** The parents' search (the map), with its query string (`?lat=…`, see pages/search/search-state.ts). */
  map: (query = '') => `/${query}`,
  /** A facility's public page. */
  facility: (id: string) => `/facilities/${encodeURIComponent(id)}`,
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  operatorHome: () => '/console/operator',
  operatorNewFacility: () => '/console/operator/facilities/new',
  operatorFacility: (id: string) => `/console/operator/facilities/${encodeURIComponent(id)}`,
  regulatorHome: () => '/console/regulator',
  regulatorFacility: (id: string, tab?: string) =>
    `/console/regulator/facilities/${encodeURIComponent(id)}${tab ? `?tab=${encodeURIComponent(tab)}` : ''}`,
  regulatorChange: (id: string) => `/console/regulator/changes/${encodeURIComponent(id)}`,
  regulatorInspect: (id: string, domain: Domain) => `/console/regulator/facilities/${encodeURIComponent(id)}/inspect/${domain}`,
  orders: (status?: string) => (status ? `/console/orders?status=${encodeURIComponent(status)}` : '/console/orders'),
  plan: () => '/console/plan',
  dashboard: () => '/console/dashboard',
  incidents: (status?: string) => (status ? `/console/incidents?status=${encodeURIComponent(status)}` : '/console/incidents'),
  incident: (id: string) => `/console/incidents/${encodeURIComponent(id)}`,
  operatorReportIncident: (id: string) => `/console/operator/facilities/${encodeURIComponent(id)}/incidents/new`,
  /** A parent's applications and offers. */
  myApplications: () => '/console/applications',
  /** A parent's application form, the facility chosen first. */
  apply: (facilityId: string) => `/console/applications/new?facility=${encodeURIComponent(facilityId)}`,
  /** An operator's applicants of one facility. */
  applicants: (facilityId: string) => `/console/operator/facilities/${encodeURIComponent(facilityId)}/applicants`,
  /** The public complaint form: about a facility, or (without one) a report of a provider at a place. */
  complain: (facilityId?: string) => (facilityId ? `/complain?facilityId=${encodeURIComponent(facilityId)}` : '/complain'),
  followComplaint: (code?: string) => (code ? `/complain/track?code=${encodeURIComponent(code)}` : '/complain/track'),
  complaints: () => '/console/complaints',
  credit: () => '/console/credit',
};

/** Console pages every signed-in role may open (besides its own console's pages). */
const SHARED_ROUTES: Partial<Record<Route['name'], readonly string[]>> = {
  orders: ['operator', 'regulator', 'admin'],
  plan: ['regulator', 'admin'],
  dashboard: ['regulator', 'admin'],
  incidents: ['operator', 'regulator', 'admin'],
  incident: ['operator', 'regulator', 'admin'],
  complaints: ['operator', 'regulator', 'admin'],
  credit: ['regulator', 'admin'],
};

/** Whether a page after login suits the role: its own console's pages, or a shared one the role may open. */
export function nextSuitsRole(next: string, role: string, home: string): boolean {
  if (next.startsWith(home)) return true;
  const allowed = SHARED_ROUTES[matchRoute(next.split(/[?#]/)[0]!).name];
  return allowed !== undefined && allowed.includes(role);
}

/** Only a same-site console path may be a `next` target after login (never another origin). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/console') || next.startsWith('//')) return null;
  return matchRoute(next.split(/[?#]/)[0]!).name === 'notFound' ? null : next;
}
