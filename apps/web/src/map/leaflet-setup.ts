// One Leaflet set-up for every map of the app (the search map, the dashboard map, the consoles' small maps): the
// map with the app's defaults, the configured basemap (tile template, subdomains, attribution), and where things
// are drawn: on a GCJ-02 tile grid (AMap, Tianditu's Chinese grid) every WGS84 point is shifted onto it and clicks
// and bounds are converted back. Without a basemap, or while it cannot load, offline-labels.ts orients people.
import * as L from 'leaflet';
import type { MapConfig, RegionBoundaries } from '../api/types';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLngLiteral } from './gcj02';

export interface DisplayTransform {
  /** Whether points are shifted onto a GCJ-02 grid. */
  gcj02: boolean;
  /** WGS84 → where Leaflet draws it. */
  toDisplay: (point: LatLngLiteral) => L.LatLng;
  /** A Leaflet point (a click, a corner of the view) → WGS84. */
  fromDisplay: (point: L.LatLng) => LatLngLiteral;
  /** GeoJSON coordinates ([lng, lat], WGS84) → where Leaflet draws them (for L.geoJSON's coordsToLatLng). */
  coordsToLatLng: (coords: number[]) => L.LatLng;
}

export function displayTransform(config: MapConfig | null): DisplayTransform {
  const gcj02 = !!config?.tileUrl && config.tileCrs === 'gcj02';
  const toDisplay = (point: LatLngLiteral) => {
    const shown = gcj02 ? wgs84ToGcj02(point.lat, point.lng) : point;
    return L.latLng(shown.lat, shown.lng);
  };
  return {
    gcj02,
    toDisplay,
    fromDisplay: (point) => (gcj02 ? gcj02ToWgs84(point.lat, point.lng) : { lat: point.lat, lng: point.lng }),
    coordsToLatLng: (coords) => toDisplay({ lat: coords[1] as number, lng: coords[0] as number }),
  };
}

/** A Leaflet map with the app's defaults (the prefix of the attribution says only "Leaflet"). */
export function createMap(container: HTMLElement, options: L.MapOptions): L.Map {
  const map = L.map(container, { minZoom: 5, maxZoom: 18, ...options });
  map.attributionControl.setPrefix('Leaflet');
  return map;
}

/**
 * The configured basemap, added to the map; null without one. `onState(true)` once a tile loaded, `onState(false)`
 * when tiles fail before any loaded (offline, or the host refuses): the map then says so and shows its labels.
 */
export function addBasemap(map: L.Map, config: MapConfig | null, onState?: (available: boolean) => void): L.TileLayer | null {
  if (!config?.tileUrl) return null;
  const tiles = L.tileLayer(config.tileUrl, {
    attribution: config.attribution,
    subdomains: config.subdomains.length > 0 ? config.subdomains : 'abc',
    maxZoom: 18,
  });
  let loadedAny = false;
  tiles.on('tileload', () => {
    loadedAny = true;
    onState?.(true);
  });
  tiles.on('tileerror', () => {
    if (!loadedAny) onState?.(false);
  });
  return tiles.addTo(map);
}

/**
 * Keeps Leaflet's idea of the map's size right while the page around it changes (panels open and close, a phone
 * folds the map away); `afterResize` runs after each change is applied. Returns the stop.
 */
export function keepSized(map: L.Map, container: HTMLElement, afterResize?: () => void): () => void {
  const observer = new ResizeObserver(() => {
    map.invalidateSize({ pan: false });
    afterResize?.();
  });
  observer.observe(container);
  return () => observer.disconnect();
}

/** The units' boundaries as plain lines (not clickable), drawn where the map draws (`transform`). */
export function boundaryOutlines(boundaries: RegionBoundaries, transform: DisplayTransform, style: L.PathOptions): L.GeoJSON {
  return L.geoJSON(boundaries, { interactive: false, style, coordsToLatLng: transform.coordsToLatLng });
}

/**
 * An empty Leaflet control at `position` for content rendered with Preact (the layer switch, the legend); clicks
 * and scrolls on it stay off the map.
 */
export function addControlElement(map: L.Map, position: L.ControlPosition, className: string): HTMLElement {
  let element: HTMLElement | null = null;
  const control = new L.Control({ position });
  control.onAdd = () => {
    element = L.DomUtil.create('div', `leaflet-control ${className}`);
    L.DomEvent.disableClickPropagation(element);
    L.DomEvent.disableScrollPropagation(element);
    return element;
  };
  control.addTo(map);
  return element!;
}
