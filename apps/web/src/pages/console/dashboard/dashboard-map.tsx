// The dashboard's choropleth: the units coloured by places per 1,000 residents (the map page's
// classes and legend), the regulator's own unit outlined and zoomed to (city-level regulators see
// the whole city), the selected unit outlined too. A click, tap or Enter on a unit selects it.
// Leaflet owns the map's DOM; the legend (the map page's) sits below the map, so the map stays clear.
import * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import type { RegionBoundaries, RegionProperties } from '../../../api/types';
import { useConsoleI18n } from '../shared/console-text';
import type { MapBackground } from '../../../map/base-map';
import { colourFor } from '../../../map/choropleth';
import { addBasemap, createMap, displayTransform, keepSized } from '../../../map/leaflet-setup';
import { Legend } from '../../map/legend';
import { regionName } from '../../map/region-name';

export interface DashboardMapProps {
  background: MapBackground & { boundaries: RegionBoundaries };
  /** The current figures by code (the boundaries' own properties otherwise). */
  figures: Map<string, RegionProperties>;
  /** A unit regulator's unit; null for the whole city. */
  ownCode: string | null;
  selected: string;
  onSelect: (code: string) => void;
}

interface Unit {
  region: RegionProperties;
  layer: L.Polygon;
}

function style(region: RegionProperties, own: boolean, selected: boolean, dimmed: boolean): L.PathOptions {
  return {
    className: 'region',
    color: selected ? '#c2410c' : own ? '#1b1f24' : '#34495e',
    weight: selected ? 3.5 : own ? 3 : 1.2,
    opacity: 1,
    fillColor: colourFor(region.placesPer1000),
    fillOpacity: dimmed ? 0.35 : 0.8,
  };
}

export function DashboardMap({ background, figures, ownCode, selected, onSelect }: DashboardMapProps) {
  const { lang, t } = useConsoleI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const unitsRef = useRef(new Map<string, Unit>());
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  // The map, its legend and the units, once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { center: L.latLng(43.9, 125.3), zoom: 8, zoomSnap: 0.25 });
    addBasemap(map, background.config);
    const transform = displayTransform(background.config);

    const units = unitsRef.current;
    const layer = L.geoJSON(background.boundaries, {
      // The class is set once, here (Leaflet's setStyle does not change it); outlines follow below.
      style: (feature) => (feature ? style(feature.properties as RegionProperties, false, false, false) : {}),
      coordsToLatLng: transform.coordsToLatLng,
      onEachFeature: (feature, featureLayer) => {
        const region = feature.properties as RegionProperties;
        featureLayer.on('click', () => selectRef.current(region.code));
        units.set(region.code, { region, layer: featureLayer as L.Polygon });
      },
    }).addTo(map);
    for (const [code, unit] of units) {
      const path = unit.layer.getElement();
      if (!path) continue;
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'button');
      path.setAttribute('data-code', code);
      path.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          event.preventDefault();
          selectRef.current(code);
        }
      });
    }
    const own = ownCode ? units.get(ownCode) : undefined;
    const bounds = own ? own.layer.getBounds() : layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });

    const stopSizing = keepSized(map, container);
    mapRef.current = map;
    return () => {
      stopSizing();
      units.clear();
      map.remove();
      mapRef.current = null;
    };
  }, [background, ownCode]);

  // Colours, outlines and names follow the figures, the selection and the language.
  useEffect(() => {
    for (const [code, unit] of unitsRef.current) {
      const region = figures.get(code) ?? unit.region;
      const isOwn = code === ownCode;
      unit.layer.setStyle(style(region, isOwn, code === selected, ownCode !== null && !isOwn));
      if (isOwn || code === selected) unit.layer.bringToFront();
      const path = unit.layer.getElement();
      if (path) {
        const name = regionName(region, lang);
        path.setAttribute(
          'aria-label',
          isOwn ? (lang === 'en' ? `${name} (${t.dashboard.ownRegion})` : `${name}（${t.dashboard.ownRegion}）`) : name,
        );
        path.setAttribute('aria-pressed', code === selected ? 'true' : 'false');
        path.classList.toggle('region--own', isOwn);
        path.classList.toggle('region--selected', code === selected);
      }
    }
  }, [figures, ownCode, selected, lang, t]);

  return (
    <>
      <div class="dashboard-map" role="region" aria-label={t.dashboard.mapLabel}>
        <div class="dashboard-map__canvas" ref={containerRef} />
      </div>
      <div class="map-legend dashboard-legend">
        <Legend lang={lang} t={t} tilesFailed={false} />
      </div>
    </>
  );
}
