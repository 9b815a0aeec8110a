// Leaflet markers the app's way: contents are DOM nodes whose `textContent` is set (names are user input, never
// HTML), every marker has an accessible name, Enter and Space do what a click does, and markers piled on each other
// are moved apart on screen (spread.ts).
import * as L from 'leaflet';
import { spreadMarkers } from './spread';

/** An element with a class and plain text, for a marker's icon. */
export function textNode(tag: string, className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Sets the marker element's accessible name (and data attributes) each time Leaflet (re)creates it. */
export function labelMarker(marker: L.Marker, label: string, data: Record<string, string>): void {
  const apply = () => {
    const element = marker.getElement();
    if (!element) return;
    element.setAttribute('aria-label', label);
    for (const [key, value] of Object.entries(data)) element.dataset[key] = value;
  };
  marker.on('add', apply);
  apply();
}

/**
 * What a click on the marker does, also on Enter or Space while it has focus (Leaflet makes markers
 * focusable buttons but only opens popups on Enter).
 */
export function onActivate(marker: L.Marker, handler: () => void): void {
  marker.on('click', handler);
  marker.on('keypress', (event) => {
    const key = (event as L.LeafletKeyboardEvent).originalEvent;
    if (key.key !== 'Enter' && key.key !== ' ') return;
    key.preventDefault();
    handler();
  });
}

/** Moves markers piled on each other apart on screen (spread.ts), from their true positions at this zoom. */
export function spreadOnScreen(map: L.Map, markers: { marker: L.Marker; at: L.LatLng }[], spacing: number): void {
  const spread = spreadMarkers(
    markers.map(({ at }) => map.latLngToLayerPoint(at)),
    spacing,
  );
  markers.forEach(({ marker }, index) => marker.setLatLng(map.layerPointToLatLng(L.point(spread[index]!.x, spread[index]!.y))));
}
