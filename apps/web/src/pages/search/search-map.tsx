// The search page's Leaflet map. Layers, bottom to top: the optional tiles; the units' choropleth
// (switchable, with its legend); every public facility in view from `GET /public/map` (clusters as
// numbered circles that zoom in, single facilities as dots that open their page; reloaded on
// `moveend`, debounced, a stale request aborted); the search point with its radius; the results as
// numbered markers (the list's numbers) in step with the list. A click on the map sets the search
// point. Coordinates are WGS84 in and out; on GCJ-02 tiles everything drawn is shifted onto that grid.
//
// Leaflet owns the map's DOM. Marker contents are DOM nodes whose `textContent` is set (facility
// names are user input: never HTML); the layer switch and the legend are rendered with Preact into
// Leaflet controls. The controls come first in the map's tab order (before hundreds of markers).
import * as L from 'leaflet';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchMapFeatures } from '../../api/public';
import type { MapConfig, NearbyItem, PublicMapFeatures, RegionBoundaries } from '../../api/types';
import { formatInteger } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/zh-CN';
import { addBasemap, createMap, displayTransform } from '../../map/leaflet-setup';
import { createOfflineLabels, type LabelPlace } from '../../map/offline-labels';
import { spreadMarkers } from '../../map/spread';
import { labelZoomButtons } from '../../map/zoom-labels';
import { Legend } from '../map/legend';
import { createUnitsLayer, type UnitsLayer } from '../map/units-layer';
import type { Point } from './search-state';

/** Changchun, before anything else decides the view. */
const INITIAL_VIEW = { center: L.latLng(43.9, 125.3), zoom: 8 };
const FEATURES_DEBOUNCE_MS = 300;
/** Result markers (30 px) and clusters closer than this are spread apart so each can be told apart and tapped. */
const MARKER_SPACING = 34;
/** Below this map height the legend starts folded (it would cover the map). */
const LEGEND_OPEN_MIN_HEIGHT = 480;

export interface FocusRequest {
  code: string;
  /** Increments on every request, so asking for the same unit twice works. */
  seq: number;
}

export interface MapLayers {
  units: boolean;
  facilities: boolean;
}

export interface SearchMapProps {
  boundaries: RegionBoundaries | null;
  mapConfig: MapConfig | null;
  layers: MapLayers;
  onLayersChange: (layers: MapLayers) => void;
  point: Point | null;
  radiusM: number;
  results: NearbyItem[];
  activeId: string | null;
  /** A result's marker was clicked (or Enter pressed on it). */
  onResultSelect: (id: string) => void;
  /** A click on the map: search from there. */
  onPick: (point: Point) => void;
  /** A single facility of the facilities layer was clicked: open its page. */
  onOpenFacility: (id: string) => void;
  focusRequest: FocusRequest | null;
  /** Named places, labelled on the map when there is no basemap (offline-labels.ts). */
  places: readonly LabelPlace[];
}

type Feature = PublicMapFeatures['features'][number];

