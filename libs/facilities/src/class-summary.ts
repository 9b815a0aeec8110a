import type { EntityManager } from 'typeorm';

/**
 * Brings the facilities' summary of their classes (age groups, age groups with a free place, places, vacancies (places
 * neither enrolled nor held by an open offer) and
 * when they were last reported) up to date from the classes themselves. Called in the transaction that changes
 * classes, and in bulk by loaders that write classes directly (the demo seed, the benchmark generator; `null` = all).
 */
export async function refreshClassSummaries(m: EntityManager, facilityIds: readonly string[] | null): Promise<void> {
  await m.query(
    `UPDATE facilities f SET
        age_groups = s.age_groups, vacant_age_groups = s.vacant_age_groups,
        place_count = s.place_count, vacancies = s.vacancies, vacancies_updated_at = s.updated_at
      FROM (
        SELECT f2.id,
               coalesce(array_agg(DISTINCT c.age_group) FILTER (WHERE c.id IS NOT NULL), '{}') AS age_groups,
               coalesce(array_agg(DISTINCT c.age_group) FILTER (WHERE c.places > c.enrolled + c.held), '{}') AS vacant_age_groups,
               coalesce(sum(c.places), 0)::int AS place_count,
               coalesce(sum(c.places - c.enrolled - c.held), 0)::int AS vacancies,
               max(c.updated_at) AS updated_at
        FROM facilities f2 LEFT JOIN classes c ON c.facility_id = f2.id
        WHERE $1::uuid[] IS NULL OR f2.id = ANY($1::uuid[])
        GROUP BY f2.id
      ) s
      WHERE f.id = s.id`,
    [facilityIds],
  );
}
