// Regions' figures over time and alerts (docs/targets.md). Every call sends the session's token.
import { apiRequest, type RequestOptions } from './client';
import { queryString } from './query';
import type { RegionList } from './types';
import type { AlertGroupListView, AlertView, QueryOf, RegionHistoryPointView, RegionHistoryView } from './contract.gen';

export type { AlertGroupView } from './contract.gen';

// The alert kinds (and their labels) are defined once, in libs/standards.
export { ALERT_KINDS, type AlertKind } from '@lib/standards';
export type AlertStatus = NonNullable<QueryOf<'GET /api/v1/alerts'>['status']>;

export type Alert = AlertView;
/** One day's figures; `target` is the plan's trajectory for the day's year, `derived` reconstructed from dates. */
export type HistoryPoint = RegionHistoryPointView;
export type RegionHistory = RegionHistoryView;

type AlertParameters = QueryOf<'GET /api/v1/alerts'>;

/** The alert list's filter, as the pages hold it (`kind: ''`: every kind). */
export interface AlertQuery {
  kind?: AlertParameters['kind'] | '' | undefined;
  status?: AlertParameters['status'] | undefined;
  limit?: AlertParameters['limit'];
  /** One group's alerts: a facility's, or a unit's own (about no facility). */
  facilityId?: AlertParameters['facilityId'];
  regionCode?: AlertParameters['regionCode'];
  cursor?: string | null | undefined;
}

/** `GET /regions` (signed in): the city first, then the 15 units. */
export async function listRegions(options?: RequestOptions): Promise<RegionList> {
  return (await apiRequest<RegionList>('GET', '/regions', options)).data;
}

export async function getRegionHistory(code: string, from: string, to: string, options?: RequestOptions): Promise<RegionHistory> {
  return (await apiRequest<RegionHistory>('GET', `/regions/${encodeURIComponent(code)}/history${queryString({ from, to })}`, options)).data;
}

export async function listAlerts(filter: AlertQuery, options?: RequestOptions): Promise<{ items: Alert[]; nextCursor: string | null }> {
  const { kind, status, facilityId, regionCode, limit, cursor } = filter;
  const path = `/alerts${queryString({ kind, status, facilityId, regionCode, limit, cursor })}`;
  const data = (await apiRequest<{ items: Alert[]; nextCursor?: string | null }>('GET', path, options)).data;
  return { items: data.items, nextCursor: data.nextCursor ?? null };
}

/** `GET /alerts/groups`: the open alerts by facility (and by unit for those about no facility), the most first. */
export async function listAlertGroups(
  filter: { kind?: AlertParameters['kind'] | '' | undefined; limit?: number; cursor?: string | null },
  options?: RequestOptions,
): Promise<AlertGroupListView> {
  return (await apiRequest<AlertGroupListView>('GET', `/alerts/groups${queryString(filter)}`, options)).data;
}
