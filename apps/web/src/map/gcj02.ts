// WGS84 → GCJ-02 ("Mars coordinates"), the offset grid that tiles from Chinese providers such as
// AMap (高德) use. Pure functions, no dependencies. The widely published transform on the Krasovsky
// 1940 ellipsoid (a = 6378245 m, e² = 0.00669342162296594323); points outside China are returned
// unchanged, as the providers do not shift them.

const A = 6378245.0;
// Published as 0.00669342162296594323; this is the same double, written without digits it cannot hold.
const EE = 0.006693421622965943;

export interface LatLngLiteral {
  lat: number;
  lng: number;
}

/** The rough bounding box the providers apply the offset in. */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** Converts a WGS84 point to GCJ-02. The shift is a few hundred metres inside China. */
export function wgs84ToGcj02(lat: number, lng: number): LatLngLiteral {
  if (outOfChina(lat, lng)) return { lat, lng };
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/**
 * GCJ-02 → WGS84, for a point picked on GCJ-02 tiles: the forward transform inverted by fixed-point
 * iteration (the shift varies slowly, so a few rounds reach well under a centimetre).
 */
export function gcj02ToWgs84(lat: number, lng: number): LatLngLiteral {
  if (outOfChina(lat, lng)) return { lat, lng };
  let guess = { lat, lng };
  for (let i = 0; i < 10; i += 1) {
    const shifted = wgs84ToGcj02(guess.lat, guess.lng);
    const dLat = shifted.lat - lat;
    const dLng = shifted.lng - lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}
