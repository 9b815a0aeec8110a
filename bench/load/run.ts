// npm run bench -- --database childcare_bench_n [--label N] [--seconds 20] [--connections 50] [--rounds 2]
//                  [--parts load,map,sql,history,recompute,event,incident,applications,lists,report] [--scenario <part of a scenario's name>]
//                  [--unit-size <registered facilities of the units the search's points come from; default: the 10 largest>]
//
// Measures the hot paths against a generated database (bench/generate.ts) and appends the figures to
// bench/RESULTS.md: nearby search and map through the API against a plain Fastify + pg server running the identical
// SQL (same data, load generator and run), the search SQL alone and its plans, one facility's inspection history,
// the full recompute of unit figures (places and waiting children), the event-to-figure latency, the
// incident-report-to-alert latency, an operator's applicants list and the offer/accept cycle (issue #17), the
// regulators' and the admin's facility search box (issue #19 item 1), the annual report of every unit (issue #19
// item 7), and the API's memory under load.
// Needs the build (`npm run build`); starts its own API, worker and reference server on free ports.
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { nearbySql } from '../../libs/search/src/nearby-sql.js';
import { mapClustersSql, mapSinglesSql } from '../../libs/search/src/map-sql.js';
import { parseBbox } from '../../libs/search/src/map-grid.js';
import { ageGroupsFor } from '../../libs/standards/src/classes.js';
import { encodeCursor } from '../../libs/core/src/pagination.js';
import { facilityListSql, queryMatch } from '../../libs/facilities/src/facility-list.js';
import { planItemsSql, type PlanCursor } from '../../libs/inspections/src/inspection-plan.service.js';
import { FiguresService } from '../../libs/targets/src/figures.service.js';
import { ReportService } from '../../libs/reports/src/report.service.js';
import { load, ms, percentile, timeEach, type LoadResult } from './measure.js';
import { startProcess, type Running } from './processes.js';

const DOMAINS = ['fire', 'food', 'building', 'hygiene'];
const ROOT = new URL('../../', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'childcare_bench_s' },
    label: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    parts: { type: 'string', default: 'load,map,sql,history,recompute,event,incident,applications,lists,report' },
    scenario: { type: 'string', default: '' },
    // The search's points from the 10 units whose registered facilities number closest to this, instead of the 10
    // largest: S's 10 largest hold about 100, N's about 180, so that N's points have 60 % more neighbours within
    // 3 km. Comparing N with S on the same density (issue #19 item 5) takes `--unit-size 100` at N.
    'unit-size': { type: 'string' },
  },
});
const parts = new Set(args.parts!.split(','));
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const databaseUrl = Object.assign(new URL(base.href), { pathname: `/${args.database}` }).href;
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const rounds = Number(args.rounds);
const label = args.label ?? args.database!;
const report: string[] = [];
const say = (line = '') => {
  console.log(line);
  report.push(line);
};

const env = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  APP_ENV: 'demo',
  LOG_LEVEL: 'warn',
  JWT_SECRET: randomBytes(32).toString('hex'),
  ID_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  ID_BLIND_INDEX_KEY: randomBytes(32).toString('hex'),
  // The audit trail's key and checkpoints (issue #14): a key of the run's own, checkpoints in a directory of its own.
  AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
  AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'bench-audit-checkpoints-')),
  QUEUE_PREFIX: `bench${process.pid}`,
  // Rate limits are configuration: raised so that the load generator measures the service, not the limiter.
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILURES: '1000000',
};

const db = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c jit=off' });
const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await db.query(sql, params)).rows[0] as T;

/** Points where the load is: registered facilities of the ten units with the most, in a fixed order. */
async function densePoints(n: number): Promise<{ lat: number; lng: number }[]> {
  return (
    await db.query(
      `WITH top AS (SELECT region_code FROM facilities WHERE status = 'registered' GROUP BY 1
                     ORDER BY CASE WHEN $2::int IS NULL THEN -count(*) ELSE abs(count(*) - $2::int) END, 1 LIMIT 10)
       SELECT ST_Y(public_location::geometry) AS lat, ST_X(public_location::geometry) AS lng FROM facilities
        WHERE status = 'registered' AND region_code IN (SELECT region_code FROM top) ORDER BY md5(id::text) LIMIT $1`,
      [n, args['unit-size'] ?? null],
    )
  ).rows;
}

/**
 * A 1280×800 viewport at `zoom` around a point, as minLng,minLat,maxLng,maxLat, cut at the world's edges as a map
 * client cuts it (at zoom 3 it is wider than the world).
 */
function viewport(p: { lat: number; lng: number }, zoom: number): string {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const halfLat = 400 * degPerPx * Math.cos((p.lat * Math.PI) / 180);
  const lng = (v: number) => Math.max(-180, Math.min(180, v));
  const lat = (v: number) => Math.max(-85, Math.min(85, v));
  return [lng(p.lng - 640 * degPerPx), lat(p.lat - halfLat), lng(p.lng + 640 * degPerPx), lat(p.lat + halfLat)]
    .map((v) => v.toFixed(5))
    .join(',');
}

/** The map's zooms measured: a whole-country view (3) to a street (18), clusters through 12. */
const MAP_ZOOMS = [3, 4, 6, 8, 10, 12, 13, 15, 18];

interface Scenario {
  name: string;
  api: string[];
  plain: string[];
}

