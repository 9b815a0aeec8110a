/** Read model: facilities (owned by libs/facilities), read for the public map (docs/architecture.md "Table ownership"). */
import { clusterCell, mercatorBox, type Bbox } from './map-grid.js';
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

/**
 * Registered facilities in the box counted per grid cell (`clusterCell`, so at most `maxMapFeatures` cells), each
 * at its members' mean point: one row, `features`, the JSON text of the GeoJSON features.
 */
export function mapClustersSql(bbox: Bbox, zoom: number): { text: string; values: unknown[] } {
  const centre = 'ST_Transform(ST_SetSRID(ST_MakePoint(c.x, c.y), 3857), 4326)';
  return {
    text: `SELECT coalesce(json_agg(${feature(`ST_X(${centre})`, `ST_Y(${centre})`, "json_build_object('cluster', true, 'count', c.count)")}), '[]')::text AS features
             FROM (SELECT count(*)::int AS count, avg(ST_X(public_merc)) AS x, avg(ST_Y(public_merc)) AS y
                     FROM facilities
                    WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($1, $2, $3, $4, 3857)
                    GROUP BY floor(ST_X(public_merc) / $5), floor(ST_Y(public_merc) / $5)
                    ORDER BY count DESC
                    LIMIT $6) c`,
    values: [...envelope(bbox), clusterCell(mercatorBox(bbox), zoom), SEARCH_LIMITS.maxMapFeatures],
  };
}
