import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AuditEnvSchema, auditSettings, validateEnv } from '@lib/core';
import { GENESIS_HASH, linkHash } from '@lib/audit';

interface Row {
  id: string;
  subject_type: string;
  subject_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_role: string;
  action: string;
  changes: Record<string, unknown> | null;
}

/**
 * The audit chains become keyed (HMAC-SHA256 with AUDIT_HMAC_KEY, which the database never holds; issue #14):
 * the entries written so far are re-linked with the key, once, here (the only place the trail is ever rewritten,
 * by the owner, triggers off for that statement). Every entry records the id of its key (rotation).
 */
export class AuditKeyedChains1765500000000 implements MigrationInterface {
  name = 'AuditKeyedChains1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_entries ADD COLUMN key_id text');
    const [{ n }] = (await q.query('SELECT count(*)::int AS n FROM audit_entries')) as { n: number }[];
    if (n > 0) {
      const settings = auditSettings(validateEnv(AuditEnvSchema));
      const key = settings.keys.get(settings.currentKeyId)!;
      await q.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete');
      const rows = (await q.query(
        `SELECT id, subject_type, subject_id, seq, at, actor_id, actor_role, action, changes
           FROM audit_entries ORDER BY subject_type, subject_id, seq`,
      )) as Row[];
      let prev = GENESIS_HASH;
      let chain = '';
      for (const r of rows) {
        const id = `${r.subject_type}\u0000${r.subject_id}`;
        if (id !== chain) [chain, prev] = [id, GENESIS_HASH];
        const link = {
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          seq: r.seq,
          at: new Date(r.at),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          action: r.action,
          changes: r.changes,
          prevHash: prev,
        };
        const hash = linkHash(link, key);
        await q.query('UPDATE audit_entries SET prev_hash = $2, hash = $3, key_id = $4 WHERE id = $1', [
          r.id,
          prev,
          hash,
          settings.currentKeyId,
        ]);
        prev = hash;
      }
      await q.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete');
    }
    await q.query('ALTER TABLE audit_entries ALTER COLUMN key_id SET NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // The trail is never undone: its keyed hashes cannot become unkeyed ones without rewriting it.
    const [{ n }] = (await q.query('SELECT count(*)::int AS n FROM audit_entries')) as { n: number }[];
    if (n > 0) throw new Error('refused: the audit trail holds entries and is never reverted (docs/operations.md)');
    await q.query('ALTER TABLE audit_entries DROP COLUMN key_id');
  }
}
