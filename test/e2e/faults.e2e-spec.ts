// Faults (issue #8, part 3, Redis and worker): with a Redis of its own on another port and the built worker as a
// child process, the suite kills Redis (-9) in the middle of writes and the worker (-9) in the middle of its jobs.
// Every acknowledged write stays, every event is delivered once Redis is back, and the unit's figures end equal
// to what the facilities say.
import { spawn, type ChildProcess } from 'node:child_process';
import { bearer, createUser, eventually, ownerQuery, startApi, unique, type TestApi, type TestUser } from '../helpers/app.js';
import { freePort, startWorkerProcess, type WorkerProcess } from '../helpers/api-process.js';
import { registeredFacility } from '../factories/registry.js';

/** 农安县: far from other suites' facilities, so the unit's figures are this suite's to check. */
const UNIT = '220122';
const HERE = { lat: 44.45, lng: 125.2 };

let redisPort: number;
let redis: ChildProcess | null = null;
let worker: WorkerProcess | null = null;
let api: TestApi;
let owner: TestUser;
let health: TestUser;
const env = () => ({
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  QUEUE_PREFIX: unique('faults').replace(/[^A-Za-z0-9_-]/g, ''),
  OUTBOX_POLL_MS: '50',
  OUTBOX_RESEND_AFTER_MS: '1000',
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '1000',
});
let sharedEnv: Record<string, string>;

function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return eventually(async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis({ port: redisPort, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  }, 10_000);
}

function kill9(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });
}

/** The unit's figures, recomputed by the worker from events, equal the facilities' own summary; no event pending. */
async function figuresSettled(): Promise<void> {
  await eventually(
    async () => {
      const [{ pending }] = await api.db.query(
        "SELECT count(*)::int AS pending FROM outbox WHERE done_at IS NULL AND event->>'facilityId' IN (SELECT id::text FROM facilities WHERE region_code = $1)",
        [UNIT],
      );
      const [{ truth }] = await api.db.query(
        "SELECT coalesce(sum(place_count), 0)::int AS truth FROM facilities WHERE region_code = $1 AND status = 'registered'",
        [UNIT],
      );
      const [figures] = await api.db.query('SELECT place_count FROM region_figures WHERE region_code = $1', [UNIT]);
      expect({ pending, places: figures?.place_count }).toEqual({ pending: 0, places: truth });
    },
    40_000,
    200,
  );
}

beforeAll(async () => {
  redisPort = await freePort();
  await startRedis();
  sharedEnv = env();
  api = await startApi(sharedEnv);
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
  worker = await startWorkerProcess(sharedEnv);
}, 60_000);

afterAll(async () => {
  await worker?.kill9();
  await api?.close();
  await kill9(redis);
});

async function changeEnrolment(classId: string, enrolled: number): Promise<void> {
  const cls = await api.http().get(`/api/v1/classes/${classId}`).set(bearer(owner)).expect(200);
  await api.http().patch(`/api/v1/classes/${classId}`).set(bearer(owner)).set('If-Match', cls.headers.etag).send({ enrolled }).expect(200);
}

/** More places at a registered facility: a change filing adding a class, approved (two writes, each with its events). */
async function addPlaces(facilityId: string, places: number): Promise<void> {
  const change = await api
    .http()
    .post(`/api/v1/facilities/${facilityId}/changes`)
    .set(bearer(owner))
    .send({ reason: '增设托大班', classes: [{ op: 'add', name: `托大班 ${places}`, ageGroup: 'preschool', places, enrolled: 0 }] })
    .expect(201);
  await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(health)).send({}).expect(200);
}

/** Fewer places in a class: applies at once. */
async function setPlaces(classId: string, places: number): Promise<void> {
  const cls = await api.http().get(`/api/v1/classes/${classId}`).set(bearer(owner)).expect(200);
  await api.http().patch(`/api/v1/classes/${classId}`).set(bearer(owner)).set('If-Match', cls.headers.etag).send({ places }).expect(200);
}

