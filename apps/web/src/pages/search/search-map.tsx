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
//
// Each part is a hook in ./map/ (the map instance, the features in view, the controls, the units, the search
// area, the facilities layer, the offline labels, the results); what they draw is decided in map/map-markers.ts
// (pure, unit-tested). The hooks run in this order, which is the order their effects run in.
import { useI18n } from '../../i18n/i18n';
import { useMapControls } from './map/map-controls';
import type { FocusRequest, MapLayers, SearchMapProps } from './map/search-map-props';
import { useFacilityMarkers } from './map/use-facility-markers';
import { useLeafletMap } from './map/use-leaflet-map';
import { useMapFeatures } from './map/use-map-features';
import { useOfflineLabels } from './map/use-offline-labels';
import { useResultMarkers } from './map/use-result-markers';
import { useSearchArea } from './map/use-search-area';
import { useUnitsLayers } from './map/use-units-layers';

export type { FocusRequest, MapLayers, SearchMapProps };

export function SearchMap(props: SearchMapProps) {
  const { lang, t } = useI18n();
  const leaflet = useLeafletMap(props, t);
  const features = useMapFeatures(leaflet, props.layers.facilities, lang);
  useMapControls(leaflet, props, lang, t, features.failed);
  const unitsRef = useUnitsLayers(leaflet, props, lang, t);
  useSearchArea(leaflet, unitsRef, props);
  useFacilityMarkers(leaflet, props, features.features, lang, t);
  useOfflineLabels(leaflet, props, lang);
  useResultMarkers(leaflet, props, lang, t);

  return (
    <div class="search-map" role="region" aria-label={t.search.mapLabel}>
      <div class="search-map__canvas" ref={leaflet.containerRef} />
    </div>
  );
}
