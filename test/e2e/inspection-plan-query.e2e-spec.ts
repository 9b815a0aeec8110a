// The guard on the inspection plan's query plans (issue #19 item 1; docs/api.md "Inspections and rectification orders"):
// on 20,000 generated facilities (80,000 plan rows) in 20 cities of 10 units, `GET /inspection-plan` as the admin, a
// city's and a unit's regulator, with and without dueOnly, a domain or a unit, first page and a page deep in the
// cursor, reads inspection_plan_items through an index in the plan's order: no sequential scan, no sort but of one unit's few rows. And the
// order the index gives is the one the plan had when sorted in memory (names by localeCompare(…, 'zh')). Runs in a
// database of its own, so the bulk data and its statistics touch no other suite.
import pg from 'pg';
import type { Reach } from '@lib/auth';
import { DOMAINS, planItemsSql, planRank, type PlanCriteria, type PlanCursor } from '@lib/inspections';
import { insertPlanFacilities, insertPlanRegions, planDatabase, planNodes as nodes } from '../helpers/plan-database.js';
import type { PlanDatabase, PlanNode, PlanRegions } from '../helpers/plan-database.js';

const FACILITIES = 20_000;
const REGIONS: PlanRegions = { cities: 20, unitsPerCity: 10 };
const DISTRICTS = ['朝阳区', '南关区', '宽城区', '二道区', '绿园区', '双阳区', '九台区', '德惠市', '榆树市', '农安县'];
const BRANDS = ['小橙子', '蓝天', '阳光', '童心', '贝贝', '启航', '七彩', '小太阳', '爱心', '彩虹', '星星', '小海豚', 'Sunny', '123'];

let planDb: PlanDatabase;
let db: pg.Client;

beforeAll(async () => {
  planDb = await planDatabase('childcare_iplan');
  db = planDb.db;
  await insertPlanRegions(db, REGIONS, DISTRICTS);
  // Facility i is in unit (i mod 200); names repeat (so the tie-breaks count) and mix Chinese, Latin and digits.
  await insertPlanFacilities(db, REGIONS, FACILITIES, { name: `($5::text[])[1 + i % 14] || '托育' || (i / 300)`, status: `'registered'` }, [
    BRANDS,
  ]);
  // Every facility in every domain, risk spread over 0..100, a third not due.
  await db.query(
    `INSERT INTO inspection_plan_items (facility_id, domain, region_code, city_code, name, risk_score, due, rank, reasons, computed_on)
     SELECT id, d, region_code, left(region_code, 4), name, r, due, (100 - r) * 2 + CASE WHEN due THEN 0 ELSE 1 END, '[]', '2026-12-01'
       FROM (SELECT f.id, f.region_code, f.name, d, (abs(hashtext(f.id::text || d)) % 101)::smallint AS r,
                    abs(hashtext(d || f.id::text)) % 3 <> 0 AS due
               FROM facilities f, unnest($1::text[]) d) s`,
    [DOMAINS],
  );
  await db.query('ANALYZE');
}, 120_000);

afterAll(() => planDb?.drop());

const ROLES: Record<string, Reach & { kind: 'all' | 'region' }> = {
  admin: { kind: 'all' },
  'city regulator': { kind: 'region', regionCode: '220100' },
  'unit regulator': { kind: 'region', regionCode: '220102' },
};

const FILTERS: Omit<PlanCriteria, 'after' | 'limit'>[] = [
  { dueOnly: false },
  { dueOnly: true },
  { dueOnly: false, domain: 'fire' },
  { dueOnly: true, domain: 'food' },
  { dueOnly: false, regionCode: '220102' },
  { dueOnly: true, regionCode: '220102', domain: 'hygiene' },
];

/** A page deep in the cursor: after the rows of risk above 20 (about 80% of the list). */
const DEEP: PlanCursor = [planRank(20, true), '', '', '00000000-0000-0000-0000-000000000000'];

async function explain(reach: Reach & { kind: 'all' | 'region' }, c: PlanCriteria): Promise<PlanNode[]> {
  const { text, values } = planItemsSql(reach, c);
  const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
  return nodes(plans[0].Plan as PlanNode);
}

