import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual reports as generated at their due date (end of November), kept unchanged. */
export class AnnualReports1764800000000 implements MigrationInterface {
  name = 'AnnualReports1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE annual_reports (
      year integer NOT NULL,
      region_code char(6) NOT NULL CONSTRAINT annual_reports_region_code_fkey REFERENCES regions(code),
      generated_at timestamptz NOT NULL,
      report jsonb NOT NULL,
      PRIMARY KEY (year, region_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE annual_reports');
  }
}
