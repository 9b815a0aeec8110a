// The units on the search map: the choropleth layer (pages/map/units-layer.tsx) while it is shown, their plain
// outlines for orientation while it is off; both built once per set of boundaries. The layer follows the page's
// language, and "show on map" from the units panel zooms to a unit and focuses it (the page switches the layer on
// first).
import type * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import { useLatest } from '../../../components/use-latest';
import type { Lang } from '../../../i18n/language';
import type { Messages } from '../../../i18n/zh-CN';
import { boundaryOutlines } from '../../../map/leaflet-setup';
import { createUnitsLayer, type UnitsLayer } from '../../map/units-layer';
import type { SearchMapProps } from './search-map-props';
import type { SearchLeaflet } from './use-leaflet-map';

const OUTLINE_STYLE: L.PathOptions = { color: '#5b6775', weight: 1, opacity: 0.7, fill: false };

export function useUnitsLayers(
  leaflet: SearchLeaflet,
  props: SearchMapProps,
  lang: Lang,
  t: Messages,
): { readonly current: UnitsLayer | null } {
  const { mapRef, transform } = leaflet;
  const { boundaries, focusRequest } = props;
  const shown = props.layers.units && boundaries !== null;
  const unitsRef = useRef<UnitsLayer | null>(null);
  const outlinesRef = useRef<L.GeoJSON | null>(null);
  const live = useLatest({ lang, t });

  useEffect(() => {
    if (!boundaries) return;
    const outlines = boundaryOutlines(boundaries, transform, OUTLINE_STYLE);
    outlinesRef.current = outlines;
    const units = createUnitsLayer(boundaries, transform.coordsToLatLng, live.current);
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
    if (shown) {
      outlines.remove();
      units.layer.addTo(map);
      units.layer.bringToBack();
    } else {
      units.layer.remove();
      outlines.addTo(map);
      outlines.bringToBack();
    }
  }, [shown, boundaries]);

  useEffect(() => {
    unitsRef.current?.setLanguage(lang, t);
  }, [lang, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && focusRequest && shown) unitsRef.current?.focusUnit(map, focusRequest.code);
  }, [focusRequest]);

  return unitsRef;
}
