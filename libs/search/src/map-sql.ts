import { clusterCell, mercatorBox, type Bbox } from './map-grid.js';
import { SEARCH_LIMITS } from './search-limits.js';

export interface MapSingleRow {
  id: string;
  name: string;
  kind: string;
  vacancies: number;
  affordable: boolean;
  lng: number;
  lat: number;
}

export interface MapCellRow {
  count: number;
  /** The members' mean point, Web Mercator metres. */
  x: number;
  y: number;
}

/** The box as a 3857 envelope's parameters (computed here, so the SQL compares the indexed column with constants). */
function envelope(bbox: Bbox): number[] {
  const box = mercatorBox(bbox);
  return [box.min.x, box.min.y, box.max.x, box.max.y];
}

/** Registered facilities in the box, one more than an answer may carry (so the caller knows to cluster instead). */
export function mapSinglesSql(bbox: Bbox): { text: string; values: unknown[] } {
  return {
    text: `SELECT id, name, kind, vacancies, affordable, ST_X(public_location::geometry) AS lng, ST_Y(public_location::geometry) AS lat
             FROM facilities
            WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($1, $2, $3, $4, 3857)
            LIMIT $5`,
    values: [...envelope(bbox), SEARCH_LIMITS.maxMapFeatures + 1],
  };
}

/** Registered facilities in the box counted per grid cell (`clusterCell`): at most `maxMapFeatures` cells. */
export function mapClustersSql(bbox: Bbox, zoom: number): { text: string; values: unknown[] } {
  return {
    text: `SELECT count(*)::int AS count, avg(ST_X(public_merc)) AS x, avg(ST_Y(public_merc)) AS y
             FROM facilities
            WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($1, $2, $3, $4, 3857)
            GROUP BY floor(ST_X(public_merc) / $5), floor(ST_Y(public_merc) / $5)
            ORDER BY count DESC
            LIMIT $6`,
    values: [...envelope(bbox), clusterCell(mercatorBox(bbox), zoom), SEARCH_LIMITS.maxMapFeatures],
  };
}
