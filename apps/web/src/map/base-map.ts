// The background of the console's small maps: the unit boundaries as thin outlines (always, so a
// point can be placed without tiles) and the configured tile layer when there is one. Coordinates
// are WGS84 in and out; on GCJ-02 tiles the map shows shifted points and converts clicks back.
import type * as L from 'leaflet';
import { fetchMapConfig, fetchRegionBoundaries } from '../api/public';
import type { MapConfig, RegionBoundaries } from '../api/types';
import { sharedResource } from '../components/shared-data';
import type { LatLngLiteral } from './gcj02';
import { configureDefaultMarkerIcons } from './leaflet-icons';
import { addBasemap, boundaryOutlines, createMap, displayTransform, keepSized } from './leaflet-setup';

export interface MapBackground {
  config: MapConfig | null;
  boundaries: RegionBoundaries | null;
}

/** The map configuration and the boundaries; each part optional (the maps work without either). */
const mapBackground = sharedResource<'city', MapBackground>(async () => {
  const [config, boundaries] = await Promise.all([fetchMapConfig().catch(() => null), fetchRegionBoundaries().catch(() => null)]);
  return { config, boundaries };
});

/** Loaded once per page load (components/shared-data.ts). */
export function loadMapBackground(): Promise<MapBackground> {
  return mapBackground.get('city');
}

export const CHANGCHUN: LatLngLiteral = { lat: 43.88, lng: 125.32 };

export interface BaseMap {
  map: L.Map;
  /** WGS84 → where Leaflet draws it. */
  toDisplay: (point: LatLngLiteral) => L.LatLng;
  /** A clicked Leaflet point → WGS84. */
  fromDisplay: (point: L.LatLng) => LatLngLiteral;
  destroy: () => void;
}

export function createBaseMap(
  container: HTMLElement,
  backgroundData: MapBackground,
  view: { center: LatLngLiteral; zoom: number },
): BaseMap {
  configureDefaultMarkerIcons();
  const tileUrl = backgroundData.config?.tileUrl ?? null;
  const transform = displayTransform(backgroundData.config);
  const { toDisplay, fromDisplay } = transform;

  const map = createMap(container, { center: toDisplay(view.center), zoom: view.zoom, minZoom: 7 });
  addBasemap(map, backgroundData.config);
  if (backgroundData.boundaries) {
    boundaryOutlines(backgroundData.boundaries, transform, {
      color: '#5b6775',
      weight: 1,
      opacity: 0.8,
      fillColor: '#dfe7ee',
      fillOpacity: tileUrl ? 0 : 0.5,
    }).addTo(map);
  }
  const stopSizing = keepSized(map, container);
  return {
    map,
    toDisplay,
    fromDisplay,
    destroy: () => {
      stopSizing();
      map.remove();
    },
  };
}
