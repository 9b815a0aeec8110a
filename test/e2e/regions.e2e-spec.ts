import type { INestApplicationContext } from '@nestjs/common';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';

const UNIT_CODES = [
  '220102',
  '220103',
  '220104',
  '220105',
  '220106',
  '220112',
  '220113',
  '220122',
  '220171',
  '220172',
  '220173',
  '220174',
  '220182',
  '220183',
  '220184',
];
const FIELDS = [
  'code',
  'name',
  'nameEn',
  'level',
  'parentCode',
  'population',
  'populationYear',
  'facilityCount',
  'placeCount',
  'affordablePlaceCount',
  'placesPer1000',
  'target2025',
  'target2035',
  'shortfall2025',
  'shortfall2035',
  // This year's target on the plan's line and the places missing (issue #18, item 9).
  'currentYear',
  'targetCurrentYear',
  'shortfallCurrentYear',
  // Parents' applications (issue #17): children waiting, first choice in the region.
  'waitingChildren',
  'waitingByAgeGroup',
  'updatedAt',
];

let api: TestApi;
let worker: INestApplicationContext;
let admin: TestUser;
let cityHealth: TestUser;
let districtHealth: TestUser;
let cityFire: TestUser;
let operator: TestUser;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  admin = await createUser(api, 'admin');
  cityHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  districtHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  cityFire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
  operator = await createUser(api, 'operator');
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

describe('GET /public/regions', () => {
  it('lists the city first, then its 15 units, with every field of the contract', async () => {
    const res = await api.http().get('/api/v1/public/regions').expect(200);
    const items = res.body.items as Record<string, unknown>[];
    expect(items).toHaveLength(16);
    expect(items[0]).toMatchObject({ code: '220100', name: '长春市', level: 'city', parentCode: null });
    expect(
      items
        .slice(1)
        .map((r) => r.code)
        .sort(),
    ).toEqual(UNIT_CODES);
    for (const item of items) expect(Object.keys(item).sort()).toEqual([...FIELDS].sort());
    expect(items.find((r) => r.code === '220172')).toMatchObject({
      level: 'zone',
      name: '长春净月高新技术产业开发区',
      parentCode: '220100',
    });
    expect(items.find((r) => r.code === '220182')).toMatchObject({ level: 'district', nameEn: 'Yushu City' });
  });

  it('gives the city the sum of its units’ population and places, and targets 4.5 and 8', async () => {
    const items = (await api.http().get('/api/v1/public/regions').expect(200)).body.items as {
      code: string;
      population: number;
      placeCount: number;
      target2025: number;
      target2035: number;
      shortfall2025: number;
      placesPer1000: number;
      currentYear: number;
      targetCurrentYear: number;
      shortfallCurrentYear: number;
    }[];
    const units = items.slice(1);
    expect(items[0]!.population).toBe(units.reduce((s, u) => s + u.population, 0));
    expect(items[0]!.placeCount).toBe(units.reduce((s, u) => s + u.placeCount, 0));
    for (const r of items) {
      expect(r).toMatchObject({ target2025: 4.5, target2035: 8 });
      expect(r.placesPer1000).toBe(Math.round((r.placeCount / r.population) * 1000 * 100) / 100);
      expect(r.shortfall2025).toBe(Math.max(0, Math.ceil((4.5 * r.population) / 1000) - r.placeCount));
      // This year's target lies on the line from 4.5 in 2025 to 8 in 2035 (two decimals).
      const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      const target = Math.round((4.5 + ((year - 2025) * 3.5) / 10) * 100) / 100;
      expect(r).toMatchObject({ currentYear: year, targetCurrentYear: target });
      expect(r.shortfallCurrentYear).toBe(Math.max(0, Math.ceil((target * r.population) / 1000) - r.placeCount));
    }
    // 2020 census (data/changchun-population.csv): 绿园区 714,919.
    expect(items.find((r) => r.code === '220106')!.population).toBe(714919);
  });

  it('answers one region, and 404 for a code that names none', async () => {
    await api
      .http()
      .get('/api/v1/public/regions/220173')
      .expect(200)
      .expect((r) => expect(r.body.code).toBe('220173'));
    const res = await api.http().get('/api/v1/public/regions/999999').expect(404);
    expect(res.body).toMatchObject({ status: 404 });
  });
});

describe('GET /regions (signed in)', () => {
  it('needs a token and then answers as the public list does', async () => {
    await api.http().get('/api/v1/regions').expect(401);
    await api.http().get('/api/v1/regions/220102').expect(401);
    const signedIn = await api.http().get('/api/v1/regions').set(bearer(operator)).expect(200);
    const pub = await api.http().get('/api/v1/public/regions').expect(200);
    expect(signedIn.body).toEqual(pub.body);
    await api.http().get('/api/v1/regions/220102').set(bearer(districtHealth)).expect(200);
    await api.http().get('/api/v1/regions/220000').set(bearer(districtHealth)).expect(404);
  });
});

describe('GET /public/regions/boundaries', () => {
  it('is a FeatureCollection of the 15 units with (multi)polygons and the region properties', async () => {
    const res = await api.http().get('/api/v1/public/regions/boundaries').expect(200);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features).toHaveLength(15);
    for (const f of res.body.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(Object.keys(f.properties).sort()).toEqual([...FIELDS].sort());
      const [lng, lat] = f.geometry.coordinates[0][0][0];
      expect(lng).toBeGreaterThan(124);
      expect(lng).toBeLessThan(128);
      expect(lat).toBeGreaterThan(43);
      expect(lat).toBeLessThan(46);
    }
  });
});

