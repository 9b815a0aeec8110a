import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { tryTransactionLock } from '@lib/core';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { PlanItemsService } from '@lib/inspections';
import type { QueueProcessor } from '../queue-workers.js';

/** The inspection plan's rows: recomputed from source (libs/inspections/src/plan-items.ts), so a rerun writes the same rows. */
@Injectable()
export class PlanProcessor implements QueueProcessor {
  readonly queue = QueueName.Plan;
  readonly handles = [JobName.RefreshPlanItems, JobName.RefreshAllPlanItems];
  private readonly logger = new Logger(PlanProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly planItems: PlanItemsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RefreshPlanItems: {
        const { facilityId } = job.data as JobData[JobName.RefreshPlanItems];
        await this.outbox.complete(this.queue, job.id!, (m) => this.planItems.refreshFacility(m, facilityId).then(() => undefined));
        return;
      }
      case JobName.RefreshAllPlanItems: {
        // One full refresh at a time (the nightly one and a start-up catch-up may meet); each chunk commits on its own.
        const started = Date.now();
        const rows = await this.dataSource.transaction(async (m) => {
          if (!(await tryTransactionLock(m, `job:${job.name}`))) return null;
          return this.planItems.refreshAll();
        });
        if (rows !== null) this.logger.log(`inspection plan: ${rows} rows recomputed in ${Date.now() - started} ms`);
        return;
      }
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
