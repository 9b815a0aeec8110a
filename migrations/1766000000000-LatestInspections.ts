import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest inspection per facility and domain (issue #19 item 5), written by libs/inspections in every inspection's
 * transaction (refreshLatestInspections): the public search reads these four small rows per facility instead of a
 * random read of the inspections heap per domain, which at national scale does not stay in memory.
 */
export class LatestInspections1766000000000 implements MigrationInterface {
  name = 'LatestInspections1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE latest_inspections (
      facility_id uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
      domain text NOT NULL,
      inspection_id uuid NOT NULL,
      outcome text NOT NULL,
      inspected_at timestamptz NOT NULL,
      CONSTRAINT "PK_latest_inspections" PRIMARY KEY (facility_id, domain)
    )`);
    await q.query(`INSERT INTO latest_inspections (facility_id, domain, inspection_id, outcome, inspected_at)
      SELECT DISTINCT ON (facility_id, domain) facility_id, domain, id, outcome, inspected_at
        FROM inspections ORDER BY facility_id, domain, inspected_at DESC, id DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE latest_inspections');
  }
}
