import pg from 'pg';
import { DatabaseEnvSchema, validateEnv } from '@lib/core';
import dataSource from '../migrations/data-source.js';

/**
 * Applies pending migrations (`node dist/scripts/migrate.js`); `--revert` undoes the last one. Runs as the owner
 * (DATABASE_OWNER_URL), under an advisory lock, so replicas starting together apply each migration once. Then grants
 * the application's role (DATABASE_URL's user, when it is another role) what it needs and nothing more: rows of every
 * table, never DDL, and on the audit trail only SELECT and INSERT.
 */
const revert = process.argv.includes('--revert');
const env = validateEnv(DatabaseEnvSchema);
const LOCK = "SELECT pg_advisory_lock(hashtextextended('childcare:migrations', 0))";
const UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('childcare:migrations', 0))";

await dataSource.initialize();
const runner = dataSource.createQueryRunner();
try {
  await runner.connect();
  await runner.query(LOCK);
  if (revert) await dataSource.undoLastMigration({ transaction: 'each' });
  else {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `migrations applied: ${applied.map((m) => m.name).join(', ')}` : 'migrations: up to date');
  }
  const owner = decodeURIComponent(new URL(env.DATABASE_OWNER_URL || env.DATABASE_URL).username || 'postgres');
  const app = decodeURIComponent(new URL(env.DATABASE_URL).username || 'postgres');
  if (env.DATABASE_OWNER_URL && app !== owner) {
    const role = pg.escapeIdentifier(app);
    await runner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await runner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM ${role}`);
    await runner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${role}`);
    console.log(`grants: role ${app} reads and writes rows, owns nothing; audit_entries SELECT and INSERT only`);
  }
} finally {
  await runner.query(UNLOCK).catch(() => undefined);
  await runner.release();
  await dataSource.destroy();
}
