// The search map's controls, rendered with Preact into Leaflet controls: the layer switch (top right: the units'
// choropleth and the facilities layer, with a warning when the facilities cannot load) and the legend (bottom right,
// only while the units are shown). Both start folded on a small map (a phone), where they would cover it.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../i18n/language';
import type { Messages } from '../../../i18n/zh-CN';
import { addControlElement } from '../../../map/leaflet-setup';
import { Legend } from '../../map/legend';
import type { MapLayers, SearchMapProps } from './search-map-props';
import type { SearchLeaflet } from './use-leaflet-map';

/** Below this map height the legend starts folded (it would cover the map). */
const LEGEND_OPEN_MIN_HEIGHT = 480;

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

export function useMapControls(leaflet: SearchLeaflet, props: SearchMapProps, lang: Lang, t: Messages, featuresFailed: boolean): void {
  const { mapRef, tilesFailed } = leaflet;
  const { layers, boundaries, onLayersChange } = props;
  const unitsAvailable = boundaries !== null;
  const unitsShown = layers.units && unitsAvailable;
  const layersRef = useRef<HTMLElement | null>(null);
  const legendRef = useRef<HTMLElement | null>(null);
  const [open] = useState(() => window.innerHeight - 56 >= LEGEND_OPEN_MIN_HEIGHT && window.innerWidth >= 900);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const switchElement = addControlElement(map, 'topright', 'map-layers-control');
    const legendElement = addControlElement(map, 'bottomright', 'map-legend');
    layersRef.current = switchElement;
    legendRef.current = legendElement;
    return () => {
      render(null, switchElement);
      render(null, legendElement);
      layersRef.current = null;
      legendRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (layersRef.current)
      render(
        <LayerSwitch
          t={t}
          layers={layers}
          unitsAvailable={unitsAvailable}
          featuresFailed={featuresFailed}
          open={open}
          onChange={onLayersChange}
        />,
        layersRef.current,
      );
  }, [t, layers, unitsAvailable, featuresFailed, open, onLayersChange]);

  useEffect(() => {
    if (legendRef.current)
      render(unitsShown ? <Legend lang={lang} t={t} tilesFailed={tilesFailed} open={open} /> : null, legendRef.current);
  }, [lang, t, tilesFailed, unitsShown, open]);
}
