import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents (突发事件) with their timeline, drills (libs/incidents); the link from an inspection to the incident it
 * followed up; alerts seen by the unit only (incident escalation); and `incident_facts`, the read model libs/incidents
 * publishes for the libraries to its left (inspections: risk and links; filing: links of suspensions and closures).
 */
export class Incidents1765600000000 implements MigrationInterface {
  name = 'Incidents1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT incidents_facility_id_fkey REFERENCES facilities(id),
      kind text NOT NULL,
      severity text NOT NULL,
      occurred_at timestamptz NOT NULL,
      occurred_on date NOT NULL,
      reported_at timestamptz NOT NULL,
      report_due_at timestamptz NOT NULL,
      late boolean NOT NULL,
      status text NOT NULL DEFAULT 'reported',
      children_affected integer NOT NULL,
      hospitalized integer NOT NULL,
      description text NOT NULL,
      actions_taken text NOT NULL,
      reported_by uuid CONSTRAINT incidents_reported_by_fkey REFERENCES users(id),
      reported_via text NOT NULL,
      acknowledged_at timestamptz,
      closed_at timestamptz,
      finding text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT incidents_kind_check CHECK (kind IN ('injury', 'illness', 'food_poisoning', 'abuse_allegation', 'missing_child', 'fire', 'death', 'other')),
      CONSTRAINT incidents_severity_check CHECK (severity IN ('minor', 'serious', 'critical')),
      CONSTRAINT incidents_status_check CHECK (status IN ('reported', 'acknowledged', 'closed')),
      CONSTRAINT incidents_finding_check CHECK (finding IS NULL OR finding IN ('substantiated', 'unsubstantiated', 'no_fault')),
      CONSTRAINT incidents_counts_check CHECK (children_affected >= 0 AND hospitalized >= 0 AND hospitalized <= children_affected)
    )`);
    await q.query('CREATE INDEX "IDX_incidents_facility_occurred" ON incidents (facility_id, occurred_at)');
    // The escalation scan (every 5 minutes) reads the unacknowledged ones only.
    await q.query(`CREATE INDEX "IDX_incidents_reported" ON incidents (reported_at) WHERE status = 'reported'`);

    await q.query(`CREATE TABLE incident_updates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      incident_id uuid NOT NULL CONSTRAINT incident_updates_incident_id_fkey REFERENCES incidents(id),
      at timestamptz NOT NULL,
      type text NOT NULL,
      actor_id uuid CONSTRAINT incident_updates_actor_id_fkey REFERENCES users(id),
      actor_role text NOT NULL,
      actor_agency text,
      note text NOT NULL,
      CONSTRAINT incident_updates_type_check CHECK (type IN ('update', 'acknowledged', 'closed'))
    )`);
    await q.query('CREATE INDEX "IDX_incident_updates_incident_at" ON incident_updates (incident_id, at)');

    await q.query(`CREATE TABLE drills (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      facility_id uuid NOT NULL CONSTRAINT drills_facility_id_fkey REFERENCES facilities(id),
      kind text NOT NULL,
      held_on date NOT NULL,
      participants integer NOT NULL,
      note text,
      created_by uuid CONSTRAINT drills_created_by_fkey REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT drills_kind_check CHECK (kind IN ('fire_evacuation', 'injury_first_aid', 'other')),
      CONSTRAINT drills_participants_check CHECK (participants >= 1)
    )`);
    // The drill_overdue scan: the latest fire evacuation drill per facility.
    await q.query('CREATE INDEX "IDX_drills_facility_kind_held" ON drills (facility_id, kind, held_on)');

    // An inspection follows up an incident (no foreign key from the inspections library's table to a library on its
    // right; the write checks it against incident_facts).
    await q.query('ALTER TABLE inspections ADD COLUMN incident_id uuid');
    await q.query('CREATE INDEX "IDX_inspections_incident" ON inspections (incident_id) WHERE incident_id IS NOT NULL');

    await q.query('ALTER TABLE alerts ADD COLUMN unit_only boolean NOT NULL DEFAULT false');

    // The read model libs/incidents publishes: what the libraries left of it may know of an incident (never the
    // description or the counts of children).
    await q.query(`CREATE VIEW incident_facts AS
      SELECT id, facility_id, kind, severity, occurred_at, occurred_on, status, finding FROM incidents`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW incident_facts');
    await q.query('ALTER TABLE alerts DROP COLUMN unit_only');
    await q.query('DROP INDEX "IDX_inspections_incident"');
    await q.query('ALTER TABLE inspections DROP COLUMN incident_id');
    await q.query('DROP TABLE drills');
    await q.query('DROP TABLE incident_updates');
    await q.query('DROP TABLE incidents');
  }
}
