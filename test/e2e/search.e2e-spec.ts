// Parents' search, the map, the public facility page and the open register (docs/api.md "Public"), against the real
// PostGIS. The search fixture lies in the far west of 公主岭市 (220184), more than 60 km from anything other suites
// create, so every search near it sees the fixture alone and can be compared with a brute-force computation.
import { ageGroupsFor } from '@lib/standards';
import { haversineM, rebuildMapGrid } from '@lib/search';
import { bearer, createUser, startApi, unique, type TestApi, type TestUser } from '../helpers/app.js';
import { answers, registeredFacility, residentId, staffBody } from '../factories/registry.js';
import { insertSearchFixture, type SearchFixtureRow } from '../factories/search.js';

let api: TestApi;
let owner: TestUser;
let health: TestUser;
let fixture: SearchFixtureRow[];
/** Every facility written straight into the table: removed after the suite, so that later suites (the inspection
 * plan, figures) never meet hundreds of facilities without staff or classes. */
const inserted: string[] = [];

const CENTRE = { lat: 43.6, lng: 124.3 };
const NEARBY = '/api/v1/public/facilities/nearby';

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  fixture = await insertSearchFixture(api.db, {
    ownerId: owner.id,
    regionCode: '220184',
    centre: CENTRE,
    spreadM: 6000,
    count: 150,
    seed: 20261128,
    tag: unique('s'),
  });
  inserted.push(...fixture.map((f) => f.id));
});

afterAll(async () => {
  await api?.db.query('DELETE FROM facilities WHERE id = ANY($1::uuid[])', [inserted]);
  await api?.db.transaction((m) => rebuildMapGrid(m));
  await api?.close();
});

interface Criteria {
  lat: number;
  lng: number;
  radiusM?: number;
  limit?: number;
  ageMonths?: number;
  affordable?: boolean;
  hasVacancy?: boolean;
  maxFee?: number;
  serviceType?: string;
  kind?: string;
}

/** What the search must answer, computed the slow way over the fixture. */
function bruteForce(c: Criteria): { id: string; distanceM: number }[] {
  const groups = c.ageMonths === undefined ? null : ageGroupsFor(c.ageMonths);
  return fixture
    .filter((f) => f.status === 'registered')
    .filter((f) => !groups || (c.hasVacancy ? f.vacantAgeGroups : f.ageGroups).some((g) => groups.includes(g)))
    .filter((f) => !c.hasVacancy || groups || f.vacancies > 0)
    .filter((f) => !c.affordable || f.affordable)
    .filter((f) => c.maxFee === undefined || f.monthlyFee <= c.maxFee)
    .filter((f) => !c.serviceType || f.serviceTypes.includes(c.serviceType))
    .filter((f) => !c.kind || f.kind === c.kind)
    .map((f) => ({ id: f.id, distanceM: haversineM(c, f) }))
    .filter((f) => f.distanceM <= (c.radiusM ?? 3000))
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, c.limit ?? 20);
}

async function nearby(c: Criteria, lang?: string) {
  const req = api.http().get(NEARBY).query(c);
  if (lang) void req.set('Accept-Language', lang);
  const res = await req.expect(200);
  return res.body.items as { id: string; distanceM: number; [k: string]: unknown }[];
}

