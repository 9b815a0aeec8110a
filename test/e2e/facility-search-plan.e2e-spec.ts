// The guard on the facility search box's query plans (issue #19 item 1; docs/api.md "Facility search"): on 20,000
// generated facilities in 20 cities of 10 units, `GET /facilities?q=` as the admin, a city's and a unit's regulator,
// first page and a page deep in the cursor, reads facilities through an index, never by a sequential scan: a q with
// three letters or digits in a row through pg_trgm's index (or walking the newest first when it is common), one or
// two Chinese characters (no trigram) through the names' characters and pairs of characters. Runs in a database of
// its own, so the bulk data and its statistics touch no other suite.
import pg from 'pg';
import type { Reach } from '@lib/auth';
import { facilityListSql, queryMatch } from '@lib/facilities';
import { insertPlanFacilities, insertPlanRegions, planDatabase, planNodes as nodes } from '../helpers/plan-database.js';
import type { PlanDatabase, PlanNode, PlanRegions } from '../helpers/plan-database.js';

const FACILITIES = 20_000;
const REGIONS: PlanRegions = { cities: 20, unitsPerCity: 10 };
const DISTRICTS = ['朝阳区', '南关区', '宽城区', '二道区', '绿园区', '双阳区', '九台区', '德惠市', '榆树市', '农安县'];
const KINDS = ['托育中心', '幼儿园托班', '家庭托育点', '用人单位托育点', '社区托育点'];
/** Brands by i mod 12; every 997th facility is a 知更鸟 instead: a name part few facilities have. */
const BRANDS = ['小橙子', '蓝天', '阳光', '童心', '贝贝', '启航', '七彩', '小太阳', '爱心', '彩虹', '星星', '小海豚'];
const NOW = Date.parse('2026-12-01T00:00:00Z');

let planDb: PlanDatabase;
let db: pg.Client;

beforeAll(async () => {
  planDb = await planDatabase('childcare_qplan');
  db = planDb.db;
  // Cities 2201..2220, each with ten units 22cc01..22cc10 named after DISTRICTS.
  await insertPlanRegions(db, REGIONS, DISTRICTS);
  // Facility i is in unit (i mod 200), created i minutes before NOW (so the list's newest first is i ascending),
  // named like the bench's (brand, kind, unit and a number), 85% registered with a registration number.
  await insertPlanFacilities(
    db,
    REGIONS,
    FACILITIES,
    {
      name: `CASE WHEN i % 997 = 0 THEN '知更鸟' ELSE ($5::text[])[1 + i % 12] END || ($6::text[])[1 + i / 200 % 5]
               || '（' || ($7::text[])[1 + u % 10] || (i / 200 + 1) || '号）'`,
      status: `CASE WHEN i % 20 < 17 THEN 'registered' ELSE 'draft' END`,
      registration_no: `CASE WHEN i % 20 < 17 THEN 'TY-' || unit || '-2026-' || lpad(i::text, 5, '0') END`,
      created_at: `to_timestamp(${NOW / 1000} - i * 60)`,
    },
    [BRANDS, KINDS, DISTRICTS],
  );
  await db.query('ANALYZE');
}, 120_000);

afterAll(() => planDb?.drop());

const ROLES: Record<string, Reach> = {
  admin: { kind: 'all' },
  'city regulator': { kind: 'region', regionCode: '220100' },
  'unit regulator': { kind: 'region', regionCode: '220102' },
};

const QUERIES = [
  '阳', // one character, in many names (阳光, 小太阳, 朝阳区, 双阳区)
  '鸟', // one character, in one name of a thousand
  '知更', // two characters, rare
  '托育', // two characters, in most names
  '无', // one character, in none
  '托育中心', // trigrams, in a fifth of the names: walking the newest first is cheaper than reading them all
  '知更鸟托育中心', // trigrams, rare
  'TY-220102-2026-00201', // a registration number
  '91220201MA0000201X', // a credit code
  '无此机构', // trigrams, in none
];

/** A page deep in the cursor: after the facility created at 80% of the list's length. */
const DEEP: [string, string] = [new Date(NOW - FACILITIES * 0.8 * 60_000).toISOString(), 'ffffffff-ffff-4fff-bfff-ffffffffffff'];

