// Types of the API answers this app reads (docs: API.md "Regions and targets", "Auth and users").
// Keep them in step with the OpenAPI document at /api/docs-json.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type RegionLevel = 'city' | 'district' | 'zone';

/** A region's figures, as in `GET /public/regions` and the boundaries' feature properties. */
export interface RegionProperties {
  code: string; // 6 digits, e.g. "220104"
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
  population: number;
  populationYear: number | null; // null when no population figure is loaded
  facilityCount: number;
  placeCount: number;
  affordablePlaceCount: number;
  placesPer1000: number; // two decimals
  target2025: number;
  target2035: number;
  shortfall2025: number;
  shortfall2035: number;
  updatedAt: string | null; // ISO 8601; null before the figures were first computed
}

/** `GET /public/regions/boundaries`: the 15 supervisory units. */
export type RegionBoundaries = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/** `GET /public/regions`: the city first, then its units. */
export interface RegionList {
  items: RegionProperties[];
}

export type TileCrs = 'wgs84' | 'gcj02';

/** `GET /public/map-config`: the base map. `tileUrl: null` means no tiles (boundaries only). */
export interface MapConfig {
  tileUrl: string | null;
  attribution: string;
  tileCrs: TileCrs;
}

/** RFC 9457 problem details, as every API error answers. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field?: string; code: string; message: string }[];
}

// Accounts (API.md "Auth and users").

export type Role = 'operator' | 'regulator' | 'admin';
export type Agency = 'health' | 'fire' | 'market' | 'housing';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  /** Regulators only. */
  agency?: Agency | null;
  /** Regulators only: `"220100"` (the whole city) or one unit. */
  regionCode?: string | null;
}
