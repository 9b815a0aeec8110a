import { SEARCH_LIMITS } from './search-limits.js';
import { MAX_MERCATOR_LAT, WORLD_WIDTH_M, toMercator, type Xy } from './web-mercator.js';

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/**
 * `minLng,minLat,maxLng,maxLat` as a box, or null when it is not one: four finite numbers, longitudes within ±180,
 * latitudes within Web Mercator's ±85.05, min below max (a box across the antimeridian is two requests).
 */
export function parseBbox(text: unknown): Bbox | null {
  if (typeof text !== 'string') return null;
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => !/^\s*-?\d+(\.\d+)?\s*$/.test(p))) return null;
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as [number, number, number, number];
  const lngOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -MAX_MERCATOR_LAT && v <= MAX_MERCATOR_LAT;
  if (![minLng, maxLng].every(lngOk) || ![minLat, maxLat].every(latOk) || minLng >= maxLng || minLat >= maxLat) return null;
  return { minLng, minLat, maxLng, maxLat };
}

export interface MercatorBox {
  min: Xy;
  max: Xy;
}

export function mercatorBox(b: Bbox): MercatorBox {
  return { min: toMercator(b.minLng, b.minLat), max: toMercator(b.maxLng, b.maxLat) };
}

/** How many grid cells of side `cell` the box touches. */
export function cellsTouched(box: MercatorBox, cell: number): number {
  const span = (lo: number, hi: number) => Math.floor(hi / cell) - Math.floor(lo / cell) + 1;
  return span(box.min.x, box.max.x) * span(box.min.y, box.max.y);
}

/**
 * The side, in 3857 metres, of the square cells facilities are clustered in: about `clusterCellPx` screen pixels at
 * this zoom, widened until the box touches at most `maxMapFeatures` cells, so an answer never carries more clusters
 * than that however large the box (one cluster per cell).
 */
export function clusterCell(box: MercatorBox, zoom: number): number {
  let cell = (WORLD_WIDTH_M / (256 * 2 ** zoom)) * SEARCH_LIMITS.clusterCellPx;
  while (cellsTouched(box, cell) > SEARCH_LIMITS.maxMapFeatures) cell *= 1.25;
  return cell;
}
