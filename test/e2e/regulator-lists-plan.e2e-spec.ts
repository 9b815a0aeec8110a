// The guard on the regulators' lists' query plans (issue #19 item 1; docs/api.md): on 20,000 facilities in 20 cities
// of 10 units with their casework (bench/generator/casework.ts: 60,000 alerts, 10,000 incidents, 10,000 complaints,
// 8,000 change filings; and 12,000 rectification orders), each list as the admin, a city's and a unit's regulator,
// first page and a page deep in the cursor, runs statements that read no large table by a sequential scan. The
// statements are the services' own: the test explains every statement they send while it lists (EXPLAIN of the
// same text and parameters). Runs in a database of its own, so the bulk data and its statistics touch no other suite.
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Actor } from '@lib/auth';
import { AlertService } from '@lib/targets';
import { IncidentService } from '@lib/incidents';
import { ComplaintService } from '@lib/complaints';
import { ChangeFilingService } from '@lib/filing';
import { RectificationOrderService } from '@lib/inspections';
import { FacilityService } from '@lib/facilities';
import { writeCasework } from '../../bench/generator/casework.js';
import { startApi, type TestApi } from '../helpers/app.js';
import { insertPlanFacilities, insertPlanRegions, planDatabase, planNodes } from '../helpers/plan-database.js';
import type { PlanDatabase, PlanNode, PlanRegions } from '../helpers/plan-database.js';

const FACILITIES = 20_000;
const REGIONS: PlanRegions = { cities: 50, unitsPerCity: 20 };
const LARGE = ['facilities', 'alerts', 'incidents', 'complaints', 'change_filings', 'rectification_orders', 'inspections'];

let planDb: PlanDatabase;
let db: pg.Client;
let api: TestApi;
const explained: { sql: string; plan: PlanNode }[] = [];

