// Issue #14, defect 1: the audit trail is tamper-evident against the database's owner. In a database of its own
// (the tampering would break every other suite's verification), migrated by two processes at once (defect 8).
import { readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditEnvSchema, auditSettings, canonicalJson, dataSourceOptions, validateEnv } from '@lib/core';
import { auditEntities, AuditService } from '@lib/audit';
import { Foundation1764320000000 } from '../../migrations/1764320000000-Foundation.js';
import { scratchDatabase } from '../helpers/scratch-db.js';

// Each step starts a script (a Node process): generous on a busy machine.
const SLOW = 180_000;
const { name: dbName, ownerUrl, appUrl, checkpoints, admin, script } = scratchDatabase('childcare_tamper');

let owner: pg.Client;
let app: pg.Client;
let ds: DataSource;
let audit: AuditService;

async function chain(subjectId: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await ds.transaction((m) =>
      audit.record(m, {
        subjectType: 'region',
        subjectId,
        actor: { id: null, role: 'admin' },
        action: 'population.set',
        changes: { population: i },
      }),
    );
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName}`);
  // Two replicas starting at once: the advisory lock lets one migrate while the other waits, and both succeed.
  const both = await Promise.all([script('migrate'), script('migrate')]);
  expect(both.map((r) => r.code)).toEqual([0, 0]);
  owner = new pg.Client({ connectionString: ownerUrl });
  app = new pg.Client({ connectionString: appUrl });
  await owner.connect();
  await app.connect();
  ds = new DataSource(dataSourceOptions({ url: appUrl, poolSize: 2, statementTimeoutMs: 30000 }, auditEntities));
  await ds.initialize();
  audit = new AuditService(ds, { ...auditSettings(validateEnv(AuditEnvSchema)), checkpointDir: checkpoints });
}, 300_000);

afterAll(async () => {
  await ds?.destroy();
  await owner?.end();
  await app?.end();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  rmSync(checkpoints, { recursive: true, force: true });
});

describe('migrations run by several processes at once (defect 8)', () => {
  it(
    'are applied once each',
    async () => {
      const rows = await owner.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name HAVING count(*) > 1');
      expect(rows.rows).toEqual([]);
    },
    SLOW,
  );
});

describe('the application’s database role (defect 1)', () => {
  it(
    'owns nothing, cannot switch triggers off, change or remove audit entries',
    async () => {
      const owned = await app.query(
        'SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)',
      );
      expect(owned.rows[0].n).toBe(0);
      await expect(app.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
      await expect(app.query('ALTER TABLE audit_entries DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
      await expect(app.query('DELETE FROM audit_entries')).rejects.toThrow(/permission denied/);
      await expect(app.query("UPDATE audit_entries SET action = 'x'")).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE audit_entries')).rejects.toThrow(/permission denied/);
      await expect(app.query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    },
    SLOW,
  );
});

describe('tampering by the database owner (defect 1)', () => {
  it(
    'an untouched trail verifies, with a checkpoint',
    async () => {
      await chain('220102', 4);
      await chain('220103', 3);
      expect((await script('audit-checkpoint')).code).toBe(0);
      const verified = await script('audit-verify');
      expect(verified.out).toMatch(/audit: 2 chains, 7 entries, 1 checkpoints, 0 broken/);
      expect(verified.code).toBe(0);
    },
    SLOW,
  );

  it(
    'a removed tail, triggers off, breaks the chain against the checkpoint',
    async () => {
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      await owner.query("DELETE FROM audit_entries WHERE subject_id = '220102' AND seq = 4");
      await owner.query('COMMIT');
      const verified = await script('audit-verify');
      expect(verified.code).toBe(1);
      expect(verified.out).toMatch(/BROKEN region\/220102 at seq 4: checkpoint/);
    },
    SLOW,
  );

  it(
    'a rewritten chain with recomputed unkeyed hashes is broken',
    async () => {
      const rows = (await owner.query("SELECT * FROM audit_entries WHERE subject_id = '220103' ORDER BY seq")).rows;
      let prev = '0'.repeat(64);
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      for (const r of rows) {
        const content = {
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          seq: r.seq,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorRole: r.actor_role,
          action: r.action,
          changes: { population: 999 },
        };
        const hash = createHash('sha256').update(prev).update(canonicalJson(content)).digest('hex');
        await owner.query('UPDATE audit_entries SET changes = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
          r.id,
          content.changes,
          prev,
          hash,
        ]);
        prev = hash;
      }
      await owner.query('COMMIT');
      const verified = await script('audit-verify');
      expect(verified.code).toBe(1);
      expect(verified.out).toMatch(/BROKEN region\/220103 at seq 1: hash/);
    },
    SLOW,
  );

  it(
    'a forged checkpoint is reported',
    async () => {
      const [file] = readdirSync(checkpoints);
      const c = JSON.parse(readFileSync(join(checkpoints, file!), 'utf8'));
      c.heads = [];
      writeFileSync(join(checkpoints, 'checkpoint-9999-forged.json'), JSON.stringify(c));
      const verified = await script('audit-verify');
      expect(verified.out).toMatch(/BROKEN checkpoint\/checkpoint-9999-forged.json at seq 0: checkpoint_signature/);
    },
    SLOW,
  );

  it(
    'reverting the first migration refuses to drop the audit trail',
    async () => {
      const q = ds.createQueryRunner();
      try {
        await expect(new Foundation1764320000000().down(q)).rejects.toThrow(/refused: the audit trail/);
      } finally {
        await q.release();
      }
      // Later migrations go down one by one (as many as there are: bounded by their number, not a guess that the
      // next migration outgrows); the one that would touch the trail refuses.
      const migrations = (await owner.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n as number;
      let reverted = await script('migrate', '--revert');
      for (let i = 1; i < migrations && reverted.code === 0; i++) reverted = await script('migrate', '--revert');
      expect(reverted.code).not.toBe(0);
      expect(reverted.out).toMatch(/refused: the audit trail/);
      expect((await owner.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n).toBeGreaterThan(0);
    },
    SLOW,
  );
});
