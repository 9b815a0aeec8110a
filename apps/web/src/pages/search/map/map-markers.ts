// What the search map draws, decided without Leaflet: the box asked of `GET /public/map`, the facilities layer's
// clusters and dots (the search's results are left to their own numbered markers) and the results' markers,
// numbered as in the list, grey where no place is free (for the child's age when the search has one, issue #18
// item 1), with their accessible names. Pure (WGS84 in, descriptions out), so it is unit-tested; the hooks beside it turn the
// descriptions into Leaflet markers.
import type { MapFeatureProperties, NearbyItem, PublicMapFeatures } from '../../../api/types';
import { formatInteger } from '../../../i18n/format';
import type { Lang } from '../../../i18n/language';
import type { Messages } from '../../../i18n/zh-CN';
import type { LatLngLiteral } from '../../../map/gcj02';

export type MapFeature = PublicMapFeatures['features'][number];

/** Result markers (30 px) and clusters closer than this are spread apart so each can be told apart and tapped. */
export const MARKER_SPACING = 34;

/** `[west, south, east, north]` of the view, clamped to valid longitudes and latitudes. */
export function featuresBbox(southWest: LatLngLiteral, northEast: LatLngLiteral): [number, number, number, number] {
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return [clamp(southWest.lng, 180), clamp(southWest.lat, 90), clamp(northEast.lng, 180), clamp(northEast.lat, 90)];
}

/** A cluster's diameter in pixels, by how many facilities it stands for. */
export function clusterSize(count: number): number {
  return count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
}

export type BrowseMarker =
  | { kind: 'cluster'; at: LatLngLiteral; count: number; size: number; className: string }
  | { kind: 'facility'; at: LatLngLiteral; id: string; name: string; vacancies: number; className: string };

/**
 * The facilities layer: a marker per cluster and per single facility with a position, except the facilities the
 * search found (`resultIds`); while a search shows results (`searching`) everything here is muted.
 */
export function browseMarkers(features: readonly MapFeature[], resultIds: ReadonlySet<string>, searching: boolean): BrowseMarker[] {
  const markers: BrowseMarker[] = [];
  for (const feature of features) {
    const [lng, lat] = feature.geometry?.coordinates ?? [];
    if (typeof lat !== 'number' || typeof lng !== 'number') continue;
    const properties: MapFeatureProperties = feature.properties;
    if (properties.cluster) {
      markers.push({
        kind: 'cluster',
        at: { lat, lng },
        count: properties.count,
        size: clusterSize(properties.count),
        className: `cluster-marker${searching ? ' cluster-marker--muted' : ''}`,
      });
      continue;
    }
    if (resultIds.has(properties.id)) continue;
    const vacancies = properties.vacancies ?? 0;
    const classes = ['facility-dot', vacancies > 0 ? 'facility-dot--vacancy' : 'facility-dot--full'];
    if (properties.affordable) classes.push('facility-dot--affordable');
    if (searching) classes.push('facility-dot--muted');
    markers.push({ kind: 'facility', at: { lat, lng }, id: properties.id, name: properties.name, vacancies, className: classes.join(' ') });
  }
  return markers;
}

export interface ResultMarker {
  id: string;
  /** The result's number in the list (1-based; a result without a position keeps its number). */
  number: number;
  at: LatLngLiteral;
  name: string;
  /** Free places: with the child's age, those in the classes that take it (`vacanciesForAge`), as the card says. */
  vacancies: number;
  forAge: boolean;
  className: string;
}

/**
 * The results' markers, numbered as in the list; grey where no place is free (for the age when there is one), home-based
 * points marked as approximate.
 */
export function resultMarkers(results: readonly NearbyItem[]): ResultMarker[] {
  return results.flatMap((item, index) => {
    const lat = item.location?.lat;
    const lng = item.location?.lng;
    if (typeof lat !== 'number' || typeof lng !== 'number') return [];
    const forAge = item.vacanciesForAge !== undefined;
    const vacancies = item.vacanciesForAge ?? item.vacancies;
    const classes = ['result-marker'];
    if (vacancies === 0) classes.push('result-marker--full');
    if (item.kind === 'family') classes.push('result-marker--approximate');
    return [{ id: item.id, number: index + 1, at: { lat, lng }, name: item.name, vacancies, forAge, className: classes.join(' ') }];
  });
}

/** A result marker's accessible name and tooltip: its number, the name, and the free places the card gives first. */
export function resultMarkerLabel(marker: ResultMarker, t: Messages, lang: Lang): string {
  const count = formatInteger(marker.vacancies, lang);
  const places = marker.forAge
    ? marker.vacancies > 0
      ? t.search.vacanciesForAge(count)
      : t.search.noVacanciesForAge
    : marker.vacancies > 0
      ? t.search.vacancies(count)
      : t.search.noVacancies;
  return t.search.resultMarker(marker.number, marker.name, places);
}
