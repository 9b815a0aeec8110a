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
  /** This year (Asia/Shanghai), its target on the plan's line between 2025 and 2035, and the places missing. */
  currentYear: number;
  targetCurrentYear: number;
  shortfallCurrentYear: number;
  /** Waiting applications whose first choice lies in the region, and by age group (issue #17). */
  waitingChildren?: number;
  waitingByAgeGroup?: { infant: number; toddler: number; preschool: number };
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
  /** What `{s}` in the template stands for. */
  subdomains: string[];
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

export type Role = 'operator' | 'regulator' | 'admin' | 'parent';
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

// Public search, map and facility page (API.md "Public (anonymous)").

export type PublicKind = 'centre' | 'kindergarten_class' | 'family' | 'employer' | 'community';
export type PublicServiceType = 'full_day' | 'half_day' | 'hourly' | 'temporary';
export type PublicAgeGroup = 'infant' | 'toddler' | 'preschool' | 'mixed';
export type PublicDomain = 'fire' | 'food' | 'building' | 'hygiene';
export type PublicOutcome = 'pass' | 'rectify' | 'fail';

/** The latest inspection of one domain, as the search results carry it. */
export interface LatestInspection {
  domain: PublicDomain;
  outcome: PublicOutcome;
  inspectedAt: string;
}

/** A facility's public fields (the search result and the facility page share them). */
export interface PublicFacilityBase {
  id: string;
  name: string;
  /** null for home-based points (`kind: "family"`), whose location is approximate. */
  address: string | null;
  regionCode: string;
  regionName: string;
  location: { lat: number; lng: number };
  kind: PublicKind;
  affordable: boolean;
  medicalIntegrated: boolean;
  /** CNY per month. */
  monthlyFee: number;
  serviceTypes: PublicServiceType[];
  ageGroups: PublicAgeGroup[];
  placeCount: number;
  vacancies: number;
  vacanciesUpdatedAt: string | null;
  vacanciesStale: boolean;
  registrationNo: string;
  latestInspections: LatestInspection[];
}

/** `GET /public/facilities/nearby`: one result, nearest first. */
export interface NearbyItem extends PublicFacilityBase {
  /** Metres from the search point (to the public, possibly approximate, location). */
  distanceM: number;
  /** With `ageMonths` only: free places in the classes that take the child, the oldest of their reports, and whether one is stale. */
  vacanciesForAge?: number;
  vacanciesForAgeUpdatedAt?: string | null;
  vacanciesForAgeStale?: boolean;
}

export interface NearbyList {
  items: NearbyItem[];
}

export interface NearbyQuery {
  lat: number;
  lng: number;
  radiusM: number;
  ageMonths?: number | null;
  affordable?: boolean;
  hasVacancy?: boolean;
  maxFee?: number | null;
  serviceType?: PublicServiceType | null;
  kind?: PublicKind | null;
  limit?: number;
}

export interface PublicClass {
  ageGroup: PublicAgeGroup;
  places: number;
  vacancies: number;
  updatedAt: string | null;
  stale: boolean;
}

export interface PublicInspection {
  domain: PublicDomain;
  outcome: PublicOutcome;
  inspectedAt: string;
  /** Plain language, in the language asked for (Accept-Language). */
  summary: string;
}

/** `GET /public/facilities/{id}`. */
export interface PublicFacility extends PublicFacilityBase {
  status: 'registered' | 'suspended';
  /** The operator's credit level and the facility's penalties of the last 3 years (revoked ones left out). */
  credit?: {
    level: 'A' | 'B' | 'C' | 'D';
    penalties: { kind: 'warning' | 'fine' | 'confiscation' | 'order_to_stop' | 'revocation'; decidedOn: string; legalBasis: string }[];
  };
  ownership: 'public' | 'private' | 'public_private';
  servesMeals: boolean;
  openingHours: string;
  phone: string | null;
  registeredAt: string | null;
  classes: PublicClass[];
  inspections: PublicInspection[];
  /** Substantiated serious and critical incidents of the last 3 years: kind, severity, date and finding only. */
  incidents?: {
    kind: 'injury' | 'illness' | 'food_poisoning' | 'abuse_allegation' | 'missing_child' | 'fire' | 'death' | 'other';
    severity: 'minor' | 'serious' | 'critical';
    occurredOn: string;
    finding: 'substantiated';
  }[];
}

export type MapFeatureProperties =
  { cluster: true; count: number } | { cluster: false; id: string; name: string; kind: PublicKind; vacancies: number; affordable: boolean };

/** `GET /public/map`: clusters or single facilities in a box, at most 500. */
export interface PublicMapFeatures {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: MapFeatureProperties }[];
  clustered: boolean;
}
