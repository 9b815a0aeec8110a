import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Safe retries of POST: the Idempotency-Key of a request, claimed in its write's transaction, and its answer (libs/core). */
export class IdempotencyKeys1765900000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status integer,
      headers jsonb,
      body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_idempotency_keys" PRIMARY KEY (scope, key)
    )`);
    await q.query('CREATE INDEX "IDX_idempotency_keys_created" ON idempotency_keys (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
