import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulators' lists at national scale (issue #19 item 1; docs/api.md): each is newest first with a keyset
 * cursor, and these indexes let a page walk that order and stop, where PostgreSQL sorted every row in reach before
 * (the admin's open alerts: a sequential scan and sort of 300,000 alerts, 570 ms at N; complaints 600 ms; incidents
 * 205 ms). A region's alerts: (region_code, created_at, id), which also serves what IDX_alerts_region did. A change
 * filing keeps a copy of its facility's unit, so that a region's review queue is one index range too.
 */
export class RegulatorLists1766040000000 implements MigrationInterface {
  name = 'RegulatorLists1766040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_alerts_created" ON alerts (created_at, id)');
    await q.query('CREATE INDEX "IDX_alerts_open_created" ON alerts (created_at, id) WHERE resolved_at IS NULL');
    await q.query('CREATE INDEX "IDX_alerts_region_created" ON alerts (region_code, created_at, id)');
    await q.query('DROP INDEX "IDX_alerts_region"');
    await q.query('CREATE INDEX "IDX_incidents_reported_id" ON incidents (reported_at, id)');
    await q.query('CREATE INDEX "IDX_complaints_created" ON complaints (created_at, id)');
    // A change filing's copy of its facility's unit: a region's queue is one index range.
    await q.query('ALTER TABLE change_filings ADD region_code char(6)');
    await q.query('UPDATE change_filings cf SET region_code = f.region_code FROM facilities f WHERE f.id = cf.facility_id');
    await q.query('ALTER TABLE change_filings ALTER region_code SET NOT NULL');
    await q.query(
      'ALTER TABLE change_filings ADD CONSTRAINT change_filings_region_code_fkey FOREIGN KEY (region_code) REFERENCES regions(code)',
    );
    await q.query('CREATE INDEX "IDX_change_filings_region_status" ON change_filings (region_code, status, submitted_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE change_filings DROP region_code');
    await q.query('DROP INDEX "IDX_complaints_created"');
    await q.query('DROP INDEX "IDX_incidents_reported_id"');
    await q.query('CREATE INDEX "IDX_alerts_region" ON alerts (region_code)');
    await q.query('DROP INDEX "IDX_alerts_region_created"');
    await q.query('DROP INDEX "IDX_alerts_open_created"');
    await q.query('DROP INDEX "IDX_alerts_created"');
  }
}
