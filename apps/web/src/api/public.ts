// Anonymous endpoints under /api/v1/public used by the map page.
import { getJson, type RequestOptions } from './client';
import type { MapConfig, RegionBoundaries, RegionList } from './types';

export function fetchRegionBoundaries(options?: RequestOptions): Promise<RegionBoundaries> {
  return getJson<RegionBoundaries>('/public/regions/boundaries', options);
}

export function fetchRegions(options?: RequestOptions): Promise<RegionList> {
  return getJson<RegionList>('/public/regions', options);
}

export function fetchMapConfig(options?: RequestOptions): Promise<MapConfig> {
  return getJson<MapConfig>('/public/map-config', options);
}
