// The search map's Leaflet instance, made once per page: the map with the app's defaults, the configured basemap
// (its failure to load reported, so the legend can say so and the map label itself), the controls first in the tab
// order, a click on the map as a new search point, the zoom buttons labelled in the page's language, and the map's
// size kept right while the page around it changes. `fitWhenSized` fits the view now, or once the map has a size
// (it may be folded away on a phone). The map fires `app:resized` after each size change it has applied.
import type * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLatest } from '../../../components/use-latest';
import type { Messages } from '../../../i18n/zh-CN';
import { addBasemap, createMap, displayTransform, keepSized, type DisplayTransform } from '../../../map/leaflet-setup';
import { labelZoomButtons } from '../../../map/zoom-labels';
import type { SearchMapProps } from './search-map-props';

/** Changchun, before anything else decides the view. */
const INITIAL_VIEW = { center: { lat: 43.9, lng: 125.3 }, zoom: 8 };

export interface SearchLeaflet {
  containerRef: { current: HTMLDivElement | null };
  /** The map, from the first effect on (null before and after). */
  mapRef: { readonly current: L.Map | null };
  /** Where things are drawn; chosen once per page, with the basemap. */
  transform: DisplayTransform;
  /** The basemap is configured but no tile loads (offline, or the host refuses). */
  tilesFailed: boolean;
  fitWhenSized: (fit: () => void) => void;
}

export function useLeafletMap(props: SearchMapProps, t: Messages): SearchLeaflet {
  const { mapConfig } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pendingFit = useRef<(() => void) | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const [transform] = useState(() => displayTransform(mapConfig));
  const live = useLatest(props);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap(container, { center: INITIAL_VIEW.center, zoom: INITIAL_VIEW.zoom, zoomSnap: 0.25, zoomDelta: 0.5 });
    mapRef.current = map;
    // Keyboard users meet the zoom buttons and the layer switch before the markers.
    const controls = container.querySelector('.leaflet-control-container');
    if (controls) container.prepend(controls);

    addBasemap(map, mapConfig, (available) => setTilesFailed(!available));
    map.on('click', (event: L.LeafletMouseEvent) => live.current.onPick(transform.fromDisplay(event.latlng)));

    const stop = keepSized(map, container, () => {
      const size = map.getSize();
      if (pendingFit.current && size.x > 0 && size.y > 0) {
        const fit = pendingFit.current;
        pendingFit.current = null;
        fit();
      }
      map.fire('app:resized'); // a map unfolded on a phone shows a new area
    });
    return () => {
      stop();
      pendingFit.current = null;
      map.remove();
      mapRef.current = null;
    };
    // The base map is chosen once per page (the page renders this map after loading its configuration).
  }, []);

  useEffect(() => labelZoomButtons(containerRef.current, t.map), [t]);

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

  return { containerRef, mapRef, transform, tilesFailed, fitWhenSized };
}