it('reads a page through an index for every role, filter and page (no sequential scan, no sort of more than a unit)', async () => {
  const refused: string[] = [];
  const seen: string[] = [];
  for (const [role, reach] of Object.entries(ROLES)) {
    for (const filter of FILTERS) {
      for (const after of [null, DEEP]) {
        const plan = await explain(reach, { ...filter, after, limit: 51 });
        const line = `${role} ${JSON.stringify(filter)}${after ? ' deep' : ''}: ${plan.map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`).join(', ')}`;
        seen.push(line);
        // A sort is refused unless what it sorts is one unit's few rows (a unit has 100 facilities here, 400 rows;
        // about 130 at the bench's N): the planner may then rather read them by a bitmap and sort them.
        const sorted = plan
          .filter((n) => n['Node Type'] === 'Sort')
          .map((n) => (n.Plans?.[0] as { 'Plan Rows'?: number } | undefined)?.['Plan Rows'] ?? Infinity);
        if (plan.some((n) => n['Node Type'] === 'Seq Scan') || sorted.some((rows) => rows > 500)) refused.push(line);
      }
    }
  }
  expect(refused).toEqual([]);
  expect(seen).toHaveLength(Object.keys(ROLES).length * FILTERS.length * 2);
});

it('uses each reach’s own index, the partial one for dueOnly', async () => {
  const index = async (reach: Reach & { kind: 'all' | 'region' }, dueOnly: boolean) =>
    (await explain(reach, { dueOnly, after: DEEP, limit: 51 })).map((n) => n['Index Name']).filter(Boolean);
  expect(await index(ROLES.admin!, false)).toEqual(['IDX_plan_items_all']);
  expect(await index(ROLES.admin!, true)).toEqual(['IDX_plan_items_all_due']);
  expect(await index(ROLES['city regulator']!, false)).toEqual(['IDX_plan_items_city']);
  expect(await index(ROLES['city regulator']!, true)).toEqual(['IDX_plan_items_city_due']);
  expect(await index(ROLES['unit regulator']!, false)).toEqual(['IDX_plan_items_unit']);
  expect(await index(ROLES['unit regulator']!, true)).toEqual(['IDX_plan_items_unit_due']);
});

it('pages through the cursor in the order the plan sorted in memory (risk, due first, names as zh sorts them, domain)', async () => {
  for (const [role, reach] of Object.entries(ROLES).slice(1)) {
    for (const filter of [FILTERS[0]!, FILTERS[3]!]) {
      const got: string[] = [];
      let after: PlanCursor | null = null;
      for (;;) {
        const { text, values } = planItemsSql(reach, { ...filter, after, limit: 97 });
        const rows = (await db.query(text, values)).rows as { facility_id: string; domain: string; name: string; rank: number }[];
        got.push(...rows.map((r) => `${r.facility_id}:${r.domain}`));
        if (rows.length < 97) break;
        const last = rows[rows.length - 1]!;
        after = [last.rank, last.name, last.domain, last.facility_id];
      }
      const city = reach.kind === 'region' ? reach.regionCode.slice(0, 4) : '';
      const all = (
        await db.query(
          `SELECT facility_id, domain, name, risk_score, due FROM inspection_plan_items
            WHERE region_code LIKE $1 || '%' AND ($2::boolean IS FALSE OR due) AND ($3::text IS NULL OR domain = $3)`,
          [
            reach.kind === 'region' && reach.regionCode.endsWith('00') ? city : reach.kind === 'region' ? reach.regionCode : '',
            filter.dueOnly,
            filter.domain ?? null,
          ],
        )
      ).rows as { facility_id: string; domain: string; name: string; risk_score: number; due: boolean }[];
      // The in-memory order of the plan before it was kept as rows (with the facility as the last tie-break).
      all.sort(
        (a, b) =>
          b.risk_score - a.risk_score ||
          Number(b.due) - Number(a.due) ||
          a.name.localeCompare(b.name, 'zh') ||
          a.domain.localeCompare(b.domain) ||
          (a.facility_id < b.facility_id ? -1 : a.facility_id > b.facility_id ? 1 : 0),
      );
      expect({ role, filter, ids: got }).toEqual({ role, filter, ids: all.map((r) => `${r.facility_id}:${r.domain}`) });
      expect(got.length).toBeGreaterThan(50);
    }
  }
});