function textNode(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Sets the marker element's accessible name each time Leaflet (re)creates it. */
function labelMarker(marker: L.Marker, label: string, data: Record<string, string>): void {
  const apply = () => {
    const element = marker.getElement();
    if (!element) return;
    element.setAttribute('aria-label', label);
    for (const [key, value] of Object.entries(data)) element.dataset[key] = value;
  };
  marker.on('add', apply);
  apply();
}

/**
 * What a click on the marker does, also on Enter or Space while it has focus (Leaflet makes markers
 * focusable buttons but only opens popups on Enter).
 */
function onActivate(marker: L.Marker, handler: () => void): void {
  marker.on('click', handler);
  marker.on('keypress', (event) => {
    const key = (event as L.LeafletKeyboardEvent).originalEvent;
    if (key.key !== 'Enter' && key.key !== ' ') return;
    key.preventDefault();
    handler();
  });
}

/** Moves markers piled on each other apart on screen (map/spread.ts), from their true positions at this zoom. */
function spreadOnScreen(map: L.Map, markers: { marker: L.Marker; at: L.LatLng }[]): void {
  const spread = spreadMarkers(
    markers.map(({ at }) => map.latLngToLayerPoint(at)),
    MARKER_SPACING,
  );
  markers.forEach(({ marker }, index) => marker.setLatLng(map.layerPointToLatLng(L.point(spread[index]!.x, spread[index]!.y))));
}

function clusterSize(count: number): number {
  return count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
}

function LayerSwitch({
  t,
  layers,
  unitsAvailable,
  featuresFailed,
  open,
  onChange,
}: {
  t: Messages;
  layers: MapLayers;
  unitsAvailable: boolean;
  featuresFailed: boolean;
  open: boolean;
  onChange: (layers: MapLayers) => void;
}) {
  return (
    <details class="map-layers" open={open}>
      <summary class="map-layers__title">{t.search.layers}</summary>
      <div role="group" aria-label={t.search.layers}>
        <label class="map-layers__option">
          <input
            type="checkbox"
            id="layer-units"
            checked={layers.units && unitsAvailable}
            disabled={!unitsAvailable}
            onChange={(event) => onChange({ ...layers, units: event.currentTarget.checked })}
          />
          <span>{t.search.unitsLayer}</span>
        </label>
        <label class="map-layers__option">
          <input
            type="checkbox"
            id="layer-facilities"
            checked={layers.facilities}
            onChange={(event) => onChange({ ...layers, facilities: event.currentTarget.checked })}
          />
          <span>{t.search.facilitiesLayer}</span>
        </label>
      </div>
      {featuresFailed && layers.facilities && <p class="map-layers__warning">{t.search.mapFeaturesFailed}</p>}
    </details>
  );
}

function controlElement(map: L.Map, position: L.ControlPosition, className: string): HTMLElement {
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

export function SearchMap(props: SearchMapProps) {
  const { boundaries, mapConfig, layers, point, radiusM, results, activeId, focusRequest } = props;
  const { lang, t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layersRef = useRef<HTMLElement | null>(null);
  const legendRef = useRef<HTMLElement | null>(null);
  const unitsRef = useRef<UnitsLayer | null>(null);
  const browseRef = useRef<L.LayerGroup | null>(null);
  const resultsRef = useRef<L.LayerGroup | null>(null);
  const resultMarkers = useRef(new Map<string, L.Marker>());
  const searchRef = useRef<{ marker: L.Marker; circle: L.Circle } | null>(null);
  const pendingFit = useRef<(() => void) | null>(null);
  const [features, setFeatures] = useState<Feature[]>([]);
  const [featuresFailed, setFeaturesFailed] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  // The legend and the layer switch start folded on a small map (a phone), where they would cover it.
  const [legendOpen] = useState(() => window.innerHeight - 56 >= LEGEND_OPEN_MIN_HEIGHT && window.innerWidth >= 900);
  // Handlers and the language, read by Leaflet's callbacks without rebuilding layers.
  const live = useRef({ props, lang, t });
  live.current = { props, lang, t };

  // The base map is chosen once per page (map/leaflet-setup.ts), so is where things are drawn.
  const transform = useRef(displayTransform(mapConfig));

  /** Fits now, or once the map has a size (it may be folded away on a phone). */
  const fitWhenSized = (fit: () => void) => {
    const map = mapRef.current;
    if (!map) return;
    const size = map.getSize();
    if (size.x > 0 && size.y > 0) {
      pendingFit.current = null;
      fit();
      map.fire('app:reload-features'); // the view may not have moved (no `moveend`)
    } else {
      pendingFit.current = fit;
    }
  };

  // The map, its controls, the tiles and the facilities layer's loading, once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { center: INITIAL_VIEW.center, zoom: INITIAL_VIEW.zoom, zoomSnap: 0.25, zoomDelta: 0.5 });
    mapRef.current = map;
    layersRef.current = controlElement(map, 'topright', 'map-layers-control');
    legendRef.current = controlElement(map, 'bottomright', 'map-legend');
    // Keyboard users meet the zoom buttons and the layer switch before the markers.
    const controls = container.querySelector('.leaflet-control-container');
    if (controls) container.prepend(controls);

    addBasemap(map, mapConfig, (available) => setTilesFailed(!available));

    browseRef.current = L.layerGroup().addTo(map);
    resultsRef.current = L.layerGroup().addTo(map);

    map.on('click', (event: L.LeafletMouseEvent) => live.current.props.onPick(transform.current.fromDisplay(event.latlng)));

    // Facilities in view: debounced after each move, the previous request aborted.
    let timer: number | undefined;
    let controller: AbortController | null = null;
    const loadFeatures = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (!live.current.props.layers.facilities) return;
        const size = map.getSize();
        if (size.x === 0 || size.y === 0) return;
        controller?.abort();
        const current = new AbortController();
        controller = current;
        const bounds = map.getBounds();
        const sw = transform.current.fromDisplay(bounds.getSouthWest());
        const ne = transform.current.fromDisplay(bounds.getNorthEast());
        const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
        fetchMapFeatures([clamp(sw.lng, 180), clamp(sw.lat, 90), clamp(ne.lng, 180), clamp(ne.lat, 90)], map.getZoom(), {
          lang: live.current.lang,
          signal: current.signal,
        }).then(
          (answer) => {
            if (current.signal.aborted) return;
            setFeatures(Array.isArray(answer?.features) ? answer.features : []);
            setFeaturesFailed(false);
          },
          (error: unknown) => {
            if (current.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
            setFeaturesFailed(true);
          },
        );
      }, FEATURES_DEBOUNCE_MS);
    };
    map.on('moveend', loadFeatures);
    map.on('app:reload-features', loadFeatures);

    // The page's panels open and close (and a phone may fold the map away): keep Leaflet's size right.
    const observer = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      const size = map.getSize();
      if (pendingFit.current && size.x > 0 && size.y > 0) {
        const fit = pendingFit.current;
        pendingFit.current = null;
        fit();
      }
      loadFeatures(); // a map unfolded on a phone shows a new area
    });
    observer.observe(container);

    return () => {
      window.clearTimeout(timer);
      controller?.abort();
      observer.disconnect();
      if (layersRef.current) render(null, layersRef.current);
      if (legendRef.current) render(null, legendRef.current);
      layersRef.current = null;
      legendRef.current = null;
      browseRef.current = null;
      resultsRef.current = null;
      resultMarkers.current.clear();
      searchRef.current = null;
      map.remove();
      mapRef.current = null;
    };
    // The base map is chosen once per page (the page renders this map after loading its configuration).
  }, []);

  // The layer switch and the legend (the legend only while the units are shown).
  useEffect(() => {
    if (layersRef.current)
      render(
        <LayerSwitch
          t={t}
          layers={layers}
          unitsAvailable={boundaries !== null}
          featuresFailed={featuresFailed}
          open={legendOpen}
          onChange={props.onLayersChange}
        />,
        layersRef.current,
      );
  }, [t, layers, boundaries, featuresFailed, legendOpen, props.onLayersChange]);
  const unitsShown = layers.units && boundaries !== null;
  useEffect(() => {
    if (legendRef.current)
      render(unitsShown ? <Legend lang={lang} t={t} tilesFailed={tilesFailed} open={legendOpen} /> : null, legendRef.current);
  }, [lang, t, tilesFailed, unitsShown, legendOpen]);

  // The units layer, built once per set of boundaries, and their plain outlines for orientation while it is off.
  const outlinesRef = useRef<L.GeoJSON | null>(null);
  useEffect(() => {
    if (!boundaries) return;
    const outlines = L.geoJSON(boundaries, {
      interactive: false,
      style: { color: '#5b6775', weight: 1, opacity: 0.7, fill: false },
      coordsToLatLng: (coords) => transform.current.toDisplay({ lat: coords[1], lng: coords[0] }),
    });
    outlinesRef.current = outlines;
    const units = createUnitsLayer(boundaries, (coords) => transform.current.toDisplay({ lat: coords[1], lng: coords[0] }), {
      lang: live.current.lang,
      t: live.current.t,
    });
    unitsRef.current = units;
    return () => {
      units.destroy();
      outlines.remove();
      unitsRef.current = null;
      outlinesRef.current = null;
    };
  }, [boundaries]);

  useEffect(() => {
    const map = mapRef.current;
    const units = unitsRef.current;
    const outlines = outlinesRef.current;
    if (!map || !units || !outlines) return;
    if (unitsShown) {
      outlines.remove();
      units.layer.addTo(map);
      units.layer.bringToBack();
    } else {
      units.layer.remove();
      outlines.addTo(map);
      outlines.bringToBack();
    }
  }, [unitsShown, boundaries]);

  useEffect(() => {
    unitsRef.current?.setLanguage(lang, t);
    labelZoomButtons(containerRef.current, t.map);
  }, [lang, t]);

  // The first view: the search area when there is a point, else the whole city.
  const fittedOnce = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || fittedOnce.current || point) return;
    fittedOnce.current = true;
    const bounds = unitsRef.current?.layer.getBounds();
    if (bounds?.isValid()) fitWhenSized(() => map.fitBounds(bounds, { padding: [8, 8], animate: false }));
    else map.fire('app:reload-features');
  }, [boundaries]);

  // The search point and its radius; a new point or radius shows the whole search area.
  const lat = point?.lat;
  const lng = point?.lng;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (lat === undefined || lng === undefined) {
      searchRef.current?.marker.remove();
      searchRef.current?.circle.remove();
      searchRef.current = null;
      return;
    }
    const shown = transform.current.toDisplay({ lat, lng });
    if (!searchRef.current) {
      const dot = document.createElement('span');
      dot.className = 'search-point__dot';
      const marker = L.marker(shown, {
        icon: L.divIcon({ html: dot, className: 'search-point', iconSize: [22, 22] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: 500,
      });
      const circle = L.circle(shown, {
        radius: radiusM,
        interactive: false,
        className: 'search-radius',
        color: '#1f4e79',
        weight: 2,
        dashArray: '6 5',
        fillColor: '#1f4e79',
        fillOpacity: 0.06,
      });
      circle.addTo(map);
      marker.addTo(map);
      searchRef.current = { marker, circle };
    } else {
      searchRef.current.marker.setLatLng(shown);
      searchRef.current.circle.setLatLng(shown);
      searchRef.current.circle.setRadius(radiusM);
    }
    fittedOnce.current = true;
    const circle = searchRef.current.circle;
    fitWhenSized(() => map.fitBounds(circle.getBounds(), { padding: [12, 12], animate: false }));
  }, [lat, lng, radiusM]);

  // Switching the facilities layer on loads what is in view.
  useEffect(() => {
    if (layers.facilities) mapRef.current?.fire('app:reload-features');
  }, [layers.facilities]);

  // The facilities layer: clusters and single facilities (results of the search are left to their own markers).
  useEffect(() => {
    const group = browseRef.current;
    const map = mapRef.current;
    if (!group || !map) return;
    group.clearLayers();
    if (!layers.facilities) return;
    const resultIds = new Set(results.map((item) => item.id));
    const searching = results.length > 0;
    const clusters: { marker: L.Marker; at: L.LatLng }[] = [];
    for (const feature of features) {
      const [fLng, fLat] = feature.geometry?.coordinates ?? [];
      if (typeof fLat !== 'number' || typeof fLng !== 'number') continue;
      const at = transform.current.toDisplay({ lat: fLat, lng: fLng });
      const properties = feature.properties;
      if (properties.cluster) {
        const size = clusterSize(properties.count);
        const count = formatInteger(properties.count, lang);
        const marker = L.marker(at, {
          icon: L.divIcon({
            html: textNode('span', 'cluster-marker__count', count),
            className: `cluster-marker${searching ? ' cluster-marker--muted' : ''}`,
            iconSize: [size, size],
          }),
          title: t.search.cluster(count),
          riseOnHover: true,
        });
        onActivate(marker, () => map.setView(at, Math.min(map.getZoom() + 2, 18)));
        labelMarker(marker, t.search.cluster(count), {});
        group.addLayer(marker);
        clusters.push({ marker, at });
      } else {
        if (resultIds.has(properties.id)) continue;
        const vacancies = formatInteger(properties.vacancies ?? 0, lang);
        const label = t.search.facilityMarker(properties.name, vacancies);
        const classes = ['facility-dot', properties.vacancies > 0 ? 'facility-dot--vacancy' : 'facility-dot--full'];
        if (properties.affordable) classes.push('facility-dot--affordable');
        if (searching) classes.push('facility-dot--muted');
        const marker = L.marker(at, {
          icon: L.divIcon({ html: document.createElement('span'), className: classes.join(' '), iconSize: [16, 16] }),
          title: label,
          riseOnHover: true,
        });
        onActivate(marker, () => live.current.props.onOpenFacility(properties.id));
        labelMarker(marker, label, { id: properties.id });
        group.addLayer(marker);
      }
    }
    // Clusters of neighbouring grid cells overlap on the city overview: spread them (they are redrawn after a zoom).
    spreadOnScreen(map, clusters);
  }, [features, layers.facilities, results, lang, t]);

  // Without a basemap (none configured, or it cannot load): the units' and places' names, so the map still orients.
  const noBasemap = !mapConfig?.tileUrl || tilesFailed;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !noBasemap) return;
    const labels = createOfflineLabels(map, boundaries, props.places, lang, transform.current.toDisplay);
    labels.layer.addTo(map);
    return () => labels.destroy();
  }, [noBasemap, boundaries, lang]);

  // The results: numbered as in the list.
  useEffect(() => {
    const group = resultsRef.current;
    if (!group) return;
    group.clearLayers();
    resultMarkers.current.clear();
    results.forEach((item, index) => {
      if (typeof item.location?.lat !== 'number' || typeof item.location?.lng !== 'number') return;
      const number = index + 1;
      const marker = L.marker(transform.current.toDisplay(item.location), {
        icon: L.divIcon({
          html: textNode('span', 'result-marker__number', String(number)),
          className: `result-marker${item.kind === 'family' ? ' result-marker--approximate' : ''}`,
          iconSize: [30, 30],
          iconAnchor: [15, 15],
        }),
        title: item.name,
        zIndexOffset: 1000,
        riseOnHover: true,
      });
      onActivate(marker, () => live.current.props.onResultSelect(item.id));
      labelMarker(marker, t.search.resultMarker(number, item.name), { id: item.id });
      group.addLayer(marker);
      resultMarkers.current.set(item.id, marker);
    });
  }, [results, t]);

  // Results on top of each other (one building, a small radius on a phone) are spread apart, again after each zoom.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const placed = results.flatMap((item) => {
      const marker = resultMarkers.current.get(item.id);
      return marker ? [{ marker, at: transform.current.toDisplay(item.location) }] : [];
    });
    const layout = () => spreadOnScreen(map, placed);
    layout();
    map.on('zoomend viewreset resize', layout);
    return () => {
      map.off('zoomend viewreset resize', layout);
    };
  }, [results]);

  // The highlighted result (hover or focus in the list, or its marker clicked).
  useEffect(() => {
    for (const [id, marker] of resultMarkers.current) {
      const active = id === activeId;
      marker.getElement()?.classList.toggle('result-marker--active', active);
      marker.setZIndexOffset(active ? 2000 : 1000);
    }
  }, [activeId, results]);

  // "Show on map" from the units panel: the units layer is on by then (the page switches it on).
  useEffect(() => {
    const map = mapRef.current;
    if (map && focusRequest && unitsShown) unitsRef.current?.focusUnit(map, focusRequest.code);
  }, [focusRequest]);

  return (
    <div class="search-map" role="region" aria-label={t.search.mapLabel}>
      <div class="search-map__canvas" ref={containerRef} />
    </div>
  );
}
