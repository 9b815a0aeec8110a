import type { EntityManager } from 'typeorm';

/**
 * Keeps `latest_inspections` (the latest inspection per facility and domain) in step with `inspections`, inside the
 * caller's transaction, as every inspection write does (recorded, amended, loaded). `null` refreshes every facility
 * (the demo loader, the bench generator).
 *
 * Two inspections of one facility and domain committing at once: each computes from its own snapshot, so the upsert
 * keeps a row only when it is not older than the one it would replace (re-checked on the row lock after the other's
 * commit), and an amendment of the latest inspection replaces its outcome.
 */
export async function refreshLatestInspections(m: EntityManager, facilityIds: readonly string[] | null): Promise<void> {
  await m.query(
    `INSERT INTO latest_inspections AS l (facility_id, domain, inspection_id, outcome, inspected_at)
     SELECT DISTINCT ON (facility_id, domain) facility_id, domain, id, outcome, inspected_at
       FROM inspections
      WHERE $1::uuid[] IS NULL OR facility_id = ANY($1::uuid[])
      ORDER BY facility_id, domain, inspected_at DESC, id DESC
     ON CONFLICT (facility_id, domain) DO UPDATE
        SET inspection_id = excluded.inspection_id, outcome = excluded.outcome, inspected_at = excluded.inspected_at
      WHERE (excluded.inspected_at, excluded.inspection_id) >= (l.inspected_at, l.inspection_id)`,
    [facilityIds],
  );
}
