import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints and reports (libs/complaints), administrative penalties and credit levels (libs/credit).
 * The complainant's contact is only ever stored encrypted (contact_cipher). Penalties are never edited: the only
 * UPDATE allowed records the revocation once; DELETE and TRUNCATE are refused.
 */
export class ComplaintsCredit1765800000000 implements MigrationInterface {
  name = 'ComplaintsCredit1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE complaints (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      receipt_code character(12) NOT NULL,
      facility_id uuid,
      location geography(Point,4326),
      address text,
      provider_name text,
      region_code character(6) NOT NULL,
      category text NOT NULL,
      description text NOT NULL,
      contact_cipher text,
      status text NOT NULL DEFAULT 'received',
      agency text,
      investigation_note text,
      finding text,
      reply text,
      received_on date NOT NULL,
      acknowledge_due_on date NOT NULL,
      close_due_on date NOT NULL,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      investigating_at TIMESTAMP WITH TIME ZONE,
      closed_at TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "complaints_subject_check" CHECK ((facility_id IS NULL) <> (location IS NULL)),
      CONSTRAINT "complaints_agency_check" CHECK (agency IN ('health', 'fire', 'market', 'housing')),
      CONSTRAINT "complaints_finding_check" CHECK (finding IN ('substantiated', 'unsubstantiated', 'withdrawn')),
      CONSTRAINT "complaints_status_check" CHECK (status IN ('received', 'investigating', 'closed')),
      CONSTRAINT "complaints_category_check" CHECK (category IN ('safety', 'hygiene', 'food', 'abuse', 'fees', 'staff', 'unregistered', 'other')),
      CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY (id),
      CONSTRAINT "complaints_facility_id_fkey" FOREIGN KEY (facility_id) REFERENCES facilities(id),
      CONSTRAINT "complaints_region_code_fkey" FOREIGN KEY (region_code) REFERENCES regions(code)
    )`);
    await q.query('CREATE UNIQUE INDEX "IDX_complaints_receipt_code" ON complaints (receipt_code)');
    await q.query('CREATE INDEX "IDX_complaints_facility" ON complaints (facility_id)');
    await q.query('CREATE INDEX "IDX_complaints_location" ON complaints USING gist (location)');
    await q.query(`CREATE INDEX "IDX_complaints_open_due" ON complaints (status, close_due_on) WHERE status <> 'closed'`);
    await q.query('CREATE INDEX "IDX_complaints_region_created" ON complaints (region_code, created_at)');

    await q.query(`CREATE TABLE penalties (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL,
      credit_code character(18) NOT NULL,
      agency text NOT NULL,
      kind text NOT NULL,
      amount_yuan bigint,
      decision_no text NOT NULL,
      decided_on date NOT NULL,
      legal_basis text NOT NULL,
      note text,
      recorded_by uuid,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      revoked_at TIMESTAMP WITH TIME ZONE,
      revocation_reason text,
      revoked_by uuid,
      CONSTRAINT "penalties_amount_check" CHECK ((kind = 'fine') = (amount_yuan IS NOT NULL)),
      CONSTRAINT "penalties_kind_check" CHECK (kind IN ('warning', 'fine', 'confiscation', 'order_to_stop', 'revocation')),
      CONSTRAINT "PK_c917b09222ad10103d984fc4e7e" PRIMARY KEY (id),
      CONSTRAINT "penalties_facility_id_fkey" FOREIGN KEY (facility_id) REFERENCES facilities(id),
      CONSTRAINT "penalties_recorded_by_fkey" FOREIGN KEY (recorded_by) REFERENCES users(id),
      CONSTRAINT "penalties_revoked_by_fkey" FOREIGN KEY (revoked_by) REFERENCES users(id)
    )`);
    await q.query('CREATE INDEX "IDX_penalties_credit_code" ON penalties (credit_code)');
    await q.query('CREATE INDEX "IDX_penalties_facility_decided" ON penalties (facility_id, decided_on)');
    await q.query(`CREATE FUNCTION penalties_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
           AND (to_jsonb(NEW) - 'revoked_at' - 'revocation_reason' - 'revoked_by')
             = (to_jsonb(OLD) - 'revoked_at' - 'revocation_reason' - 'revoked_by') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'penalties are never edited or deleted, only revoked once (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER penalties_immutable BEFORE UPDATE OR DELETE ON penalties
      FOR EACH ROW EXECUTE FUNCTION penalties_refuse_change()`);
    await q.query(`CREATE TRIGGER penalties_no_truncate BEFORE TRUNCATE ON penalties
      FOR EACH STATEMENT EXECUTE FUNCTION penalties_refuse_change()`);

    await q.query(`CREATE TABLE credit_levels (
      credit_code character(18) NOT NULL,
      level character(1) NOT NULL,
      reasons jsonb NOT NULL,
      facility_ids uuid array NOT NULL,
      penalties integer NOT NULL,
      substantiated_complaints integer NOT NULL,
      substantiated_incidents integer NOT NULL,
      computed_at TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "credit_levels_level_check" CHECK (level IN ('A', 'B', 'C', 'D')),
      CONSTRAINT "PK_aebc2d377b7973a7eab2418d474" PRIMARY KEY (credit_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE credit_levels');
    await q.query('DROP TABLE penalties');
    await q.query('DROP FUNCTION penalties_refuse_change');
    await q.query('DROP TABLE complaints');
  }
}
