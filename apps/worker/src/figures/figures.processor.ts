import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { FiguresService } from '@lib/targets';
import type { QueueProcessor } from '../queue-workers.js';

/** Unit and city figures: recomputed from source tables, so a job run twice gives the same rows. */
@Injectable()
export class FiguresProcessor implements QueueProcessor {
  readonly queue = QueueName.Figures;
  readonly handles = [JobName.RecomputeUnitFigures];

  constructor(
    private readonly outbox: OutboxService,
    private readonly figures: FiguresService,
  ) {}

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RecomputeUnitFigures: {
        const { unitCode } = job.data as JobData[JobName.RecomputeUnitFigures];
        await this.outbox.complete(this.queue, job.id!, (manager) => this.figures.recomputeUnit(manager, unitCode));
        return;
      }
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
