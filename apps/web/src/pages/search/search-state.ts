// The parents' search as plain data, and its two spellings: the query string of `/` (shareable:
// reloading or sending the address repeats the search) and the query of
// `GET /public/facilities/nearby`. Pure, so it is unit-tested.
//
// `/?lat=43.88&lng=125.32&r=3000&age=14&affordable=1&vacancy=1&maxFee=3000&service=full_day&kind=centre`
// Unknown or out-of-range values are dropped (the search runs without them); `lang` is kept as is.
import { FACILITY_KIND_LABELS, SERVICE_TYPE_LABELS } from '@lib/standards';
import type { NearbyQuery, PublicKind, PublicServiceType } from '../../api/types';

export const RADII = [1000, 3000, 5000, 10000] as const;
export const DEFAULT_RADIUS = 3000;
export const MAX_RADIUS = 50_000;
export const MAX_AGE_MONTHS = 36;
/** Results asked for per search (the API allows up to 100). */
export const RESULT_LIMIT = 50;

// libs/standards' vocabularies, read through their words (labels.ts, which the first load carries anyway) so that the
// parents' first page does not take registry-types.ts and every other vocabulary with it (its 80 KB budget).
export const KINDS = Object.keys(FACILITY_KIND_LABELS) as readonly PublicKind[];
export const SERVICE_TYPES = Object.keys(SERVICE_TYPE_LABELS) as readonly PublicServiceType[];

export interface Point {
  lat: number;
  lng: number;
}

export interface SearchState {
  /** Where to search from; null until a place, the device's location or a map click sets it. */
  point: Point | null;
  radiusM: number;
  ageMonths: number | null;
  affordable: boolean;
  hasVacancy: boolean;
  /** CNY per month, inclusive. */
  maxFee: number | null;
  serviceType: PublicServiceType | null;
  kind: PublicKind | null;
}

export const EMPTY_SEARCH: SearchState = {
  point: null,
  radiusM: DEFAULT_RADIUS,
  ageMonths: null,
  affordable: false,
  hasVacancy: false,
  maxFee: null,
  serviceType: null,
  kind: null,
};

/** The search's own parameters; anything else in the query string (such as `lang`) is left alone. */
const OWN_PARAMS = ['lat', 'lng', 'r', 'age', 'affordable', 'vacancy', 'maxFee', 'service', 'kind'];

/**
 * The device's position as the search uses it: 3 decimals (about 100 m), so that a shared search address never
 * carries where the parent lives; results a hundred metres apart hardly differ.
 */
export function approximatePosition(lat: number, lng: number): Point {
  return { lat: Math.round(lat * 1e3) / 1e3, lng: Math.round(lng * 1e3) / 1e3 };
}

/** Coordinates in addresses: 5 decimals (about 1 m). */
export function roundCoord(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function integer(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function coordinate(value: string | null, limit: number): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

function flag(value: string | null): boolean {
  return value === '1' || value === 'true';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the search from a query string (`?lat=…` or `lat=…`). */
export function parseSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const lat = coordinate(params.get('lat'), 90);
  const lng = coordinate(params.get('lng'), 180);
  return {
    point: lat !== null && lng !== null ? { lat, lng } : null,
    radiusM: integer(params.get('r'), 1, MAX_RADIUS) ?? DEFAULT_RADIUS,
    ageMonths: integer(params.get('age'), 0, MAX_AGE_MONTHS),
    affordable: flag(params.get('affordable')),
    hasVacancy: flag(params.get('vacancy')),
    maxFee: integer(params.get('maxFee'), 0, 1_000_000),
    serviceType: oneOf(params.get('service'), SERVICE_TYPES),
    kind: oneOf(params.get('kind'), KINDS),
  };
}

/**
 * The query string for a search (`?lat=…`, or `''` for no search at all), keeping the parameters of
 * `current` that are not the search's own (such as `lang`) after it.
 */
export function searchQuery(state: SearchState, current = ''): string {
  const params = new URLSearchParams();
  if (state.point) {
    params.set('lat', String(roundCoord(state.point.lat)));
    params.set('lng', String(roundCoord(state.point.lng)));
  }
  if (state.point || state.radiusM !== DEFAULT_RADIUS) params.set('r', String(state.radiusM));
  if (state.ageMonths !== null) params.set('age', String(state.ageMonths));
  if (state.affordable) params.set('affordable', '1');
  if (state.hasVacancy) params.set('vacancy', '1');
  if (state.maxFee !== null) params.set('maxFee', String(state.maxFee));
  if (state.serviceType) params.set('service', state.serviceType);
  if (state.kind) params.set('kind', state.kind);
  for (const [name, value] of new URLSearchParams(current)) if (!OWN_PARAMS.includes(name)) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What to ask the API, or null while there is no point to search from. */
export function nearbyQuery(state: SearchState): NearbyQuery | null {
  if (!state.point) return null;
  return {
    lat: roundCoord(state.point.lat),
    lng: roundCoord(state.point.lng),
    radiusM: state.radiusM,
    ageMonths: state.ageMonths,
    affordable: state.affordable,
    hasVacancy: state.hasVacancy,
    maxFee: state.maxFee,
    serviceType: state.serviceType,
    kind: state.kind,
    limit: RESULT_LIMIT,
  };
}

/** How many of the "more filters" are in use (the point, radius and age aside), for their toggle. */
export function activeFilterCount(state: SearchState): number {
  return [state.affordable, state.hasVacancy, state.maxFee !== null, state.serviceType, state.kind].filter(Boolean).length;
}

/** The search without the "more filters" (point, radius and age kept). */
export function withoutFilters(state: SearchState): SearchState {
  return { ...EMPTY_SEARCH, point: state.point, radiusM: state.radiusM, ageMonths: state.ageMonths };
}

/** The radius options: the usual ones, plus an unusual radius from a shared address. */
export function radiusOptions(current: number): number[] {
  const options: number[] = [...RADII];
  if (!options.includes(current)) options.push(current);
  return options.sort((a, b) => a - b);
}
