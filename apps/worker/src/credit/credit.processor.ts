import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { tryTransactionLock } from '@lib/core';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { CreditService } from '@lib/credit';
import type { QueueProcessor } from '../queue-workers.js';

/** Credit levels: recomputed from the facts (penalties, findings, inspections), so a rerun gives the same level. */
@Injectable()
export class CreditProcessor implements QueueProcessor {
  readonly queue = QueueName.Credit;
  readonly handles = [JobName.RecomputeCredit, JobName.RecomputeAllCredit];
  private readonly logger = new Logger(CreditProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly credit: CreditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RecomputeCredit: {
        const { facilityId } = job.data as JobData[JobName.RecomputeCredit];
        await this.outbox.complete(this.queue, job.id!, async (m) => {
          // One recomputation of a facility's codes at a time (two facilities of one operator may race otherwise).
          await m.query("SELECT pg_advisory_xact_lock(hashtextextended('job:recompute-credit', 0))");
          await this.credit.recomputeForFacility(m, facilityId);
        });
        return;
      }
      case JobName.RecomputeAllCredit:
        await this.dataSource.transaction(async (m) => {
          if (!(await tryTransactionLock(m, `job:${job.name}`))) return;
          const n = await this.credit.recomputeAll(m);
          this.logger.log(`credit: ${n} credit codes recomputed`);
        });
        return;
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
