// A facility's public location on a small map: a marker, or for a home-based point (whose public
// location is approximate) a circle of about 200 m and no pin. Not interactive beyond panning and
// zooming; the page says the same in words.
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';
import { createBaseMap, loadMapBackground, type BaseMap } from '../../map/base-map';
import { labelZoomButtons } from '../../map/zoom-labels';

/** The radius drawn around an approximate (home-based) location, in metres (docs/domain.md 7: about 200 m). */
export const APPROXIMATE_RADIUS_M = 200;

export function FacilityMap({
  location,
  approximate,
  label,
}: {
  location: { lat: number; lng: number };
  approximate: boolean;
  label: string;
}) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let base: BaseMap | null = null;
    let live = true;
    void loadMapBackground().then((background) => {
      const container = containerRef.current;
      if (!live || !container) return;
      try {
        base = createBaseMap(container, background, { center: location, zoom: approximate ? 15 : 16 });
      } catch {
        setFailed(true);
        return;
      }
      setReady(true);
      const at = base.toDisplay(location);
      if (approximate) {
        L.circle(at, {
          radius: APPROXIMATE_RADIUS_M,
          interactive: false,
          color: '#1f4e79',
          weight: 2,
          dashArray: '6 5',
          fillColor: '#1f4e79',
          fillOpacity: 0.15,
        }).addTo(base.map);
      } else {
        const dot = document.createElement('span');
        L.marker(at, {
          icon: L.divIcon({ html: dot, className: 'facility-pin', iconSize: [24, 24] }),
          interactive: false,
          keyboard: false,
        }).addTo(base.map);
      }
    });
    return () => {
      live = false;
      base?.destroy();
    };
  }, [location.lat, location.lng, approximate]);

  useEffect(() => {
    if (ready) labelZoomButtons(containerRef.current, t.map);
  }, [ready, t]);

  if (failed) return null;
  return (
    <div class="facility-map" role="region" aria-label={label}>
      <div class="facility-map__canvas" ref={containerRef} />
    </div>
  );
}
