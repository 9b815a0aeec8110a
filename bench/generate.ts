/**
 * The national-scale data generator (README.md): a fresh database with the application's schema, loaded with COPY
 * with synthetic but plausible units, users, facilities, classes, staff, inspections and rectification orders,
 * deterministic from a seed. Usage: npm run bench:generate -- --size S|N [--facilities n …] [--seed 42] [--force].
 */
import type pg from 'pg';
import { parseGenerateOptions, estimateBytes, type GenerateOptions } from './generator/options.js';
import { checkFreeDisk, connect, databaseUrl, dropForLoad, gib, migrate, recreateDatabase } from './generator/database.js';
import { loadAll } from './generator/load.js';
import { finish } from './generator/finish.js';
import { formatSeconds } from './generator/progress.js';
import { phaseTimer, type Timings } from './generator/phases.js';

async function main(): Promise<void> {
  const options = parseGenerateOptions(process.argv.slice(2));
  const started = Date.now();
  const timings: Timings = [];
  const timed = phaseTimer(timings);
  console.log(describe(options));

  const admin = await connect(databaseUrl(options.serverUrl, 'postgres'));
  try {
    const disk = await checkFreeDisk(admin, estimateBytes(options));
    console.log(`free disk under ${disk.dataDirectory}: ${gib(disk.freeBytes)} (about ${gib(estimateBytes(options))} needed)`);
    await timed('create + migrate', async () => {
      await recreateDatabase(admin, options.database, options.force);
      await migrate(databaseUrl(options.serverUrl, options.database));
    });
  } finally {
    await admin.end();
  }

  const url = databaseUrl(options.serverUrl, options.database);
  const clients: pg.Client[] = await Promise.all([connect(url), connect(url), connect(url), connect(url)]);
  try {
    const deferred = await dropForLoad(clients[0]!, ['facilities', 'classes', 'staff', 'inspections', 'rectification_orders']);
    await loadAll(options, clients, timed);
    await finish(options, clients, deferred, timed, timings, started);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  console.log(`total ${formatSeconds((Date.now() - started) / 1000)}`);
}

function describe(o: GenerateOptions): string {
  const n = (x: number) => x.toLocaleString('en');
  return (
    `generating ${o.database}: ${n(o.units)} units, ${n(o.facilities)} facilities, ${n(o.staff)} staff, ` +
    `${n(o.inspections)} inspections (seed ${o.seed}, reference day ${new Date(o.now).toISOString().slice(0, 10)})`
  );
}

main().catch((e: unknown) => {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
