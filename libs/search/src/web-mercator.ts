/**
 * Spherical Web Mercator (EPSG:3857), as PostGIS transforms it: the search computes the query point and boxes here so
 * that its SQL compares the indexed `public_merc` column with plain parameters (never a cast or transform of the column).
 */
export const EARTH_RADIUS_M = 6378137;
/** The mean sphere on which distances are measured (PostGIS `ST_Distance(geography, geography, false)`). */
export const MEAN_EARTH_RADIUS_M = 6_371_008.8;
/** Mercator is undefined at the poles; 3857 stops here. */
export const MAX_MERCATOR_LAT = 85.05112878;
/** Width of the world in 3857 metres (one 256-px tile at zoom 0). */
export const WORLD_WIDTH_M = 2 * Math.PI * EARTH_RADIUS_M;

export interface Xy {
  x: number;
  y: number;
}

export function toMercator(lng: number, lat: number): Xy {
  const phi = (Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180;
  return { x: (EARTH_RADIUS_M * lng * Math.PI) / 180, y: EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + phi / 2)) };
}

/**
 * Half the side, in 3857 metres, of a box holding every point within `radiusM` true metres of latitude `lat`:
 * Mercator stretches distances by 1/cos(lat), more towards the pole, so the box uses the stretch at the circle's
 * poleward edge and can never cut the circle.
 */
export function mercatorRadius(radiusM: number, lat: number): number {
  const edgeLat = Math.min(MAX_MERCATOR_LAT, Math.abs(lat) + (radiusM / MEAN_EARTH_RADIUS_M) * (180 / Math.PI));
  // Distances are measured on the mean sphere; 3857 projects the (larger) equatorial one. A centimetre more, so that
  // floating-point rounding never cuts a point that lies on the circle.
  return (radiusM * (EARTH_RADIUS_M / MEAN_EARTH_RADIUS_M)) / Math.cos((edgeLat * Math.PI) / 180) + 0.01;
}

/** Great-circle distance on the mean sphere (R = 6,371,008.8 m), as `ST_Distance(geography, geography, false)` measures it. */
export function haversineM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
