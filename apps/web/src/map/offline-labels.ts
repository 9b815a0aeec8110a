// The map's own labels, for when there is no basemap (none configured, or offline): the units' names at their
// centres and, from zoom 11, the named places of data/changchun-places.csv, so that a parent still knows where a
// dot is. Decorative text (aria-hidden; the units table and the place list say the same), never clickable, drawn
// as DOM nodes with textContent.
import * as L from 'leaflet';
import type { RegionBoundaries } from '../api/types';
import type { Lang } from '../i18n/language';
import type { LatLngLiteral } from './gcj02';

export interface LabelPlace extends LatLngLiteral {
  name: string;
  nameEn: string;
}

/** Places are labelled from this zoom (below it they would cover the units' names). */
export const PLACE_LABELS_FROM_ZOOM = 11;

function label(text: string, className: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  element.setAttribute('aria-hidden', 'true');
  return element;
}

function labelMarker(at: L.LatLng, text: string, className: string): L.Marker {
  return L.marker(at, {
    icon: L.divIcon({ html: label(text, 'map-label__text'), className: `map-label ${className}`, iconSize: undefined }),
    interactive: false,
    keyboard: false,
  });
}

export interface OfflineLabels {
  layer: L.LayerGroup;
  destroy: () => void;
}

export function createOfflineLabels(
  map: L.Map,
  boundaries: RegionBoundaries | null,
  places: readonly LabelPlace[],
  lang: Lang,
  toDisplay: (point: LatLngLiteral) => L.LatLng,
): OfflineLabels {
  const layer = L.layerGroup();
  const units = L.layerGroup().addTo(layer);
  const named = L.layerGroup();
  for (const feature of boundaries?.features ?? []) {
    const region = feature.properties;
    if (region.level === 'city') continue;
    const bounds = L.geoJSON(feature).getBounds();
    if (!bounds.isValid()) continue;
    const centre = bounds.getCenter();
    const name = lang === 'en' ? region.nameEn || region.name : region.name;
    units.addLayer(labelMarker(toDisplay({ lat: centre.lat, lng: centre.lng }), name, 'map-label--unit'));
  }
  for (const place of places) {
    named.addLayer(labelMarker(toDisplay(place), lang === 'en' ? place.nameEn : place.name, 'map-label--place'));
  }
  const showPlaces = () => {
    if (map.getZoom() >= PLACE_LABELS_FROM_ZOOM) layer.addLayer(named);
    else layer.removeLayer(named);
  };
  showPlaces();
  map.on('zoomend', showPlaces);
  return {
    layer,
    destroy: () => {
      map.off('zoomend', showPlaces);
      layer.remove();
    },
  };
}
