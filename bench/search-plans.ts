/**
 * Checks a generated database is usable by the parents' search: runs the project's nearby SQL (nearbySql) in the
 * densest unit's core, with and without filters, and between cities, and prints EXPLAIN (ANALYZE, BUFFERS) for each,
 * warm (the second run). Then a few of the regulators' queries that grow with the country (national-scale checks).
 * Usage: npm run bench -- [--database childcare_bench_s] [--server postgres://postgres@127.0.0.1:5432]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DOMAINS } from '../libs/inspections/src/inspection-rules.types.js';
import type { Bbox } from '../libs/search/src/map-grid.js';
import { mapClustersSql } from '../libs/search/src/map-sql.js';
import { nearbySql, type NearbyCriteria } from '../libs/search/src/nearby-sql.js';
import { ageGroupsFor } from '../libs/standards/src/classes.js';
import { databaseUrl } from './generator/database.js';

interface Check {
  name: string;
  text: string;
  values: unknown[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'childcare_bench_s' },
      server: { type: 'string', default: process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432' },
      verbose: { type: 'boolean', default: false },
      'timeout-s': { type: 'string', default: '300' },
    },
  });
  const client = new pg.Client({ connectionString: databaseUrl(values.server!, values.database!) });
  await client.connect();
  try {
    // As the app's connections: JIT does not pay off for these queries (docs/architecture.md "Geo").
    await client.query('SET jit = off');
    // A query that does not scale is reported as such instead of holding the run for an hour.
    await client.query(`SET statement_timeout = '${Number(values['timeout-s'])}s'`);
    for (const check of await checks(client)) {
      const { summary, plan } = await explain(client, check);
      console.log(`${check.name.padEnd(58)} ${summary}`);
      if (values.verbose) console.log(`${plan}\n`);
    }
  } finally {
    await client.end();
  }
}

async function checks(client: pg.Client): Promise<Check[]> {
  const core = await densestCore(client);
  const between = await betweenCities(client);
  const nearby = (name: string, c: Partial<NearbyCriteria> & { lat: number; lng: number }): Check => ({
    name,
    ...nearbySql({ radiusM: 3000, limit: 20, ...c }, DOMAINS),
  });
  const city = `${core.code.slice(0, 4)}00`;
  const ids = async (reach: string, values: unknown[]) =>
    (await client.query<{ id: string }>(`SELECT f.id FROM facilities f WHERE ${IN_PLAN} AND ${reach}`, values)).rows.map((r) => r.id);
  const cityIds = await ids(CITY_REACH, [city]);
  const allIds = await ids('TRUE', []);
  return [
    nearby(`nearby, dense core of ${core.code} (${core.count} facilities)`, core),
    nearby('nearby, dense core, age 18 months + vacancy + affordable', {
      ...core,
      ageGroups: ageGroupsFor(18),
      hasVacancy: true,
      affordable: true,
    }),
    nearby('nearby, dense core, 20 km, maxFee 2000, kind family', { ...core, radiusM: 20_000, maxFee: 2000, kind: 'family' }),
    nearby('nearby, between cities, 50 km', { ...between, radiusM: 50_000 }),
    mapClusters('map: clusters, whole country, zoom 4', { minLng: 73, minLat: 18, maxLng: 135, maxLat: 54 }, 4),
    mapClusters('map: clusters, one city, zoom 10', cityBox(core), 10),
    // InspectionService.plan: the facilities in a city regulator's reach (reachPredicate), then per facility and
    // domain the latest inspection, with the ids passed as one array parameter as the service does; and the same for
    // an admin, whose reach is the whole country.
    {
      name: `plan: facilities in reach, city ${city}`,
      text: `SELECT f.id FROM facilities f WHERE ${IN_PLAN} AND ${CITY_REACH}`,
      values: [city],
    },
    { name: `plan: latest inspections, city ${city}`, text: LATEST_INSPECTIONS, values: [cityIds] },
    { name: `plan: latest inspections, whole country (admin)`, text: LATEST_INSPECTIONS, values: [allIds] },
    {
      // The same answer by one index probe per facility and domain (as nearbySql does), for comparison.
      name: 'plan: latest inspections, whole country, probes',
      text: `SELECT f.id, d.domain, i.inspected_at, i.outcome
               FROM unnest($1::uuid[]) AS f(id) CROSS JOIN unnest($2::text[]) AS d(domain)
               CROSS JOIN LATERAL (SELECT inspected_at, outcome FROM inspections
                                    WHERE facility_id = f.id AND domain = d.domain ORDER BY inspected_at DESC LIMIT 1) i`,
      values: [allIds, DOMAINS],
    },
    {
      // InspectionService.plan: staff active at another facility too (blind index).
      name: `plan: multi-listed staff, city ${city}`,
      text: `SELECT DISTINCT s.facility_id FROM staff s
              WHERE s.facility_id = ANY($1::uuid[]) AND s.ended_on IS NULL
                AND EXISTS (SELECT 1 FROM staff o JOIN facilities f ON f.id = o.facility_id
                             WHERE o.id_number_index = s.id_number_index AND o.facility_id <> s.facility_id AND o.ended_on IS NULL AND f.status <> 'closed')`,
      values: [cityIds],
    },
  ];
}

/** SearchService.map's cluster query for a box and zoom (from the grid through zoom 12). */
function mapClusters(name: string, bbox: Bbox, zoom: number): Check {
  return { name, ...mapClustersSql(bbox, zoom) };
}