describe('nearby search', () => {
  const here = { lat: CENTRE.lat + 0.004, lng: CENTRE.lng - 0.006 };
  const cases: Criteria[] = [
    { ...here },
    { ...here, radiusM: 500, limit: 100 },
    { ...here, radiusM: 2000, limit: 5 },
    { ...here, radiusM: 5000, limit: 100 },
    { ...here, radiusM: 50_000, limit: 100 },
    { ...here, radiusM: 50_000, limit: 7 },
    { lat: CENTRE.lat - 0.05, lng: CENTRE.lng, radiusM: 8000, limit: 10 }, // the fixture's edge: few within reach
    { ...here, radiusM: 5000, limit: 100, ageMonths: 8 },
    { ...here, radiusM: 5000, limit: 100, ageMonths: 20 },
    { ...here, radiusM: 5000, limit: 100, ageMonths: 20, hasVacancy: true },
    { ...here, radiusM: 5000, limit: 100, hasVacancy: true },
    { ...here, radiusM: 5000, limit: 100, affordable: true },
    { ...here, radiusM: 5000, limit: 100, affordable: false, hasVacancy: false },
    { ...here, radiusM: 5000, limit: 100, maxFee: 2500 },
    { ...here, radiusM: 5000, limit: 100, serviceType: 'hourly' },
    { ...here, radiusM: 5000, limit: 100, kind: 'family' },
    {
      ...here,
      radiusM: 6000,
      limit: 3,
      ageMonths: 30,
      affordable: true,
      hasVacancy: true,
      maxFee: 4000,
      serviceType: 'full_day',
      kind: 'centre',
    },
  ];

  it.each(cases)('answers what a brute-force computation answers: %o', async (c) => {
    const expected = bruteForce(c);
    const items = await nearby(c);
    expect(items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
    items.forEach((item, k) => {
      const truth = expected[k]!.distanceM;
      expect(Math.abs(item.distanceM - truth)).toBeLessThanOrEqual(Math.max(0.005 * truth, 1));
    });
  });

  it('filters each criterion as the contract says (checked on the answers themselves)', async () => {
    const wide = { ...here, radiusM: 10_000, limit: 100 };
    const all = await nearby(wide);
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((i) => fixture.find((f) => f.id === i.id)?.status === 'registered')).toBe(true);
    const infant = await nearby({ ...wide, ageMonths: 8 });
    expect(infant.length).toBeGreaterThan(0);
    expect(infant.every((i) => (i.ageGroups as string[]).includes('infant'))).toBe(true);
    expect(infant.length).toBeLessThan(all.length);
    const fee = (await nearby({ ...wide, maxFee: 2000 })).map((i) => i.monthlyFee as number);
    expect(fee.length).toBeGreaterThan(0);
    expect(Math.max(...fee)).toBeLessThanOrEqual(2000);
    // Inclusive: a facility whose fee is exactly the maximum is kept.
    const exact = all[0]!.monthlyFee as number;
    expect((await nearby({ ...wide, maxFee: exact })).map((i) => i.id)).toContain(all[0]!.id);
    expect((await nearby({ ...wide, affordable: true })).every((i) => i.affordable === true)).toBe(true);
    // A facility that never applied for 普惠 is not affordable: false, never null (issue #18 item 12).
    expect(new Set(all.map((i) => i.affordable))).toEqual(new Set([true, false]));
    expect((await nearby({ ...wide, hasVacancy: true })).every((i) => (i.vacancies as number) > 0)).toBe(true);
    expect((await nearby({ ...wide, kind: 'employer' })).every((i) => i.kind === 'employer')).toBe(true);
    expect((await nearby({ ...wide, serviceType: 'temporary' })).every((i) => (i.serviceTypes as string[]).includes('temporary'))).toBe(
      true,
    );
    // false means "no filter", as absent does.
    expect((await nearby({ ...wide, affordable: false, hasVacancy: false })).map((i) => i.id)).toEqual(all.map((i) => i.id));
  });

  it('answers the contract fields, with the unit name in the language asked for', async () => {
    const [zh] = await nearby({ ...here, limit: 1 });
    expect(Object.keys(zh!).sort()).toEqual(
      [
        'id',
        'name',
        'address',
        'regionCode',
        'regionName',
        'location',
        'distanceM',
        'kind',
        'affordable',
        'medicalIntegrated',
        'monthlyFee',
        'serviceTypes',
        'ageGroups',
        'placeCount',
        'vacancies',
        'vacanciesUpdatedAt',
        'vacanciesStale',
        'registrationNo',
        'latestInspections',
      ].sort(),
    );
    expect(zh).toMatchObject({ regionCode: '220184', regionName: '公主岭市', vacanciesStale: false, latestInspections: [] });
    const [en] = await nearby({ ...here, limit: 1 }, 'en');
    expect(en!.regionName).toBe('Gongzhuling City');
  });

  it.each([
    [{}, 'lat'],
    [{ lat: 43.6 }, 'lng'],
    [{ lat: 91, lng: 124 }, 'lat'],
    [{ lat: '', lng: 124 }, 'lat'],
    [{ lat: 'north', lng: 124 }, 'lat'],
    [{ lat: 43.6, lng: 181 }, 'lng'],
    [{ lat: 43.6, lng: 124, radiusM: 0 }, 'radiusM'],
    [{ lat: 43.6, lng: 124, radiusM: 50_001 }, 'radiusM'],
    [{ lat: 43.6, lng: 124, radiusM: 1e308 }, 'radiusM'],
    [{ lat: 43.6, lng: 124, limit: 0 }, 'limit'],
    [{ lat: 43.6, lng: 124, limit: 101 }, 'limit'],
    [{ lat: 43.6, lng: 124, ageMonths: 37 }, 'ageMonths'],
    [{ lat: 43.6, lng: 124, ageMonths: -1 }, 'ageMonths'],
    [{ lat: 43.6, lng: 124, ageMonths: 1.5 }, 'ageMonths'],
    [{ lat: 43.6, lng: 124, affordable: 'yes' }, 'affordable'],
    [{ lat: 43.6, lng: 124, hasVacancy: 1 }, 'hasVacancy'],
    [{ lat: 43.6, lng: 124, maxFee: -1 }, 'maxFee'],
    [{ lat: 43.6, lng: 124, serviceType: 'overnight' }, 'serviceType'],
    [{ lat: 43.6, lng: 124, kind: 'school' }, 'kind'],
    [{ lat: 43.6, lng: 124, ownerId: 'x' }, 'ownerId'],
  ])('refuses %o with 400 naming %s', async (query, field) => {
    const res = await api.http().get(NEARBY).query(query).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('takes radiusM up to 50 km and limit up to 100', async () => {
    await api.http().get(NEARBY).query({ lat: 43.6, lng: 124, radiusM: 50_000, limit: 100 }).expect(200);
    await api.http().get(NEARBY).query({ lat: 43.6, lng: 124, radiusM: 1, limit: 1 }).expect(200);
  });
});

describe('the map', () => {
  const MAP = '/api/v1/public/map';
  const fixtureBox = [CENTRE.lng - 0.1, CENTRE.lat - 0.07, CENTRE.lng + 0.1, CENTRE.lat + 0.07].join(',');
  const registeredInFixture = () => fixture.filter((f) => f.status === 'registered').length;

  it('answers clusters through zoom 12 that count every registered facility in the box once', async () => {
    // Clusters are whole cells (members just outside the box count too): at these zooms the cells the box touches
    // reach less than 30 km beyond it, and nothing else lies within 60 km of the fixture.
    for (const zoom of [8, 9, 12]) {
      const res = await api.http().get(MAP).query({ bbox: fixtureBox, zoom }).expect(200);
      expect(res.body).toMatchObject({ type: 'FeatureCollection', clustered: true });
      expect(res.body.features.every((f: { properties: { cluster: boolean } }) => f.properties.cluster)).toBe(true);
      const total = res.body.features.reduce((s: number, f: { properties: { count: number } }) => s + f.properties.count, 0);
      expect(total).toBe(registeredInFixture());
    }
  });

  it('answers single registered facilities from zoom 13, at their public points', async () => {
    const res = await api.http().get(MAP).query({ bbox: fixtureBox, zoom: 14 }).expect(200);
    expect(res.body.clustered).toBe(false);
    const ids = res.body.features.map((f: { properties: { id: string } }) => f.properties.id).sort();
    expect(ids).toEqual(
      fixture
        .filter((f) => f.status === 'registered')
        .map((f) => f.id)
        .sort(),
    );
    const one = res.body.features[0];
    const row = fixture.find((f) => f.id === one.properties.id)!;
    expect(Object.keys(one.properties).sort()).toEqual(['affordable', 'cluster', 'id', 'kind', 'name', 'vacancies']);
    expect(res.body.features.every((f: { properties: { affordable: unknown } }) => typeof f.properties.affordable === 'boolean')).toBe(
      true,
    );
    expect(one.geometry.coordinates[0]).toBeCloseTo(row.lng, 5);
    expect(one.geometry.coordinates[1]).toBeCloseTo(row.lat, 5);
  });

  it('clusters at any zoom where more than 500 would be answered, and never answers more than 500 features', async () => {
    const dense = { lat: 43.3, lng: 124.2 };
    const rows = await insertSearchFixture(api.db, {
      ownerId: owner.id,
      regionCode: '220184',
      centre: dense,
      spreadM: 800,
      count: 700,
      seed: 7,
      tag: unique('m'),
    });
    inserted.push(...rows.map((r) => r.id));
    const registered = rows.filter((r) => r.status === 'registered').length;
    expect(registered).toBeGreaterThan(500);
    const box = [dense.lng - 0.02, dense.lat - 0.02, dense.lng + 0.02, dense.lat + 0.02].join(',');
    for (const zoom of [13, 15, 18, 22]) {
      const res = await api.http().get(MAP).query({ bbox: box, zoom }).expect(200);
      expect(res.body.clustered).toBe(true);
      expect(res.body.features.length).toBeLessThanOrEqual(500);
      expect(res.body.features.reduce((s: number, f: { properties: { count: number } }) => s + f.properties.count, 0)).toBe(registered);
    }
    for (let zoom = 0; zoom <= 22; zoom += 2) {
      const res = await api.http().get(MAP).query({ bbox: '-180,-85,180,85', zoom }).expect(200);
      expect(res.body.features.length).toBeLessThanOrEqual(500);
      expect(Buffer.byteLength(res.text)).toBeLessThan(150 * 1024);
    }
  });

  it.each([
    [{ zoom: 10 }, 'bbox'],
    [{ bbox: '1,2,3', zoom: 10 }, 'bbox'],
    [{ bbox: '125,44,124,43', zoom: 10 }, 'bbox'],
    [{ bbox: '124,-90,125,44', zoom: 10 }, 'bbox'],
    [{ bbox: 'a,b,c,d', zoom: 10 }, 'bbox'],
    [{ bbox: fixtureBox }, 'zoom'],
    [{ bbox: fixtureBox, zoom: 23 }, 'zoom'],
    [{ bbox: fixtureBox, zoom: 2.5 }, 'zoom'],
  ])('refuses %o with 400 naming %s', async (query, field) => {
    const res = await api.http().get(MAP).query(query).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('public facility pages and the open register', () => {
  // 农安县 (220122): far from the search fixture above.
  const NONGAN = { lat: 44.43, lng: 125.18 };
  let centre: { id: string; classId: string };
  let family: { id: string; classId: string };
  let staffName: string;
  let staffId: string;

  beforeAll(async () => {
    centre = await registeredFacility(api, owner, health, { location: NONGAN, name: unique('公开托育中心') }, { places: 15, enrolled: 12 });
    // A home-based point: at most 5 children, a person in charge and a caregiver.
    family = await registeredFacility(
      api,
      owner,
      health,
      {
        kind: 'family',
        name: unique('家庭托育点'),
        location: { lat: NONGAN.lat + 0.01, lng: NONGAN.lng },
        address: '农安县某小区 3 栋 2 单元 501',
        floors: [1],
        indoorAreaM2: 60,
        outdoorAreaM2: 0,
      },
      { places: 4, enrolled: 2 },
    );
    staffName = unique('张保育');
    staffId = residentId();
    await api
      .http()
      .post(`/api/v1/facilities/${centre.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('caregiver', { name: staffName, idNumber: staffId, classIds: [centre.classId] }))
      .expect(201);
  });

  it('shows a registered facility: places and vacancies by age group, how fresh, fee, status', async () => {
    // A new class of a registered facility is a change filing, approved by the health regulator.
    const change = await api
      .http()
      .post(`/api/v1/facilities/${centre.id}/changes`)
      .set(bearer(owner))
      .send({ reason: '增设乳儿班', classes: [{ op: 'add', name: '乳儿班', ageGroup: 'infant', places: 6, enrolled: 6 }] })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(health)).send({}).expect(200);
    const res = await api.http().get(`/api/v1/public/facilities/${centre.id}`).expect(200);
    expect(res.body).toMatchObject({
      id: centre.id,
      status: 'registered',
      kind: 'centre',
      regionCode: '220122',
      regionName: '农安县',
      address: '长春市南关区人民大街 1000 号',
      placeCount: 21,
      vacancies: 3,
      ageGroups: ['infant', 'toddler'],
      vacanciesStale: false,
      phone: '0431-88880000',
    });
    expect(res.body.registrationNo).toMatch(/^TY-220122-\d{4}-\d{4}$/);
    expect(res.body.classes).toEqual([
      expect.objectContaining({ ageGroup: 'infant', places: 6, vacancies: 0, stale: false }),
      expect.objectContaining({ ageGroup: 'toddler', places: 15, vacancies: 3, stale: false }),
    ]);
    // Full for infants: a search for an 8-month-old with a free place does not find it; one without the filter does.
    const near = { ...NONGAN, radiusM: 500, limit: 100 };
    expect((await nearby({ ...near, ageMonths: 8 })).map((i) => i.id)).toContain(centre.id);
    expect((await nearby({ ...near, ageMonths: 8, hasVacancy: true })).map((i) => i.id)).not.toContain(centre.id);
    expect((await nearby({ ...near, ageMonths: 14, hasVacancy: true })).map((i) => i.id)).toContain(centre.id);
  });

  it('gives, with the child’s age, the free places for that age and the oldest report among those classes', async () => {
    const near = { ...NONGAN, radiusM: 500, limit: 100 };
    const find = async (criteria: Criteria) => (await nearby(criteria)).find((i) => i.id === centre.id);
    // Without an age: the facility's total only.
    const plain = await find(near);
    expect(plain).toMatchObject({ vacancies: 3 });
    expect(plain).not.toHaveProperty('vacanciesForAge');
    expect(plain).not.toHaveProperty('vacanciesForAgeUpdatedAt');
    // An 8-month-old: the infant class is full, though the facility has 3 free places.
    const infant = await find({ ...near, ageMonths: 8 });
    expect(infant).toMatchObject({ vacancies: 3, vacanciesForAge: 0, vacanciesForAgeStale: false });
    // A 14-month-old: the toddler class's 3.
    const toddler = await find({ ...near, ageMonths: 14 });
    expect(toddler).toMatchObject({ vacancies: 3, vacanciesForAge: 3, vacanciesForAgeStale: false });
    const classes = await api.db.query('SELECT age_group, updated_at FROM classes WHERE facility_id = $1', [centre.id]);
    const updated = (group: string) => (classes.find((c: { age_group: string }) => c.age_group === group).updated_at as Date).toISOString();
    expect(toddler!.vacanciesForAgeUpdatedAt).toBe(updated('toddler'));
    expect(infant!.vacanciesForAgeUpdatedAt).toBe(updated('infant'));
    // A 20-month-old: toddler or mixed classes, of which it has the toddler one.
    expect(await find({ ...near, ageMonths: 20 })).toMatchObject({ vacanciesForAge: 3 });
  });

  it('says when vacancies have not been reported for over 30 days', async () => {
    await api.db.query("UPDATE classes SET updated_at = now() - interval '31 days' WHERE facility_id = $1", [centre.id]);
    const res = await api.http().get(`/api/v1/public/facilities/${centre.id}`).expect(200);
    expect(res.body.classes.every((c: { stale: boolean }) => c.stale)).toBe(true);
    // The facility summary follows the next report of places.
    const cls = await api.http().get(`/api/v1/classes/${centre.classId}`).set(bearer(owner)).expect(200);
    await api
      .http()
      .patch(`/api/v1/classes/${centre.classId}`)
      .set(bearer(owner))
      .set('If-Match', cls.headers.etag)
      .send({ enrolled: 10 })
      .expect(200);
    const after = await api.http().get(`/api/v1/public/facilities/${centre.id}`).expect(200);
    expect(after.body).toMatchObject({ vacancies: 5, vacanciesStale: false });
    expect(after.body.classes.map((c: { stale: boolean }) => c.stale)).toEqual([true, false]);
    // The freshness for an age is that of its own classes: the stale infant class is not hidden by the fresh toddler one.
    const near = { ...NONGAN, radiusM: 500, limit: 100 };
    const forAge = async (ageMonths: number) => (await nearby({ ...near, ageMonths })).find((i) => i.id === centre.id);
    expect(await forAge(14)).toMatchObject({ vacanciesForAge: 5, vacanciesForAgeStale: false });
    expect(await forAge(8)).toMatchObject({ vacanciesForAge: 0, vacanciesForAgeStale: true });
  });

  it('gives the latest inspection per domain with a plain-language summary of what failed', async () => {
    const fire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const checklist = (await api.http().get('/api/v1/inspection-checklists').set(bearer(fire)).expect(200)).body.items.find(
      (c: { domain: string }) => c.domain === 'fire',
    );
    const failed = checklist.items.find((i: { severity: string }) => i.severity === 'minor');
    await api
      .http()
      .post(`/api/v1/facilities/${centre.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items: await answers(api, fire, 'fire', [failed.code]) })
      .expect(201);
    const res = await api.http().get(`/api/v1/public/facilities/${centre.id}`).expect(200);
    expect(res.body.inspections).toEqual([expect.objectContaining({ domain: 'fire', outcome: 'rectify', summary: expect.any(String) })]);
    expect(res.body.inspections[0].summary).toMatch(/^1 项不合格：.+（整改中）$/);
    const en = await api.http().get(`/api/v1/public/facilities/${centre.id}`).set('Accept-Language', 'en').expect(200);
    expect(en.body.inspections[0].summary).toMatch(/^1 item failed: .+ \(being put right\)$/);
    expect(res.body.latestInspections).toEqual([{ domain: 'fire', outcome: 'rectify', inspectedAt: res.body.inspections[0].inspectedAt }]);
    const [item] = (await nearby({ ...NONGAN, radiusM: 200, limit: 100 })).filter((i) => i.id === centre.id);
    expect(item!.latestInspections).toEqual(res.body.latestInspections);
  });

  it('shows a home-based point about 200 m from home, the same point every time, without its address or phone', async () => {
    const truth = { lat: NONGAN.lat + 0.01, lng: NONGAN.lng };
    const page = (await api.http().get(`/api/v1/public/facilities/${family.id}`).expect(200)).body;
    expect(page).toMatchObject({ kind: 'family', address: null, phone: null, regionName: '农安县' });
    // 100–300 m on the spheroid (ST_Project); the sphere's haversine differs by up to 0.5%.
    const offset = haversineM(truth, page.location);
    expect(offset).toBeGreaterThanOrEqual(99.5);
    expect(offset).toBeLessThanOrEqual(301.5);
    // Search measures from the public point: searched from home, the distance is the offset, not 0.
    const [found] = (await nearby({ ...truth, radiusM: 400, limit: 100 })).filter((i) => i.id === family.id);
    expect(found!.location).toEqual(page.location);
    expect(Math.abs(found!.distanceM - offset)).toBeLessThanOrEqual(1);
    const tight = await nearby({ ...truth, radiusM: Math.floor(offset) - 5, limit: 100 });
    expect(tight.map((i) => i.id)).not.toContain(family.id);
    const map = await api
      .http()
      .get('/api/v1/public/map')
      .query({ bbox: [truth.lng - 0.01, truth.lat - 0.01, truth.lng + 0.01, truth.lat + 0.01].join(','), zoom: 16 })
      .expect(200);
    const feature = map.body.features.find((f: { properties: { id?: string } }) => f.properties.id === family.id);
    expect(feature.geometry.coordinates).toEqual([page.location.lng, page.location.lat]);
    expect((await api.http().get(`/api/v1/public/facilities/${family.id}`).expect(200)).body.location).toEqual(page.location);
  });

  it('answers 404 for facilities that are not public, and for ids that are not ids', async () => {
    const draft = fixture.find((f) => f.status === 'draft')!;
    const closed = fixture.find((f) => f.status === 'closed')!;
    const suspended = fixture.find((f) => f.status === 'suspended')!;
    for (const id of [draft.id, closed.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await api.http().get(`/api/v1/public/facilities/${id}`).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await api.http().get(`/api/v1/public/facilities/${suspended.id}`).expect(200)).body.status).toBe('suspended');
  });

  it('says a suspended facility is suspended, keeps it off the search and the map, and in the register', async () => {
    const f = await registeredFacility(api, owner, health, { location: { lat: NONGAN.lat - 0.01, lng: NONGAN.lng }, name: unique('暂停') });
    await api.http().post(`/api/v1/facilities/${f.id}/suspend`).set(bearer(health)).send({ reason: '消防整改' }).expect(200);
    expect((await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200)).body.status).toBe('suspended');
    expect((await nearby({ ...NONGAN, radiusM: 3000, limit: 100 })).map((i) => i.id)).not.toContain(f.id);
    const { registrationNo } = (await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200)).body;
    const csv = (await api.http().get('/api/v1/public/register.csv').expect(200)).text;
    expect(csv.split('\r\n').find((line) => line.startsWith(`${registrationNo},`))).toContain(',suspended,centre,220122,');
    const geo = JSON.parse((await api.http().get('/api/v1/public/register.geojson').buffer(true).expect(200)).text);
    const feature = geo.features.find((x: { properties: { registrationNo: string } }) => x.properties.registrationNo === registrationNo);
    expect(feature.properties.status).toBe('suspended');
  });

  it('publishes the register as CSV and GeoJSON: public fields and public points only', async () => {
    const csv = await api.http().get('/api/v1/public/register.csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.text.startsWith('\uFEFFregistrationNo,name,status,kind,regionCode,regionName,address,lat,lng,')).toBe(true);
    const geoRes = await api.http().get('/api/v1/public/register.geojson').buffer(true).expect(200);
    expect(geoRes.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const geo = JSON.parse(geoRes.text);
    expect(geo.type).toBe('FeatureCollection');
    const statuses = new Set(geo.features.map((f: { properties: { status: string } }) => f.properties.status));
    expect([...statuses].every((s) => s === 'registered' || s === 'suspended')).toBe(true);
    // Every public facility of the fixture is there once, and nothing that is not public.
    const names = geo.features.map((f: { properties: { name: string } }) => f.properties.name);
    const lines = csv.text.split('\r\n');
    expect(lines.length - 2).toBe(geo.features.length);
    const page = (await api.http().get(`/api/v1/public/facilities/${family.id}`).expect(200)).body;
    const home = geo.features.find((f: { properties: { registrationNo: string } }) => f.properties.registrationNo === page.registrationNo);
    expect(home.geometry.coordinates).toEqual([page.location.lng, page.location.lat]);
    expect(home.properties.address).toBeNull();
    expect(names.filter((n: string) => n === page.name)).toHaveLength(1);
    expect(lines.find((l) => l.includes(page.registrationNo))).toContain(`${page.location.lat},${page.location.lng}`);
    // Each row names the facility's id and its public page, on the host the register was asked from.
    expect(lines[0]!.endsWith(',id,url,statusLabel,kindLabel,serviceTypesLabel,ageGroupsLabel')).toBe(true);
    // The words beside the codes (issue #18 item 12), zh-CN by default and English when asked.
    const homeLine = lines.find((l) => l.includes(page.registrationNo))!;
    expect(homeLine).toContain(',家庭托育点,');
    expect(homeLine.startsWith(`${page.registrationNo},`)).toBe(true);
    expect(homeLine).toMatch(/,已备案,家庭托育点,[^,]*托/);
    const english = await api.http().get('/api/v1/public/register.csv').set('Accept-Language', 'en').expect(200);
    expect(english.text.split('\r\n').find((l) => l.includes(page.registrationNo))).toContain(',Registered,Home-based point,');
    const viaProxyHost = await api.http().get('/api/v1/public/register.csv').set('Host', 'tuoyu.example.cn').expect(200);
    expect(viaProxyHost.text.split('\r\n').find((l) => l.includes(page.registrationNo))).toContain(
      `,${family.id},http://tuoyu.example.cn/facilities/${family.id}`,
    );
    expect(home.properties).toMatchObject({
      id: family.id,
      url: expect.stringMatching(new RegExp(`^http://[^/]+/facilities/${family.id}$`)),
    });
  });

  it('never answers staff, ID numbers, operators or true home locations in public', async () => {
    const familyTruth = (await api.http().get(`/api/v1/facilities/${family.id}`).set(bearer(owner)).expect(200)).body;
    const bodies = [
      (await api.http().get(`/api/v1/public/facilities/${centre.id}`).expect(200)).text,
      (await api.http().get(`/api/v1/public/facilities/${family.id}`).expect(200)).text,
      (
        await api
          .http()
          .get(NEARBY)
          .query({ ...NONGAN, radiusM: 5000, limit: 100 })
          .expect(200)
      ).text,
      (await api.http().get('/api/v1/public/map').query({ bbox: '124,43,126,45', zoom: 16 }).expect(200)).text,
      (await api.http().get('/api/v1/public/register.csv').expect(200)).text,
      (await api.http().get('/api/v1/public/register.geojson').buffer(true).expect(200)).text,
    ];
    const forbidden = [
      staffName,
      staffId,
      staffId.slice(0, 6) + '********' + staffId.slice(14),
      owner.id,
      owner.username,
      familyTruth.address,
    ];
    for (const body of bodies) {
      for (const secret of forbidden) expect(body).not.toContain(secret);
      // No resident ID number of any shape (18 characters, the last a digit or X).
      expect(body).not.toMatch(/\b[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])\d{2}\d{3}[\dX]\b/);
      for (const field of ['ownerId', 'creditCode', 'idNumber', 'staff', 'documents', 'placementPlan', 'statusReason'])
        expect(body).not.toContain(`"${field}"`);
      const truePoint = `${familyTruth.location.lng},${familyTruth.location.lat}`;
      expect(body).not.toContain(truePoint);
    }
  });
});
