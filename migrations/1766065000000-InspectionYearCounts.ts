import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshYearlyCounts } from '@lib/inspections';

/**
 * Per facility, year and domain: inspections by outcome and orders opened and resolved (issue #19 item 7), kept by
 * libs/inspections in every inspection's and order's transaction (refreshYearlyCounts). The annual report sums a
 * year's rows instead of reading the year's inspections from the heap and every order. The backfill writes the rows
 * year by year, so a year's rows lie together on disk.
 */
export class InspectionYearCounts1766065000000 implements MigrationInterface {
  name = 'InspectionYearCounts1766065000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspection_year_counts (
      facility_id uuid NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
      year int NOT NULL,
      domain text NOT NULL,
      pass int NOT NULL,
      rectify int NOT NULL,
      fail int NOT NULL,
      orders_opened int NOT NULL,
      orders_resolved int NOT NULL,
      CONSTRAINT "PK_inspection_year_counts" PRIMARY KEY (facility_id, year, domain)
    )`);
    await refreshYearlyCounts(q.manager, null);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection_year_counts');
  }
}
