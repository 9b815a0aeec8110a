// Without a basemap (none configured, or it cannot load) the search map names the units and, from zoom 11, the
// named places itself (map/offline-labels.ts), so that it still orients.
import { useEffect } from 'preact/hooks';
import type { Lang } from '../../../i18n/language';
import { createOfflineLabels } from '../../../map/offline-labels';
import type { SearchMapProps } from './search-map-props';
import type { SearchLeaflet } from './use-leaflet-map';

export function useOfflineLabels(leaflet: SearchLeaflet, props: SearchMapProps, lang: Lang): void {
  const { mapRef, transform, tilesFailed } = leaflet;
  const { boundaries } = props;
  const noBasemap = !props.mapConfig?.tileUrl || tilesFailed;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !noBasemap) return;
    const labels = createOfflineLabels(map, boundaries, props.places, lang, transform.toDisplay);
    labels.layer.addTo(map);
    return () => labels.destroy();
  }, [noBasemap, boundaries, lang]);
}
