// The Leaflet map: the units' boundaries coloured by places per 1,000 residents, a tooltip per
// unit (hover, tap or keyboard focus), the legend, and the optional tile layer from the API's
// map configuration. Leaflet owns the map's DOM; Preact renders the tooltip and legend contents
// into elements Leaflet places.
import * as L from 'leaflet';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MapConfig, RegionBoundaries, RegionProperties } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { Lang } from '../../i18n/language';
import type { Messages } from '../../i18n/zh-CN';
import { colourFor } from '../../map/choropleth';
import { wgs84ToGcj02 } from '../../map/gcj02';
import { configureDefaultMarkerIcons } from '../../map/leaflet-icons';
import { Legend } from './legend';
import { regionName } from './region-name';
import { RegionSummary } from './region-summary';

/** Changchun, before the boundaries arrive (then the map fits them). */
const INITIAL_VIEW = { center: L.latLng(43.9, 125.3), zoom: 8 };

export interface FocusRequest {
  code: string;
  /** Increments on every request, so asking for the same unit twice works. */
  seq: number;
}

export interface RegionMapProps {
  boundaries: RegionBoundaries;
  mapConfig: MapConfig | null;
  focusRequest: FocusRequest | null;
}

interface UnitLayer {
  region: RegionProperties;
  layer: L.Polygon;
  tooltip: HTMLElement;
}

function regionStyle(region: RegionProperties): L.PathOptions {
  return {
    className: 'region',
    color: '#34495e',
    weight: 1.2,
    opacity: 1,
    fillColor: colourFor(region.placesPer1000),
    fillOpacity: 0.8,
  };
}

/**
 * Padding for fitting the whole city. On a narrow map the width decides the zoom and leaves
 * height to spare: lift the city above the legend, which sits bottom right.
 */
function fitOptions(map: L.Map, legend: HTMLElement | null): L.FitBoundsOptions {
  const size = map.getSize();
  const legendHeight = legend?.offsetHeight ?? 0;
  const narrow = size.x < 600 && size.y - legendHeight > size.x * 1.1;
  return {
    paddingTopLeft: [8, 8],
    paddingBottomRight: [8, narrow ? legendHeight + 8 : 8],
    animate: false,
  };
}

function renderUnit(unit: UnitLayer, lang: Lang, t: Messages): void {
  render(<RegionSummary region={unit.region} lang={lang} t={t} />, unit.tooltip);
  const path = unit.layer.getElement();
  if (path) path.setAttribute('aria-label', regionName(unit.region, lang));
  if (unit.layer.isTooltipOpen()) unit.layer.getTooltip()?.update();
}

export function RegionMap({ boundaries, mapConfig, focusRequest }: RegionMapProps) {
  const { lang, t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const legendRef = useRef<HTMLElement | null>(null);
  const unitsRef = useRef(new Map<string, UnitLayer>());
  const [tilesFailed, setTilesFailed] = useState(false);
  // Effects that build layers read the current language through this ref.
  const langRef = useRef({ lang, t });
  langRef.current = { lang, t };

  // The map itself, once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    configureDefaultMarkerIcons();
    const map = L.map(container, {
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      minZoom: 5,
      maxZoom: 18,
    });
    map.attributionControl.setPrefix('Leaflet');

    const legend = new L.Control({ position: 'bottomright' });
    legend.onAdd = () => {
      const element = L.DomUtil.create('div', 'leaflet-control map-legend');
      L.DomEvent.disableClickPropagation(element);
      L.DomEvent.disableScrollPropagation(element);
      legendRef.current = element;
      return element;
    };
    legend.addTo(map);

    // The panel beside the map opens and closes: keep Leaflet's idea of the size right.
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(container);
    mapRef.current = map;
    return () => {
      observer.disconnect();
      if (legendRef.current) render(null, legendRef.current);
      legendRef.current = null;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Legend (before the units are fitted: a narrow map leaves room for it).
  useEffect(() => {
    if (legendRef.current) render(<Legend lang={lang} t={t} tilesFailed={tilesFailed} />, legendRef.current);
  }, [lang, t, tilesFailed]);

  // The base map, when one is configured. Without internet, tiles fail: that only shows a note.
  const tileUrl = mapConfig?.tileUrl ?? null;
  const attribution = mapConfig?.attribution ?? '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    let loadedAny = false;
    setTilesFailed(false);
    const tiles = L.tileLayer(tileUrl, { attribution, maxZoom: 18 });
    tiles.on('tileload', () => {
      loadedAny = true;
      setTilesFailed(false);
    });
    tiles.on('tileerror', () => {
      if (!loadedAny) setTilesFailed(true);
    });
    tiles.addTo(map);
    return () => {
      tiles.remove();
      setTilesFailed(false);
    };
  }, [tileUrl, attribution]);

  // The units. On GCJ-02 tiles every drawn coordinate is shifted onto that grid.
  const gcj02 = tileUrl !== null && mapConfig?.tileCrs === 'gcj02';
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const units = unitsRef.current;
    const layer = L.geoJSON(boundaries, {
      style: (feature) => (feature ? regionStyle(feature.properties as RegionProperties) : {}),
      coordsToLatLng: gcj02
        ? (coords) => {
            const shifted = wgs84ToGcj02(coords[1] as number, coords[0] as number);
            return L.latLng(shifted.lat, shifted.lng);
          }
        : L.GeoJSON.coordsToLatLng,
      onEachFeature: (feature, featureLayer) => {
        const region = feature.properties as RegionProperties;
        const tooltip = document.createElement('div');
        featureLayer.bindTooltip(tooltip, { sticky: true, direction: 'top', opacity: 1, className: 'region-tooltip' });
        // One tooltip at a time (focus and the pointer can each open one).
        featureLayer.on('tooltipopen', () => {
          for (const other of units.values()) if (other.layer !== featureLayer) other.layer.closeTooltip();
        });
        units.set(region.code, { region, layer: featureLayer as L.Polygon, tooltip });
      },
    });
    layer.addTo(map);

    const { lang: currentLang, t: currentT } = langRef.current;
    for (const unit of units.values()) {
      // SVG paths are not focusable by default: make each unit a tab stop whose focus opens its tooltip.
      const path = unit.layer.getElement();
      if (path) {
        path.setAttribute('tabindex', '0');
        path.setAttribute('role', 'img');
      }
      renderUnit(unit, currentLang, currentT);
    }

    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, fitOptions(map, legendRef.current));

    return () => {
      for (const unit of units.values()) render(null, unit.tooltip);
      units.clear();
      layer.remove();
    };
  }, [boundaries, gcj02]);

  // Language: tooltip contents and accessible names.
  useEffect(() => {
    for (const unit of unitsRef.current.values()) renderUnit(unit, lang, t);
  }, [lang, t]);

  // "Show on map" from the units panel: zoom to the unit and put focus on it (which opens its tooltip).
  useEffect(() => {
    const map = mapRef.current;
    const unit = focusRequest ? unitsRef.current.get(focusRequest.code) : undefined;
    if (!map || !unit) return;
    map.invalidateSize({ pan: false });
    map.fitBounds(unit.layer.getBounds(), { padding: [24, 24], maxZoom: 11, animate: false });
    const path = unit.layer.getElement() as (SVGElement & HTMLOrSVGElement) | undefined;
    if (path) path.focus({ preventScroll: true });
    else unit.layer.openTooltip();
  }, [focusRequest]);

  return (
    <div class="region-map" role="region" aria-label={t.map.ariaLabel}>
      <div class="region-map__canvas" ref={containerRef} />
    </div>
  );
}
