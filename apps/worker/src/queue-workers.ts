import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { redisConfig, redisOptionsFromUrl, workerConfig, type RedisConfig, type WorkerConfig } from '@lib/core';
import { JobName, QueueName } from '@lib/events';

/** A thin processor: parses a job and calls a library service. */
export interface QueueProcessor {
  readonly queue: QueueName;
  readonly handles: readonly JobName[];
  process(job: Job): Promise<void>;
}

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

/** Start-up fails if a job has no handler or two (immich's rule). */
export function checkJobHandlers(processors: readonly Pick<QueueProcessor, 'handles'>[]): void {
  const counts = new Map<JobName, number>();
  for (const p of processors) for (const j of p.handles) counts.set(j, (counts.get(j) ?? 0) + 1);
  const problems = Object.values(JobName).flatMap((j) => {
    const n = counts.get(j) ?? 0;
    return n === 1 ? [] : [`${j}: ${n} handlers`];
  });
  if (problems.length > 0) throw new Error(`Job handlers are wrong:\n  ${problems.join('\n  ')}`);
}

/** One BullMQ worker per queue, created here (and only here) for the processors. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    checkJobHandlers(processors);
  }

  onApplicationBootstrap(): void {
    for (const queue of Object.values(QueueName)) {
      const processors = this.processors.filter((p) => p.queue === queue);
      if (processors.length === 0) continue;
      const byJob = new Map(processors.flatMap((p) => p.handles.map((j) => [j as string, p] as const)));
      const worker = new Worker(queue, (job) => byJob.get(job.name)!.process(job), {
        prefix: this.redis.queuePrefix,
        connection: { ...redisOptionsFromUrl(this.redis.url), maxRetriesPerRequest: null },
        concurrency: this.config.concurrency,
        lockDuration: this.config.lockDurationMs,
        stalledInterval: this.config.stalledIntervalMs,
      });
      // Redis away: BullMQ reconnects by itself; say so instead of printing stacks.
      worker.on('error', (error) => this.logger.warn(`queue ${queue}: ${error.message}`));
      worker.on('failed', (job, error) =>
        this.logger.error(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`),
      );
      this.workers.push(worker);
    }
  }

  /**
   * Closes without waiting for Redis or for running jobs: a graceful close hangs while Redis is away,
   * and an interrupted job is safe (its outbox rows stay pending and it is recomputed from source).
   */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close(true).catch(() => undefined)));
  }
}
