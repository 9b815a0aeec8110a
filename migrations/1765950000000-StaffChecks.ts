import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second release, registry (issue #13, docs/domain.md corrections): background checks are dated
 * (`background_checked_on`: at hiring, then yearly) and a security guard's record names the licensed security
 * company that employs the guard (`employer`). Records that only said "checked" are dated on their hiring day (the
 * check is done at hiring), so those hired more than a year ago come up for the yearly re-check.
 */
export class StaffChecks1765950000000 implements MigrationInterface {
  name = 'StaffChecks1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff" ADD "background_checked_on" date`);
    await q.query(`ALTER TABLE "staff" ADD "employer" text`);
    await q.query(`UPDATE staff SET background_checked_on = hired_on WHERE background_checked`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "staff" DROP COLUMN "employer"`);
    await q.query(`ALTER TABLE "staff" DROP COLUMN "background_checked_on"`);
  }
}
