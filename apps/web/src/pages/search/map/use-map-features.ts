// The facilities in view, from `GET /public/map` (bbox and zoom): asked again after each move of the map (debounced,
// the previous request aborted), after a size change, when something asks (`app:reload-features`: a fit that may not
// have moved the view) and when the layer is switched on. Nothing is asked while the layer is off or the map has no
// size. A failure keeps the last features and is reported (the layer switch says so).
import { useEffect, useState } from 'preact/hooks';
import { fetchMapFeatures } from '../../../api/public';
import { useLatest } from '../../../components/use-latest';
import type { Lang } from '../../../i18n/language';
import { featuresBbox, type MapFeature } from './map-markers';
import type { SearchLeaflet } from './use-leaflet-map';

const FEATURES_DEBOUNCE_MS = 300;
const RELOAD_EVENTS = 'moveend app:reload-features app:resized';

export function useMapFeatures(leaflet: SearchLeaflet, enabled: boolean, lang: Lang): { features: MapFeature[]; failed: boolean } {
  const { mapRef, transform } = leaflet;
  const [features, setFeatures] = useState<MapFeature[]>([]);
  const [failed, setFailed] = useState(false);
  const live = useLatest({ enabled, lang });

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    let timer: number | undefined;
    let controller: AbortController | null = null;
    const load = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (!live.current.enabled) return;
        const size = map.getSize();
        if (size.x === 0 || size.y === 0) return;
        controller?.abort();
        const current = new AbortController();
        controller = current;
        const bounds = map.getBounds();
        const bbox = featuresBbox(transform.fromDisplay(bounds.getSouthWest()), transform.fromDisplay(bounds.getNorthEast()));
        fetchMapFeatures(bbox, map.getZoom(), { lang: live.current.lang, signal: current.signal }).then(
          (answer) => {
            if (current.signal.aborted) return;
            setFeatures(Array.isArray(answer?.features) ? answer.features : []);
            setFailed(false);
          },
          (error: unknown) => {
            if (current.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
            setFailed(true);
          },
        );
      }, FEATURES_DEBOUNCE_MS);
    };
    map.on(RELOAD_EVENTS, load);
    return () => {
      window.clearTimeout(timer);
      controller?.abort();
      map.off(RELOAD_EVENTS, load);
    };
  }, []);

  // Switching the layer on loads what is in view.
  useEffect(() => {
    if (enabled) mapRef.current?.fire('app:reload-features');
  }, [enabled]);

  return { features, failed };
}
