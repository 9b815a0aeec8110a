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
 * The map's cells: at level L the world's width is cut into 2^L square cells (L = zoom + 2 is 64 screen pixels a cell
 * on 256-px tiles), so that every cell of a level is exactly four of the next: fixed cells, which the grid
 * (map_grid_cells, kept by the worker) can count in advance for the levels the low zooms use.
 */
export const LEVELS_ABOVE_ZOOM = 2;
/** The grid keeps the levels through this one: those of the zooms that answer clusters only. */
export const GRID_MAX_LEVEL = SEARCH_LIMITS.clusterThroughZoom + LEVELS_ABOVE_ZOOM;

/** The side of a level's cells, in 3857 metres (a power of two of the world's width: exact in floating point). */
export function cellSize(level: number): number {
  return WORLD_WIDTH_M / 2 ** level;
}

/**
 * The level at which a box at `zoom` is clustered: 64-px cells, or cells twice as large as often as needed for the
 * box to touch at most `maxMapFeatures` cells, so an answer never carries more clusters than that (one a cell).
 */
export function clusterLevel(box: MercatorBox, zoom: number): number {
  let level = zoom + LEVELS_ABOVE_ZOOM;
  while (level > 0 && cellsTouched(box, cellSize(level)) > SEARCH_LIMITS.maxMapFeatures) level--;
  return level;
}

/** The cells a box touches at a level: columns minCx..maxCx, rows minCy..maxCy (cell = floor(coordinate / size)). */
export interface CellRange {
  level: number;
  size: number;
  minCx: number;
  minCy: number;
  maxCx: number;
  maxCy: number;
}

export function cellRange(box: MercatorBox, level: number): CellRange {
  const size = cellSize(level);
  return {
    level,
    size,
    minCx: Math.floor(box.min.x / size),
    minCy: Math.floor(box.min.y / size),
    maxCx: Math.floor(box.max.x / size),
    maxCy: Math.floor(box.max.y / size),
  };
}
