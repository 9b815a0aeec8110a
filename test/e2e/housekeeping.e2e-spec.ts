// Issue #14, item 14: done outbox rows are pruned after OUTBOX_RETENTION_DAYS; pending rows never are.
import { eventually, startApi, startWorker, type TestApi } from '../helpers/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const row = (jobId: string, createdDaysAgo: number, doneDaysAgo: number | null) =>
  api.db.query(
    `INSERT INTO outbox (event_type, event, queue, job_name, job_id, job_data, created_at, sent_at, done_at)
     VALUES ('housekeeping.test', '{}', 'figures', 'recompute-all-figures', $1, '{}', now() - make_interval(days => $2),
             CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END,
             CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END)
     RETURNING id`,
    [jobId, createdDaysAgo, doneDaysAgo],
  ) as Promise<{ id: string }[]>;

describe('outbox retention', () => {
  it('the worker deletes done rows older than the retention and keeps recent and pending ones', async () => {
    const tag = `hk-${process.pid}-${Date.now()}`;
    const [old] = await row(`${tag}-old`, 12, 10);
    const [recent] = await row(`${tag}-recent`, 2, 1);
    const [pending] = await row(`${tag}-pending`, 30, null);
    const ids = [old!.id, recent!.id, pending!.id];
    // No relay: the pending row must stay pending for the check.
    const worker = await startWorker({ OUTBOX_RETENTION_DAYS: '7', WORKER_RELAY: 'false' });
    try {
      await eventually(async () => {
        const left = (await api.db.query('SELECT id FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id', [ids])) as { id: string }[];
        expect(left.map((r) => r.id)).toEqual([recent!.id, pending!.id]);
      }, 30_000);
    } finally {
      await worker.close();
      await api.db.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [ids]);
    }
  }, 60_000);
});