function scenarios(points: { lat: number; lng: number }[]): Scenario[] {
  const nearby = (extra: string) => points.map((p) => `?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radiusM=3000&limit=20${extra}`);
  const map = (zoom: number) => points.map((p) => `?bbox=${viewport(p, zoom)}&zoom=${zoom}`);
  const both = (name: string, apiPath: string, plainPath: string, queries: string[]) => ({
    name,
    api: queries.map((q) => apiPath + q),
    plain: queries.map((q) => plainPath + q),
  });
  return [
    both('nearby, 3 km', '/api/v1/public/facilities/nearby', '/nearby', nearby('')),
    both(
      'nearby, 3 km, age + affordable + vacancy',
      '/api/v1/public/facilities/nearby',
      '/nearby',
      nearby('&ageMonths=14&affordable=true&hasVacancy=true'),
    ),
    // Issue #19 item 2: every zoom from a whole-country view to a street, clusters (from the grid through zoom 12) and singles.
    ...MAP_ZOOMS.map((zoom) => both(`map, zoom ${zoom}${zoom <= 12 ? ' (clusters)' : ''}`, '/api/v1/public/map', '/map', map(zoom))),
  ];
}

async function compare(api: Running, plain: Running, s: Scenario): Promise<void> {
  // Warm both (JIT of the JS, PostgreSQL's caches), then alternate, so that drift over time hits both alike.
  await load(api.url, s.api, { connections, seconds: 3 });
  await load(plain.url, s.plain, { connections, seconds: 3 });
  const a: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await load(api.url, s.api, { connections, seconds, watchPid: api.pid }));
    b.push(await load(plain.url, s.plain, { connections, seconds }));
  }
  const mean = (xs: LoadResult[], f: (x: LoadResult) => number) => xs.reduce((t, x) => t + f(x), 0) / xs.length;
  const [aRps, bRps, aP50, bP50, aP99, bP99] = [
    mean(a, (x) => x.rps),
    mean(b, (x) => x.rps),
    mean(a, (x) => x.p50),
    mean(b, (x) => x.p50),
    mean(a, (x) => x.p99),
    mean(b, (x) => x.p99),
  ];
  const bad = [...a, ...b].reduce((t, x) => t + x.errors + x.non2xx, 0);
  say(
    `| ${s.name} | ${aRps.toFixed(0)} | ${bRps.toFixed(0)} | **${(aRps / bRps).toFixed(2)}** | ${aP50.toFixed(1)} / ${bP50.toFixed(1)} | ` +
      `${aP99.toFixed(1)} / ${bP99.toFixed(1)} | **${(aP99 / bP99).toFixed(2)}** | ${Math.max(...a.map((x) => x.rssMax ?? 0)).toFixed(0)} | ${bad} |`,
  );
}

async function searchSqlAlone(points: { lat: number; lng: number }[]): Promise<void> {
  say('\n### Search SQL alone (sequential, one connection, 3 km, limit 20)\n');
  say('| query | p50 | p95 | max rows removed by filter | sequential scans of facilities |');
  say('|---|---|---|---|---|');
  const variants: [string, (p: { lat: number; lng: number }) => Parameters<typeof nearbySql>[0]][] = [
    ['no filter', (p) => ({ ...p, radiusM: 3000, limit: 20 })],
    [
      'age 14 m + affordable + vacancy',
      (p) => ({ ...p, radiusM: 3000, limit: 20, ageGroups: ageGroupsFor(14), affordable: true, hasVacancy: true }),
    ],
  ];
  for (const [name, criteria] of variants) {
    const times = await timeEach(points.length, (i) => {
      const { text, values } = nearbySql(criteria(points[i]!), DOMAINS);
      return db.query(text, values);
    });
    let removed = 0;
    let seqScans = 0;
    for (const p of points.slice(0, 50)) {
      const { text, values } = nearbySql(criteria(p), DOMAINS);
      const plan = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values)).rows[0]['QUERY PLAN'][0].Plan;
      for (const n of walk(plan)) {
        if (n['Relation Name'] !== 'facilities') continue;
        if (n['Node Type'] === 'Seq Scan') seqScans++;
        removed = Math.max(removed, (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0));
      }
    }
    say(`| ${name} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${removed} | ${seqScans} of 50 plans |`);
  }
}

async function mapSqlAlone(points: { lat: number; lng: number }[]): Promise<void> {
  say('\n### Map SQL alone (sequential, one connection, a 1280×800 viewport around each point)\n');
  say('| viewport | p50 | p95 | features (max) | answer bytes (max) |');
  say('|---|---|---|---|---|');
  for (const zoom of MAP_ZOOMS) {
    let features = 0;
    let bytes = 0;
    const times = await timeEach(points.length, async (i) => {
      const bbox = parseBbox(viewport(points[i]!, zoom))!;
      // As the API: single facilities above zoom 12 unless more than 500, else clusters (from the grid through zoom 12).
      let json: string | null = null;
      if (zoom > 12) {
        const singles = mapSinglesSql(bbox);
        const [row] = (await db.query(singles.text, singles.values)).rows;
        if (row.count <= 500) json = row.features;
      }
      if (json === null) {
        const clusters = mapClustersSql(bbox, zoom);
        json = (await db.query(clusters.text, clusters.values)).rows[0].features as string;
      }
      features = Math.max(features, (JSON.parse(json) as unknown[]).length);
      bytes = Math.max(bytes, Buffer.byteLength(json) + 60);
    });
    say(`| zoom ${zoom} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${features} | ${(bytes / 1024).toFixed(1)} KB |`);
  }
}

