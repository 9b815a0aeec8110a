// Leaflet's zoom buttons are labelled in English ("Zoom in"); label them in the page's language.
/** Sets the title and accessible name of the zoom buttons inside `container` (a map). */
export function labelZoomButtons(container: HTMLElement | null, labels: { zoomIn: string; zoomOut: string }): void {
  if (!container) return;
  for (const [selector, label] of [
    ['.leaflet-control-zoom-in', labels.zoomIn],
    ['.leaflet-control-zoom-out', labels.zoomOut],
  ] as const) {
    const button = container.querySelector(selector);
    button?.setAttribute('title', label);
    button?.setAttribute('aria-label', label);
  }
}
