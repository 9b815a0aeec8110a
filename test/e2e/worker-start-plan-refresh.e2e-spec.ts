// The worker's start-up catch-up (apps/worker/src/schedules.service.ts; docs/architecture.md "Data flow of a write"):
// the full inspection-plan refresh is queued when none finished today and not when one did, since a restart must not
// redo minutes of database work; the figure history and the alerts scan are queued either way. The schedules run here
// on a queue prefix of their own, so no worker takes the jobs before they are looked at.
import { Queue } from 'bullmq';
import { redisOptionsFromUrl } from '@lib/core';
import { JOB_QUEUE, JobName, QueueName } from '@lib/events';
import { PlanItemsService } from '@lib/inspections';
import { addDays, todayInShanghai } from '@lib/standards';
import { Schedules } from '../../apps/worker/src/schedules.service.js';
import { startApi, unique, type TestApi } from '../helpers/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.close());

const CATCH_UP = [JobName.DeriveFigureHistory, JobName.ScanAlerts, JobName.RefreshAllPlanItems];

/** The catch-up jobs one start of the schedules queues. */
async function queuedAtStart(): Promise<JobName[]> {
  const redis = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix: unique('start') };
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { prefix: redis.queuePrefix, connection: redisOptionsFromUrl(redis.url) }),
  );
  const schedules = new Schedules(redis, api.app.get(PlanItemsService));
  try {
    await schedules.register();
    const queued: JobName[] = [];
    for (const job of CATCH_UP) {
      if (await queues.find((q) => q.name === JOB_QUEUE[job])!.getJob(job)) queued.push(job);
    }
    return queued;
  } finally {
    await schedules.onApplicationShutdown();
    for (const q of queues) {
      await q.obliterate({ force: true });
      await q.close();
    }
  }
}

it('queues the plan refresh when no full refresh finished today (never, or yesterday)', async () => {
  await api.db.query('DELETE FROM inspection_plan_refreshed');
  expect(await queuedAtStart()).toEqual(CATCH_UP);
  await api.db.query('INSERT INTO inspection_plan_refreshed (refreshed_on) VALUES ($1)', [addDays(todayInShanghai(), -1)]);
  expect(await queuedAtStart()).toEqual(CATCH_UP);
});

it('does not queue it again once a full refresh finished today', async () => {
  await api.app.get(PlanItemsService).refreshAll();
  expect(await queuedAtStart()).toEqual([JobName.DeriveFigureHistory, JobName.ScanAlerts]);
});
