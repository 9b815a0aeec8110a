// The plan tests' own database (test/e2e/*-plan*): migrated, filled with bulk data whose statistics must touch no
// other suite, dropped after; the generated regions and operator they fill it from; and the nodes of an EXPLAIN
// (FORMAT JSON) plan.
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

/** The generated regions: cities 22cc00 (cc = 1..cities), each with units 22ccdd (dd = 1..unitsPerCity). */
export interface PlanRegions {
  cities: number;
  unitsPerCity: number;
}

/** Inserts the regions, a unit named `unitNames[dd - 1]` (区dd by default); every unit of a city shares its boundary. */
export async function insertPlanRegions(
  db: pg.Client,
  { cities, unitsPerCity }: PlanRegions,
  unitNames: readonly string[] = Array.from({ length: unitsPerCity }, (_, d) => `区${d + 1}`),
): Promise<void> {
  await db.query(
    `INSERT INTO regions (code, name, name_en, level, kind)
     SELECT '22' || lpad(c::text, 2, '0') || '00', '市' || c, 'City ' || c, 'city', 'city' FROM generate_series(1, $1::int) c`,
    [cities],
  );
  await db.query(
    `INSERT INTO regions (code, name, name_en, level, kind, parent_code, boundary)
     SELECT '22' || lpad(c::text, 2, '0') || lpad(d::text, 2, '0'), ($3::text[])[d], 'Unit ' || d, 'district', 'district',
            '22' || lpad(c::text, 2, '0') || '00', ST_Multi(ST_MakeEnvelope(125 + c, 43, 125.5 + c, 43.5, 4326))
       FROM generate_series(1, $1::int) c, generate_series(1, $2::int) d`,
    [cities, unitsPerCity, unitNames],
  );
}

/** The operator who owns every generated facility; returns its id. */
export async function insertPlanOperator(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, display_name, role) VALUES ('plan', 'x', 'plan', 'operator') RETURNING id`,
  );
  return rows[0]!.id;
}

/**
 * What differs between the plan tests' facilities: SQL over `i` (the facility's number), `u` (its unit's number) and
 * `unit` (its unit's code), whose own parameters are $5 on. A column left out keeps its default.
 */
export interface PlanFacilityColumns {
  name: string;
  status: string;
  registration_no?: string;
  created_at?: string;
}

/**
 * Inserts `count` facilities of one operator, facility i in unit u = i mod (all units) of the regions (city 1 + u /
 * unitsPerCity), alike in everything but `columns`.
 */
export async function insertPlanFacilities(
  db: pg.Client,
  { cities, unitsPerCity }: PlanRegions,
  count: number,
  columns: PlanFacilityColumns,
  values: readonly unknown[] = [],
): Promise<void> {
  const owner = await insertPlanOperator(db);
  const own = Object.entries(columns);
  await db.query(
    `INSERT INTO facilities (owner_id, credit_code, kind, ownership, affordable, medical_integrated, serves_meals, service_types,
        address, location, public_location, floors, indoor_area_m2, outdoor_area_m2, monthly_fee, phone, opening_hours,
        exit_count, surveillance, region_code, ${own.map(([column]) => column).join(', ')})
     SELECT $1, '9122' || lpad((i % 10000)::text, 4, '0') || 'MA' || lpad(i::text, 7, '0') || 'X', 'centre', 'private',
        false, false, false, ARRAY['full_day'], '人民路' || i || '号', p, p, '{1}', 100, 50, 2000, '0', '08:00-17:00', 2, true,
        unit, ${own.map(([, sql]) => sql).join(', ')}
       FROM (SELECT i, u, '22' || lpad((1 + u / $3::int)::text, 2, '0') || lpad((1 + u % $3::int)::text, 2, '0') AS unit,
                    ST_SetSRID(ST_MakePoint(125.2 + u / $3::int, 43.2), 4326)::geography AS p
               FROM (SELECT i, i % $4::int AS u FROM generate_series(0, $2::int - 1) AS i) n) s`,
    [owner, count, unitsPerCity, cities * unitsPerCity, ...values],
  );
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
