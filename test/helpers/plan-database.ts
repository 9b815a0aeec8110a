// The plan tests' own database (test/e2e/search-plan, facility-search-plan): migrated, filled with bulk data whose
// statistics must touch no other suite, dropped after; and the nodes of an EXPLAIN (FORMAT JSON) plan.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { API_MAIN } from './api-process.js';

const MIGRATE = API_MAIN.replace('apps/api/src/main.js', 'scripts/migrate.js');

export interface PlanDatabase {
  db: pg.Client;
  drop(): Promise<void>;
}

/** Creates and migrates a database named `<prefix>_<pid>_<n>`, connected as its owner without JIT. */
export async function planDatabase(prefix: string): Promise<PlanDatabase> {
  const base = new URL(process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL!);
  const name = `${prefix}_${process.pid}_${Date.now() % 100000}`;
  const url = (db: string) => Object.assign(new URL(base.href), { pathname: `/${db}` }).href;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  await promisify(execFile)(process.execPath, [MIGRATE], { env: { ...process.env, DATABASE_URL: url(name), DATABASE_OWNER_URL: '' } });
  const db = new pg.Client({ connectionString: url(name), options: '-c jit=off' });
  await db.connect();
  return {
    db,
    drop: async () => {
      await db.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Order By'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, the root first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}
