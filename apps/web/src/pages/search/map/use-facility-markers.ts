// The facilities layer: clusters (numbered circles; a click zooms in by 2) and single facilities (dots, green with
// vacancies; a click opens the facility's page), those the search found left to their numbered markers and the rest
// muted while a search shows results. Clusters of neighbouring grid cells overlap on the city overview, so they are
// spread apart (again when the features are redrawn after a zoom).
import * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import { useLatest } from '../../../components/use-latest';
import { formatInteger } from '../../../i18n/format';
import type { Lang } from '../../../i18n/language';
import type { Messages } from '../../../i18n/zh-CN';
import { labelMarker, onActivate, spreadOnScreen, textNode } from '../../../map/markers';
import { browseMarkers, MARKER_SPACING, type MapFeature } from './map-markers';
import type { SearchMapProps } from './search-map-props';
import type { SearchLeaflet } from './use-leaflet-map';

export function useFacilityMarkers(leaflet: SearchLeaflet, props: SearchMapProps, features: MapFeature[], lang: Lang, t: Messages): void {
  const { mapRef, transform } = leaflet;
  const { results } = props;
  const enabled = props.layers.facilities;
  // The layer's group, made with the first markers (it goes with the map).
  const groupRef = useRef<L.LayerGroup | null>(null);
  const live = useLatest(props);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = (groupRef.current ??= L.layerGroup().addTo(map));
    group.clearLayers();
    if (!enabled) return;
    const clusters: { marker: L.Marker; at: L.LatLng }[] = [];
    for (const item of browseMarkers(features, new Set(results.map((result) => result.id)), results.length > 0)) {
      const at = transform.toDisplay(item.at);
      if (item.kind === 'cluster') {
        const count = formatInteger(item.count, lang);
        const marker = L.marker(at, {
          icon: L.divIcon({
            html: textNode('span', 'cluster-marker__count', count),
            className: item.className,
            iconSize: [item.size, item.size],
          }),
          title: t.search.cluster(count),
          riseOnHover: true,
        });
        onActivate(marker, () => map.setView(at, Math.min(map.getZoom() + 2, 18)));
        labelMarker(marker, t.search.cluster(count), {});
        group.addLayer(marker);
        clusters.push({ marker, at });
      } else {
        const label = t.search.facilityMarker(item.name, formatInteger(item.vacancies, lang));
        const marker = L.marker(at, {
          icon: L.divIcon({ html: document.createElement('span'), className: item.className, iconSize: [16, 16] }),
          title: label,
          riseOnHover: true,
        });
        onActivate(marker, () => live.current.onOpenFacility(item.id));
        labelMarker(marker, label, { id: item.id });
        group.addLayer(marker);
      }
    }
    spreadOnScreen(map, clusters, MARKER_SPACING);
  }, [features, enabled, results, lang, t]);
}