/**
 * The map through the API, one request at a time (issue #19 item 2: p95 ≤ 20 ms at every zoom from 3 to 18): a
 * 1280×800 viewport around each point, timed to the last byte.
 */
async function mapThroughApi(api: Running, points: { lat: number; lng: number }[]): Promise<void> {
  say('\n### Map through the API (sequential, one connection, a 1280×800 viewport around each point)\n');
  say('| zoom | answer | p50 | p95 | max | features (max) |');
  say('|---|---|---|---|---|---|');
  for (const zoom of MAP_ZOOMS) {
    let features = 0;
    const clustered = new Set<boolean>();
    const times = await timeEach(points.length, async (i) => {
      const res = await fetch(`${api.url}/api/v1/public/map?bbox=${viewport(points[i]!, zoom)}&zoom=${zoom}`);
      if (res.status !== 200) throw new Error(`map zoom ${zoom}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { clustered: boolean; features: unknown[] };
      features = Math.max(features, body.features.length);
      clustered.add(body.clustered);
    });
    const answer = [...clustered].map((c) => (c ? 'clusters' : 'singles')).join(' / ');
    say(`| ${zoom} | ${answer} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} | ${features} |`);
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}
const walk = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(walk)];

async function login(api: Running, username: string, password: string): Promise<string> {
  const res = await fetch(`${api.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in as `username` after setting its password (the generated users have none anyone knows). */
async function loginAs(api: Running, username: string): Promise<string> {
  const password = `bench-${randomBytes(8).toString('hex')}`;
  await db.query('UPDATE users SET password_hash = $2 WHERE username = $1', [username, await hash(password)]);
  return login(api, username, password);
}

/**
 * The annual report (issue #19 item 7: every unit at N within 5 s): a city's, as the admin asks for it (JSON and XLSX
 * of the current year, alternated, five times each, timed to the last byte received), then the yearly job that
 * computes and keeps every region's.
 */
async function annualReport(api: Running): Promise<void> {
  const admin = await one<{ username: string }>(`SELECT username FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  const token = await loginAs(api, admin.username);
  const year = new Date().getUTCFullYear();
  const formats = [
    ['JSON', 'application/json'],
    ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const;
  const times = new Map<string, number[]>(formats.map(([name]) => [name, []]));
  const sizes = new Map<string, number>();
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    for (const [name, accept] of formats) {
      const t0 = performance.now();
      const res = await fetch(`${api.url}/api/v1/reports/annual?year=${year}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: accept },
      });
      const body = Buffer.from(await res.arrayBuffer());
      times.get(name)!.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`annual report (${name}): ${res.status} ${body.toString().slice(0, 200)}`);
      sizes.set(name, body.length);
      if (name === 'JSON') rows = (JSON.parse(body.toString()) as { rows: unknown[] }).rows.length;
    }
  }
  say(
    `\n### Annual report of ${year} as the admin asks for it: one city, its units and itself (${rows} rows; API, 5 times each format, alternated)\n`,
  );
  say('| format | size | p50 | max |');
  say('|---|---|---|---|');
  for (const [name] of formats) {
    const t = times.get(name)!;
    say(`| ${name} | ${(sizes.get(name)! / 1024).toFixed(0)} KiB | ${ms(percentile(t, 50))} | ${ms(Math.max(...t))} |`);
  }
  // The yearly job (generate-annual-report): every unit's figures in one grouped statement, every region's report kept.
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, extra: { options: '-c jit=off' } });
  await ds.initialize();
  const reports = new ReportService(ds, { countedKinds: ['centre', 'kindergarten_class', 'family', 'employer', 'community'] } as never);
  const t0 = performance.now();
  const kept = await reports.generateAndKeep(year);
  const took = performance.now() - t0;
  await ds.destroy();
  say(
    `\nThe yearly job, every region's report computed and kept (${kept} regions, one grouped statement): ${ms(took)}, ${ms(took / kept)} a region.`,
  );
}

async function inspectionHistory(api: Running): Promise<void> {
  // The generator's admin, or the one the API created at start when there was none.
  const admin = await one<{ username: string }>(`SELECT username FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  const token = await loginAs(api, admin.username);
  const ids: string[] = (await db.query(`SELECT id FROM facilities WHERE status = 'registered' ORDER BY md5(id::text) LIMIT 300`)).rows.map(
    (r) => r.id,
  );
  const { avg } = await one<{ avg: number }>(
    `SELECT avg(n)::float AS avg FROM (SELECT count(*) AS n FROM inspections WHERE facility_id = ANY($1::uuid[]) GROUP BY facility_id) s`,
    [ids],
  );
  const times = await timeEach(ids.length, async (i) => {
    const res = await fetch(`${api.url}/api/v1/facilities/${ids[i]}/inspections?limit=20`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`history: ${res.status}`);
    await res.arrayBuffer();
  });
  say(
    `\n### One facility's inspection history (API, newest 20, sequential, ${ids.length} facilities, ${avg.toFixed(0)} inspections each on average)\n`,
  );
  say(`p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`);
}

