import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day the inspection plan's full refresh last finished for (libs/inspections/src/plan-items.ts), one row written
 * when every facility is done: the rows cannot say it themselves, since the refresh leaves unchanged rows unwritten.
 * The worker's start-up skips the full refresh (minutes of database work at national scale) when it says today.
 */
export class InspectionPlanRefreshed1766080000000 implements MigrationInterface {
  name = 'InspectionPlanRefreshed1766080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspection_plan_refreshed (
      one boolean NOT NULL DEFAULT true CONSTRAINT "PK_inspection_plan_refreshed" PRIMARY KEY CHECK (one),
      refreshed_on date NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection_plan_refreshed');
  }
}
