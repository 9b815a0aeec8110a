import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts: at most one open alert per subject and kind; resolved ones are kept. */
export class Alerts1764700000000 implements MigrationInterface {
  name = 'Alerts1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      facility_id uuid CONSTRAINT alerts_facility_id_fkey REFERENCES facilities(id),
      region_code char(6) CONSTRAINT alerts_region_code_fkey REFERENCES regions(code),
      agencies text[] NOT NULL,
      message text NOT NULL,
      message_en text NOT NULL,
      due_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz
    )`);
    await q.query(
      'CREATE UNIQUE INDEX "IDX_alerts_open_subject_kind" ON alerts (kind, subject_type, subject_id) WHERE resolved_at IS NULL',
    );
    await q.query('CREATE INDEX "IDX_alerts_facility" ON alerts (facility_id)');
    await q.query('CREATE INDEX "IDX_alerts_region" ON alerts (region_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE alerts');
  }
}