async function recompute(): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, extra: { options: '-c jit=off' } });
  await ds.initialize();
  const figures = new FiguresService(ds, { countedKinds: ['centre', 'kindergarten_class', 'family', 'employer', 'community'] });
  const times = await timeEach(3, () => ds.transaction((m) => figures.recomputeAll(m)));
  const { units } = await one<{ units: number }>(`SELECT count(*)::int AS units FROM regions`);
  await ds.destroy();
  say(`\n### Full recompute of all unit and city figures, places and waiting children (${units} regions)\n`);
  say(`runs: ${times.map(ms).join(', ')}`);
}

async function eventToFigure(api: Running): Promise<void> {
  const worker = await startProcess('worker', [`${ROOT}dist/apps/worker/src/main.js`], env, null, (out) => out.includes('worker running'));
  try {
    const settled = await settle();
    const target = await one<{ class_id: string; username: string; region_code: string }>(
      `SELECT c.id AS class_id, u.username, f.region_code FROM classes c JOIN facilities f ON f.id = c.facility_id
         JOIN users u ON u.id = f.owner_id WHERE f.status = 'registered' AND c.places > 1 ORDER BY md5(c.id::text) LIMIT 1`,
    );
    const token = await loginAs(api, target.username);
    const auth = { Authorization: `Bearer ${token}` };
    const latencies: number[] = [];
    // Enough changes for a p99 (issue #19 item 3: p50 ≤ 50 ms, p99 ≤ 250 ms).
    for (let i = 0; i < 200; i++) {
      const before = await one<{ updated_at: Date | null }>('SELECT updated_at FROM region_figures WHERE region_code = $1', [
        target.region_code,
      ]);
      const cls = await fetch(`${api.url}/api/v1/classes/${target.class_id}`, { headers: auth });
      const { enrolled } = (await cls.json()) as { enrolled: number };
      const res = await fetch(`${api.url}/api/v1/classes/${target.class_id}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': cls.headers.get('etag')! },
        body: JSON.stringify({ enrolled: enrolled > 0 ? enrolled - 1 : 1 }),
      });
      if (res.status !== 200) throw new Error(`PATCH class: ${res.status} ${await res.text()}`);
      const t0 = performance.now();
      for (;;) {
        const now = await one<{ updated_at: Date | null }>('SELECT updated_at FROM region_figures WHERE region_code = $1', [
          target.region_code,
        ]);
        if (now?.updated_at && (!before?.updated_at || now.updated_at > before.updated_at)) break;
        if (performance.now() - t0 > 30_000) throw new Error('figures not updated within 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - t0);
    }
    say(`\n### Event to updated unit figure (class change acknowledged → region_figures updated; worker relay and job)\n`);
    say(`Measured once the worker had caught up (its start-up scans and earlier parts' events: ${ms(settled)}).\n`);
    say(
      `${latencies.length} changes, one after another: p50 ${ms(percentile(latencies, 50))} (target ≤ 50 ms), p95 ${ms(percentile(latencies, 95))}, ` +
        `p99 ${ms(percentile(latencies, 99))} (target ≤ 250 ms), max ${ms(Math.max(...latencies))}`,
    );
  } finally {
    await worker.stop();
  }
}

/**
 * Waits until a newly started worker has caught up: no outbox row pending (earlier parts' events) and no job holding an
 * advisory lock (the start-up alert scan and figure history) for a whole second. Returns how long that took.
 */
async function settle(): Promise<number> {
  const t0 = performance.now();
  let quietSince: number | null = null;
  for (;;) {
    const { busy } = await one<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM outbox WHERE done_at IS NULL)
           OR EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                       WHERE l.locktype = 'advisory' AND d.datname = current_database()) AS busy`,
    );
    const now = performance.now();
    if (busy) quietSince = null;
    else if (quietSince === null) quietSince = now;
    else if (now - quietSince >= 1000) return now - t0;
    if (now - t0 > 600_000) throw new Error('the worker did not catch up within 10 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Report to alert (docs/incidents.md): an operator reports a critical incident that happened 3 hours ago (so it is
 * late) through the API; timed from the 201 until its `incident_reported_late` alert is in the `alerts` table, written
 * by the worker (outbox relay → BullMQ → incident scan). Ten reports, one after another.
 */
async function reportToAlert(api: Running): Promise<void> {
  const worker = await startProcess('worker', [`${ROOT}dist/apps/worker/src/main.js`], env, null, (out) => out.includes('worker running'));
  try {
    const target = await one<{ id: string; username: string }>(
      `SELECT f.id, u.username FROM facilities f JOIN users u ON u.id = f.owner_id
        WHERE f.status = 'registered' ORDER BY md5(f.id::text) LIMIT 1`,
    );
    const token = await loginAs(api, target.username);
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${api.url}/api/v1/facilities/${target.id}/incidents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          kind: 'injury',
          severity: 'critical',
          occurredAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
          childrenAffected: 1,
          hospitalized: 1,
          description: 'bench',
          actionsTaken: 'bench',
        }),
      });
      if (res.status !== 201) throw new Error(`POST incident: ${res.status} ${await res.text()}`);
      const { id } = (await res.json()) as { id: string };
      const t0 = performance.now();
      for (;;) {
        const row = await one<{ n: number }>(
          "SELECT count(*)::int AS n FROM alerts WHERE kind = 'incident_reported_late' AND subject_id = $1 AND resolved_at IS NULL",
          [id],
        );
        if (row.n > 0) break;
        if (performance.now() - t0 > 30_000) throw new Error('no alert within 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - t0);
    }
    say(`\n### Incident report to alert (late critical report acknowledged → incident_reported_late in alerts; worker relay and job)\n`);
    say(`10 reports: p50 ${ms(percentile(latencies, 50))}, max ${ms(Math.max(...latencies))}`);
  } finally {
    await worker.stop();
  }
}

