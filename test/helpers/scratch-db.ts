import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { API_MAIN } from './api-process.js';

const run = promisify(execFile);
const DIST = API_MAIN.replace('apps/api/src/main.js', 'scripts/');

/**
 * A database of a suite's own (beside the shared test database), with its owner's and the application role's URLs,
 * its own audit checkpoint folder, and the built command-line scripts (dist/scripts) run against it.
 */
export function scratchDatabase(prefix: string) {
  const ownerBase = new URL(process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!);
  const appBase = new URL(process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}`;
  const at = (base: URL, db: string) => Object.assign(new URL(base.href), { pathname: `/${db}` }).href;
  const ownerUrl = at(ownerBase, name);
  const appUrl = at(appBase, name);
  const checkpoints = mkdtempSync(join(tmpdir(), `${prefix}-cp-`));
  const dbEnv = { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl, AUDIT_CHECKPOINT_DIR: checkpoints };
  const env = { ...process.env, NODE_OPTIONS: '', ...dbEnv };

  /** One statement on the server's `postgres` database as the owner (CREATE and DROP DATABASE). */
  async function admin(sql: string): Promise<void> {
    const c = new pg.Client({ connectionString: at(ownerBase, 'postgres') });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  /** Runs `dist/scripts/<script>.js` on this database: its exit code and everything it printed. */
  const script = (scriptName: string, ...args: string[]) =>
    run(process.execPath, [`${DIST}${scriptName}.js`, ...args], { env }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  return { name, ownerUrl, appUrl, checkpoints, dbEnv, admin, script };
}
