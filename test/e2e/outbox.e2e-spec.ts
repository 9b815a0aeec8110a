import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service.js';
import { freePort } from '../helpers/api-process.js';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';

let api: TestApi;
let admin: TestUser;

beforeAll(async () => {
  api = await startApi();
  admin = await createUser(api, 'admin');
});
afterAll(() => api.close());

/** Pending rows of a unit's figures job recorded during the current test (earlier suites may have left their own). */
let since = '0';
beforeEach(async () => {
  since = (await api.db.query('SELECT coalesce(max(id), 0)::text AS max FROM outbox'))[0].max;
});
const pendingRows = (code: string) =>
  api.db.query<{ id: string; sent_at: Date | null; done_at: Date | null }[]>(
    'SELECT id, sent_at, done_at FROM outbox WHERE job_id = $1 AND done_at IS NULL AND id > $2 ORDER BY id',
    [`recompute-unit-figures.${code}`, since],
  );
/**
 * Alert scans recorded by the transaction (the same now()) of the unit's figures job that completed this test's last
 * event of `eventType` for it; undefined while that job has not completed.
 */
const scansRecordedBy = async (code: string, eventType: string) =>
  (
    await api.db.query<{ n: number }[]>(
      `WITH job AS (
         SELECT done_at FROM outbox WHERE job_id = $1 AND event_type = $2 AND id > $3 AND done_at IS NOT NULL ORDER BY id DESC LIMIT 1
       )
       SELECT (SELECT count(*)::int FROM outbox o WHERE o.event_type = 'figures.changed' AND o.job_name = 'scan-unit-alerts'
                  AND o.job_id = 'scan-unit-alerts.' || $4 AND o.created_at = job.done_at) AS n
         FROM job`,
      [`recompute-unit-figures.${code}`, eventType, since, code],
    )
  )[0]?.n;
const unitPopulation = async (code: string) =>
  (await api.http().get(`/api/v1/public/regions/${code}`).expect(200)).body.population as number;

describe('outbox delivery', () => {
  it('acknowledges writes while Redis is unreachable and delivers their events once it is back', async () => {
    const closedPort = await freePort();
    const cutOff = await startWorker({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    try {
      const population = (await unitPopulation('220183')) + 777;
      await api.http().put('/api/v1/regions/220183/population').set(bearer(admin)).send({ year: 2031, population }).expect(200);
      // Several relay passes against the closed port: the event stays pending, the figures stay old.
      await new Promise((r) => setTimeout(r, 600));
      const rows = await pendingRows('220183');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sent_at).toBeNull();
      expect(await unitPopulation('220183')).not.toBe(population);
    } finally {
      await cutOff.close();
    }

    const worker = await startWorker();
    try {
      await eventually(async () => {
        expect(await pendingRows('220183')).toHaveLength(0);
        expect((await api.http().get('/api/v1/public/regions/220183').expect(200)).body.populationYear).toBe(2031);
      });
    } finally {
      await worker.close();
    }
  });

  it('sends again an event whose job vanished (Redis restarted without its data)', async () => {
    const population = (await unitPopulation('220184')) + 99;
    await api.http().put('/api/v1/regions/220184/population').set(bearer(admin)).send({ year: 2032, population }).expect(200);
    // As if a relay had sent it to a Redis that then lost everything: marked sent, no job anywhere.
    await api.db.query(
      "UPDATE outbox SET sent_at = now() - interval '10 minutes', attempts = 1 WHERE job_id = 'recompute-unit-figures.220184' AND done_at IS NULL",
    );
    const worker = await startWorker({ OUTBOX_RESEND_AFTER_MS: '1000' });
    try {
      await eventually(async () => {
        expect(await pendingRows('220184')).toHaveLength(0);
        expect(await unitPopulation('220184')).toBe(population);
      });
      const [row] = await api.db.query(
        "SELECT attempts FROM outbox WHERE job_id = 'recompute-unit-figures.220184' ORDER BY id DESC LIMIT 1",
      );
      // Sent again at least once (each resend after OUTBOX_RESEND_AFTER_MS until its job completes: under load the
      // job can take longer than the second, and is sent a third time).
      expect(row.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await worker.close();
    }
  });

  it('recomputes figures from source tables, so a job run twice leaves the same rows', async () => {
    const worker = await startWorker();
    try {
      await api.http().put('/api/v1/regions/220122/population').set(bearer(admin)).send({ year: 2033, population: 765432 }).expect(200);
      await eventually(async () => expect(await unitPopulation('220122')).toBe(765432));
      // The alert scan is recorded by the figures job, in its transaction (the same now()), after the figures it reads:
      // a scan recorded with the write could run before the figures and never see them.
      await eventually(async () => expect(await scansRecordedBy('220122', 'region.population_changed')).toBe(1));
      const before = await api.db.query(
        'SELECT region_code, facility_count, place_count, population, population_year FROM region_figures ORDER BY region_code',
      );
      // Same event again: the figures do not drift (nothing is incremented).
      await api.db.query(
        `INSERT INTO outbox (event_type, event, queue, job_name, job_id, job_data)
         VALUES ('region.population_changed', '{}', 'figures', 'recompute-unit-figures', 'recompute-unit-figures.220122', '{"unitCode":"220122"}')`,
      );
      await eventually(async () => expect(await pendingRows('220122')).toHaveLength(0));
      // Figures unchanged: no alert scan.
      expect(await scansRecordedBy('220122', 'region.population_changed')).toBe(0);
      const after = await api.db.query(
        'SELECT region_code, facility_count, place_count, population, population_year FROM region_figures ORDER BY region_code',
      );
      expect(after).toEqual(before);
    } finally {
      await worker.close();
    }
  });

  it('is woken by the commit (LISTEN/NOTIFY), not the poll, and listens again when its connection is cut', async () => {
    // Polling once a minute: only the notification can deliver within seconds.
    const worker = await startWorker({ OUTBOX_POLL_MS: '60000' });
    const relay = worker.get(OutboxRelay);
    const deliveredQuickly = async (year: number) => {
      const population = (await unitPopulation('220183')) + 1;
      await api.http().put('/api/v1/regions/220183/population').set(bearer(admin)).send({ year, population }).expect(200);
      await eventually(async () => {
        expect(await pendingRows('220183')).toHaveLength(0);
        expect(await unitPopulation('220183')).toBe(population);
      }, 8000);
    };
    try {
      await eventually(async () => expect(relay.listening).toBe(true));
      // The first pass at start-up is over (nothing of this test is pending), so the next one waits a minute.
      await new Promise((r) => setTimeout(r, 300));
      await deliveredQuickly(2034);

      const cut = await api.db.query(
        "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'outbox-relay listener' AND datname = current_database()",
      );
      expect(cut).toEqual([{ cut: true }]);
      await eventually(async () => {
        const listeners = await api.db.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'outbox-relay listener' AND datname = current_database()",
        );
        expect(listeners[0].n).toBe(1);
        expect(relay.listening).toBe(true);
      });
      since = (await api.db.query('SELECT coalesce(max(id), 0)::text AS max FROM outbox'))[0].max;
      await deliveredQuickly(2035);
    } finally {
      await worker.close();
    }
  });
});
