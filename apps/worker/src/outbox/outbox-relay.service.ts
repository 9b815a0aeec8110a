import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import pg from 'pg';
import {
  databaseConfig,
  outboxConfig,
  redisConfig,
  withTimeout,
  workerConfig,
  type DatabaseConfig,
  type OutboxConfig,
  type RedisConfig,
  type WorkerConfig,
} from '@lib/core';
import { producerQueue } from '../producer-queue.js';
import { DEFAULT_JOB_OPTIONS, OutboxService, type PendingJob } from '@lib/events';

const SEND_TIMEOUT_MS = 3000;
/** The channel the outbox's insert trigger notifies on commit (migration OutboxNotify). */
export const OUTBOX_CHANNEL = 'outbox_pending';
/** How long to wait before listening again after the listening connection failed (polling carries on meanwhile). */
const RELISTEN_MS = 2000;

/**
 * Moves outbox rows to BullMQ. Writes never wait for Redis: while it is away rows stay pending and
 * this loop keeps trying; a row is done only when its job has completed (see OutboxService.complete).
 *
 * A pass runs as soon as PostgreSQL reports a commit that wrote outbox rows (LISTEN on `outbox_pending`, one
 * connection of its own: DATABASE_LISTEN_URL, which must reach the primary directly, since a transaction pooler hands
 * the listening session's server connection to others and the notifications are lost), and otherwise every `OUTBOX_POLL_MS`: the poll is the fallback for a lost notification
 * (the listening connection broke, or another relay took the rows) and for rows to send again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** A pass is under way; a notification meanwhile asks for another right after it. */
  private passing = false;
  private woken = false;
  /** After a failed pass, notifications wait for the back-off (Redis may be away: no pass per write). */
  private backingOff = false;
  private listener: pg.Client | null = null;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
    @Inject(outboxConfig.KEY) private readonly config: OutboxConfig,
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    @Inject(workerConfig.KEY) private readonly worker: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.worker.relay) return;
    this.schedule(0);
    void this.listen();
  }

  /** Whether the relay is listening for notifications now (the readiness of the fast path, for tests and logs). */
  get listening(): boolean {
    return this.listener !== null;
  }

  /** One pass: claims due rows and enqueues their jobs. Returns how many rows were sent. */
  async relayOnce(): Promise<number> {
    return this.outbox.relay(this.config.batchSize, this.config.resendAfterMs, (job) => this.send(job));
  }

  /** BullMQ waits for a connection before any command: bounded, so a lost Redis never holds the rows' locks. */
  private send(job: PendingJob): Promise<void> {
    return withTimeout(this.enqueue(job), SEND_TIMEOUT_MS, `Redis did not take job ${job.jobId} within ${SEND_TIMEOUT_MS} ms`);
  }

  private async enqueue(job: PendingJob): Promise<void> {
    const queue = this.queue(job.queue);
    const existing = await queue.getJob(job.jobId);
    // A job that used up its retries keeps its id; retrying it is the way to run it again.
    if (existing && (await existing.isFailed())) await existing.retry('failed');
    else await queue.add(job.jobName, job.jobData, { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId });
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = producerQueue(name, this.redis);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), delay);
  }

  private pass(): void {
    this.timer = null;
    this.woken = false;
    this.backingOff = false;
    this.passing = true;
    this.running = this.relayOnce().then(
      (sent) => {
        this.passing = false;
        this.schedule(sent >= this.config.batchSize || this.woken ? 0 : this.config.pollMs);
      },
      (error: unknown) => {
        this.passing = false;
        this.backingOff = true;
        this.logger.warn(`outbox relay: ${(error as Error).message}; retrying`);
        this.schedule(Math.min(5000, this.config.pollMs * 4));
      },
    );
  }

  /** A commit wrote outbox rows: relay now, or right after the pass under way. */
  private wake(): void {
    if (this.stopped || this.backingOff) return;
    if (this.passing) this.woken = true;
    else this.schedule(0);
  }

  /** Listens on its own connection; when that fails, listens again later (the poll goes on meanwhile). */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.database.listenUrl, keepAlive: true, application_name: 'outbox-relay listener' });
    let retried = false;
    const retry = (error?: Error) => {
      if (retried) return;
      retried = true;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(
        `outbox relay: not listening for notifications (${error?.message ?? 'connection closed'}); polling until it listens again`,
      );
      setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', retry);
    client.on('end', () => retry());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) return void client.end().catch(() => undefined);
      this.listener = client;
      // Rows committed while nobody listened are picked up now rather than at the next poll.
      this.wake();
    } catch (error) {
      retry(error as Error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await withTimeout(this.running ?? Promise.resolve(), SEND_TIMEOUT_MS * 2, 'relay pass').catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