describe('PUT /regions/{code}/population', () => {
  const body = { year: 2024, population: 660000 };

  it('is for the admin or a city-level health regulator: 401 anonymous, 403 others', async () => {
    await api.http().put('/api/v1/regions/220112/population').send(body).expect(401);
    await api.http().put('/api/v1/regions/220112/population').set(bearer(operator)).send(body).expect(403);
    await api.http().put('/api/v1/regions/220112/population').set(bearer(districtHealth)).send(body).expect(403);
    await api.http().put('/api/v1/regions/220112/population').set(bearer(cityFire)).send(body).expect(403);
  });

  it('refuses the city (derived) with 422, a bad body with 400 naming fields, an unknown unit with 404', async () => {
    const city = await api.http().put('/api/v1/regions/220100/population').set(bearer(admin)).send(body).expect(422);
    expect(city.body.type).toContain('derived_population');
    const bad = await api
      .http()
      .put('/api/v1/regions/220112/population')
      .set(bearer(admin))
      .send({ year: 'soon', population: -5 })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['population', 'year']);
    const missing = await api.http().put('/api/v1/regions/220112/population').set(bearer(admin)).send({ year: 2024 }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'population', code: 'required' })]);
    await api.http().put('/api/v1/regions/229999/population').set(bearer(admin)).send(body).expect(404);
  });

  it('updates the unit and, through the worker, the city’s sum and the shortfalls within seconds', async () => {
    const before = (await api.http().get('/api/v1/public/regions/220100').expect(200)).body;
    const unitBefore = (await api.http().get('/api/v1/public/regions/220112').expect(200)).body;
    const population = unitBefore.population + 12345;
    const res = await api
      .http()
      .put('/api/v1/regions/220112/population')
      .set(bearer(cityHealth))
      .send({ year: 2030, population })
      .expect(200);
    expect(res.body.code).toBe('220112');
    // The answer is the region with the new population and the figures derived from it (issue #13).
    expect(res.body).toMatchObject({ population, populationYear: 2030 });
    expect(res.body.shortfall2025).toBe(Math.max(0, Math.ceil((4.5 * population) / 1000) - res.body.placeCount));

    const unit = await eventually(async () => {
      const r = (await api.http().get('/api/v1/public/regions/220112').expect(200)).body;
      expect(r).toMatchObject({ population, populationYear: 2030 });
      return r;
    });
    expect(unit.shortfall2025).toBe(Math.ceil((4.5 * population) / 1000));
    await eventually(async () => {
      const city = (await api.http().get('/api/v1/public/regions/220100').expect(200)).body;
      expect(city.population).toBe(before.population + 12345);
      // The city's year is the latest of its units' (other suites may have set later ones).
      expect(city.populationYear).toBeGreaterThanOrEqual(2030);
    });
    const pending = await api.db.query("SELECT count(*)::int AS n FROM outbox WHERE done_at IS NULL AND job_id LIKE '%220112'");
    expect(pending[0].n).toBe(0);
  });

  it('refuses a change of more than half up or down unless confirmed (422 implausible_population)', async () => {
    const current = (await api.http().get('/api/v1/public/regions/220106').expect(200)).body.population as number;
    for (const population of [1, Math.floor(current * 0.49), Math.ceil(current * 1.51)]) {
      const res = await api.http().put('/api/v1/regions/220106/population').set(bearer(admin)).send({ year: 2029, population }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'population', code: 'implausible_population' })]);
    }
    expect((await api.http().get('/api/v1/public/regions/220106').expect(200)).body.population).toBe(current);
    const near = Math.round(current * 1.2);
    await api.http().put('/api/v1/regions/220106/population').set(bearer(admin)).send({ year: 2029, population: near }).expect(200);
    const confirmed = await api
      .http()
      .put('/api/v1/regions/220106/population')
      .set(bearer(admin))
      .send({ year: 2029, population: near * 3, confirm: true })
      .expect(200);
    expect(confirmed.body.population).toBe(near * 3);
    await api
      .http()
      .put('/api/v1/regions/220106/population')
      .set(bearer(admin))
      .send({ year: 2029, population: near, confirm: 'yes' })
      .expect(400);
    // Put back a plausible figure for the other suites.
    await api
      .http()
      .put('/api/v1/regions/220106/population')
      .set(bearer(admin))
      .send({ year: 2029, population: current, confirm: true })
      .expect(200);
  });

  it('records the change in the region’s audit trail', async () => {
    const [previous] = await api.db.query("SELECT population FROM region_populations WHERE region_code = '220113' AND year = 2021");
    const population = (previous?.population ?? 600000) + 1;
    await api.http().put('/api/v1/regions/220113/population').set(bearer(admin)).send({ year: 2021, population }).expect(200);
    const rows = await api.db.query(
      "SELECT action, actor_id, actor_role, changes FROM audit_entries WHERE subject_type = 'region' AND subject_id = '220113' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0]).toMatchObject({
      action: 'population.set',
      actor_id: admin.id,
      actor_role: 'admin',
      changes: { year: 2021, population: { from: previous?.population ?? null, to: population } },
    });
  });
});
