import type { EntityManager } from 'typeorm';
import { FACILITY_HEADINGS_SQL } from '@lib/facilities';

/**
 * An incident keeps a copy of its facility's unit (`incidents.region_code`, for the regions' inbox index). A facility
 * moves in libs/facilities (an edit before approval, or an approved change filing), which lies left of this library
 * and records `facility.changed` with both units; the worker's `follow-incident-units` job then runs this. It reads
 * the facility as it is now, so it is idempotent, and a rerun or a late run after a second move writes the same.
 * Two runs for one facility (a job sent again while the first still runs) take turns on an advisory lock held to
 * commit, so the later one reads the facility after the earlier one's write and never puts back an older unit.
 * Returns how many incidents moved.
 */
export async function followFacilityUnit(m: EntityManager, facilityId: string): Promise<number> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('incident-units:' || $1, 0))`, [facilityId]);
  const [, moved]: [unknown, number] = await m.query(
    `UPDATE incidents i SET region_code = f.region_code
       FROM (${FACILITY_HEADINGS_SQL}) f
      WHERE f.id = $1 AND i.facility_id = f.id AND i.region_code <> f.region_code`,
    [facilityId],
  );
  return moved;
}
