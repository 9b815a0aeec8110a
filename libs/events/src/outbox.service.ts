import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { claimIdempotencyKey } from '@lib/core';
import { jobsFor, type DomainEvent } from './domain-events.js';
import { JOB_QUEUE, jobId } from './queues.js';
import { OutboxEntryEntity } from './outbox-entry.entity.js';

export interface PendingJob {
  ids: string[];
  queue: string;
  jobName: string;
  jobId: string;
  jobData: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records events in the caller's transaction: one outbox row per job each causes, in one statement. */
  async record(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
    await claimIdempotencyKey(manager);
    const rows = events.flatMap((event) =>
      jobsFor(event).map((job) => ({
        eventType: event.type,
        event: { ...event },
        queue: JOB_QUEUE[job.name],
        jobName: job.name,
        jobId: jobId(job.name, job.data),
        jobData: { ...job.data },
      })),
    );
    if (rows.length > 0) await manager.insert(OutboxEntryEntity, rows);
  }

  /**
   * Claims rows due for sending (never sent, or sent and not done for `resendAfterMs`) and hands
   * them to `send`, one call per distinct job; rows are marked sent only if `send` succeeds.
   * Several relays may run: SKIP LOCKED gives each its own rows.
   */
  async relay(batchSize: number, resendAfterMs: number, send: (job: PendingJob) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; queue: string; job_name: string; job_id: string; job_data: Record<string, unknown> }[] =
        await manager.query(
          `SELECT id, queue, job_name, job_id, job_data
           FROM outbox
          WHERE done_at IS NULL
            AND (sent_at IS NULL OR sent_at < now() - make_interval(secs => $2::double precision / 1000))
          ORDER BY id
          LIMIT $1
            FOR UPDATE SKIP LOCKED`,
          [batchSize, resendAfterMs],
        );
      const jobs = new Map<string, PendingJob>();
      for (const r of rows) {
        const key = `${r.queue}\u0000${r.job_id}`;
        const job = jobs.get(key) ?? { ids: [], queue: r.queue, jobName: r.job_name, jobId: r.job_id, jobData: r.job_data };
        job.ids.push(r.id);
        jobs.set(key, job);
      }
      const sent: string[] = [];
      for (const job of jobs.values()) {
        await send(job);
        sent.push(...job.ids);
      }
      if (sent.length > 0) {
        await manager.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [sent]);
      }
      return sent.length;
    });
  }

  /**
   * Runs a job's work and marks its pending rows done in one transaction. Rows recorded before the
   * work started are covered by it (the work reads data committed with them). Rows that arrive while
   * it runs would be deduplicated into this very job, so it runs again for them (a few rounds at most;
   * anything left is sent again by the relay after the resend timeout).
   */
  async complete(queue: string, id: string, work: (manager: EntityManager) => Promise<void>, maxRounds = 5): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      const more = await this.dataSource.transaction(async (manager) => {
        const [{ up_to: upTo }]: { up_to: string | null }[] = await manager.query(
          'SELECT max(id) AS up_to FROM outbox WHERE queue = $1 AND job_id = $2 AND done_at IS NULL',
          [queue, id],
        );
        await work(manager);
        if (upTo === null) return false;
        const [{ later }]: { later: boolean }[] = await manager.query(
          `WITH done AS (
             UPDATE outbox SET done_at = now() WHERE queue = $1 AND job_id = $2 AND done_at IS NULL AND id <= $3 RETURNING id
           )
           SELECT EXISTS (SELECT 1 FROM outbox WHERE queue = $1 AND job_id = $2 AND done_at IS NULL AND id > $3) AS later`,
          [queue, id, upTo],
        );
        return later;
      });
      if (!more) return;
    }
  }

  async pendingCount(): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query('SELECT count(*) AS n FROM outbox WHERE done_at IS NULL');
    return Number(n);
  }

  /**
   * Deletes done rows whose job completed more than `olderThanMs` ago (OUTBOX_RETENTION_DAYS), `batch` at a time so
   * no statement holds many locks; pending rows are never touched. Returns how many went.
   */
  async pruneDone(olderThanMs: number, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: unknown[] = await this.dataSource.query(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE done_at IS NOT NULL AND done_at < now() - make_interval(secs => $1::double precision / 1000)
            ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        [olderThanMs, batch],
      );
      total += rows.length;
      if (rows.length < batch) return total;
    }
  }

  /** Pending rows and the oldest one's age in seconds (metrics: a stuck relay or Redis shows as a growing age). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const [row]: { pending: number; oldest: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM outbox WHERE done_at IS NULL`,
    );
    return { pending: row!.pending, oldestSeconds: row!.oldest };
  }
}