/** About 40 km around a point: a city on the map. */
function cityBox(p: { lat: number; lng: number }): Bbox {
  return { minLng: p.lng - 0.25, minLat: p.lat - 0.2, maxLng: p.lng + 0.25, maxLat: p.lat + 0.2 };
}

/** The statuses InspectionService.plan looks at, and a city regulator's reach as reachPredicate writes it. */
const IN_PLAN = "f.status IN ('submitted', 'registered', 'suspended')";
const CITY_REACH = 'left(f.region_code, 4) = left($1, 4)';

const LATEST_INSPECTIONS = `SELECT DISTINCT ON (facility_id, domain) facility_id, domain, inspected_at, outcome
  FROM inspections WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, domain, inspected_at DESC`;

/** The unit with the most registered facilities, and the mean point of them (its dense core). */
async function densestCore(client: pg.Client): Promise<{ code: string; count: number; lat: number; lng: number }> {
  const { rows } = await client.query<{ code: string; count: number; lat: number; lng: number }>(
    `SELECT region_code AS code, count(*)::int AS count, avg(ST_Y(location::geometry)) AS lat, avg(ST_X(location::geometry)) AS lng
       FROM facilities WHERE status = 'registered' GROUP BY region_code ORDER BY count(*) DESC LIMIT 1`,
  );
  return rows[0]!;
}

/** A point 0.1° south of the southernmost unit: outside every city. */
async function betweenCities(client: pg.Client): Promise<{ lat: number; lng: number }> {
  const { rows } = await client.query<{ lat: number; lng: number }>(
    `SELECT ST_YMin(boundary) - 0.1 AS lat, (ST_XMin(boundary) + ST_XMax(boundary)) / 2 AS lng
       FROM regions WHERE boundary IS NOT NULL ORDER BY ST_YMin(boundary) LIMIT 1`,
  );
  return rows[0]!;
}

/** The second run's plan (the first warms the cache) and a one-line summary: time, buffers, the scan on facilities. */
async function explain(client: pg.Client, check: Check): Promise<{ summary: string; plan: string }> {
  const sql = `EXPLAIN (ANALYZE, BUFFERS) ${check.text}`;
  const run = () => client.query<{ 'QUERY PLAN': string }>(sql, check.values);
  const first = await run().catch((e: unknown) => e);
  if (first instanceof Error) return { summary: `not answered: ${first.message}`, plan: '' };
  const { rows } = await run();
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  const buffers = /Buffers: ([^\n]+)/.exec(plan)?.[1];
  const scan = /(\w[\w ]*Scan)[^\n]* on facilities/.exec(plan)?.[1] ?? '-';
  return { summary: `${time} ms  [${scan}; ${buffers}]`, plan };
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
