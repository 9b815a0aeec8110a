import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One facility's inspection history, newest first, a page at a time: with 100 inspections per facility and 10 million
 * in all, the page is read from this index alone (scanned backwards) instead of every inspection of the facility
 * (bench/RESULTS.md).
 */
export class InspectionHistoryIndex1765000000000 implements MigrationInterface {
  name = 'InspectionHistoryIndex1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_inspections_facility_at" ON inspections (facility_id, inspected_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_inspections_facility_at"`);
  }
}
