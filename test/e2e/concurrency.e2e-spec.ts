// Concurrency (issue #8, part 4): many clients changing one class never push enrolment past its places, a stale
// If-Match is always 412 however many race, and two approvals of one facility make one registration.
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { compliantFacility } from '../factories/registry.js';

let api: TestApi;
let owner: TestUser;
let health: TestUser;

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
});

afterAll(async () => {
  await api?.close();
});

const CLIENTS = 16;

describe('one class, many clients', () => {
  it('lets exactly one of many writers holding the same ETag through; the others get 412', async () => {
    const f = await compliantFacility(api, owner, { location: { lat: 44.52, lng: 125.68 } }, { places: 15, enrolled: 0 });
    const url = `/api/v1/classes/${f.classId}`;
    const { headers } = await api.http().get(url).set(bearer(owner)).expect(200);
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        api
          .http()
          .patch(url)
          .set(bearer(owner))
          .set('If-Match', headers.etag)
          .send({ enrolled: 1 + (i % 10) }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(CLIENTS - 1).fill(412)]);
    const winner = answers.find((a) => a.status === 200)!;
    expect((await api.http().get(url).set(bearer(owner)).expect(200)).body.enrolled).toBe(winner.body.enrolled);
  });

  it('never enrols more children than places, whatever the interleaving of read, add one and write', async () => {
    const places = 10;
    const f = await compliantFacility(api, owner, { location: { lat: 44.521, lng: 125.681 } }, { places, enrolled: 0 });
    const url = `/api/v1/classes/${f.classId}`;
    const outcomes: number[] = [];
    // Each client adds one child at a time (read, +1, write with If-Match; again on 412) until it is refused.
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const current = await api.http().get(url).set(bearer(owner)).expect(200);
          const res = await api
            .http()
            .patch(url)
            .set(bearer(owner))
            .set('If-Match', current.headers.etag)
            .send({ enrolled: current.body.enrolled + 1 });
          outcomes.push(res.status);
          if (res.status === 422) return; // full: the class rules refuse it
          expect([200, 412]).toContain(res.status);
        }
      }),
    );
    const final = (await api.http().get(url).set(bearer(owner)).expect(200)).body;
    expect(final.enrolled).toBe(places);
    expect(outcomes.filter((s) => s === 200)).toHaveLength(places);
    expect(outcomes.filter((s) => s === 422)).toHaveLength(CLIENTS);
    const [row] = await api.db.query('SELECT enrolled, places, version FROM classes WHERE id = $1', [f.classId]);
    expect(row).toMatchObject({ enrolled: places, places, version: 1 + places });
    // The public summary followed every accepted write.
    const [summary] = await api.db.query('SELECT place_count, vacancies FROM facilities WHERE id = $1', [f.id]);
    expect(summary).toEqual({ place_count: places, vacancies: 0 });
  });
});

describe('one facility, two approvals', () => {
  it('registers it once: one 200, the other 409, one registration number, one audit entry', async () => {
    const f = await compliantFacility(api, owner, { location: { lat: 44.522, lng: 125.682 } });
    await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
    const other = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
    const answers = await Promise.all(
      [health, other, health, other].map((user) => api.http().post(`/api/v1/facilities/${f.id}/approve`).set(bearer(user)).send({})),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const [row] = await api.db.query('SELECT status, registration_no FROM facilities WHERE id = $1', [f.id]);
    expect(row.status).toBe('registered');
    expect(row.registration_no).toBe(answers.find((a) => a.status === 200)!.body.registrationNo);
    const [{ n }] = await api.db.query(
      "SELECT count(*)::int AS n FROM audit_entries WHERE subject_type = 'facility' AND subject_id = $1 AND action = 'facility.approve'",
      [f.id],
    );
    expect(n).toBe(1);
  });
});
