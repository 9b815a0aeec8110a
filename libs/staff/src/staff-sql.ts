import type { EntityManager } from 'typeorm';

/**
 * Writes to the staff table that go with another library's change, in that change's transaction (the table is this
 * library's: docs/architecture.md "Table ownership").
 */

/** A removed class leaves the caregivers assigned to it (libs/facilities' ClassRemoval: class deletion, change filings). */
export async function unassignClass(m: EntityManager, facilityId: string, classId: string): Promise<void> {
  await m.query('UPDATE staff SET class_ids = array_remove(class_ids, $1::uuid) WHERE facility_id = $2 AND $1::uuid = ANY(class_ids)', [
    classId,
    facilityId,
  ]);
}
