import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A draft may be saved incomplete (issue #18, item 5): a facility's profile fields other than its name and location
 * may be empty (NULL) while it is a draft; the filing checks at submission name what is missing (docs/registry.md
 * "Drafts"). Any other status needs the whole profile (facilities_profile_complete_check), as before.
 */
const FIELDS = [
  'credit_code',
  'kind',
  'ownership',
  'service_types',
  'address',
  'floors',
  'indoor_area_m2',
  'outdoor_area_m2',
  'monthly_fee',
  'phone',
  'opening_hours',
  'exit_count',
];

export class DraftsIncomplete1765980000000 implements MigrationInterface {
  name = 'DraftsIncomplete1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE facilities ${FIELDS.map((f) => `ALTER COLUMN ${f} DROP NOT NULL`).join(', ')}`);
    await q.query(
      `ALTER TABLE facilities ADD CONSTRAINT facilities_profile_complete_check CHECK (status = 'draft' OR (${FIELDS.map((f) => `${f} IS NOT NULL`).join(' AND ')}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE facilities DROP CONSTRAINT facilities_profile_complete_check');
    // Fails while an incomplete draft exists: complete or delete it first (a draft's rows are the operator's).
    await q.query(`ALTER TABLE facilities ${FIELDS.map((f) => `ALTER COLUMN ${f} SET NOT NULL`).join(', ')}`);
  }
}
