import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { outboxConfig, redisConfig, withTimeout, workerConfig, type OutboxConfig, type RedisConfig, type WorkerConfig } from '@lib/core';
import { producerQueue } from '../producer-queue.js';
import { DEFAULT_JOB_OPTIONS, OutboxService, type PendingJob } from '@lib/events';

const SEND_TIMEOUT_MS = 3000;

/**
 * Moves outbox rows to BullMQ. Writes never wait for Redis: while it is away rows stay pending and
 * this loop keeps trying; a row is done only when its job has completed (see OutboxService.complete).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(outboxConfig.KEY) private readonly config: OutboxConfig,
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    @Inject(workerConfig.KEY) private readonly worker: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.worker.relay) this.schedule(0);
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
    this.timer = setTimeout(() => {
      this.running = this.relayOnce()
        .then((sent) => this.schedule(sent >= this.config.batchSize ? 0 : this.config.pollMs))
        .catch((error: unknown) => {
          this.logger.warn(`outbox relay: ${(error as Error).message}; retrying`);
          this.schedule(Math.min(5000, this.config.pollMs * 4));
        });
    }, delay);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await withTimeout(this.running ?? Promise.resolve(), SEND_TIMEOUT_MS * 2, 'relay pass').catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
