// Where the search map looks: at first the whole city (the units' extent) unless the address has a search point;
// then the search point and its radius circle, and every new point or radius fits the map to the circle.
import * as L from 'leaflet';
import { useEffect, useRef } from 'preact/hooks';
import type { UnitsLayer } from '../../map/units-layer';
import type { SearchMapProps } from './search-map-props';
import type { SearchLeaflet } from './use-leaflet-map';

function searchPointMarker(at: L.LatLng): L.Marker {
  const dot = document.createElement('span');
  dot.className = 'search-point__dot';
  return L.marker(at, {
    icon: L.divIcon({ html: dot, className: 'search-point', iconSize: [22, 22] }),
    interactive: false,
    keyboard: false,
    zIndexOffset: 500,
  });
}

function radiusCircle(at: L.LatLng, radiusM: number): L.Circle {
  return L.circle(at, {
    radius: radiusM,
    interactive: false,
    className: 'search-radius',
    color: '#1f4e79',
    weight: 2,
    dashArray: '6 5',
    fillColor: '#1f4e79',
    fillOpacity: 0.06,
  });
}

export function useSearchArea(leaflet: SearchLeaflet, unitsRef: { readonly current: UnitsLayer | null }, props: SearchMapProps): void {
  const { mapRef, transform, fitWhenSized } = leaflet;
  const { boundaries, point, radiusM } = props;
  const searchRef = useRef<{ marker: L.Marker; circle: L.Circle } | null>(null);
  const fittedOnce = useRef(false);

  // The first view: the search area when there is a point, else the whole city.
  useEffect(() => {
    const current = mapRef.current;
    if (!current || fittedOnce.current || point) return;
    fittedOnce.current = true;
    const bounds = unitsRef.current?.layer.getBounds();
    if (bounds?.isValid()) fitWhenSized(() => current.fitBounds(bounds, { padding: [8, 8], animate: false }));
    else current.fire('app:reload-features');
  }, [boundaries]);

  const lat = point?.lat;
  const lng = point?.lng;
  useEffect(() => {
    const current = mapRef.current;
    if (!current) return;
    if (lat === undefined || lng === undefined) {
      searchRef.current?.marker.remove();
      searchRef.current?.circle.remove();
      searchRef.current = null;
      return;
    }
    const shown = transform.toDisplay({ lat, lng });
    if (!searchRef.current) {
      const marker = searchPointMarker(shown);
      const circle = radiusCircle(shown, radiusM);
      circle.addTo(current);
      marker.addTo(current);
      searchRef.current = { marker, circle };
    } else {
      searchRef.current.marker.setLatLng(shown);
      searchRef.current.circle.setLatLng(shown);
      searchRef.current.circle.setRadius(radiusM);
    }
    fittedOnce.current = true;
    const circle = searchRef.current.circle;
    fitWhenSized(() => current.fitBounds(circle.getBounds(), { padding: [12, 12], animate: false }));
  }, [lat, lng, radiusM]);
}
