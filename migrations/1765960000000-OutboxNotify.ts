import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the outbox relay when events are written: every statement that inserts outbox rows sends a notification on
 * the channel `outbox_pending`, which PostgreSQL delivers when (and only if) the transaction commits. The relay keeps
 * polling as the fallback (apps/worker/src/outbox/outbox-relay.service.ts; docs/architecture.md "Data flow").
 */
export class OutboxNotify1765960000000 implements MigrationInterface {
  name = 'OutboxNotify1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_pending', '');
        RETURN NULL;
      END $$`);
    await q.query('CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER outbox_notify ON outbox');
    await q.query('DROP FUNCTION outbox_notify()');
  }
}
