import type { INestApplicationContext } from '@nestjs/common';
import { tryTransactionLock } from '@lib/core';
import { FiguresService } from '@lib/targets';
import { addDays, todayInShanghai } from '@lib/standards';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { registeredFacility } from '../factories/registry.js';

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let cityHealth: TestUser;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  owner = await createUser(api, 'operator');
  cityHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

// 德惠市 220183: no other suite registers facilities there.
const DEHUI = { location: { lat: 44.5319, lng: 125.697 } };
const today = () => todayInShanghai();

describe('figures over time', () => {
  it('derive the days before snapshots from registration and closure dates, and keep observed days', async () => {
    const a = await registeredFacility(api, owner, cityHealth, DEHUI, { places: 15, enrolled: 10 });
    const b = await registeredFacility(api, owner, cityHealth, DEHUI, { places: 12, enrolled: 6 });
    // a was registered 100 days ago; b 50 days ago and closed 20 days ago.
    const ago = (n: number) => new Date(Date.now() - n * 86400000);
    await api.db.query('UPDATE facilities SET registered_at = $2 WHERE id = $1', [a.id, ago(100)]);
    await api.http().post(`/api/v1/facilities/${b.id}/close`).set(bearer(cityHealth)).send({ reason: '停办' }).expect(200);
    await api.db.query('UPDATE facilities SET registered_at = $2, closed_at = $3 WHERE id = $1', [b.id, ago(50), ago(20)]);

    // Let the worker apply the closure to the unit's current figures first.
    await eventually(async () => {
      const [{ n }] = await api.db.query(
        "SELECT count(*)::int AS n FROM outbox WHERE job_id = 'recompute-unit-figures.220183' AND done_at IS NULL",
      );
      expect(n).toBe(0);
    });
    const figures = api.app.get(FiguresService);
    await api.db.transaction(async (m) => {
      await figures.snapshot(m, today());
      await figures.deriveHistory(m, addDays(today(), -120), addDays(today(), -1));
    });
    const history = await api
      .http()
      .get(`/api/v1/regions/220183/history?from=${addDays(today(), -120)}`)
      .set(bearer(cityHealth))
      .expect(200);
    const on = (daysAgo: number) => history.body.items.find((p: { day: string }) => p.day === addDays(today(), -daysAgo));
    const base = on(110).placeCount as number;
    expect(on(90).placeCount).toBe(base + 15);
    expect(on(30).placeCount).toBe(base + 27);
    expect(on(10).placeCount).toBe(base + 15);
    expect(on(10)).toMatchObject({ derived: true, target: 4.5 + 0.35 * (Number(today().slice(0, 4)) - 2025) });
    const observed = on(0);
    expect(observed.derived).toBe(false);
    const current = (await api.http().get('/api/v1/public/regions/220183').expect(200)).body;
    expect(observed.placeCount).toBe(current.placeCount);
    expect(observed.placesPer1000).toBe(current.placesPer1000);

    // The city's history is the sum of its units'.
    const city = await api
      .http()
      .get(`/api/v1/regions/220100/history?from=${addDays(today(), -30)}&to=${addDays(today(), -30)}`)
      .set(bearer(cityHealth))
      .expect(200);
    const [{ sum }] = await api.db.query(
      "SELECT sum(place_count)::int AS sum FROM region_figure_snapshots s JOIN regions r ON r.code = s.region_code WHERE r.parent_code = '220100' AND s.day = $1",
      [addDays(today(), -30)],
    );
    expect(city.body.items[0].placeCount).toBe(sum);
  });

  it('give today as the region answers it now, not as the nightly snapshot saw it (one now for table and trend)', async () => {
    const figures = api.app.get(FiguresService);
    await api.db.transaction((m) => figures.snapshot(m, today()));
    // After the snapshot a facility is registered: the table counts it within seconds, and so does today's point.
    const before = (await api.http().get('/api/v1/public/regions/220183').expect(200)).body.placeCount as number;
    await registeredFacility(api, owner, cityHealth, DEHUI, { places: 9, enrolled: 3 });
    await eventually(async () =>
      expect((await api.http().get('/api/v1/public/regions/220183').expect(200)).body.placeCount).toBe(before + 9),
    );
    const current = (await api.http().get('/api/v1/public/regions/220183').expect(200)).body;
    const history = await api
      .http()
      .get(`/api/v1/regions/220183/history?from=${addDays(today(), -3)}`)
      .set(bearer(cityHealth))
      .expect(200);
    const todays = history.body.items.filter((p: { day: string }) => p.day === today());
    expect(todays).toEqual([
      expect.objectContaining({
        derived: false,
        placeCount: current.placeCount,
        placesPer1000: current.placesPer1000,
        population: current.population,
      }),
    ]);
    expect(history.body.items.at(-1).day).toBe(today());
    // The snapshot itself is untouched: the nightly job stays the record of the day.
    const [{ place_count }] = await api.db.query('SELECT place_count FROM region_figure_snapshots WHERE region_code = $1 AND day = $2', [
      '220183',
      today(),
    ]);
    expect(place_count).toBe(before);
  });

  it('give identical rows when the derivation runs twice, and never overwrite an observed day', async () => {
    const figures = api.app.get(FiguresService);
    const range = [addDays(today(), -60), today()] as const;
    const rows = () =>
      api.db.query('SELECT * FROM region_figure_snapshots WHERE day BETWEEN $1 AND $2 ORDER BY region_code, day', [...range]);
    await api.db.transaction((m) => figures.deriveHistory(m, ...range));
    const first = await rows();
    await api.db.transaction((m) => figures.deriveHistory(m, ...range));
    expect(await rows()).toEqual(first);
    expect(first.filter((r: { day: Date; derived: boolean }) => !r.derived).length).toBeGreaterThan(0);
  });

  it('runs a singleton job once however many workers take it at the same moment', async () => {
    const q1 = api.db.createQueryRunner();
    const q2 = api.db.createQueryRunner();
    await q1.startTransaction();
    await q2.startTransaction();
    try {
      expect(await tryTransactionLock(q1.manager, 'job:test-singleton')).toBe(true);
      expect(await tryTransactionLock(q2.manager, 'job:test-singleton')).toBe(false);
      await q1.commitTransaction();
      expect(await tryTransactionLock(q2.manager, 'job:test-singleton')).toBe(true);
    } finally {
      if (q1.isTransactionActive) await q1.rollbackTransaction();
      await q2.rollbackTransaction();
      await q1.release();
      await q2.release();
    }
  });

  it('are derived by the worker at start (the derive-figure-history job)', async () => {
    await eventually(async () => {
      const [{ n }] = await api.db.query('SELECT count(*)::int AS n FROM region_figure_snapshots WHERE derived AND day < $1::date - 365', [
        today(),
      ]);
      expect(n).toBeGreaterThan(0);
    }, 20000);
  });

  it('refuse a malformed date (400) and an unknown region (404), and need a token', async () => {
    await api.http().get('/api/v1/regions/220183/history').expect(401);
    await api.http().get('/api/v1/regions/220183/history?from=2025-02-30').set(bearer(owner)).expect(400);
    await api.http().get('/api/v1/regions/999999/history').set(bearer(owner)).expect(404);
  });

  it('are scheduled once however many workers register the schedules', async () => {
    const { Queue } = await import('bullmq');
    const { QueueName, SCHEDULES, JOB_QUEUE } = await import('@lib/events');
    const { redisOptionsFromUrl } = await import('@lib/core');
    const second = await startWorker();
    try {
      const queue = new Queue(QueueName.Figures, {
        prefix: process.env.QUEUE_PREFIX,
        connection: redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      });
      try {
        const expected = SCHEDULES.filter((s) => JOB_QUEUE[s.job] === QueueName.Figures)
          .map((s) => s.id)
          .sort();
        await eventually(async () => {
          const schedulers = await queue.getJobSchedulers();
          expect(schedulers.map((s) => s.key).sort()).toEqual(expected);
        });
      } finally {
        await queue.close();
      }
    } finally {
      await second.close();
    }
  });
});
