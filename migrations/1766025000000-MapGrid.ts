import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildMapGrid } from '@lib/search';

/**
 * The map's grid (issue #19 item 2; docs/search.md "The map"): registered facilities counted per fixed Web Mercator
 * cell at every level the low zooms cluster at (0..14), so that a whole-country view reads a few hundred cells and
 * not every facility in it. The worker keeps it from the facility events (libs/search map-grid-store.ts); filled here
 * from the facilities already there.
 */
export class MapGrid1766025000000 implements MigrationInterface {
  name = 'MapGrid1766025000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE map_grid_cells (
        level smallint NOT NULL,
        cx integer NOT NULL,
        cy integer NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        sum_x double precision NOT NULL,
        sum_y double precision NOT NULL,
        -- Covering: a view's cells are read from the index alone (an index-only scan of consecutive entries).
        CONSTRAINT "PK_map_grid_cells" PRIMARY KEY (level, cx, cy) INCLUDE (count, sum_x, sum_y)
      )`);
    // Where the grid counted each facility: what a job takes it out of when it moves or leaves the map. No foreign
    // key: a facility's row is libs/facilities' own, and the nightly rebuild repairs whatever an event missed.
    await q.query(`
      CREATE TABLE map_grid_points (
        facility_id uuid NOT NULL CONSTRAINT "PK_map_grid_points" PRIMARY KEY,
        x double precision NOT NULL,
        y double precision NOT NULL
      )`);
    await rebuildMapGrid(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE map_grid_points');
    await q.query('DROP TABLE map_grid_cells');
  }
}
