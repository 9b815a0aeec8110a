// The guard on the nearby search's query plans (issue #6; docs/architecture.md "Geo"): on 10,000 generated facilities
// (85% registered, most in a dense urban core), every filter combination at radii up to 5 km reads facilities
// through the partial GiST index on public_merc, never by a sequential scan. Runs in a database of its own, so the
// bulk data and its statistics touch no other suite.
import pg from 'pg';
import { DOMAINS } from '@lib/inspections';
import { ageGroupsFor, FACILITY_KINDS, SERVICE_TYPES } from '@lib/standards';
import {
  GRID_MAX_LEVEL,
  cellRange,
  clusterLevel,
  mapClustersSql,
  mercatorBox,
  nearbySql,
  rebuildMapGrid,
  type NearbyCriteria,
} from '@lib/search';
import { insertPlanOperator, planDatabase, planNodes as nodes, type PlanDatabase, type PlanNode } from '../helpers/plan-database.js';

const FACILITIES = 10_000;
/** The first generated city's centre; the others lie 1° east and south of it. */
const CITY = { lat: 43.88, lng: 125.32 };
const INDEX = 'IDX_facilities_public_merc_registered';

let planDb: PlanDatabase;
let db: pg.Client;

beforeAll(async () => {
  planDb = await planDatabase('childcare_plan');
  db = planDb.db;
  await db.query(`INSERT INTO regions (code, name, name_en, level, kind) VALUES ('220100', '长春市', 'Changchun', 'city', 'city')`);
  const owner = await insertPlanOperator(db);
  // Spread like a country's facilities: 20 cities 1° apart (city = i mod 20), 500 each within ~10 km of its centre,
  // most in the core (the sum of two uniforms peaks in the middle); attributes vary with k = i / 20, so that they do
  // not follow the city; 85% registered.
  await db.query(
    `INSERT INTO facilities (owner_id, name, credit_code, kind, ownership, affordable, affordable_status, medical_integrated, serves_meals,
        service_types, address, location, public_location, floors, indoor_area_m2, outdoor_area_m2, monthly_fee, phone,
        opening_hours, exit_count, surveillance, region_code, status, registration_no,
        age_groups, vacant_age_groups, place_count, vacancies, vacancies_updated_at)
     SELECT $1, 'f' || i, '91220102MA0000000X', ($2::text[])[1 + k % 5], 'private', k % 3 = 0,
        CASE WHEN k % 3 = 0 THEN 'recognized' END, false, false,
        CASE WHEN k % 4 = 0 THEN ARRAY['full_day', 'hourly'] ELSE ARRAY['full_day'] END, 'a', p, p, '{1}', 100, 50,
        1000 + (k * 37) % 4000, '0', '08:00-17:00', 2, true, '220100',
        CASE WHEN k % 20 < 17 THEN 'registered' WHEN k % 20 < 19 THEN 'draft' ELSE 'closed' END,
        CASE WHEN k % 20 < 17 THEN 'TY-' || i END,
        CASE k % 3 WHEN 0 THEN ARRAY['infant', 'toddler'] WHEN 1 THEN ARRAY['toddler', 'preschool'] ELSE ARRAY['mixed', 'preschool'] END,
        CASE WHEN k % 2 = 0 THEN ARRAY['toddler'] ELSE '{}' END, 40, CASE WHEN k % 2 = 0 THEN 5 ELSE 0 END, now()
       FROM (SELECT i, i / 20 AS k, ST_SetSRID(ST_MakePoint(
                      ${CITY.lng} + (i % 5) + 0.12 * (random() + random() - 1),
                      ${CITY.lat} - (i / 5 % 4) + 0.09 * (random() + random() - 1)), 4326)::geography AS p
               FROM generate_series(0, $3::int - 1) AS i) s`,
    [owner, FACILITY_KINDS, FACILITIES],
  );
  // Every facility inspected in every domain: the latest inspections are read for the rows answered.
  await db.query(
    `INSERT INTO latest_inspections (facility_id, domain, inspection_id, outcome, inspected_at)
     SELECT f.id, d, gen_random_uuid(), 'pass', now() FROM facilities f CROSS JOIN unnest($1::text[]) AS d`,
    [DOMAINS],
  );
  // The map's grid, as the migration's backfill makes it (the app's code only ever calls `query` on the manager).
  await rebuildMapGrid({ query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as never);
  await db.query('ANALYZE');
}, 60_000);

afterAll(() => planDb?.drop());

const FILTERS: Partial<NearbyCriteria>[] = [
  { ageGroups: ageGroupsFor(14) },
  { affordable: true },
  { hasVacancy: true },
  { maxFee: 2000 },
  { serviceType: SERVICE_TYPES[2] },
  { kind: 'centre' },
];

/** Every subset of the filters (2^6 = 64), each at each radius, from a city's dense core and from between cities. */
const cases: NearbyCriteria[] = [];
for (let mask = 0; mask < 1 << FILTERS.length; mask++) {
  const filters = Object.assign({}, ...FILTERS.filter((_, k) => mask & (1 << k))) as Partial<NearbyCriteria>;
  for (const radiusM of [300, 1000, 3000, 5000]) {
    for (const here of [CITY, { lat: CITY.lat + 0.3, lng: CITY.lng + 0.5 }]) cases.push({ ...here, radiusM, limit: 20, ...filters });
  }
}

it(`reads facilities through ${INDEX} for every filter combination up to 5 km (${cases.length} plans)`, async () => {
  const refused: string[] = [];
  for (const c of cases) {
    const { text, values } = nearbySql(c, DOMAINS);
    const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
    const all = nodes(plans[0].Plan as PlanNode);
    const facilityScans = all.filter((n) => n['Relation Name'] === 'facilities');
    const viaIndex = all.some((n) => n['Index Name'] === INDEX);
    if (!viaIndex || facilityScans.some((n) => n['Node Type'] === 'Seq Scan')) {
      refused.push(`${JSON.stringify(c)}: ${facilityScans.map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`).join(', ')}`);
    }
  }
  expect(refused).toEqual([]);
});

it('walks the index nearest first (KNN, no sort of all candidates) in the dense core at 3 and 5 km', async () => {
  for (const radiusM of [3000, 5000]) {
    const { text, values } = nearbySql({ ...CITY, radiusM, limit: 20 }, DOMAINS);
    const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
    const scan = nodes(plans[0].Plan as PlanNode).find((n) => n['Index Name'] === INDEX);
    expect(scan).toMatchObject({ 'Node Type': 'Index Scan', 'Order By': expect.stringContaining('<->') });
  }
});

it('answers the latest inspections from latest_inspections by its key, never from the inspections heap (issue #19 item 5)', async () => {
  const { text, values } = nearbySql({ ...CITY, radiusM: 3000, limit: 20 }, DOMAINS);
  const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
  const all = nodes(plans[0].Plan as PlanNode);
  expect(all.filter((n) => n['Relation Name'] === 'inspections')).toEqual([]);
  expect(all.some((n) => n['Index Name'] === 'PK_latest_inspections')).toBe(true);
  expect(all.filter((n) => n['Relation Name'] === 'latest_inspections' && n['Node Type'] === 'Seq Scan')).toEqual([]);
});

it('finds the generated data as the search would (the plans are of a real, non-empty answer)', async () => {
  const { text, values } = nearbySql({ ...CITY, radiusM: 5000, limit: 20, hasVacancy: true }, DOMAINS);
  const rows: { vacancies: number; distanceM: number }[] = JSON.parse((await db.query(text, values)).rows[0].items);
  expect(rows).toHaveLength(20);
  expect(rows.every((r) => r.vacancies > 0 && r.distanceM <= 5000)).toBe(true);
});

it('answers the map through zoom 12 from the grid by its key, never reading facilities (issue #19 item 2)', async () => {
  const views = [
    { minLng: -180, minLat: -85, maxLng: 180, maxLat: 85 },
    { minLng: 73, minLat: 18, maxLng: 135, maxLat: 54 },
    { minLng: CITY.lng - 1, minLat: CITY.lat - 4, maxLng: CITY.lng + 5, maxLat: CITY.lat + 1 },
    { minLng: CITY.lng - 0.2, minLat: CITY.lat - 0.12, maxLng: CITY.lng + 0.2, maxLat: CITY.lat + 0.12 },
    { minLng: CITY.lng - 0.02, minLat: CITY.lat - 0.01, maxLng: CITY.lng + 0.02, maxLat: CITY.lat + 0.01 },
  ];
  const refused: string[] = [];
  let clusters = 0;
  for (const bbox of views) {
    for (let zoom = 0; zoom <= 12; zoom++) {
      const box = mercatorBox(bbox);
      expect(cellRange(box, clusterLevel(box, zoom)).level).toBeLessThanOrEqual(GRID_MAX_LEVEL);
      const { text, values } = mapClustersSql(bbox, zoom);
      const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
      const all = nodes(plans[0].Plan as PlanNode);
      const viaKey = all.some((n) => n['Index Name'] === 'PK_map_grid_cells');
      if (!viaKey || all.some((n) => n['Relation Name'] === 'facilities' || n['Node Type'] === 'Seq Scan')) {
        refused.push(
          `${JSON.stringify(bbox)} zoom ${zoom}: ${all.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''}`).join(', ')}`,
        );
      }
      clusters += JSON.parse((await db.query(text, values)).rows[0].features).length;
    }
  }
  expect(refused).toEqual([]);
  // The plans are of real answers: the generated facilities are in the grid.
  expect(clusters).toBeGreaterThan(100);
});
