// The placement plan on a map: the closing facility, each receiving facility (its location from
// `GET /facilities/{id}`; one the caller may not see is left out and counted), and a line from the
// closing one to each. Colours are paired with a legend in words.
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getFacility, type LatLng } from '../../../api/registry';
import { useConsoleI18n } from './console-text';
import { createBaseMap, loadMapBackground, type BaseMap } from '../../../map/base-map';

export interface PlacementMapProps {
  origin: LatLng;
  originName: string;
  receivers: { facilityId: string; name: string }[];
}

/** Tooltip content as text: Leaflet would insert a string as HTML, and names are user input. */
function textElement(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

const ORIGIN_COLOUR = '#b3261e';
const RECEIVER_COLOUR = '#1f4e79';

export function PlacementMap({ origin, originName, receivers }: PlacementMapProps) {
  const { lang, t } = useConsoleI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const [missing, setMissing] = useState(0);
  const receiverKey = receivers.map((receiver) => receiver.facilityId).join(',');

  useEffect(() => {
    let base: BaseMap | null = null;
    let live = true;
    const controller = new AbortController();
    void Promise.all([
      loadMapBackground(),
      Promise.allSettled(receivers.map((receiver) => getFacility(receiver.facilityId, { lang, signal: controller.signal }))),
    ]).then(([background, answers]) => {
      const container = containerRef.current;
      if (!live || !container) return;
      base = createBaseMap(container, background, { center: origin, zoom: 13 });
      const map = base.map;
      const from = base.toDisplay(origin);
      const points: L.LatLng[] = [from];
      let unknown = 0;
      answers.forEach((answer, index) => {
        const receiver = receivers[index]!;
        const location = answer.status === 'fulfilled' ? answer.value.data.location : undefined;
        if (!location) {
          unknown += 1;
          return;
        }
        const to = base!.toDisplay(location);
        points.push(to);
        L.polyline([from, to], { color: RECEIVER_COLOUR, weight: 2, opacity: 0.7, dashArray: '6 4', interactive: false }).addTo(map);
        L.circleMarker(to, { radius: 7, color: '#fff', weight: 2, fillColor: RECEIVER_COLOUR, fillOpacity: 1 })
          .bindTooltip(textElement(t.placement.point(t.placement.receivingFacility, receiver.name)))
          .addTo(map);
      });
      // A ring, so a receiving facility at (nearly) the same place still shows inside it.
      L.circleMarker(from, { radius: 12, color: ORIGIN_COLOUR, weight: 4, fillColor: ORIGIN_COLOUR, fillOpacity: 0.12 })
        .bindTooltip(textElement(t.placement.point(t.placement.closingFacility, originName)))
        .addTo(map);
      if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15, animate: false });
      setMissing(unknown);
    });
    return () => {
      live = false;
      controller.abort();
      base?.destroy();
    };
    // Drawn again when the plan's receivers, the origin or the language change.
  }, [receiverKey, origin.lat, origin.lng, originName, lang]);

  return (
    <figure class="placement-map">
      <div class="placement-map__canvas" ref={containerRef} role="img" aria-label={t.placement.mapLabel} />
      <figcaption class="map-key">
        <span>
          <span class="map-key__dot map-key__dot--ring" style={{ borderColor: ORIGIN_COLOUR }} aria-hidden="true" />{' '}
          {t.placement.closingFacility}
        </span>
        <span>
          <span class="map-key__dot" style={{ background: RECEIVER_COLOUR }} aria-hidden="true" /> {t.placement.receivingFacility}
        </span>
        {missing > 0 && <span class="item-card__warning">{t.placement.locationUnknown(missing)}</span>}
      </figcaption>
    </figure>
  );
}
