import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Facilities, classes (places), staff, registration number sequences. */
export class Registry1764400000000 implements MigrationInterface {
  name = 'Registry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE facilities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL CONSTRAINT facilities_owner_id_fkey REFERENCES users(id),
      name text NOT NULL,
      credit_code char(18) NOT NULL,
      kind text NOT NULL CONSTRAINT facilities_kind_check CHECK (kind IN ('centre', 'kindergarten_class', 'family', 'employer', 'community')),
      ownership text NOT NULL CONSTRAINT facilities_ownership_check CHECK (ownership IN ('public', 'private', 'public_private')),
      affordable boolean NOT NULL,
      medical_integrated boolean NOT NULL,
      serves_meals boolean NOT NULL,
      service_types text[] NOT NULL,
      address text NOT NULL,
      location geography(Point, 4326) NOT NULL,
      public_location geography(Point, 4326) NOT NULL,
      floors integer[] NOT NULL,
      indoor_area_m2 numeric(10, 2) NOT NULL,
      outdoor_area_m2 numeric(10, 2) NOT NULL,
      monthly_fee integer NOT NULL,
      phone text NOT NULL,
      opening_hours text NOT NULL,
      exit_count integer NOT NULL,
      surveillance boolean NOT NULL,
      documents jsonb NOT NULL DEFAULT '[]',
      region_code char(6) NOT NULL CONSTRAINT facilities_region_code_fkey REFERENCES regions(code),
      status text NOT NULL DEFAULT 'draft' CONSTRAINT facilities_status_check CHECK (status IN ('draft', 'submitted', 'registered', 'suspended', 'closed')),
      registration_no text,
      rejection_reason text,
      status_reason text,
      submitted_at timestamptz,
      registered_at timestamptz,
      closed_at timestamptz,
      placement_plan jsonb,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE UNIQUE INDEX "IDX_facilities_registration_no" ON facilities (registration_no)');
    await q.query('CREATE INDEX "IDX_facilities_owner" ON facilities (owner_id)');
    await q.query('CREATE INDEX "IDX_facilities_region_status" ON facilities (region_code, status)');
    // Placement plans look for registered facilities within 5 km.
    await q.query('CREATE INDEX "IDX_facilities_location_registered" ON facilities USING GIST (location) WHERE status = \'registered\'');

    await q.query(`CREATE TABLE classes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT classes_facility_id_fkey REFERENCES facilities(id),
      name text NOT NULL,
      age_group text NOT NULL CONSTRAINT classes_age_group_check CHECK (age_group IN ('infant', 'toddler', 'preschool', 'mixed')),
      places integer NOT NULL CONSTRAINT classes_places_check CHECK (places > 0),
      enrolled integer NOT NULL CONSTRAINT classes_enrolled_check CHECK (enrolled >= 0 AND enrolled <= places),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX "IDX_classes_facility" ON classes (facility_id)');

    await q.query(`CREATE TABLE staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT staff_facility_id_fkey REFERENCES facilities(id),
      name text NOT NULL,
      role text NOT NULL CONSTRAINT staff_role_check CHECK (role IN ('director', 'caregiver', 'health', 'nutritionist', 'cook', 'security', 'other')),
      id_number_cipher text NOT NULL,
      id_number_masked text NOT NULL,
      id_number_index char(64) NOT NULL,
      phone text,
      hired_on date NOT NULL,
      ended_on date,
      full_time boolean NOT NULL,
      education text,
      experience_years integer,
      class_ids uuid[] NOT NULL DEFAULT '{}',
      health_certificate jsonb NOT NULL,
      qualifications jsonb NOT NULL DEFAULT '[]',
      background_checked boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX "IDX_staff_facility" ON staff (facility_id)');
    // Multi-listing: the same person (blind index) active at two facilities.
    await q.query('CREATE INDEX "IDX_staff_active_index" ON staff (id_number_index) WHERE ended_on IS NULL');

    await q.query(`CREATE TABLE registration_sequences (
      region_code char(6) NOT NULL CONSTRAINT registration_sequences_region_code_fkey REFERENCES regions(code),
      year integer NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (region_code, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registration_sequences');
    await q.query('DROP TABLE staff');
    await q.query('DROP TABLE classes');
    await q.query('DROP TABLE facilities');
  }
}
