// The names the app uses for the API's answers. Every type here is the OpenAPI document's (contract.gen.ts, generated
// by `npm run contract`); nothing is copied by hand. The boundaries are typed with @types/geojson around the
// document's RegionView, because Leaflet reads them as GeoJSON.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  LatestInspectionView,
  MapClusterPropertiesView,
  MapConfigView,
  MapFacilityPropertiesView,
  MapView,
  NearbyItemView,
  NearbyListView,
  ProblemView,
  PublicClassView,
  PublicFacilityView,
  PublicInspectionView,
  QueryOf,
  RegionListView,
  RegionView,
  UserView,
} from './contract.gen';

export type RegionLevel = RegionView['level'];

/** A region's figures, as in `GET /public/regions` and the boundaries' feature properties. */
export type RegionProperties = RegionView;

/** `GET /public/regions/boundaries`: the 15 supervisory units. */
export type RegionBoundaries = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/** `GET /public/regions`: the city first, then its units. */
export type RegionList = RegionListView;

/** `GET /public/map-config`: the base map. `tileUrl: null` means no tiles (boundaries only). */
export type MapConfig = MapConfigView;
export type TileCrs = MapConfig['tileCrs'];

/** RFC 9457 problem details, as every API error answers; the client reads any JSON with a title and a status. */
export type ProblemDetails = Pick<ProblemView, 'title' | 'status'> & Partial<ProblemView>;

// Accounts (docs/api.md "Auth and users").
export type SessionUser = UserView;
export type Role = UserView['role'];
export type Agency = NonNullable<UserView['agency']>;

// Public search, map and facility page (docs/api.md "Public (anonymous)").
export type PublicKind = NearbyItemView['kind'];
export type PublicServiceType = NearbyItemView['serviceTypes'][number];
export type PublicAgeGroup = NearbyItemView['ageGroups'][number];
export type PublicDomain = LatestInspectionView['domain'];
export type PublicOutcome = LatestInspectionView['outcome'];

/** The latest inspection of one domain, as the search results carry it. */
export type LatestInspection = LatestInspectionView;

/** `GET /public/facilities/nearby`: one result, nearest first. */
export type NearbyItem = NearbyItemView;
export type NearbyList = NearbyListView;

type NearbyParameters = QueryOf<'GET /api/v1/public/facilities/nearby'>;

/** The search's criteria as the app holds them (filters that are off are null or false); public.ts writes the query. */
export interface NearbyQuery {
  lat: NearbyParameters['lat'];
  lng: NearbyParameters['lng'];
  radiusM: number;
  ageMonths?: NearbyParameters['ageMonths'] | null;
  affordable?: boolean;
  hasVacancy?: boolean;
  maxFee?: NearbyParameters['maxFee'] | null;
  serviceType?: NearbyParameters['serviceType'] | null;
  kind?: NearbyParameters['kind'] | null;
  limit?: NearbyParameters['limit'];
}

export type PublicClass = PublicClassView;
export type PublicInspection = PublicInspectionView;

/** `GET /public/facilities/{id}`. */
export type PublicFacility = PublicFacilityView;

export type MapFeatureProperties = MapClusterPropertiesView | MapFacilityPropertiesView;

/** `GET /public/map`: clusters or single facilities in a box, at most 500. */
export type PublicMapFeatures = MapView;
