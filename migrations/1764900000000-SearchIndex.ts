import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public search reads one row per facility (docs/architecture.md "Geo"): the public location in Web Mercator, derived by
 * PostgreSQL and indexed over registered facilities for nearest-first walks, and a summary of the classes (age
 * groups, those with a free place, places, vacancies and when they were reported) so filters need no join.
 */
export class SearchIndex1764900000000 implements MigrationInterface {
  name = 'SearchIndex1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE facilities
      ADD public_merc geometry(Point,3857) GENERATED ALWAYS AS (ST_Transform(public_location::geometry, 3857)) STORED NOT NULL,
      ADD age_groups text[] NOT NULL DEFAULT '{}',
      ADD vacant_age_groups text[] NOT NULL DEFAULT '{}',
      ADD place_count integer NOT NULL DEFAULT 0,
      ADD vacancies integer NOT NULL DEFAULT 0,
      ADD vacancies_updated_at timestamptz`);
    // TypeORM compares generated columns' expressions with what it recorded here (migration:generate --check).
    await q.query(
      `INSERT INTO typeorm_metadata (database, schema, "table", type, name, value)
       VALUES (current_database(), 'public', 'facilities', 'GENERATED_COLUMN', 'public_merc', 'ST_Transform(public_location::geometry, 3857)')`,
    );
    await q.query(
      `CREATE INDEX "IDX_facilities_public_merc_registered" ON facilities USING gist (public_merc) WHERE status = 'registered'`,
    );
    await q.query(`UPDATE facilities f SET
        age_groups = s.age_groups, vacant_age_groups = s.vacant_age_groups,
        place_count = s.place_count, vacancies = s.vacancies, vacancies_updated_at = s.updated_at
      FROM (
        SELECT facility_id,
               array_agg(DISTINCT age_group) AS age_groups,
               coalesce(array_agg(DISTINCT age_group) FILTER (WHERE places > enrolled), '{}') AS vacant_age_groups,
               sum(places)::int AS place_count, sum(places - enrolled)::int AS vacancies, max(updated_at) AS updated_at
        FROM classes GROUP BY facility_id
      ) s
      WHERE f.id = s.facility_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM typeorm_metadata WHERE type = 'GENERATED_COLUMN' AND "table" = 'facilities' AND name = 'public_merc'`);
    await q.query(`DROP INDEX "IDX_facilities_public_merc_registered"`);
    await q.query(`ALTER TABLE facilities DROP COLUMN public_merc, DROP COLUMN age_groups, DROP COLUMN vacant_age_groups,
      DROP COLUMN place_count, DROP COLUMN vacancies, DROP COLUMN vacancies_updated_at`);
  }
}
