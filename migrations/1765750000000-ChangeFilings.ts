import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second release, registry (issue #13): change filings of registered facilities, and 普惠 recognition by the health
 * regulator. Facilities that declared `affordable` before keep it as an application ('applied'): only a recognised
 * facility counts as affordable from now on.
 */
export class ChangeFilings1765750000000 implements MigrationInterface {
  name = 'ChangeFilings1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "change_filings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "facility_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "reason" text NOT NULL, "facility" jsonb NOT NULL DEFAULT '{}', "classes" jsonb NOT NULL DEFAULT '[]', "before" jsonb NOT NULL DEFAULT '{}', "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decision" jsonb, CONSTRAINT "change_filings_status_check" CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')), CONSTRAINT "PK_fa2452358dab593ea9813a657ad" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_change_filings_status" ON "change_filings"  ("status", "submitted_at") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_change_filings_one_pending" ON "change_filings"  ("facility_id") WHERE status = 'pending'`);
    await q.query(`CREATE INDEX "IDX_change_filings_facility" ON "change_filings"  ("facility_id", "submitted_at") `);
    await q.query(`ALTER TABLE "facilities" ADD "affordable_status" text`);
    await q.query(`ALTER TABLE "facilities" ADD "affordable_max_monthly_fee" integer`);
    await q.query(`ALTER TABLE "facilities" ADD "affordable_valid_until" date`);
    await q.query(`ALTER TABLE "facilities" ADD "affordable_decided_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "facilities" ADD "affordable_reason" text`);
    await q.query(
      `ALTER TABLE "facilities" ADD CONSTRAINT "facilities_affordable_status_check" CHECK (affordable_status IS NULL OR affordable_status IN ('applied', 'recognized', 'rejected', 'revoked', 'expired'))`,
    );
    await q.query(`UPDATE facilities SET affordable_status = 'applied' WHERE affordable`);
    await q.query(
      `ALTER TABLE "change_filings" ADD CONSTRAINT "change_filings_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "change_filings" ADD CONSTRAINT "change_filings_submitted_by_fkey" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "change_filings" DROP CONSTRAINT "change_filings_submitted_by_fkey"`);
    await q.query(`ALTER TABLE "change_filings" DROP CONSTRAINT "change_filings_facility_id_fkey"`);
    await q.query(`ALTER TABLE "facilities" DROP CONSTRAINT "facilities_affordable_status_check"`);
    for (const c of [
      'affordable_reason',
      'affordable_decided_at',
      'affordable_valid_until',
      'affordable_max_monthly_fee',
      'affordable_status',
    ])
      await q.query(`ALTER TABLE "facilities" DROP COLUMN "${c}"`);
    await q.query(`DROP TABLE "change_filings"`);
  }
}
