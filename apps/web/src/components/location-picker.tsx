// A facility's location: a small Leaflet map (click or drag the marker to set the point) and the
// latitude and longitude inputs (the keyboard way, and the exact one). Values are WGS84 strings as
// typed; the form parses them.
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { CHANGCHUN, createBaseMap, loadMapBackground, type BaseMap } from '../map/base-map';
import { parseNumber } from '../forms/form-values';
import { TextField } from './fields';

export interface LocationPickerProps {
  idPrefix: string;
  lat: string;
  lng: string;
  onChange: (lat: string, lng: string) => void;
  latErrors?: string[];
  lngErrors?: string[];
  disabled?: boolean;
}

function pointOf(lat: string, lng: string): { lat: number; lng: number } | null {
  const a = parseNumber(lat);
  const b = parseNumber(lng);
  return a !== null && b !== null && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? { lat: a, lng: b } : null;
}

export function LocationPicker({ idPrefix, lat, lng, onChange, latErrors, lngErrors, disabled }: LocationPickerProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<BaseMap | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;
  const initial = useRef(pointOf(lat, lng));

  useEffect(() => {
    let base: BaseMap | null = null;
    let live = true;
    void loadMapBackground().then((background) => {
      const container = containerRef.current;
      if (!live || !container) return;
      try {
        base = createBaseMap(container, background, { center: initial.current ?? CHANGCHUN, zoom: initial.current ? 14 : 10 });
      } catch {
        setFailed(true);
        return;
      }
      baseRef.current = base;
      const fix = (value: number) => value.toFixed(6);
      base.map.on('click', (event: L.LeafletMouseEvent) => {
        if (disabledRef.current || !base) return;
        const point = base.fromDisplay(event.latlng);
        onChangeRef.current(fix(point.lat), fix(point.lng));
      });
      setReady(true);
    });
    return () => {
      live = false;
      markerRef.current = null;
      baseRef.current = null;
      base?.destroy();
    };
  }, []);

  // The marker follows the inputs.
  useEffect(() => {
    const base = baseRef.current;
    if (!base) return;
    const point = pointOf(lat, lng);
    if (!point) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const shown = base.toDisplay(point);
    if (!markerRef.current) {
      const marker = L.marker(shown, {
        draggable: !disabled,
        keyboard: false,
        title: t.facility.fields.location,
        alt: t.facility.fields.location,
      });
      marker.on('dragend', () => {
        const moved = base.fromDisplay(marker.getLatLng());
        onChangeRef.current(moved.lat.toFixed(6), moved.lng.toFixed(6));
      });
      marker.addTo(base.map);
      markerRef.current = marker;
    } else {
      markerRef.current.setLatLng(shown);
    }
    if (!base.map.getBounds().pad(-0.1).contains(shown)) base.map.setView(shown, Math.max(base.map.getZoom(), 13), { animate: false });
  }, [lat, lng, ready, disabled, t]);

  return (
    <div class="location-picker">
      {failed ? (
        <p class="field__hint">{t.facility.mapUnavailable}</p>
      ) : (
        <div class="location-picker__map" ref={containerRef} role="application" aria-label={t.facility.mapLabel} />
      )}
      <div class="form-row">
        <TextField
          id={`${idPrefix}-location-lat`}
          label={t.facility.fields.lat}
          value={lat}
          inputMode="decimal"
          required
          disabled={disabled}
          errors={latErrors}
          onInput={(value) => onChange(value, lng)}
        />
        <TextField
          id={`${idPrefix}-location-lng`}
          label={t.facility.fields.lng}
          value={lng}
          inputMode="decimal"
          required
          disabled={disabled}
          errors={lngErrors}
          onInput={(value) => onChange(lat, value)}
        />
      </div>
    </div>
  );
}
