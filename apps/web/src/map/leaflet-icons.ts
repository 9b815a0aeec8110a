// Leaflet finds its default marker images through a CSS url, which a bundler rewrites; point
// L.Icon.Default at the images Vite bundles instead, so markers work in the built app.
import * as L from 'leaflet';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

let done = false;

export function configureDefaultMarkerIcons(): void {
  if (done) return;
  done = true;
  delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
  L.Icon.Default.mergeOptions({ iconRetinaUrl, iconUrl, shadowUrl });
}