describe('faults', () => {
  it('Redis killed (-9) during writes: every write acknowledged, every event delivered after the restart', async () => {
    const f = await registeredFacility(api, owner, health, { location: HERE, indoorAreaM2: 1000, outdoorAreaM2: 1000 });
    await figuresSettled();
    await kill9(redis);
    for (const places of [11, 12, 13]) await addPlaces(f.id, places); // acknowledged with Redis gone
    await changeEnrolment(f.classId, 5);
    await startRedis(); // a new, empty Redis: the jobs sent before the kill are gone too
    await figuresSettled();
    const [{ n }] = await api.db.query("SELECT count(*)::int AS n FROM classes WHERE facility_id = $1 AND age_group = 'preschool'", [f.id]);
    expect(n).toBe(3);
  }, 90_000);

  it('worker killed (-9) in the middle of its jobs: after a restart each change takes effect once', async () => {
    const f = await registeredFacility(api, owner, health, {
      location: { lat: HERE.lat + 0.01, lng: HERE.lng },
      indoorAreaM2: 1000,
      outdoorAreaM2: 1000,
    });
    // Eight classes of 20 places (one approved change filing), then eight concurrent writes lowering them.
    const change = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/changes`)
      .set(bearer(owner))
      .send({
        reason: '增设托大班',
        classes: Array.from({ length: 8 }, (_, i) => ({ op: 'add', name: `托大班 ${i}`, ageGroup: 'preschool', places: 20, enrolled: 0 })),
      })
      .expect(201);
    await api.http().post(`/api/v1/change-filings/${change.body.id}/approve`).set(bearer(health)).send({}).expect(200);
    const added: { id: string }[] = await api.db.query(
      "SELECT id FROM classes WHERE facility_id = $1 AND age_group = 'preschool' ORDER BY name",
      [f.id],
    );
    const writes = added.map((c, i) => setPlaces(c.id, 10 + i));
    await new Promise((r) => setTimeout(r, 100));
    await worker!.kill9();
    await Promise.all(writes);
    worker = await startWorkerProcess(sharedEnv);
    await figuresSettled();
    const [{ places }] = await api.db.query('SELECT place_count AS places FROM facilities WHERE id = $1', [f.id]);
    expect(places).toBe(15 + [10, 11, 12, 13, 14, 15, 16, 17].reduce((a, b) => a + b, 0));
  }, 90_000);
});

describe('nothing half-written', () => {
  it('keeps an inspection with its rectification orders all or nothing when the orders cannot be written', async () => {
    const f = await registeredFacility(api, owner, health, { location: { lat: HERE.lat + 0.02, lng: HERE.lng } });
    const fire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const checklist = (await api.http().get('/api/v1/inspection-checklists').set(bearer(fire)).expect(200)).body.items.find(
      (c: { domain: string }) => c.domain === 'fire',
    );
    const failed = checklist.items.filter((i: { severity: string }) => i.severity !== 'critical').slice(0, 2);
    const items = checklist.items.map((i: { code: string }) => ({
      code: i.code,
      result: failed.some((x: { code: string }) => x.code === i.code) ? 'fail' : 'pass',
    }));
    const counts = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM inspections WHERE facility_id = $1)::int AS inspections,
                  (SELECT count(*) FROM rectification_orders WHERE facility_id = $1)::int AS orders,
                  (SELECT count(*) FROM audit_entries WHERE subject_id = $1::text)::int AS audit,
                  (SELECT count(*) FROM outbox WHERE event->>'facilityId' = $1::text)::int AS outbox`,
          [f.id],
        )
      )[0];
    const before = await counts();
    // A fault injected after the inspection row: the second order of this facility cannot be written.
    const fn = `fail_order_${process.pid}`;
    await ownerQuery(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.facility_id = '${f.id}' AND (SELECT count(*) FROM rectification_orders WHERE facility_id = NEW.facility_id) >= 1 THEN
          RAISE EXCEPTION 'injected fault';
        END IF;
        RETURN NEW;
      END $$`);
    await ownerQuery(`CREATE TRIGGER ${fn} BEFORE INSERT ON rectification_orders FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await api
        .http()
        .post(`/api/v1/facilities/${f.id}/inspections`)
        .set(bearer(fire))
        .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items });
      expect(res.status).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await ownerQuery(`DROP TRIGGER ${fn} ON rectification_orders`);
      await ownerQuery(`DROP FUNCTION ${fn}()`);
    }
    // Without the fault the same inspection is written whole.
    await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(fire))
      .send({ domain: 'fire', inspectedAt: new Date().toISOString(), items })
      .expect(201);
    const after = await counts();
    expect({ inspections: after.inspections, orders: after.orders }).toEqual({ inspections: 1, orders: failed.length });
  });
});
