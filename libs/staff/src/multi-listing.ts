/**
 * The multi-listing rule (docs/domain.md, docs/security.md "staff ID oracle"), written once and read by the staff
 * service, libs/inspections' risk and libs/targets' alerts.
 *
 * A person (the blind index of the ID number) is *multi-listed* when another active record of theirs exists at a
 * facility that is not closed. Regulators see both sides of it (`either`). The record entered later is the one that
 * made the conflict (`enteredLater`): its operator is told that the person is listed elsewhere, never where; it
 * raises that facility's risk and alert. The facility that listed the person first sees nothing and is not marked,
 * so that entering a competitor's caregiver's ID number neither reveals where they work nor harms the competitor.
 */
import type { EntityManager } from 'typeorm';
import { facilityNotClosedSql } from '@lib/facilities';

export type MultiListingSide = 'either' | 'enteredLater';

/** SQL, true when the active staff row aliased `s` conflicts with another active record of the same person (on `side`). */
export function multiListedSql(s: string, side: MultiListingSide): string {
  const enteredFirst = side === 'enteredLater' ? `AND (o.created_at, o.id) < (${s}.created_at, ${s}.id)` : '';
  return `(${s}.ended_on IS NULL AND EXISTS (
  SELECT 1 FROM staff o
   WHERE o.id_number_index = ${s}.id_number_index AND o.facility_id <> ${s}.facility_id
     AND o.ended_on IS NULL AND ${facilityNotClosedSql('o.facility_id')} ${enteredFirst}))`;
}

/** What a caller sees of the rule on a roster or a compliance check: operators their own side, everyone else both. */
export const multiListingSideFor = (role: string): MultiListingSide => (role === 'operator' ? 'enteredLater' : 'either');

/** Of these facilities, those with an active staff record that is multi-listed on `side` (the inspection plan's risk). */
export async function facilitiesWithMultiListedStaff(
  m: EntityManager,
  facilityIds: readonly string[],
  side: MultiListingSide,
): Promise<Set<string>> {
  const rows: { facility_id: string }[] = await m.query(
    `SELECT DISTINCT s.facility_id FROM staff s
      WHERE s.facility_id = ANY($1::uuid[]) AND s.ended_on IS NULL AND ${multiListedSql('s', side)}`,
    [facilityIds],
  );
  return new Set(rows.map((r) => r.facility_id));
}

/**
 * The other facilities with an active record of a person who has a record (active or ended) at this one: those whose
 * multi-listing a change here can start or end (the inspection plan's refresh of one facility).
 */
export async function facilitiesSharingStaff(m: EntityManager, facilityId: string): Promise<string[]> {
  const rows: { facility_id: string }[] = await m.query(
    `SELECT DISTINCT o.facility_id FROM staff s
       JOIN staff o ON o.id_number_index = s.id_number_index AND o.ended_on IS NULL AND o.facility_id <> s.facility_id
      WHERE s.facility_id = $1`,
    [facilityId],
  );
  return rows.map((r) => r.facility_id);
}
