import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PostGIS, users, regions and populations, figures, the audit trail and the outbox. */
export class Foundation1764320000000 implements MigrationInterface {
  name = 'Foundation1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await q.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');

    await q.query(`CREATE TABLE regions (
      code char(6) PRIMARY KEY,
      name text NOT NULL,
      name_en text NOT NULL,
      level text NOT NULL CONSTRAINT regions_level_check CHECK (level IN ('city', 'district', 'zone')),
      kind text NOT NULL,
      parent_code char(6) CONSTRAINT regions_parent_code_fkey REFERENCES regions(code),
      boundary geometry(MultiPolygon, 4326),
      CONSTRAINT regions_boundary_check CHECK ((level = 'city') = (boundary IS NULL))
    )`);
    await q.query('CREATE INDEX regions_boundary_gist ON regions USING GIST (boundary)');

    await q.query(`CREATE TABLE region_populations (
      region_code char(6) NOT NULL CONSTRAINT region_populations_region_code_fkey REFERENCES regions(code),
      year integer NOT NULL CONSTRAINT region_populations_year_check CHECK (year BETWEEN 1900 AND 2200),
      population integer NOT NULL CONSTRAINT region_populations_population_check CHECK (population > 0),
      source text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (region_code, year)
    )`);

    await q.query(`CREATE TABLE region_figures (
      region_code char(6) PRIMARY KEY CONSTRAINT region_figures_region_code_fkey REFERENCES regions(code),
      facility_count integer NOT NULL,
      place_count integer NOT NULL,
      affordable_place_count integer NOT NULL,
      population integer NOT NULL,
      population_year integer,
      updated_at timestamptz NOT NULL
    )`);

    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      password_hash text NOT NULL,
      display_name text NOT NULL,
      phone text,
      role text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('operator', 'regulator', 'admin')),
      agency text CONSTRAINT users_agency_check CHECK (agency IN ('health', 'fire', 'market', 'housing')),
      region_code char(6) CONSTRAINT users_region_code_fkey REFERENCES regions(code),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- A regulator has an agency and a region; nobody else has either.
      CONSTRAINT users_regulator_check CHECK (
        CASE WHEN role = 'regulator' THEN agency IS NOT NULL AND region_code IS NOT NULL ELSE agency IS NULL AND region_code IS NULL END
      )
    )`);
    await q.query('CREATE UNIQUE INDEX "IDX_users_username" ON users (username)');

    await q.query(`CREATE TABLE audit_entries (
      id bigserial PRIMARY KEY,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      seq integer NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_role text NOT NULL,
      action text NOT NULL,
      changes jsonb,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX "IDX_audit_entries_subject_seq" ON audit_entries (subject_type, subject_id, seq)');
    // The trail is append-only: nobody, not even the application's own role, may change or remove it.
    await q.query(`CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change()`);

    await q.query(`CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      event_type text NOT NULL,
      event jsonb NOT NULL,
      queue text NOT NULL,
      job_name text NOT NULL,
      job_id text NOT NULL,
      job_data jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      done_at timestamptz
    )`);
    await q.query('CREATE INDEX outbox_pending_idx ON outbox (id) WHERE done_at IS NULL');
    await q.query('CREATE INDEX outbox_job_pending_idx ON outbox (queue, job_id) WHERE done_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // Reverting the foundation must never drop the audit trail (issue #14): refused while it holds an entry.
    const [{ n }] = (await q.query('SELECT count(*)::int AS n FROM audit_entries')) as { n: number }[];
    if (n > 0) throw new Error('refused: the audit trail holds entries and is never dropped (docs/operations.md)');
    await q.query('DROP TABLE outbox');
    await q.query('DROP TABLE audit_entries');
    await q.query('DROP FUNCTION audit_entries_refuse_change');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE region_figures');
    await q.query('DROP TABLE region_populations');
    await q.query('DROP TABLE regions');
  }
}
