// The choropleth as a Leaflet layer: the units' boundaries coloured by places per 1,000 residents,
// each a focusable SVG path (class `region`, `aria-label` = its name) whose hover, tap or keyboard
// focus opens a tooltip with its figures. The search page switches it on and off; Leaflet draws a
// new <path> each time the layer is added, so the attributes are set on every `add`. Tooltip
// contents are rendered with Preact into elements Leaflet places.
import * as L from 'leaflet';
import { render } from 'preact';
import type { RegionBoundaries, RegionProperties } from '../../api/types';
import type { Lang } from '../../i18n/language';
import type { Messages } from '../../i18n/zh-CN';
import { colourFor } from '../../map/choropleth';
import { regionName } from './region-name';
import { RegionSummary } from './region-summary';

interface Unit {
  region: RegionProperties;
  layer: L.Polygon;
  tooltip: HTMLElement;
}

export interface UnitsLayer {
  layer: L.GeoJSON;
  /** Tooltip contents and accessible names in another language. */
  setLanguage: (lang: Lang, t: Messages) => void;
  /** Zooms to a unit and puts focus on it (which opens its tooltip). The layer must be on the map. */
  focusUnit: (map: L.Map, code: string) => void;
  destroy: () => void;
}

function regionStyle(region: RegionProperties): L.PathOptions {
  return {
    className: 'region',
    color: '#34495e',
    weight: 1.2,
    opacity: 1,
    fillColor: colourFor(region.placesPer1000),
    fillOpacity: 0.7,
  };
}

export function createUnitsLayer(
  boundaries: RegionBoundaries,
  coordsToLatLng: (coords: [number, number] | [number, number, number]) => L.LatLng,
  initial: { lang: Lang; t: Messages },
): UnitsLayer {
  const units = new Map<string, Unit>();
  let current = initial;

  const label = (unit: Unit) => {
    const path = unit.layer.getElement();
    if (!path) return;
    // SVG paths are not focusable by default: each unit is a tab stop whose focus opens its tooltip.
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'img');
    path.setAttribute('aria-label', regionName(unit.region, current.lang));
  };
  const fill = (unit: Unit) => {
    render(<RegionSummary region={unit.region} lang={current.lang} t={current.t} />, unit.tooltip);
    label(unit);
    if (unit.layer.isTooltipOpen()) unit.layer.getTooltip()?.update();
  };

  const layer = L.geoJSON(boundaries, {
    style: (feature) => (feature ? regionStyle(feature.properties as RegionProperties) : {}),
    coordsToLatLng,
    onEachFeature: (feature, featureLayer) => {
      const region = feature.properties as RegionProperties;
      const tooltip = document.createElement('div');
      featureLayer.bindTooltip(tooltip, { sticky: true, direction: 'top', opacity: 1, className: 'region-tooltip' });
      const unit: Unit = { region, layer: featureLayer as L.Polygon, tooltip };
      // One tooltip at a time (focus and the pointer can each open one).
      featureLayer.on('tooltipopen', () => {
        for (const other of units.values()) if (other.layer !== featureLayer) other.layer.closeTooltip();
      });
      featureLayer.on('add', () => label(unit));
      units.set(region.code, unit);
    },
  });
  for (const unit of units.values()) fill(unit);

  return {
    layer,
    setLanguage: (lang, t) => {
      current = { lang, t };
      for (const unit of units.values()) fill(unit);
    },
    focusUnit: (map, code) => {
      const unit = units.get(code);
      if (!unit) return;
      map.invalidateSize({ pan: false });
      map.fitBounds(unit.layer.getBounds(), { padding: [24, 24], maxZoom: 11, animate: false });
      const path = unit.layer.getElement() as (SVGElement & HTMLOrSVGElement) | undefined;
      if (path) path.focus({ preventScroll: true });
      else unit.layer.openTooltip();
    },
    destroy: () => {
      for (const unit of units.values()) render(null, unit.tooltip);
      units.clear();
      layer.remove();
    },
  };
}
