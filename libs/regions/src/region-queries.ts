import type { EntityManager } from 'typeorm';

/**
 * Geometry questions about one unit that other code may ask of the regions table, which only this library names in
 * SQL (docs/architecture.md "Table ownership"); used by the demo seed to place facilities.
 */

/** Whether the unit's boundary covers the WGS84 point. */
export async function regionCovers(m: EntityManager, code: string, lat: number, lng: number): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM regions WHERE code = $1 AND ST_Covers(boundary, ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
    [code, lng, lat],
  );
  return rows.length > 0;
}

/** A pseudo-random point inside the unit's boundary, the same for the same seed. */
export async function randomPointIn(m: EntityManager, code: string, seed: number): Promise<{ lat: number; lng: number }> {
  const [p]: { lat: number; lng: number }[] = await m.query(
    `SELECT ST_Y(g) AS lat, ST_X(g) AS lng FROM (SELECT (ST_Dump(ST_GeneratePoints(boundary, 1, $2))).geom AS g FROM regions WHERE code = $1) x`,
    [code, seed],
  );
  return { lat: Number(p!.lat), lng: Number(p!.lng) };
}
