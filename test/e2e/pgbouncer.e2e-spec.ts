// The API and the worker through PgBouncer in transaction pooling mode (issue #19 item 6, docs/deployment.md
// "PgBouncer"): a pgbouncer of the suite's own (Debian's, provisioned by scripts/services.sh) in front of the test
// database, with fewer server connections than the API's pool. An operator's writes (transactions, transaction-level
// advisory locks, the audit chain, the outbox) and the public search work through it; the startup options PgBouncer
// refuses are not sent (DATABASE_STARTUP_OPTIONS=false) and the settings come from the pooler's connection instead;
// the worker's relay listens on a direct connection (DATABASE_LISTEN_URL).
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service.js';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { startPgBouncer } from '../helpers/pg-cluster.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

const PORT = 55403;
const HERE = PLACES.kuancheng;

let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
let api: TestApi;
let owner: TestUser;
let health: TestUser;

beforeAll(async () => {
  bouncer = await startPgBouncer(process.env.DATABASE_URL!, PORT, {
    poolSize: 3,
    // What the startup options would have set (docs/deployment.md: ALTER ROLE … SET does the same); 12345 ms, to be
    // recognised below.
    databaseExtra: "connect_query='SET jit = off; SET statement_timeout = 12345'",
  });
  api = await startApi({ DATABASE_URL: bouncer.url(), DATABASE_STARTUP_OPTIONS: 'false', DATABASE_POOL_SIZE: '10' });
  owner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
}, 60_000);

afterAll(async () => {
  await api?.close().catch(() => undefined);
  await bouncer?.stop();
});

it('refuses the startup options, which the API then does not send', async () => {
  const withOptions = new pg.Client({ connectionString: bouncer.url(), options: '-c jit=off' });
  await expect(withOptions.connect()).rejects.toThrow(/unsupported startup parameter: options/);
  await withOptions.end().catch(() => undefined);
  // The API's connections are pgbouncer's server connections, set up by its connect_query.
  expect(await api.db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '12345ms' }]);
  expect(await api.db.query('SHOW jit')).toEqual([{ jit: 'off' }]);
});

it("takes an operator's writes and answers the public search, the map and the public page, concurrently", async () => {
  const xactsBefore = await transactions();
  const f = await registeredFacility(api, owner, health, { location: HERE });
  const [c] = await api.db.query('SELECT version, places FROM classes WHERE id = $1', [f.classId]);
  // Writes and public reads at once, more than pgbouncer's 3 server connections: each transaction keeps its
  // connection to itself, and nothing of a session leaks into another.
  const bbox = [HERE.lng - 0.01, HERE.lat - 0.01, HERE.lng + 0.01, HERE.lat + 0.01].join(',');
  const answers = await Promise.all([
    api.http().patch(`/api/v1/classes/${f.classId}`).set(bearer(owner)).set('If-Match', `"${c.version}"`).send({ enrolled: 3 }),
    ...Array.from({ length: 8 }, () =>
      api.http().get('/api/v1/public/facilities/nearby').query({ lat: HERE.lat, lng: HERE.lng, radiusM: 300 }),
    ),
    ...Array.from({ length: 4 }, () => api.http().get('/api/v1/public/map').query({ bbox, zoom: 16 })),
    ...Array.from({ length: 4 }, () => api.http().get(`/api/v1/public/facilities/${f.id}`)),
    ...Array.from({ length: 4 }, () => api.http().get(`/api/v1/facilities/${f.id}`).set(bearer(owner))),
  ]);
  expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(200));
  for (const nearby of answers.slice(1, 9)) expect(nearby.body.items.map((i: { id: string }) => i.id)).toContain(f.id);
  const page = await api.http().get(`/api/v1/public/facilities/${f.id}`).expect(200);
  expect(page.body.classes[0].vacancies).toBe(c.places - 3);
  // The audit trail's chain held together under the pooler (its advisory locks are transaction-level).
  const [audit] = await api.db.query('SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = $1', [f.id]);
  expect(audit.n).toBeGreaterThan(3);
  // All of it went through pgbouncer.
  expect((await transactions()) - xactsBefore).toBeGreaterThan(20);
});

it("relays the outbox at once: the worker's LISTEN is on its direct connection, the rest through pgbouncer", async () => {
  const f = await registeredFacility(api, owner, health, { location: HERE });
  let worker: INestApplicationContext | null = null;
  try {
    // Polling once a minute: only the notification delivers within seconds.
    worker = await startWorker({
      DATABASE_URL: bouncer.url(),
      DATABASE_STARTUP_OPTIONS: 'false',
      DATABASE_LISTEN_URL: process.env.DATABASE_URL!,
      OUTBOX_POLL_MS: '60000',
    });
    const relay = worker.get(OutboxRelay);
    await eventually(async () => expect(relay.listening).toBe(true));
    await eventually(async () => expect(await pending(f.id)).toBe(0), 15_000);
    const [c] = await api.db.query('SELECT version FROM classes WHERE id = $1', [f.classId]);
    await api
      .http()
      .patch(`/api/v1/classes/${f.classId}`)
      .set(bearer(owner))
      .set('If-Match', `"${c.version}"`)
      .send({ enrolled: 4 })
      .expect(200);
    expect(await pending(f.id)).toBeGreaterThan(0);
    await eventually(async () => expect(await pending(f.id)).toBe(0), 8000);
  } finally {
    await worker?.close();
  }
});

/** Transactions pgbouncer has passed to the test database so far. */
async function transactions(): Promise<number> {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const row = (await bouncer.admin('SHOW STATS')).find((r) => r.database === database);
  return Number(row?.total_xact_count ?? 0);
}

const pending = async (facilityId: string): Promise<number> =>
  (await api.db.query("SELECT count(*)::int AS n FROM outbox WHERE event->>'facilityId' = $1 AND done_at IS NULL", [facilityId]))[0].n;
