// Offers under concurrency (issue #17): two offers can never hold, nor two acceptances fill, more places than a class
// has — with parallel requests to one API and with requests spread over two API processes on one database.
import { bearer, createUser, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { startApiProcess } from '../helpers/api-process.js';
import { registeredFacility } from '../factories/registry.js';
import { applyFor, inDays, registerParent } from '../factories/applications.js';

/** 九台区, away from the other suites' facilities. */
const HERE = { lat: 44.15, lng: 125.84 };

let api: TestApi;
let health: TestUser;
let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];

beforeAll(async () => {
  api = await startApi();
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  servers = await Promise.all([startApiProcess(), startApiProcess()]);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await api?.close();
});

const send = (base: string, method: string, path: string, user: TestUser, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { ...bearer(user), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function classRow(classId: string) {
  const [row] = await api.db.query('SELECT places, enrolled, held FROM classes WHERE id = $1', [classId]);
  const [f] = await api.db.query(
    'SELECT c.facility_id, f.vacancies FROM classes c JOIN facilities f ON f.id = c.facility_id WHERE c.id = $1',
    [classId],
  );
  return { ...row, summaryVacancies: f.vacancies as number };
}

/** A facility with one toddler class of 15 places, `enrolled` of them taken, and `n` parents who applied to it. */
async function scene(enrolled: number, n: number) {
  const owner = await createUser(api, 'operator');
  const f = await registeredFacility(api, owner, health, { location: HERE }, { places: 15, enrolled });
  const parents = await Promise.all(Array.from({ length: n }, () => registerParent(api)));
  const apps = [];
  for (const p of parents) apps.push(await applyFor(api, p, [f.id]));
  return { owner, f, parents, apps };
}

for (const where of ['one API, parallel requests', 'two API processes'] as const) {
  describe(where, () => {
    const base = (i: number) => (where === 'two API processes' ? servers[i % 2]!.url : null);
    const call = (i: number, method: string, path: string, user: TestUser, body?: unknown) => {
      const b = base(i);
      if (b) return send(b, method, path, user, body).then(async (r) => ({ status: r.status }));
      const req = api.http()[method.toLowerCase() as 'post'](path).set(bearer(user));
      return (body === undefined ? req : req.send(body as object)).then((r) => ({ status: r.status }));
    };

    it('lets 2 of 8 racing offers hold the last 2 places; the others get 422 no_vacancy', async () => {
      const { owner, f, apps } = await scene(13, 8);
      const answers = await Promise.all(
        apps.map((a, i) =>
          call(i, 'POST', `/api/v1/applications/${a.id}/offers`, owner, { facilityId: f.id, classId: f.classId, expiresOn: inDays(7) }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 422, 422, 422, 422, 422, 422]);
      expect(await classRow(f.classId)).toEqual({ places: 15, enrolled: 13, held: 2, summaryVacancies: 0 });
    });

    it('never fills more places than the class has when parents accept while the operator edits enrolment and offers again', async () => {
      const { owner, f, parents, apps } = await scene(10, 8);
      // Five offers hold the five vacancies.
      const offers: { id: string; parent: TestUser }[] = [];
      for (let i = 0; i < 5; i++) {
        const o = await api
          .http()
          .post(`/api/v1/applications/${apps[i]!.id}/offers`)
          .set(bearer(owner))
          .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(7) })
          .expect(201);
        offers.push({ id: o.body.id, parent: parents[i]! });
      }
      const cls = (await api.http().get(`/api/v1/classes/${f.classId}`).set(bearer(owner)).expect(200)).body;
      // All at once: five acceptances, the other three applicants offered places that do not exist, and the operator
      // trying to enrol two more children by hand.
      const answers = await Promise.all([
        ...offers.map((o, i) => call(i, 'POST', `/api/v1/offers/${o.id}/accept`, o.parent)),
        ...apps.slice(5).map((a, i) =>
          call(i + 1, 'POST', `/api/v1/applications/${a.id}/offers`, owner, {
            facilityId: f.id,
            classId: f.classId,
            expiresOn: inDays(7),
          }),
        ),
        call(0, 'PATCH', `/api/v1/classes/${f.classId}`, owner, { enrolled: cls.enrolled + 2 }),
      ]);
      expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.slice(5, 8).map((a) => a.status)).toEqual([422, 422, 422]);
      // The PATCH carried no If-Match: 428, whatever the timing (and with it, it would be 412 or 422, never over).
      expect(answers[8]!.status).toBe(428);
      expect(await classRow(f.classId)).toEqual({ places: 15, enrolled: 15, held: 0, summaryVacancies: 0 });
    });

    it('accepts or declines an offer once when the parent double-submits', async () => {
      const { owner, f, parents, apps } = await scene(12, 1);
      const o = await api
        .http()
        .post(`/api/v1/applications/${apps[0]!.id}/offers`)
        .set(bearer(owner))
        .send({ facilityId: f.id, classId: f.classId, expiresOn: inDays(7) })
        .expect(201);
      const answers = await Promise.all([
        call(0, 'POST', `/api/v1/offers/${o.body.id}/accept`, parents[0]!),
        call(1, 'POST', `/api/v1/offers/${o.body.id}/accept`, parents[0]!),
        call(2, 'POST', `/api/v1/offers/${o.body.id}/decline`, parents[0]!),
      ]);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(2);
      const row = await classRow(f.classId);
      expect(row.held).toBe(0);
      expect([12, 13]).toContain(row.enrolled);
    });
  });
}
