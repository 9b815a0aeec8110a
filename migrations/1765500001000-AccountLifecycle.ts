import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts can be revoked (issue #14): a token version checked on every request, and disabling. */
export class AccountLifecycle1765500001000 implements MigrationInterface {
  name = 'AccountLifecycle1765500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE users ADD COLUMN disabled_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN disabled_at');
    await q.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