async function plan(reach: Reach, q: string, after: [string, string] | null): Promise<PlanNode[]> {
  const { text, values } = facilityListSql(reach, { q, after, limit: 20 });
  const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows;
  return nodes(plans[0].Plan as PlanNode);
}

it('reads facilities through an index for every q, role and page (no sequential scan)', async () => {
  const refused: string[] = [];
  const seen: string[] = [];
  for (const [role, reach] of Object.entries(ROLES)) {
    for (const q of QUERIES) {
      for (const after of [null, DEEP]) {
        const scans = (await plan(reach, q, after)).filter((n) => n['Relation Name'] === 'facilities' || n['Index Name']);
        const line = `${role} q=${q}${after ? ' deep' : ''}: ${scans.map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`).join(', ')}`;
        seen.push(line);
        if (scans.some((n) => n['Node Type'] === 'Seq Scan')) refused.push(line);
      }
    }
  }
  expect(refused).toEqual([]);
  expect(seen).toHaveLength(Object.keys(ROLES).length * QUERIES.length * 2);
});

it('serves one or two Chinese characters without the trigram index (which would read all of it), a longer q with it', async () => {
  for (const q of ['鸟', '知更']) {
    expect(queryMatch(q)).toBe('name_grams');
    const used = (await plan(ROLES.admin!, q, null)).map((n) => n['Index Name']).filter(Boolean);
    expect(used).toContain('IDX_facilities_name_grams');
    expect(used).not.toContain('IDX_facilities_q_trgm');
  }
  for (const q of ['知更鸟托育中心', 'TY-220102-2026-00201', '91220201MA0000201X']) {
    const used = (await plan(ROLES.admin!, q, null)).map((n) => n['Index Name']).filter(Boolean);
    expect(used).toContain('IDX_facilities_q_trgm');
  }
});

it('walks the newest first for a q most names have, stopping at a page', async () => {
  for (const q of ['托育', '托育中心']) {
    const used = (await plan(ROLES.admin!, q, DEEP)).map((n) => n['Index Name']).filter(Boolean);
    expect(used).toEqual(['IDX_facilities_created']);
  }
});

it('answers what a substring search of name, registration number and credit code answers (the plans are of real answers)', async () => {
  for (const [role, reach] of Object.entries(ROLES)) {
    for (const q of QUERIES) {
      const { text, values } = facilityListSql(reach, { q, after: null, limit: FACILITIES });
      const got: string[] = (await db.query(text, values)).rows.map((r: { id: string }) => r.id);
      // strpos, no pattern: what "contains" means, read without the indexes' help. One or two characters: names only.
      const fields = queryMatch(q) === 'trigram' ? 'ARRAY[name, registration_no, credit_code::text]' : 'ARRAY[name]';
      const region =
        reach.kind !== 'region'
          ? ''
          : reach.regionCode.endsWith('00')
            ? `AND left(region_code, 4) = '${reach.regionCode.slice(0, 4)}'`
            : `AND region_code = '${reach.regionCode}'`;
      const want: string[] = (
        await db.query(
          `SELECT id FROM facilities WHERE EXISTS (SELECT 1 FROM unnest(${fields}) v WHERE strpos(lower(v), lower($1)) > 0) ${region}
            ORDER BY created_at DESC, id DESC`,
          [q],
        )
      ).rows.map((r: { id: string }) => r.id);
      expect({ role, q, ids: got }).toEqual({ role, q, ids: want });
    }
  }
  // The data has what the queries are about: rare and common names, one registration number and one credit code.
  const count = async (q: string) => {
    const { text, values } = facilityListSql(ROLES.admin!, { q, limit: FACILITIES });
    return (await db.query(text, values)).rowCount;
  };
  expect(await count('知更')).toBe(Math.ceil(FACILITIES / 997));
  expect(await count('托育')).toBe(FACILITIES * 0.8);
  expect(await count('TY-220102-2026-00201')).toBe(1);
  expect(await count('91220201MA0000201X')).toBe(1);
  expect(await count('无')).toBe(0);
});
