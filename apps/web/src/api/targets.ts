// Regions' figures over time and alerts (docs/targets.md). Every call sends the session's token.
import { apiRequest, type RequestOptions } from './client';
import type { RegionList } from './types';

export const ALERT_KINDS = [
  'filing_document_expiring',
  'health_certificate_expiring',
  'qualification_expiring',
  'rectification_overdue',
  'ratio_breach',
  'staff_multi_listed',
  'background_check_due',
  'region_below_target',
  'incident_unacknowledged',
  'incident_reported_late',
  'illness_cluster',
  'drill_overdue',
  'demand_exceeds_vacancies',
  'filing_review_overdue',
  'affordable_recognition_expiring',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertStatus = 'open' | 'resolved';

export interface Alert {
  id: string;
  kind: AlertKind;
  subject: { type: string; id: string };
  facilityId?: string | null;
  regionCode?: string | null;
  /** Chinese. */
  message: string;
  messageEn: string;
  dueOn?: string | null;
  createdAt: string;
  resolvedAt?: string | null;
}

export interface HistoryPoint {
  day: string;
  facilityCount: number;
  placeCount: number;
  affordablePlaceCount: number;
  population: number;
  placesPer1000: number;
  /** The plan's trajectory for the day's year. */
  target: number;
  /** Reconstructed from registration dates (before snapshots existed). */
  derived: boolean;
}

export interface RegionHistory {
  code: string;
  items: HistoryPoint[];
}

export interface AlertQuery {
  kind?: AlertKind | '' | undefined;
  status?: AlertStatus | undefined;
  limit?: number;
  cursor?: string | null | undefined;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `GET /regions` (signed in): the city first, then the 15 units. */
export async function listRegions(options?: RequestOptions): Promise<RegionList> {
  return (await apiRequest<RegionList>('GET', '/regions', options)).data;
}

export async function getRegionHistory(code: string, from: string, to: string, options?: RequestOptions): Promise<RegionHistory> {
  return (await apiRequest<RegionHistory>('GET', `/regions/${encodeURIComponent(code)}/history${query({ from, to })}`, options)).data;
}

export async function listAlerts(filter: AlertQuery, options?: RequestOptions): Promise<{ items: Alert[]; nextCursor: string | null }> {
  const path = `/alerts${query({ kind: filter.kind, status: filter.status, limit: filter.limit, cursor: filter.cursor })}`;
  const data = (await apiRequest<{ items: Alert[]; nextCursor?: string | null }>('GET', path, options)).data;
  return { items: data.items, nextCursor: data.nextCursor ?? null };
}
