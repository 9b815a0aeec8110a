/**
 * Read model: facilities (owned by libs/facilities), read for the public map (docs/architecture.md "Table ownership");
 * and the grid of counted cells, map_grid_cells, which this library keeps (map-grid-store.ts).
 */
import { GRID_MAX_LEVEL, cellRange, clusterLevel, mercatorBox, type Bbox, type CellRange } from './map-grid.js';
import { SEARCH_LIMITS } from './search-limits.js';

/** The box as a 3857 envelope's parameters (computed here, so the SQL compares the indexed column with constants). */
function envelope(bbox: Bbox): number[] {
  const box = mercatorBox(bbox);
  return [box.min.x, box.min.y, box.max.x, box.max.y];
}

/** A GeoJSON point feature, coordinates to 6 decimals (0.1 m). */
function feature(lng: string, lat: string, properties: string): string {
  return `json_build_object('type', 'Feature',
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(round((${lng})::numeric, 6), round((${lat})::numeric, 6))),
    'properties', ${properties})`;
}

/**
 * Registered facilities in the box, one more than an answer may carry (so the caller knows to cluster instead): one
 * row, `count` and `features`, the JSON text of the GeoJSON features (PostgreSQL writes the answer; see
 * public-columns.ts). Names are cut to `mapNameLength` characters, which bounds the payload.
 */
export function mapSinglesSql(bbox: Bbox): { text: string; values: unknown[] } {
  const cut = SEARCH_LIMITS.mapNameLength;
  const props = `json_build_object('cluster', false, 'id', s.id,
    'name', CASE WHEN char_length(s.name) > ${cut} THEN left(s.name, ${cut - 1}) || '…' ELSE s.name END,
    'kind', s.kind, 'vacancies', s.vacancies, 'affordable', coalesce(s.affordable_status = 'recognized', false))`;
  return {
    text: `SELECT count(*)::int AS count, coalesce(json_agg(${feature('ST_X(s.public_location::geometry)', 'ST_Y(s.public_location::geometry)', props)}), '[]')::text AS features
             FROM (SELECT id, name, kind, vacancies, affordable_status, public_location
                     FROM facilities
                    WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($1, $2, $3, $4, 3857)
                    LIMIT $5) s`,
    values: [...envelope(bbox), SEARCH_LIMITS.maxMapFeatures + 1],
  };
}

/** Clusters (count, x, y in 3857) as the answer's GeoJSON features: one row, `features`. */
function clusterFeatures(clusters: string): string {
  const centre = 'ST_Transform(ST_SetSRID(ST_MakePoint(c.x, c.y), 3857), 4326)';
  return `SELECT coalesce(json_agg(${feature(`ST_X(${centre})`, `ST_Y(${centre})`, "json_build_object('cluster', true, 'count', c.count)")}), '[]')::text AS features
            FROM (${clusters}) c`;
}

/**
 * The map's clusters for a box at a zoom (`clusterLevel`): every non-empty cell the box touches, whole (its members
 * outside the box included, so that a cluster does not change as the map pans), at its members' mean point. Through
 * `GRID_MAX_LEVEL` read from the grid the worker keeps (mapGridSql), above it counted from the facilities
 * (mapCellsSql): a view that deep holds few facilities.
 */
export function mapClustersSql(bbox: Bbox, zoom: number): { text: string; values: unknown[] } {
  const box = mercatorBox(bbox);
  const range = cellRange(box, clusterLevel(box, zoom));
  return range.level <= GRID_MAX_LEVEL ? mapGridSql(range) : mapCellsSql(range);
}

/** The cells of a range as the grid holds them: an index range on (level, cx, cy), never the facilities. */
export function mapGridSql(range: CellRange): { text: string; values: unknown[] } {
  return {
    text: clusterFeatures(`SELECT count, sum_x / count AS x, sum_y / count AS y
                             FROM map_grid_cells
                            WHERE level = $1 AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5
                            ORDER BY count DESC, cx, cy
                            LIMIT $6`),
    values: [range.level, range.minCx, range.maxCx, range.minCy, range.maxCy, SEARCH_LIMITS.maxMapFeatures],
  };
}

/**
 * The cells of a range counted from the registered facilities themselves (the grid's definition: map-grid-store.ts
 * keeps the same cells): the box widened to the cells' edges (and a metre, for rounding) finds them through the GiST
 * index, and the cell of each is floor(coordinate / size), exactly as the grid computes it.
 */
export function mapCellsSql(range: CellRange): { text: string; values: unknown[] } {
  const { size } = range;
  return {
    text: clusterFeatures(`SELECT count(*)::int AS count, avg(ST_X(public_merc)) AS x, avg(ST_Y(public_merc)) AS y
                             FROM facilities
                            WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($1, $2, $3, $4, 3857)
                              AND floor(ST_X(public_merc) / $5) BETWEEN $6 AND $7 AND floor(ST_Y(public_merc) / $5) BETWEEN $8 AND $9
                            GROUP BY floor(ST_X(public_merc) / $5), floor(ST_Y(public_merc) / $5)
                            ORDER BY count DESC, floor(ST_X(public_merc) / $5), floor(ST_Y(public_merc) / $5)
                            LIMIT $10`),
    values: [
      range.minCx * size - 1,
      range.minCy * size - 1,
      (range.maxCx + 1) * size + 1,
      (range.maxCy + 1) * size + 1,
      size,
      range.minCx,
      range.maxCx,
      range.minCy,
      range.maxCy,
      SEARCH_LIMITS.maxMapFeatures,
    ],
  };
}