/** GET/POST through the API as `token`; throws unless the status is `expected`. */
async function call(api: Running, token: string, method: 'GET' | 'POST', path: string, expected: number, body?: unknown): Promise<unknown> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Issue #17 (docs/applications.md): an operator's applicants list (one facility and age group, first page of 20, as
 * the console shows it) for 300 queues picked at random and the 50 longest; then offer/accept cycles, each an
 * operator's offer of a vacant place to the head of a first-choice queue and the parent's acceptance (which enrols the
 * child and withdraws the application's other choices), sequential, through the API.
 */
async function applicationsPart(api: Running): Promise<void> {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string) => tokens.get(username) ?? tokens.set(username, loginAs(api, username)).get(username)!;
  const queues = async (order: string, n: number) =>
    (
      await db.query(
        `SELECT q.facility_id, q.age_group, q.n, u.username FROM (
           SELECT facility_id, age_group, count(*)::int AS n FROM application_choices
            WHERE status IN ('waiting', 'offered') GROUP BY 1, 2) q
           JOIN facilities f ON f.id = q.facility_id JOIN users u ON u.id = f.owner_id
          ORDER BY ${order} LIMIT $1`,
        [n],
      )
    ).rows as { facility_id: string; age_group: string; n: number; username: string }[];
  say("\n### Applications (issue #17): an operator's applicants list (API, one facility and age group, 20 a page, sequential)\n");
  say('| queues | waiting (mean / max) | p50 | p95 | max |');
  say('|---|---|---|---|---|');
  for (const [name, list] of [
    ['300 at random', await queues('md5(q.facility_id::text || q.age_group)', 300)],
    ['the 50 longest', await queues('q.n DESC, q.facility_id', 50)],
  ] as const) {
    for (const q of list) await tokenOf(q.username);
    const times = await timeEach(list.length, async (i) => {
      const q = list[i]!;
      await call(
        api,
        await tokenOf(q.username),
        'GET',
        `/api/v1/applications?facilityId=${q.facility_id}&ageGroup=${q.age_group}&limit=20`,
        200,
      );
    });
    const mean = list.reduce((s, q) => s + q.n, 0) / list.length;
    say(
      `| ${name} | ${mean.toFixed(1)} / ${Math.max(...list.map((q) => q.n))} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} |`,
    );
  }
  // The floor on this machine at this moment: the cheapest signed-in request (`GET /auth/me`: the access guard and
  // one read of the user), as many times by the same operators.
  const floorList = await queues('md5(q.facility_id::text || q.age_group)', 300);
  const floor = await timeEach(floorList.length, async (i) =>
    call(api, await tokenOf(floorList[i]!.username), 'GET', '/api/v1/auth/me', 200),
  );
  say(
    `| (floor: \`GET /auth/me\` by the same operators) | | ${ms(percentile(floor, 50))} | ${ms(percentile(floor, 95))} | ${ms(Math.max(...floor))} |`,
  );

  // Heads of first-choice queues whose facility has a vacant class for the child's age, one per facility.
  const heads = (
    await db.query(
      `SELECT DISTINCT ON (h.facility_id) h.application_id, h.facility_id, c.id AS class_id, op.username AS operator, pa.username AS parent
         FROM (SELECT DISTINCT ON (ch.facility_id, ch.age_group) ch.application_id, ch.facility_id, ch.age_group
                 FROM application_choices ch WHERE ch.status = 'waiting' AND ch.rank = 1
                ORDER BY ch.facility_id, ch.age_group, ch.start_month, ch.applied_at, ch.application_id) h
         JOIN applications a ON a.id = h.application_id AND a.status = 'waiting'
         JOIN facilities f ON f.id = h.facility_id AND f.status = 'registered'
         JOIN classes c ON c.facility_id = f.id AND c.enrolled + c.held < c.places
                       AND (c.age_group = a.age_group OR (c.age_group = 'mixed' AND a.age_months >= 18))
         JOIN users op ON op.id = f.owner_id JOIN users pa ON pa.id = a.parent_id
        ORDER BY h.facility_id, md5(h.application_id::text) LIMIT 1000`,
    )
  ).rows as { application_id: string; facility_id: string; class_id: string; operator: string; parent: string }[];
  const cycles = heads.sort((x, y) => (md5Order(x.application_id) < md5Order(y.application_id) ? -1 : 1)).slice(0, 100);
  for (const h of cycles) {
    await tokenOf(h.operator);
    await tokenOf(h.parent);
  }
  const expiresOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const offers: number[] = [];
  const accepts: number[] = [];
  for (const h of cycles) {
    const operator = await tokenOf(h.operator);
    const parent = await tokenOf(h.parent);
    let t0 = performance.now();
    const offer = (await call(api, operator, 'POST', `/api/v1/applications/${h.application_id}/offers`, 201, {
      facilityId: h.facility_id,
      classId: h.class_id,
      expiresOn,
    })) as { id: string };
    offers.push(performance.now() - t0);
    t0 = performance.now();
    await call(api, parent, 'POST', `/api/v1/offers/${offer.id}/accept`, 200);
    accepts.push(performance.now() - t0);
  }
  say(`\n### Applications (issue #17): offer and accept (API, sequential, ${cycles.length} cycles, each in another facility)\n`);
  say('| step | p50 | p95 | max |');
  say('|---|---|---|---|');
  say(`| offer (holds a place) | ${ms(percentile(offers, 50))} | ${ms(percentile(offers, 95))} | ${ms(Math.max(...offers))} |`);
  say(
    `| accept (enrols, withdraws the other choices) | ${ms(percentile(accepts, 50))} | ${ms(percentile(accepts, 95))} | ${ms(Math.max(...accepts))} |`,
  );
}

