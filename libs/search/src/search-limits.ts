/** The public API's bounds (docs/api.md "Public"), in one place. */
export const SEARCH_LIMITS = {
  /** Largest search radius, metres. */
  maxRadiusM: 50_000,
  defaultRadiusM: 3000,
  /** Results per nearby search. */
  maxResults: 100,
  defaultResults: 20,
  /** Oldest child a search may ask for, in completed months (under-3s only). */
  maxAgeMonths: 36,
  /** Most features one map answer carries, clustered beyond it. */
  maxMapFeatures: 500,
  /** Up to this zoom the map answers clusters only. */
  clusterThroughZoom: 12,
  maxZoom: 22,
  /** A name on the map is cut to this many characters (the facility page has it whole): bounds the payload. */
  mapNameLength: 40,
} as const;
