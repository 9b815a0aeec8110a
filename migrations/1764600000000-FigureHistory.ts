import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A snapshot of every region's counts per day, for trend charts. */
export class FigureHistory1764600000000 implements MigrationInterface {
  name = 'FigureHistory1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_figure_snapshots (
      region_code char(6) NOT NULL CONSTRAINT region_figure_snapshots_region_code_fkey REFERENCES regions(code),
      day date NOT NULL,
      facility_count integer NOT NULL,
      place_count integer NOT NULL,
      affordable_place_count integer NOT NULL,
      population integer NOT NULL,
      derived boolean NOT NULL,
      PRIMARY KEY (region_code, day)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE region_figure_snapshots');
  }
}
