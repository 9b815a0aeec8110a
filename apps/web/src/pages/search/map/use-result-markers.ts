// The search's results on the map: numbered markers (the list's numbers) in step with the list, grey where no place is
// free and named with the free places (for the child's age when the search has one: map-markers.ts); a click or Enter on
// one selects the result (the page scrolls its card into view). Markers on top of each other (one building, a small
// radius on a phone) are spread apart, again after each zoom; the result highlighted in the list is lit up.
import * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import { useLatest } from '../../../components/use-latest';
import type { Lang } from '../../../i18n/language';
import type { Messages } from '../../../i18n/zh-CN';
import { labelMarker, onActivate, spreadOnScreen, textNode } from '../../../map/markers';
import type { SearchMapProps } from './search-map-props';
import { MARKER_SPACING, resultMarkerLabel, resultMarkers } from './map-markers';
import type { SearchLeaflet } from './use-leaflet-map';

export function useResultMarkers(leaflet: SearchLeaflet, props: SearchMapProps, lang: Lang, t: Messages): void {
  const { mapRef, transform } = leaflet;
  const { results, activeId } = props;
  // The results' group, made with the first markers (it goes with the map).
  const groupRef = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, { marker: L.Marker; at: L.LatLng }>());
  const live = useLatest(props);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const group = (groupRef.current ??= L.layerGroup().addTo(map));
    group.clearLayers();
    markers.current.clear();
    for (const item of resultMarkers(results)) {
      const at = transform.toDisplay(item.at);
      const label = resultMarkerLabel(item, t, lang);
      const marker = L.marker(at, {
        icon: L.divIcon({
          html: textNode('span', 'result-marker__number', String(item.number)),
          className: item.className,
          iconSize: [30, 30],
          iconAnchor: [15, 15],
        }),
        title: label,
        zIndexOffset: 1000,
        riseOnHover: true,
      });
      onActivate(marker, () => live.current.onResultSelect(item.id));
      labelMarker(marker, label, { id: item.id, vacancies: String(item.vacancies) });
      group.addLayer(marker);
      markers.current.set(item.id, { marker, at });
    }
  }, [results, lang, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const placed = [...markers.current.values()];
    const layout = () => spreadOnScreen(map, placed, MARKER_SPACING);
    layout();
    map.on('zoomend viewreset resize', layout);
    return () => {
      map.off('zoomend viewreset resize', layout);
    };
  }, [results]);

  useEffect(() => {
    for (const [id, { marker }] of markers.current) {
      const active = id === activeId;
      marker.getElement()?.classList.toggle('result-marker--active', active);
      marker.setZIndexOffset(active ? 2000 : 1000);
    }
  }, [activeId, results]);
}
