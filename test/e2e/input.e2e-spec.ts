// Issue #14, defect 5: client input that gave 500. Every cursor is signed by the API: a forged, altered or cut
// one answers 400 naming `cursor`; dates outside 1900..2199 answer 400.
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { PLACES, registeredFacility, staffBody } from '../factories/registry.js';

let api: TestApi;
let owner: TestUser;
let health: TestUser;
let admin: TestUser;
let facilityId: string;
beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  admin = await createUser(api, 'admin');
  facilityId = (await registeredFacility(api, owner, health, { location: PLACES.nanguan2 })).id;
  for (const role of ['cook', 'cook'])
    await api.http().post(`/api/v1/facilities/${facilityId}/staff`).set(bearer(owner)).send(staffBody(role)).expect(201);
}, 120_000);
afterAll(() => api.close());

const forged = [
  Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url'),
  Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'a\u0000b'])).toString('base64url'),
  Buffer.from(JSON.stringify('a\u0000')).toString('base64url'),
  Buffer.from(JSON.stringify(1e300)).toString('base64url'),
  'e30.AAAAAAAAAAAAAAAAAAAAAA',
  '%00',
];

describe('cursors', () => {
  it('a forged cursor answers 400 naming it, on every paginated collection', async () => {
    const lists: [string, TestUser][] = [
      ['/api/v1/facilities', owner],
      ['/api/v1/alerts', health],
      [`/api/v1/facilities/${facilityId}/staff`, owner],
      ['/api/v1/users', admin],
      [`/api/v1/facilities/${facilityId}/history`, owner],
    ];
    const wrong: string[] = [];
    for (const [path, user] of lists)
      for (const cursor of forged) {
        const res = await api
          .http()
          .get(`${path}?cursor=${encodeURIComponent(cursor)}`)
          .set(bearer(user));
        if (res.status !== 400 || res.body.errors?.[0]?.field !== 'cursor') wrong.push(`${path} ${cursor}: ${res.status}`);
      }
    expect(wrong).toEqual([]);
  });

  it('never gives 500 on the other collections', async () => {
    for (const path of ['/api/v1/rectification-orders', `/api/v1/facilities/${facilityId}/inspections`, '/api/v1/inspection-plan'])
      for (const cursor of forged) {
        const res = await api
          .http()
          .get(`${path}?cursor=${encodeURIComponent(cursor)}`)
          .set(bearer(health));
        expect({ path, cursor, status: res.status < 500 }).toEqual({ path, cursor, status: true });
      }
  });

  it('the cursor the API gave still pages on', async () => {
    const first = await api.http().get('/api/v1/users?limit=1').set(bearer(admin)).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api
      .http()
      .get(`/api/v1/users?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(bearer(admin))
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});

describe('dates', () => {
  it('a region’s history from year 0 answers 400 naming the field', async () => {
    for (const from of ['0000-01-01', '1899-12-31', '9999-01-01']) {
      const res = await api.http().get(`/api/v1/regions/220102/history?from=${from}`).set(bearer(health));
      expect({ from, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ from, status: 400, field: 'from' });
    }
  });
});
