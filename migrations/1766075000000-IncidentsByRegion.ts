import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulators' incidents inbox at national scale (issue #19 item 1): a city's or a unit's first page walked
 * IDX_incidents_reported_id newest first and joined every incident's facility to test its unit, so a city with a
 * fiftieth of the incidents probed about fifty times its page (p95 63 ms at N). An incident now keeps a copy of its
 * facility's unit, as a change filing does, and (region_code, reported_at, id) makes a unit's page one index range
 * and a city's a range over its units plus a small top-N sort. The copy follows a facility that moves through the
 * worker (`facility.changed` with two units → `follow-incident-units`, libs/incidents/src/incident-units.ts).
 */
export class IncidentsByRegion1766075000000 implements MigrationInterface {
  name = 'IncidentsByRegion1766075000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE incidents ADD region_code char(6)');
    await q.query('UPDATE incidents i SET region_code = f.region_code FROM facilities f WHERE f.id = i.facility_id');
    await q.query('ALTER TABLE incidents ALTER region_code SET NOT NULL');
    await q.query('ALTER TABLE incidents ADD CONSTRAINT incidents_region_code_fkey FOREIGN KEY (region_code) REFERENCES regions(code)');
    await q.query('CREATE INDEX "IDX_incidents_region_reported" ON incidents (region_code, reported_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_incidents_region_reported"');
    await q.query('ALTER TABLE incidents DROP region_code');
  }
}
