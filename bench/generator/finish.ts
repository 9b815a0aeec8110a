import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { refreshClassSummaries } from '../../libs/facilities/src/class-summary.js';
import { refreshLatestInspections } from '../../libs/inspections/src/latest-inspections.js';
import { refreshYearlyCounts } from '../../libs/inspections/src/yearly-counts.js';
import { rebuildMapGrid } from '../../libs/search/src/map-grid-store.js';
import { FACILITY_KINDS } from '../../libs/standards/src/registry-types.js';
import { FiguresService } from '../../libs/targets/src/figures.service.js';
import { writeCasework } from './casework.js';
import { databaseUrl, runOn, type Deferred } from './database.js';
import { fillInspectionPlan } from './plan.js';
import type { GenerateOptions } from './options.js';
import type { Timed, Timings } from './phases.js';
import { formatSeconds, Progress } from './progress.js';

const TABLES = [
  'regions',
  'region_populations',
  'region_figures',
  'users',
  'facilities',
  'classes',
  'staff',
  'inspections',
  'latest_inspections',
  'inspection_year_counts',
  'rectification_orders',
  'registration_sequences',
  'applications',
  'application_choices',
  'alerts',
  'incidents',
  'complaints',
  'change_filings',
  'map_grid_points',
  'map_grid_cells',
  'inspection_plan_items',
];

/** The app's code takes an EntityManager but only ever calls `query` on it. */
function manager(client: pg.Client): EntityManager {
  return { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager;
}

/**
 * What the application would have derived as the rows were written (class summaries, latest inspections, registration sequences, unit
 * figures), then the keys, indexes and foreign keys, statistics, a check and the summary.
 */
export async function finish(
  o: GenerateOptions,
  clients: readonly pg.Client[],
  deferred: Deferred,
  timed: Timed,
  timings: Timings,
  started: number,
): Promise<void> {
  const [a] = clients as [pg.Client];
  await timed('derived columns and rows', async () => {
    await refreshClassSummaries(manager(a), null);
    // The update left a dead version of every facility row: rewrite the table while it has no indexes to rebuild.
    await a.query('VACUUM FULL facilities');
    await refreshLatestInspections(manager(a), null);
    await refreshYearlyCounts(manager(a), null);
    await a.query(
      `INSERT INTO registration_sequences (region_code, year, last_value)
       SELECT region_code, split_part(registration_no, '-', 3)::int, max(split_part(registration_no, '-', 4)::int)
         FROM facilities WHERE registration_no IS NOT NULL GROUP BY 1, 2`,
    );
    // Counting every kind, the default of COUNTED_FACILITY_KINDS; only recomputeAll's SQL is used, not the data source.
    const figures = new FiguresService(null as never, { countedKinds: [...FACILITY_KINDS] } as never);
    await figures.recomputeAll(manager(a));
    // The map's grid, as the migration's backfill and the nightly repair compute it.
    await rebuildMapGrid(manager(a));
  });
  await timed('keys + indexes + foreign keys', () => restore(clients.slice(0, 2), deferred));
  await timed('casework (alerts, incidents, complaints, change filings)', () => writeCasework(a, o.facilities));
  await timed('vacuum analyze', () =>
    runOn(
      clients.slice(0, 2),
      TABLES.map((t) => `VACUUM (ANALYZE) ${t}`),
      () => undefined,
    ),
  );
  // After the indexes: the plan's inputs (staff, orders, latest inspections) are read by facility, as the worker reads them.
  await timed('inspection plan (every facility, as the nightly refresh)', async () => {
    const rows = await fillInspectionPlan(databaseUrl(o.serverUrl, o.database));
    await a.query('VACUUM (ANALYZE) inspection_plan_items');
    console.log(`inspection plan: ${rows.toLocaleString('en')} rows`);
  });
  await report(a, o, timings, started);
}

/** Keys first (foreign keys need them), then indexes and foreign keys, two at a time (the machine has two cores). */
async function restore(clients: readonly pg.Client[], deferred: Deferred): Promise<void> {
  const progress = new Progress('keys + indexes', deferred.keys.length + deferred.indexes.length + deferred.foreignKeys.length);
  await runOn(clients, deferred.keys, () => progress.add(1));
  await runOn(clients, [...deferred.indexes, ...deferred.foreignKeys], () => progress.add(1));
  progress.finish();
}

async function report(client: pg.Client, o: GenerateOptions, timings: Timings, started: number): Promise<void> {
  const outside = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM facilities f JOIN regions r ON r.code = f.region_code
      WHERE NOT ST_Covers(r.boundary, f.location::geometry)`,
  );
  if (outside.rows[0]!.n !== '0') throw new Error(`${outside.rows[0]!.n} facilities lie outside their unit`);
  console.log(`\n${o.database}: rows and sizes (table + indexes + TOAST)`);
  for (const table of TABLES) {
    const { rows } = await client.query<{ n: string; size: string }>(
      `SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('${table}')) AS size FROM ${table}`,
    );
    console.log(`  ${table.padEnd(24)} ${Number(rows[0]!.n).toLocaleString('en').padStart(12)}  ${rows[0]!.size}`);
  }
  console.log('elapsed per phase');
  for (const [phase, seconds] of timings) console.log(`  ${phase.padEnd(40)} ${formatSeconds(seconds)}`);
  const size = await client.query<{ size: string; bytes: string }>(
    'SELECT pg_size_pretty(pg_database_size(current_database())) AS size, pg_database_size(current_database()) AS bytes',
  );
  console.log(
    `database size ${size.rows[0]!.size} (${size.rows[0]!.bytes} bytes); elapsed so far ${formatSeconds((Date.now() - started) / 1000)}`,
  );
}
