import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { redisConfig, type RedisConfig } from '@lib/core';
import { producerQueue } from './producer-queue.js';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, SCHEDULES, SCHEDULE_TZ } from '@lib/events';
import { PlanItemsService } from '@lib/inspections';

/**
 * Registers the job schedulers at every worker start (idempotent upserts), and asks once for the figure
 * history to be derived, the alerts scanned and, unless done today, the inspection plan refreshed. While Redis is
 * away it tries again every minute.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Schedules.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    private readonly planItems: PlanItemsService,
  ) {}

  onApplicationBootstrap(): void {
    void this.register();
  }

  async register(): Promise<void> {
    try {
      for (const s of SCHEDULES) {
        await this.queue(JOB_QUEUE[s.job]).upsertJobScheduler(
          s.id,
          { pattern: s.pattern, tz: SCHEDULE_TZ },
          { name: s.job, data: {}, opts: DEFAULT_JOB_OPTIONS },
        );
      }
      // Catch up at start: the history, the alerts and the inspection plan of whatever happened while no worker ran
      // (the plan's rows are first filled this way after the migration that adds them). Not the plan when its full
      // refresh already finished today: minutes of database work at national scale that a restart must not redo. A
      // database that does not answer counts as not done (the job then waits for it like any other).
      const planDone = await this.planItems.refreshedAllOn().catch(() => false);
      if (planDone) this.logger.log('inspection plan already refreshed today: no start-up refresh');
      for (const job of [JobName.DeriveFigureHistory, JobName.ScanAlerts, ...(planDone ? [] : [JobName.RefreshAllPlanItems])]) {
        await this.queue(JOB_QUEUE[job]).add(job, {}, { ...DEFAULT_JOB_OPTIONS, jobId: job });
      }
      this.logger.log(`${SCHEDULES.length} job schedules registered`);
    } catch (error) {
      this.logger.warn(`job schedules not registered (${(error as Error).message}); trying again in a minute`);
      this.timer = setTimeout(() => void this.register(), 60_000);
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = producerQueue(name, this.redis);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
