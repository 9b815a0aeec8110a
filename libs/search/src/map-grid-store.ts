/**
 * Read model: facilities (owned by libs/facilities), counted into the map's grid.
 *
 * The map's grid (map_grid_cells, owned here): per level through GRID_MAX_LEVEL, one row per cell holding registered
 * facilities, their count and the sums of their 3857 coordinates (the mean point is sum / count). The low zooms'
 * clusters are read from it (map-sql.ts mapGridSql) instead of from every facility in the view. map_grid_points
 * remembers where the grid counted each facility, so that a facility that moved or left the map is taken out of the
 * cells it was counted in.
 *
 * Every write recomputes whole cells from their source (a leaf cell from the facilities, a larger cell from its four
 * children), never adds or subtracts one: a job run twice, or after another, leaves the same rows.
 */
import type { EntityManager } from 'typeorm';
import { GRID_MAX_LEVEL, cellSize } from './map-grid.js';

/** The levels the grid keeps, and their cells' sizes: passed to SQL as numbers, so that SQL and JS cut alike. */
const LEVELS = Array.from({ length: GRID_MAX_LEVEL + 1 }, (_, level) => level);
const SIZES = LEVELS.map(cellSize);

/** Grid jobs one at a time: two recomputing one cell at once could write a count read before the other's change. */
const LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('job:map-grid', 0))";

/**
 * The whole grid again from the facilities (the migration's backfill, the nightly repair, the bench's generator). Rows
 * that hold already are left alone (the nightly repair usually changes none, and the pages the map reads stay
 * all-visible for its index-only scans); the others are written or deleted.
 */
export async function rebuildMapGrid(m: EntityManager): Promise<{ cells: number; facilities: number }> {
  await m.query(LOCK);
  const points: { n: number }[] = await m.query(
    `WITH fresh AS (SELECT id, ST_X(public_merc) AS x, ST_Y(public_merc) AS y FROM facilities WHERE status = 'registered'),
          gone AS (DELETE FROM map_grid_points p WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.id = p.facility_id)),
          put AS (INSERT INTO map_grid_points (facility_id, x, y) SELECT id, x, y FROM fresh
                  ON CONFLICT (facility_id) DO UPDATE SET x = excluded.x, y = excluded.y
                  WHERE (map_grid_points.x, map_grid_points.y) IS DISTINCT FROM (excluded.x, excluded.y))
     SELECT count(*)::int AS n FROM fresh`,
  );
  const cells: { n: number }[] = await m.query(
    `WITH fresh AS (SELECT l.level, floor(f.x / l.size)::int AS cx, floor(f.y / l.size)::int AS cy,
                           count(*)::int AS count, sum(f.x) AS sum_x, sum(f.y) AS sum_y
                      FROM (SELECT ST_X(public_merc) AS x, ST_Y(public_merc) AS y FROM facilities WHERE status = 'registered') f
                     CROSS JOIN unnest($1::smallint[], $2::float8[]) AS l(level, size)
                     GROUP BY 1, 2, 3),
          gone AS (DELETE FROM map_grid_cells c
                    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE (f.level, f.cx, f.cy) = (c.level, c.cx, c.cy))),
          put AS (INSERT INTO map_grid_cells (level, cx, cy, count, sum_x, sum_y) SELECT * FROM fresh
                  ON CONFLICT (level, cx, cy) DO UPDATE SET count = excluded.count, sum_x = excluded.sum_x, sum_y = excluded.sum_y
                  WHERE (map_grid_cells.count, map_grid_cells.sum_x, map_grid_cells.sum_y)
                        IS DISTINCT FROM (excluded.count, excluded.sum_x, excluded.sum_y))
     SELECT count(*)::int AS n FROM fresh`,
    [LEVELS, SIZES],
  );
  return { cells: cells[0]!.n, facilities: points[0]!.n };
}

interface Point {
  x: number;
  y: number;
}

/**
 * Brings the grid up to date with one facility (its status or public point changed): the cells it was counted in and
 * the cells it is in now are recomputed, leaf cells from the facilities, then each level up from the one below.
 * Returns whether anything had to change (nothing does when the facility is where the grid counted it).
 */
export async function refreshMapGridFor(m: EntityManager, facilityId: string): Promise<boolean> {
  await m.query(LOCK);
  const [was]: Point[] = await m.query('SELECT x, y FROM map_grid_points WHERE facility_id = $1', [facilityId]);
  const [now]: Point[] = await m.query(
    `SELECT ST_X(public_merc) AS x, ST_Y(public_merc) AS y FROM facilities WHERE id = $1 AND status = 'registered'`,
    [facilityId],
  );
  if (was?.x === now?.x && was?.y === now?.y) return false;

  const leaf = cellSize(GRID_MAX_LEVEL);
  let cells = [was, now].filter((p): p is Point => p !== undefined).map((p) => [Math.floor(p.x / leaf), Math.floor(p.y / leaf)]);
  for (let level = GRID_MAX_LEVEL; level >= 0; level--) {
    cells = distinct(cells);
    for (const [cx, cy] of cells) {
      await m.query('DELETE FROM map_grid_cells WHERE level = $1 AND cx = $2 AND cy = $3', [level, cx, cy]);
      if (level === GRID_MAX_LEVEL) {
        const size = cellSize(level);
        // The cell's box (a metre wider, for rounding) through the GiST index; the cell itself decided as the rebuild does.
        await m.query(
          `INSERT INTO map_grid_cells (level, cx, cy, count, sum_x, sum_y)
           SELECT $1::smallint, $2::int, $3::int, count(*), sum(ST_X(public_merc)), sum(ST_Y(public_merc))
             FROM facilities
            WHERE status = 'registered' AND public_merc && ST_MakeEnvelope($4, $5, $6, $7, 3857)
              AND floor(ST_X(public_merc) / $8) = $2 AND floor(ST_Y(public_merc) / $8) = $3
           HAVING count(*) > 0`,
          [level, cx, cy, cx! * size - 1, cy! * size - 1, (cx! + 1) * size + 1, (cy! + 1) * size + 1, size],
        );
      } else {
        await m.query(
          `INSERT INTO map_grid_cells (level, cx, cy, count, sum_x, sum_y)
           SELECT $1::smallint, $2::int, $3::int, sum(count), sum(sum_x), sum(sum_y)
             FROM map_grid_cells
            WHERE level = $1::smallint + 1 AND cx BETWEEN 2 * $2 AND 2 * $2 + 1 AND cy BETWEEN 2 * $3 AND 2 * $3 + 1
           HAVING count(*) > 0`,
          [level, cx, cy],
        );
      }
    }
    // A cell of the level above holds this one (floor(x / 2s) = floor(floor(x / s) / 2)).
    cells = cells.map(([cx, cy]) => [Math.floor(cx! / 2), Math.floor(cy! / 2)]);
  }

  if (now)
    await m.query(
      `INSERT INTO map_grid_points (facility_id, x, y) VALUES ($1, $2, $3)
       ON CONFLICT (facility_id) DO UPDATE SET x = excluded.x, y = excluded.y`,
      [facilityId, now.x, now.y],
    );
  else await m.query('DELETE FROM map_grid_points WHERE facility_id = $1', [facilityId]);
  return true;
}

function distinct(cells: number[][]): number[][] {
  return [...new Map(cells.map((c) => [c.join(','), c])).values()];
}