/**
 * Issue #19 item 1 (docs/api.md "Facility search"): `GET /facilities?q=` as the admin, the regulator of the city with
 * the most facilities and of its unit with the most (one is made if the data has none), 20 a page, sequential, through
 * the API. Each q is taken from a facility in the caller's reach: one or two characters of its name (no trigram), three
 * to five, its registration number, its credit code; the first page, and the page after the facility 80% down the
 * caller's list (a cursor the API would write: this process has its JWT_SECRET).
 */
/**
 * The callers of the regulators' lists (issue #19 item 1): the admin, the health regulator of the city with the most
 * facilities, and of that city's largest unit; `reach` is the facilities they see, as SQL on facilities' columns.
 */
async function regulatorRoles() {
  process.env.JWT_SECRET = env.JWT_SECRET;
  const admin = await one<{ username: string }>(`SELECT username FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  const { city } = await one<{ city: string }>(
    `SELECT left(region_code, 4) || '00' AS city FROM facilities GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const { unit } = await one<{ unit: string }>(
    `SELECT region_code AS unit FROM facilities WHERE left(region_code, 4) = left($1, 4) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [city],
  );
  const regulator = async (code: string) => {
    await db.query(
      `INSERT INTO users (username, password_hash, display_name, role, agency, region_code)
       VALUES ($1, 'x', $1, 'regulator', 'health', $2) ON CONFLICT (username) DO NOTHING`,
      [`bench-health-${code}`, code],
    );
    return `bench-health-${code}`;
  };
  return [
    { name: 'admin', username: admin.username, reach: 'TRUE', params: [] as string[], as: { kind: 'all' } as const },
    {
      name: `city regulator (${city})`,
      username: await regulator(city),
      reach: 'region_code BETWEEN $1 AND $2',
      params: [city, `${city.slice(0, 4)}99`],
      as: { kind: 'region', regionCode: city } as const,
    },
    {
      name: `unit regulator (${unit})`,
      username: await regulator(unit),
      reach: 'region_code = $1',
      params: [unit],
      as: { kind: 'region', regionCode: unit } as const,
    },
  ];
}

async function facilitySearch(api: Running): Promise<void> {
  const roles = await regulatorRoles();
  // Positions and lengths from the facility's id (md5), so that every run asks the same.
  const pick = (length: string) =>
    `substr(name, 1 + ('x' || substr(md5(id::text), 1, 7))::bit(28)::int % greatest(1, char_length(name) - ${length} + 1), ${length})`;
  const kinds: [string, string][] = [
    ['1–2 characters of a name', pick(`(1 + ('x' || substr(md5(id::text), 8, 7))::bit(28)::int % 2)`)],
    ['3–5 characters of a name', pick(`(3 + ('x' || substr(md5(id::text), 8, 7))::bit(28)::int % 3)`)],
    ['a registration number', 'registration_no'],
    ['a credit code', 'credit_code::text'],
  ];
  say(`\n### Facility search box (issue #19 item 1): \`GET /facilities?q=\` (API, 20 a page, sequential, 40 q each)\n`);
  // The statement alone (facilityListSql, as the API runs it) beside the request: on a shared machine the gap between
  // the two is the machine's, not the plan's.
  say('| caller | q | page | matches in reach (mean / max) | p50 | p95 | max | SQL alone p50 / p95 |');
  say('|---|---|---|---|---|---|---|---|');
  for (const role of roles) {
    const token = await loginAs(api, role.username);
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM facilities WHERE ${role.reach}`, role.params);
    const deep = await one<{ created_at: Date; id: string }>(
      `SELECT created_at, id FROM facilities WHERE ${role.reach} ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(n * 0.8)} LIMIT 1`,
      role.params,
    );
    const after: [string, string] = [deep.created_at.toISOString(), deep.id];
    const cursor = encodeCursor(after);
    for (const [kind, expression] of kinds) {
      const qs: string[] = (
        await db.query(
          `SELECT ${expression} AS q FROM facilities WHERE ${role.reach} AND ${expression} IS NOT NULL ORDER BY md5(id::text) LIMIT 40`,
          role.params,
        )
      ).rows
        .map((r: { q: string }) => r.q.trim())
        .filter((q: string) => q.length > 0);
      // How many each q matches in the caller's reach, as the API counts a match (queryMatch: short ones, names only).
      const matches: number[] = [];
      for (const q of qs) {
        const fields = queryMatch(q) === 'trigram' ? 'ARRAY[name, registration_no, credit_code::text]' : 'ARRAY[name]';
        const at = role.params.length + 1;
        const row = await one<{ n: number }>(
          `SELECT count(*)::int AS n FROM facilities WHERE ${role.reach} AND EXISTS (SELECT 1 FROM unnest(${fields}) v WHERE strpos(lower(v), lower($${at})) > 0)`,
          [...role.params, q],
        );
        matches.push(row.n);
      }
      for (const [page, extra, from] of [
        ['first', '', null],
        ['deep', `&cursor=${cursor}`, after],
      ] as const) {
        const times = await timeEach(qs.length, (i) =>
          call(api, token, 'GET', `/api/v1/facilities?q=${encodeURIComponent(qs[i]!)}&limit=20${extra}`, 200),
        );
        const sql = await timeEach(qs.length, (i) => {
          const { text, values } = facilityListSql(role.as, { q: qs[i], after: from, limit: 20 });
          return db.query(text, values);
        });
        const mean = matches.reduce((t, x) => t + x, 0) / matches.length;
        say(
          `| ${role.name} | ${kind} | ${page} | ${mean.toFixed(0)} / ${Math.max(...matches)} | ${ms(percentile(times, 50))} | ` +
            `${ms(percentile(times, 95))} | ${ms(Math.max(...times))} | ${ms(percentile(sql, 50))} / ${ms(percentile(sql, 95))} |`,
        );
      }
    }
  }
}

/**
 * The regulators' other lists (issue #19 item 1): as the admin, a city's and a unit's health regulator, the first page
 * of 20 and a page deep in the cursor (the 25th, or the last there is), 30 requests each alternated, p95 against the
 * 50 ms target. The data are the generator's (bench/generator/casework.ts and the inspections' orders).
 */
async function regulatorLists(api: Running): Promise<void> {
  const roles = await regulatorRoles();
  const lists: [string, string][] = [
    ['filing queue (submitted facilities)', '/api/v1/facilities?status=submitted'],
    ['change-filing queue (pending)', '/api/v1/change-filings?status=pending'],
    ['rectification orders, overdue', '/api/v1/rectification-orders?status=overdue'],
    ['alerts, open', '/api/v1/alerts?status=open'],
    ['incidents inbox', '/api/v1/incidents'],
    ['complaints inbox', '/api/v1/complaints'],
  ];
  say("\n### Regulators' lists (issue #19 item 1): first page and a deep page (API, 20 a page, 30 requests each, alternated)\n");
  say('| list | caller | deep page | first p50 / p95 | deep p50 / p95 | target p95 ≤ 50 ms |');
  say('|---|---|---|---|---|---|');
  for (const [name, path] of lists.filter(([n]) => n.includes(args.scenario!))) {
    for (const role of roles) {
      const token = await loginAs(api, role.username);
      const sep = path.includes('?') ? '&' : '?';
      let cursor: string | null = null;
      let depth = 1;
      for (let next: string | null = null; depth < 25; depth++) {
        const page = (await call(api, token, 'GET', `${path}${sep}limit=20${next ? `&cursor=${next}` : ''}`, 200)) as {
          nextCursor: string | null;
        };
        if (!page.nextCursor) break;
        next = cursor = page.nextCursor;
      }
      const urls = [`${path}${sep}limit=20`, cursor ? `${path}${sep}limit=20&cursor=${cursor}` : `${path}${sep}limit=20`];
      const times: number[][] = [[], []];
      for (let i = 0; i < 33; i++) {
        for (const k of [0, 1]) {
          const t0 = performance.now();
          await call(api, token, 'GET', urls[k]!, 200);
          if (i >= 3) times[k]!.push(performance.now() - t0);
        }
      }
      const p95 = Math.max(percentile(times[0]!, 95), percentile(times[1]!, 95));
      say(
        `| ${name} | ${role.name} | ${cursor ? `page ${depth}` : 'one page only'} | ${ms(percentile(times[0]!, 50))} / ${ms(percentile(times[0]!, 95))} | ` +
          `${ms(percentile(times[1]!, 50))} / ${ms(percentile(times[1]!, 95))} | ${p95 <= 50 ? 'met' : 'not met'} |`,
      );
    }
  }
}

/**
 * The inspection plan (issue #19 item 1): `GET /inspection-plan` as the admin, the city regulator of the city with most
 * facilities and the regulator of its largest unit, all items and dueOnly, the first page and one 80% deep in the
 * cursor, 40 requests each (20 a page, the API's default), beside the statement alone; and whether any of its plans
 * reads inspection_plan_items sequentially or sorts. Target: p95 ≤ 50 ms.
 */
async function inspectionPlan(api: Running): Promise<void> {
  const roles = await regulatorRoles();
  const { rows: total } = await one<{ rows: number }>('SELECT count(*)::int AS rows FROM inspection_plan_items');
  say(
    `\n### Inspection plan (issue #19 item 1): \`GET /inspection-plan\` (API, 20 a page, sequential, 40 requests each; ${total.toLocaleString('en')} plan rows)\n`,
  );
  say('| caller | items | page | rows in reach | p50 | p95 | max | ≤ 50 ms (p95) | SQL alone p50 / p95 | seq scan or sort |');
  say('|---|---|---|---|---|---|---|---|---|---|');
  for (const role of roles) {
    const token = await loginAs(api, role.username);
    for (const dueOnly of [false, true]) {
      // Every row of the reach in the plan's order (the statement itself, no limit): its length and the 80% cursor.
      const { text, values } = planItemsSql(role.as, { dueOnly, after: null, limit: 10_000_000 });
      const ordered = (await db.query(`SELECT rank, name, domain, facility_id FROM (${text}) p`, values)).rows as {
        rank: number;
        name: string;
        domain: string;
        facility_id: string;
      }[];
      const at = ordered[Math.floor(ordered.length * 0.8)]!;
      const deep: PlanCursor = [at.rank, at.name, at.domain, at.facility_id];
      for (const [page, after] of [
        ['first', null],
        ['deep (80%)', deep],
      ] as const) {
        const path = `/api/v1/inspection-plan?limit=20${dueOnly ? '&dueOnly=true' : ''}${after ? `&cursor=${encodeCursor(after)}` : ''}`;
        const times = await timeEach(40, () => call(api, token, 'GET', path, 200));
        const statement = planItemsSql(role.as, { dueOnly, after, limit: 21 });
        const sql = await timeEach(40, () => db.query(statement.text, statement.values));
        const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values)).rows;
        const bad = walk(plans[0].Plan as PlanNode).filter((n) => n['Node Type'] === 'Seq Scan' || n['Node Type'] === 'Sort');
        const p95 = percentile(times, 95);
        say(
          `| ${role.name} | ${dueOnly ? 'dueOnly' : 'all'} | ${page} | ${ordered.length.toLocaleString('en')} | ${ms(percentile(times, 50))} | ` +
            `${ms(p95)} | ${ms(Math.max(...times))} | ${p95 <= 50 ? 'yes' : 'no'} | ${ms(percentile(sql, 50))} / ${ms(percentile(sql, 95))} | ` +
            `${bad.length > 0 ? bad.map((n) => n['Node Type']).join(', ') : 'none'} |`,
        );
      }
    }
  }
}

