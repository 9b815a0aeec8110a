import type { EntityManager } from 'typeorm';
import { refreshClassSummaries } from './class-summary.js';

/**
 * A class's places as other libraries change them (libs/applications' offers): each is one conditional UPDATE, so
 * that under concurrency the row lock serialises them and the condition is re-read after a competing commit (READ
 * COMMITTED): two offers can never hold, nor two acceptances fill, more places than the class has. Each refreshes
 * the facility's class summary in the same transaction, so the public search and facility page see it at commit.
 * The caller's transaction records the audit entry and the event.
 */
export interface PlaceChange {
  facilityId: string;
  places: number;
  enrolled: number;
  held: number;
}

const RETURNING = 'RETURNING facility_id AS "facilityId", places, enrolled, held';

async function change(m: EntityManager, sql: string, classId: string): Promise<PlaceChange | null> {
  // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affected count].
  const [rows]: [PlaceChange[], number] = await m.query(sql, [classId]);
  const row = rows[0] ?? null;
  if (row) await refreshClassSummaries(m, [row.facilityId]);
  return row;
}

/** Holds one vacant place; null when the class has none (or does not exist). */
export function holdPlace(m: EntityManager, classId: string): Promise<PlaceChange | null> {
  return change(
    m,
    `UPDATE classes SET held = held + 1, updated_at = now() WHERE id = $1 AND enrolled + held < places ${RETURNING}`,
    classId,
  );
}

/** Gives a held place back (offer declined, expired or withdrawn); null when none was held. */
export function releasePlace(m: EntityManager, classId: string): Promise<PlaceChange | null> {
  return change(m, `UPDATE classes SET held = held - 1, updated_at = now() WHERE id = $1 AND held > 0 ${RETURNING}`, classId);
}

/**
 * Turns a held place into an enrolled child (offer accepted): `enrolled` + 1 and the hold released in one statement;
 * the class's version moves on, so an operator's edit read before it gets 412.
 */
export function enrolHeldPlace(m: EntityManager, classId: string): Promise<PlaceChange | null> {
  return change(
    m,
    `UPDATE classes SET held = held - 1, enrolled = enrolled + 1, version = version + 1, updated_at = now()
      WHERE id = $1 AND held > 0 ${RETURNING}`,
    classId,
  );
}
