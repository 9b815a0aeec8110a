// Anonymous endpoints under /api/v1/public: the units and the base map (the map layer), and the
// parents' search, map features and facility page.
import { getJson, type RequestOptions } from './client';
import type { MapConfig, NearbyList, NearbyQuery, PublicFacility, PublicMapFeatures, RegionBoundaries, RegionList } from './types';

export function fetchRegionBoundaries(options?: RequestOptions): Promise<RegionBoundaries> {
  return getJson<RegionBoundaries>('/public/regions/boundaries', options);
}

export function fetchRegions(options?: RequestOptions): Promise<RegionList> {
  return getJson<RegionList>('/public/regions', options);
}

export function fetchMapConfig(options?: RequestOptions): Promise<MapConfig> {
  return getJson<MapConfig>('/public/map-config', options);
}

/** The query string of `GET /public/facilities/nearby` (filters that are off are left out). */
export function nearbyQueryString(query: NearbyQuery): string {
  const params = new URLSearchParams();
  params.set('lat', String(query.lat));
  params.set('lng', String(query.lng));
  params.set('radiusM', String(Math.round(query.radiusM)));
  if (query.ageMonths !== null && query.ageMonths !== undefined) params.set('ageMonths', String(query.ageMonths));
  if (query.affordable) params.set('affordable', 'true');
  if (query.hasVacancy) params.set('hasVacancy', 'true');
  if (query.maxFee !== null && query.maxFee !== undefined) params.set('maxFee', String(query.maxFee));
  if (query.serviceType) params.set('serviceType', query.serviceType);
  if (query.kind) params.set('kind', query.kind);
  if (query.limit) params.set('limit', String(query.limit));
  return params.toString();
}

export function fetchNearby(query: NearbyQuery, options?: RequestOptions): Promise<NearbyList> {
  return getJson<NearbyList>(`/public/facilities/nearby?${nearbyQueryString(query)}`, options);
}

export function fetchPublicFacility(id: string, options?: RequestOptions): Promise<PublicFacility> {
  return getJson<PublicFacility>(`/public/facilities/${encodeURIComponent(id)}`, options);
}

/** `bbox` = [minLng, minLat, maxLng, maxLat] in WGS84; `zoom` 0..20. */
export function fetchMapFeatures(
  bbox: [number, number, number, number],
  zoom: number,
  options?: RequestOptions,
): Promise<PublicMapFeatures> {
  const box = bbox.map((value) => value.toFixed(5)).join(',');
  return getJson<PublicMapFeatures>(`/public/map?bbox=${box}&zoom=${Math.max(0, Math.min(20, Math.round(zoom)))}`, options);
}
