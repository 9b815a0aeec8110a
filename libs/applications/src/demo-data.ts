import type { EntityManager } from 'typeorm';
import { holdPlace } from '@lib/facilities';
import type { QueueAgeGroup, ServiceType } from '@lib/standards';
import { queueOrderBy } from './queue-sql.js';

/**
 * The demo data's writes of applications, choices and offers (scripts/seed-demo.ts), kept in the library that owns
 * the tables: rows as the use cases write them, but back-dated (a demo queue built up over months) and without the
 * audit entries and events of a parent's or operator's action. Never called by the API or the worker.
 */

export interface DemoApplication {
  id: string;
  parentId: string;
  childLabel: string;
  childBirthMonth: string;
  startMonth: string;
  serviceType: ServiceType;
  ageMonths: number;
  ageGroup: QueueAgeGroup;
  /** Facility ids, best first (one to three). */
  choices: readonly string[];
  appliedAt: Date;
}

/** How many applications there are (the demo seeds them once). */
export async function countApplications(m: EntityManager): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM applications');
  return n;
}

/** A waiting application with its ranked choices; false when it was there already. */
export async function insertDemoApplication(m: EntityManager, a: DemoApplication): Promise<boolean> {
  const inserted: unknown[] = await m.query(
    `INSERT INTO applications (id, parent_id, child_label, child_birth_month, start_month, service_type, age_months, age_group, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting', $9, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [a.id, a.parentId, a.childLabel, a.childBirthMonth, a.startMonth, a.serviceType, a.ageMonths, a.ageGroup, a.appliedAt],
  );
  if (inserted.length === 0) return false;
  await m.query(
    `INSERT INTO application_choices (application_id, rank, facility_id, status, age_group, start_month, applied_at)
     SELECT $1, r, f, 'waiting', $3, $4, $5 FROM unnest($2::uuid[]) WITH ORDINALITY AS c(f, r)`,
    [a.id, a.choices, a.ageGroup, a.startMonth, a.appliedAt],
  );
  return true;
}

/** The head of each facility's first-choice queues (one per facility and age group), in queue order. */
export function firstChoiceQueueHeads(
  m: EntityManager,
): Promise<{ application_id: string; facility_id: string; age_group: QueueAgeGroup; age_months: number }[]> {
  return m.query(
    `SELECT h.application_id, h.facility_id, h.age_group, a.age_months
       FROM (SELECT DISTINCT ON (ch.facility_id, ch.age_group) ch.*
               FROM application_choices ch
              WHERE ch.status = 'waiting' AND ch.rank = 1
              ORDER BY ch.facility_id, ch.age_group, ${queueOrderBy('ch')}) h
       JOIN applications a ON a.id = h.application_id
      ORDER BY h.facility_id, ${queueOrderBy('h')}`,
  );
}

/** The ids of the applications of these parents. */
export async function applicationIdsOf(m: EntityManager, parentIds: readonly string[]): Promise<string[]> {
  const rows: { id: string }[] = await m.query('SELECT id FROM applications WHERE parent_id = ANY($1::uuid[])', [parentIds]);
  return rows.map((r) => r.id);
}

/**
 * An open offer holding a place of the class, as the operator's offer does (through libs/facilities' holdPlace, in
 * the caller's transaction); false when the class has no vacancy.
 */
export async function openDemoOffer(
  m: EntityManager,
  o: { applicationId: string; facilityId: string; classId: string; expiresOn: string; offeredBy: string },
): Promise<boolean> {
  if (!(await holdPlace(m, o.classId))) return false;
  await m.query(
    `INSERT INTO offers (application_id, facility_id, class_id, status, expires_on, offered_by) VALUES ($1, $2, $3, 'open', $4, $5)`,
    [o.applicationId, o.facilityId, o.classId, o.expiresOn, o.offeredBy],
  );
  await m.query(`UPDATE application_choices SET status = 'offered' WHERE application_id = $1 AND facility_id = $2`, [
    o.applicationId,
    o.facilityId,
  ]);
  return true;
}
