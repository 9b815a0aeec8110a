import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inspections (items stored in the row), amendments, rectification orders. Inspections and amendments are immutable. */
export class Inspections1764500000000 implements MigrationInterface {
  name = 'Inspections1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT inspections_facility_id_fkey REFERENCES facilities(id),
      domain text NOT NULL CONSTRAINT inspections_domain_check CHECK (domain IN ('fire', 'food', 'building', 'hygiene')),
      checklist_version integer NOT NULL,
      inspected_at timestamptz NOT NULL,
      inspected_on date NOT NULL,
      inspector_id uuid CONSTRAINT inspections_inspector_id_fkey REFERENCES users(id),
      items jsonb NOT NULL,
      summary text,
      original_outcome text NOT NULL CONSTRAINT inspections_original_outcome_check CHECK (original_outcome IN ('pass', 'rectify', 'fail')),
      original_score integer NOT NULL,
      outcome text NOT NULL CONSTRAINT inspections_outcome_check CHECK (outcome IN ('pass', 'rectify', 'fail')),
      score integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One facility's history, newest first; the latest per domain.
    await q.query('CREATE INDEX "IDX_inspections_facility_domain_at" ON inspections (facility_id, domain, inspected_at DESC)');
    // Never edited: only the effective outcome and score follow amendments; never deleted.
    await q.query(`CREATE FUNCTION inspections_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'inspections are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (to_jsonb(NEW) - 'outcome' - 'score') IS DISTINCT FROM (to_jsonb(OLD) - 'outcome' - 'score') THEN
          RAISE EXCEPTION 'inspections are never edited: record an amendment' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      'CREATE TRIGGER inspections_immutable BEFORE UPDATE OR DELETE ON inspections FOR EACH ROW EXECUTE FUNCTION inspections_immutable()',
    );

    await q.query(`CREATE TABLE inspection_amendments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL CONSTRAINT inspection_amendments_inspection_id_fkey REFERENCES inspections(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid CONSTRAINT inspection_amendments_actor_id_fkey REFERENCES users(id),
      reason text NOT NULL,
      items jsonb NOT NULL
    )`);
    await q.query('CREATE INDEX "IDX_inspection_amendments_inspection" ON inspection_amendments (inspection_id, at)');
    await q.query(`CREATE FUNCTION inspection_amendments_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'amendments are append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER inspection_amendments_append_only BEFORE UPDATE OR DELETE ON inspection_amendments
      FOR EACH ROW EXECUTE FUNCTION inspection_amendments_refuse_change()`);

    await q.query(`CREATE TABLE rectification_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT rectification_orders_facility_id_fkey REFERENCES facilities(id),
      inspection_id uuid NOT NULL CONSTRAINT rectification_orders_inspection_id_fkey REFERENCES inspections(id),
      domain text NOT NULL,
      item_code text NOT NULL,
      severity text NOT NULL CONSTRAINT rectification_orders_severity_check CHECK (severity IN ('minor', 'major', 'critical')),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CONSTRAINT rectification_orders_status_check CHECK (status IN ('open', 'responded', 'resolved')),
      response jsonb,
      verification jsonb,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX "IDX_rectification_orders_facility_status" ON rectification_orders (facility_id, status)');
    await q.query('CREATE INDEX "IDX_rectification_orders_inspection" ON rectification_orders (inspection_id)');
    // Overdue scans: unresolved orders by due date.
    await q.query('CREATE INDEX "IDX_rectification_orders_unresolved_due" ON rectification_orders (due_on) WHERE status <> \'resolved\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rectification_orders');
    await q.query('DROP TABLE inspection_amendments');
    await q.query('DROP FUNCTION inspection_amendments_refuse_change');
    await q.query('DROP TABLE inspections');
    await q.query('DROP FUNCTION inspections_immutable');
  }
}