function md5Order(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

function machine(): string {
  const sh = (cmd: string) => execSync(cmd, { encoding: 'utf8' }).trim();
  return [
    `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version}`,
    sh(`psql "${databaseUrl}" -Atc "SELECT split_part(version(), ' on ', 1) || ', PostGIS ' || postgis_lib_version()"`),
    `commit ${sh(`git -C ${ROOT} rev-parse --short HEAD`)}`,
    // The machine may be shared (other processes' load skews the latencies): the 1- and 5-minute load averages.
    `load average ${loadavg()
      .slice(0, 2)
      .map((l) => l.toFixed(1))
      .join(' / ')} at the start`,
  ].join(' · ');
}

async function main(): Promise<void> {
  if (!existsSync(`${ROOT}dist/apps/api/src/main.js`)) throw new Error('run `npm run build` first');
  const counts = await one<Record<string, number>>(
    `SELECT (SELECT count(*) FROM facilities)::int AS facilities, (SELECT count(*) FROM facilities WHERE status = 'registered')::int AS registered,
            (SELECT count(*) FROM staff)::int AS staff, (SELECT count(*) FROM inspections)::int AS inspections,
            (SELECT count(*) FROM regions WHERE level <> 'city')::int AS units,
            (SELECT count(*) FROM applications)::int AS applications,
            (SELECT count(*) FROM applications WHERE status = 'waiting')::int AS waiting`,
  );
  say(`\n## ${label}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
  say(machine());
  say(
    `\nData (\`${args.database}\`): ${counts.facilities!.toLocaleString('en')} facilities (${counts.registered!.toLocaleString('en')} registered), ` +
      `${counts.staff!.toLocaleString('en')} staff, ${counts.inspections!.toLocaleString('en')} inspections, ${counts.units} units, ` +
      `${counts.applications!.toLocaleString('en')} applications (${counts.waiting!.toLocaleString('en')} waiting).`,
  );
  const points = await densePoints(500);
  if (args['unit-size'])
    say(`Search points from the 10 units with closest to ${args['unit-size']} registered facilities (\`--unit-size\`).`);
  const nodeFlags = process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : [];
  const api = await startProcess('api', [...nodeFlags, `${ROOT}dist/apps/api/src/main.js`], env, '/health');
  const plain = await startProcess('plain', ['--import', 'tsx', `${ROOT}bench/load/plain-server.ts`], env, '/nearby?lat=0&lng=0');
  try {
    if (parts.has('load')) {
      say(
        `\n### API vs plain Fastify + pg, identical SQL (${connections} connections, ${rounds} × ${seconds} s each, alternating; load generator on the same machine)\n`,
      );
      say(
        '| scenario | API req/s | plain req/s | ratio | p50 ms API / plain | p99 ms API / plain | p99 ratio | API RSS max MiB | errors |',
      );
      say('|---|---|---|---|---|---|---|---|---|');
      for (const s of scenarios(points).filter((x) => x.name.includes(args.scenario!))) await compare(api, plain, s);
    }
    if (parts.has('map')) await mapThroughApi(api, points);
    if (parts.has('sql')) {
      await searchSqlAlone(points);
      await mapSqlAlone(points);
    }
    if (parts.has('history')) await inspectionHistory(api);
    if (parts.has('recompute')) await recompute();
    if (parts.has('event')) await eventToFigure(api);
    if (parts.has('incident')) await reportToAlert(api);
    if (parts.has('applications')) await applicationsPart(api);
    if (parts.has('report')) await annualReport(api);
    if (parts.has('lists')) {
      // --scenario picks lists by name; the search box and the plan run when it is not given.
      if (!args.scenario) {
        await facilitySearch(api);
        await inspectionPlan(api);
      }
      await regulatorLists(api);
    }
  } finally {
    await api.stop();
    await plain.stop();
    await db.end();
  }
  say(
    `\nload average ${loadavg()
      .slice(0, 2)
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end`,
  );
  appendFileSync(`${ROOT}bench/RESULTS.md`, `${report.join('\n')}\n`);
  console.log('\nappended to bench/RESULTS.md');
}

await main();
