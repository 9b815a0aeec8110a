import { spawn } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connection tuned for bulk work: no waiting for WAL flushes, room to sort for index builds, no JIT. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET jit = off; SET statement_timeout = 0");
  return client;
}

/**
 * Refuses to start when the file system of PostgreSQL's data directory has less free space than the estimate.
 * Only stat is needed on the directory, not read access, so this works for a user other than postgres.
 */
export async function checkFreeDisk(admin: pg.Client, neededBytes: number): Promise<{ dataDirectory: string; freeBytes: number }> {
  const { rows } = await admin.query<{ data_directory: string }>('SHOW data_directory');
  const dataDirectory = rows[0]!.data_directory;
  const fs = await statfs(dataDirectory);
  const freeBytes = fs.bavail * fs.bsize;
  if (freeBytes < neededBytes) {
    throw new Error(
      `not enough free disk for this size: ${gib(freeBytes)} free under ${dataDirectory}, about ${gib(neededBytes)} needed ` +
        '(data, indexes, WAL and a margin). Free some space or generate a smaller size.',
    );
  }
  return { dataDirectory, freeBytes };
}

export function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/** Drops (only with `force`) and creates the database. */
export async function recreateDatabase(admin: pg.Client, database: string, force: boolean): Promise<void> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (rowCount && !force) throw new Error(`database ${database} exists: pass --force to drop it and generate it again`);
  const name = pg.escapeIdentifier(database);
  if (rowCount) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
}

/** The project's own migrations (scripts/migrate.ts), so the schema is exactly the application's. */
export async function migrate(url: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
  if (code !== 0) throw new Error(`migrations failed (exit ${code})`);
}

/** The keys, foreign keys and indexes of the loaded tables, as SQL that recreates them. */
export interface Deferred {
  keys: string[];
  indexes: string[];
  foreignKeys: string[];
}

/**
 * Drops the primary keys, foreign keys (also those pointing at these tables) and indexes of `tables`, returning the
 * statements that recreate them. Loading into bare tables and building each index once, by sorting, is much faster
 * than maintaining them row by row, and checking a foreign key once is one join instead of a probe per row.
 */
export async function dropForLoad(client: pg.Client, tables: readonly string[]): Promise<Deferred> {
  const constraints = await client.query<{ tbl: string; name: string; def: string; contype: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def, contype
       FROM pg_constraint
      WHERE (contype IN ('p', 'u', 'f') AND conrelid = ANY($1::regclass[])) OR (contype = 'f' AND confrelid = ANY($1::regclass[]))
      ORDER BY contype = 'f' DESC, conname`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
       FROM pg_index i
      WHERE indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  const alter = (c: { tbl: string; name: string }) => `ALTER TABLE ${c.tbl} DROP CONSTRAINT ${pg.escapeIdentifier(c.name)}`;
  // Foreign keys first, then the keys they depend on.
  for (const c of constraints.rows) await client.query(alter(c));
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  const add = (c: { tbl: string; name: string; def: string }) =>
    `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${pg.escapeIdentifier(c.name)} ${c.def}`;
  return {
    keys: constraints.rows.filter((c) => c.contype !== 'f').map(add),
    indexes: indexes.rows.map((i) => i.def),
    foreignKeys: constraints.rows.filter((c) => c.contype === 'f').map(add),
  };
}

/** Runs statements on a few connections at once (each takes the next statement when done). */
export async function runOn(clients: readonly pg.Client[], statements: readonly string[], onDone: () => void): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < statements.length) {
        await client.query(statements[next++]!);
        onDone();
      }
    }),
  );
}
