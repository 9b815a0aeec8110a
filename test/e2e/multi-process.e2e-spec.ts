// Concurrency across processes (issue #8, part 4): two built API processes and two worker processes on the same
// PostgreSQL and Redis. Writes spread over both APIs are each recorded, audited and relayed once, racing approvals
// through different APIs register once, and the unit's figures end equal to the facilities' places.
import { bearer, createUser, eventually, startApi, type TestApi, type TestUser } from '../helpers/app.js';
import { startApiProcess, startWorkerProcess, type WorkerProcess } from '../helpers/api-process.js';
import { compliantFacility, registeredFacility } from '../factories/registry.js';

/** 德惠市, away from the other suites' facilities. */
const UNIT = '220183';
const HERE = { lat: 44.53, lng: 125.69 };

let api: TestApi;
let owner: TestUser;
let health: TestUser;
let servers: Awaited<ReturnType<typeof startApiProcess>>[] = [];
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  servers = await Promise.all([startApiProcess(), startApiProcess()]);
  workers = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
}, 240_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(servers.map((s) => s.stop()));
  await api?.close();
});

const send = (server: { url: string }, method: string, path: string, user: TestUser, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { ...bearer(user), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

it('records, audits and relays each write once, and the figures follow', async () => {
  const f = await registeredFacility(api, owner, health, { location: HERE, indoorAreaM2: 1000, outdoorAreaM2: 1000 });
  // Twelve classes of 20 places (a registered facility's new classes are a change filing, approved), then twelve
  // writes through both APIs, each lowering one class's places (which applies at once).
  const change = await send(servers[0]!, 'POST', `/api/v1/facilities/${f.id}/changes`, owner, {
    reason: '增设托大班',
    classes: Array.from({ length: 12 }, (_, i) => ({ op: 'add', name: `托大班 ${i}`, ageGroup: 'preschool', places: 20, enrolled: 0 })),
  });
  expect(change.status).toBe(201);
  const changeId = ((await change.json()) as { id: string }).id;
  expect((await send(servers[1]!, 'POST', `/api/v1/change-filings/${changeId}/approve`, health, {})).status).toBe(200);
  const added: { id: string }[] = await api.db.query(
    "SELECT id FROM classes WHERE facility_id = $1 AND age_group = 'preschool' ORDER BY name",
    [f.id],
  );
  const since = new Date();
  const answers = await Promise.all(
    added.map((c, i) =>
      fetch(`${servers[i % 2]!.url}/api/v1/classes/${c.id}`, {
        method: 'PATCH',
        headers: { ...bearer(owner), 'Content-Type': 'application/json', 'If-Match': '"1"' },
        body: JSON.stringify({ places: 8 + i }),
      }),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
  await eventually(
    async () => {
      const [row] = await api.db.query(
        `SELECT (SELECT count(*) FROM outbox WHERE event->>'facilityId' = $1 AND created_at >= $2)::int AS jobs,
                (SELECT count(DISTINCT queue) FROM outbox WHERE event->>'facilityId' = $1 AND created_at >= $2)::int AS queues,
                (SELECT count(*) FROM outbox WHERE event->>'facilityId' = $1 AND created_at >= $2 AND done_at IS NULL)::int AS pending,
                (SELECT count(*) FROM audit_entries WHERE subject_id = $1 AND action = 'class.updated' AND at >= $2)::int AS audited,
                (SELECT coalesce(sum(place_count), 0) FROM facilities WHERE region_code = $3 AND status = 'registered')::int AS truth,
                (SELECT place_count FROM region_figures WHERE region_code = $3) AS figure`,
        [f.id, since, UNIT],
      );
      // One outbox row per job an event causes (a job per queue that must learn of it): 12 events, each once.
      expect(row).toMatchObject({ jobs: 12 * row.queues, pending: 0, audited: 12 });
      expect(row.queues).toBeGreaterThan(0);
      expect(row.figure).toBe(row.truth);
    },
    30_000,
    200,
  );
}, 60_000);

it('registers a facility once when approvals race through both APIs', async () => {
  const f = await compliantFacility(api, owner, { location: { lat: HERE.lat + 0.005, lng: HERE.lng } });
  await api.http().post(`/api/v1/facilities/${f.id}/submit`).set(bearer(owner)).expect(200);
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) => send(servers[i % 2]!, 'POST', `/api/v1/facilities/${f.id}/approve`, health, {})),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  const [{ n }] = await api.db.query(
    "SELECT count(*)::int AS n FROM audit_entries WHERE subject_type = 'facility' AND subject_id = $1 AND action = 'facility.approve'",
    [f.id],
  );
  expect(n).toBe(1);
});