beforeAll(async () => {
  planDb = await planDatabase('childcare_lplan');
  db = planDb.db;
  await insertPlanRegions(db, REGIONS);
  // Facility i in unit i mod 1000 (a unit holds a fiftieth of a city's, a thousandth of the country's, as at national
  // scale); 80% registered, 5% submitted for filing, the rest drafts.
  await insertPlanFacilities(db, REGIONS, FACILITIES, {
    name: `'托育中心' || i`,
    status: `CASE WHEN i / 1000 < 16 THEN 'registered' WHEN i / 1000 = 16 THEN 'submitted' ELSE 'draft' END`,
    registration_no: `CASE WHEN i / 1000 < 16 THEN 'TY-' || unit || '-2026-' || lpad(i::text, 5, '0') END`,
    created_at: `now() - make_interval(mins => i)`,
  });
  // An inspection of a fifth of the facilities, each with three orders; most resolved, some overdue.
  await db.query(
    `WITH i AS (
       INSERT INTO inspections (facility_id, domain, checklist_version, inspected_at, inspected_on, items, original_outcome, original_score, outcome, score)
       SELECT id, 'fire', 1, now() - interval '60 days', current_date - 60, '[]', 'rectify', 70, 'rectify', 70
         FROM facilities WHERE status = 'registered' AND ('x' || substr(md5(id::text), 1, 7))::bit(28)::int % 5 = 0
       RETURNING id, facility_id)
     INSERT INTO rectification_orders (facility_id, inspection_id, domain, item_code, severity, due_on, status, resolved_at)
     SELECT i.facility_id, i.id, 'fire', 'F' || n, 'minor', current_date - 30 + n * 20, CASE WHEN n = 0 THEN 'open' ELSE 'resolved' END,
            CASE WHEN n > 0 THEN now() END
       FROM i, generate_series(0, 2) n`,
  );
  await writeCasework(db, FACILITIES);
  await db.query('ANALYZE');
  // The inbox's rows as the bench generator (VACUUM (ANALYZE), bench/generator/finish.ts) and autovacuum leave them,
  // visible to all: a region's page of incidents reads (region_code, reported_at, id) only, from the index.
  await db.query('VACUUM (ANALYZE) incidents');
  api = await startApi({ DATABASE_URL: planDbUrl() });
  // Every statement a service sends through the data source while listing, explained with the same parameters.
  const ds = api.db as DataSource & { query: DataSource['query'] };
  const query = ds.query.bind(ds);
  ds.query = (async (sql: string, params?: unknown[]) => {
    if (capturing && /^\s*(WITH|SELECT)/i.test(sql)) {
      const [row] = await query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      explained.push({ sql, plan: (row['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan });
    }
    return query(sql, params);
  }) as DataSource['query'];
}, 180_000);

afterAll(async () => {
  await api?.close();
  await planDb?.drop();
});

let capturing = false;
function planDbUrl(): string {
  const base = new URL(process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL!);
  return Object.assign(base, { pathname: `/${db.database}` }).href;
}

const ACTORS: Record<string, Actor> = {
  admin: { id: '00000000-0000-0000-0000-000000000001', username: 'admin', role: 'admin', agency: null, regionCode: null },
  'city regulator': {
    id: '00000000-0000-0000-0000-000000000002',
    username: 'city',
    role: 'regulator',
    agency: 'health',
    regionCode: '220300',
  },
  'unit regulator': {
    id: '00000000-0000-0000-0000-000000000003',
    username: 'unit',
    role: 'regulator',
    agency: 'health',
    regionCode: '220305',
  },
};

type Lister = (actor: Actor, cursor?: string) => Promise<{ items: unknown[]; nextCursor: string | null }>;
const LISTS: Record<string, Lister> = {
  'filing queue': (actor, cursor) => api.app.get(FacilityService).list(actor, { status: 'submitted', limit: 20, cursor } as never),
  'change-filing queue': (actor, cursor) =>
    api.app.get(ChangeFilingService).queue(actor, { status: 'pending', limit: 20, cursor } as never),
  'overdue orders': (actor, cursor) =>
    api.app.get(RectificationOrderService).list(actor, { status: 'overdue', limit: 20, cursor } as never),
  'open alerts': (actor, cursor) => api.app.get(AlertService).list(actor, { status: 'open', limit: 20, cursor } as never),
  'all alerts': (actor, cursor) => api.app.get(AlertService).list(actor, { limit: 20, cursor } as never),
  incidents: (actor, cursor) => api.app.get(IncidentService).list(actor, { limit: 20, cursor } as never),
  complaints: (actor, cursor) => api.app.get(ComplaintService).list(actor, { limit: 20, cursor } as never),
};

describe.each(Object.keys(LISTS))('the %s', (name) => {
  it.each(Object.keys(ACTORS))('as the %s, first page and a deep one, reads no large table by a sequential scan', async (who) => {
    const list = LISTS[name]!;
    const actor = ACTORS[who]!;
    // Ten pages in, or the last there is.
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await list(actor, cursor);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    explained.length = 0;
    capturing = true;
    try {
      const first = await list(actor);
      expect(first.items.length).toBeGreaterThan(0);
      await list(actor, cursor);
    } finally {
      capturing = false;
    }
    expect(explained.length).toBeGreaterThan(0);
    const scans = explained.flatMap(({ sql, plan }) =>
      planNodes(plan)
        .filter((n) => n['Node Type'] === 'Seq Scan' && LARGE.includes(n['Relation Name'] ?? ''))
        .map((n) => `${n['Relation Name']} in: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`),
    );
    expect(scans).toEqual([]);
  });
});

// An incident keeps its facility's unit (migration IncidentsByRegion): a unit's page is a range of
// IDX_incidents_region_reported, a city's a range over its units' codes and a small top-N sort, never a walk of the
// whole inbox newest first joined to every incident's facility; the admin's walks IDX_incidents_reported_id.
describe('the incidents inbox', () => {
  it.each([
    ['city regulator', 'IDX_incidents_region_reported', 'IDX_incidents_reported_id'],
    ['unit regulator', 'IDX_incidents_region_reported', 'IDX_incidents_reported_id'],
    ['admin', 'IDX_incidents_reported_id', 'IDX_incidents_region_reported'],
  ])('as the %s, first page and the next, reads %s and not %s', async (who, used, unused) => {
    const actor = ACTORS[who]!;
    // Pages of 5: a unit holds about 15 incidents here.
    const list = (cursor?: string) => api.app.get(IncidentService).list(actor, { limit: 5, cursor } as never);
    const first = await list();
    expect(first.nextCursor).not.toBeNull();
    explained.length = 0;
    capturing = true;
    try {
      await list();
      await list(first.nextCursor!);
    } finally {
      capturing = false;
    }
    const pages = explained.filter(({ sql }) => /FROM incidents i\b/.test(sql) && /ORDER BY i\.reported_at DESC/.test(sql));
    expect(pages).toHaveLength(2);
    for (const { plan } of pages) {
      const indexes = planNodes(plan).map((n) => n['Index Name']);
      expect(indexes).toContain(used);
      expect(indexes).not.toContain(unused);
      expect(planNodes(plan).map((n) => n['Relation Name'])).not.toContain('facilities');
    }
  });
});
