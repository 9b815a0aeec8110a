import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facility search box (issue #19 item 1; docs/api.md "Facility search"): `GET /facilities?q=` at national scale.
 * - pg_trgm's GIN index over name, registration number and credit code serves a `q` with three letters or digits in
 *   a row (ILIKE '%q%' on any of the three).
 * - A `q` without (most often one or two Chinese characters) gives pg_trgm no trigram to look up: name_grams, the
 *   name's lower-cased characters and pairs of characters, and its GIN index serve it instead. Stored, so that
 *   rechecking a row reads it rather than computing it again (~50 µs a name).
 * - The list is newest first: the (created_at, id) index lets a common `q` (or none) walk the newest facilities and
 *   stop at a page, where reading every match and sorting them would cost more. Which of the two is cheaper the
 *   planner tells from the statistics: a 1,000-entry histogram of names (not 100), so that a name part in one
 *   facility of a thousand is not taken for one in a hundred (a walk 10 times longer than it guessed), and
 *   name_grams' 10,000 most common elements.
 */
export class FacilitySearch1766010000000 implements MigrationInterface {
  name = 'FacilitySearch1766010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // A standard SQL body: parsed once, here, so that restoring a dump (search_path empty) computes the same.
    await q.query(`
      CREATE FUNCTION facility_name_grams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN ARRAY(SELECT DISTINCT substr(lower(name), i, n)
                     FROM generate_series(1, char_length(name)) AS i, generate_series(1, 2) AS n
                    WHERE i + n - 1 <= char_length(name))`);
    await q.query('ALTER TABLE facilities ADD name_grams text[] GENERATED ALWAYS AS (facility_name_grams(name)) STORED NOT NULL');
    // TypeORM compares generated columns' expressions with what it recorded here (migration:generate --check).
    await q.query(
      `INSERT INTO typeorm_metadata (database, schema, "table", type, name, value)
       VALUES (current_database(), 'public', 'facilities', 'GENERATED_COLUMN', 'name_grams', 'facility_name_grams(name)')`,
    );
    await q.query('ALTER TABLE facilities ALTER name SET STATISTICS 1000, ALTER name_grams SET STATISTICS 1000');
    await q.query(
      'CREATE INDEX "IDX_facilities_q_trgm" ON facilities USING gin (name gin_trgm_ops, registration_no gin_trgm_ops, (credit_code::text) gin_trgm_ops)',
    );
    await q.query('CREATE INDEX "IDX_facilities_name_grams" ON facilities USING gin (name_grams)');
    await q.query('CREATE INDEX "IDX_facilities_created" ON facilities (created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_facilities_created"');
    await q.query('DROP INDEX "IDX_facilities_name_grams"');
    await q.query('DROP INDEX "IDX_facilities_q_trgm"');
    await q.query('ALTER TABLE facilities ALTER name SET STATISTICS -1');
    await q.query(`DELETE FROM typeorm_metadata WHERE type = 'GENERATED_COLUMN' AND "table" = 'facilities' AND name = 'name_grams'`);
    await q.query('ALTER TABLE facilities DROP name_grams');
    await q.query('DROP FUNCTION facility_name_grams(text)');
    // The extension stays: another object may use it by now, and it costs nothing unused.
  }
}
