import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { tryTransactionLock } from '@lib/core';
import { addDays, todayInShanghai } from '@lib/standards';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { FiguresService } from '@lib/targets';
import type { QueueProcessor } from '../queue-workers.js';

/** Unit and city figures and their history: recomputed from source tables, so a job run twice gives the same rows. */
/** The derived history job's statement timeout (DATABASE_STATEMENT_TIMEOUT_MS is for requests and small jobs). */
const HISTORY_STATEMENT_TIMEOUT_MS = 10 * 60_000;

@Injectable()
export class FiguresProcessor implements QueueProcessor {
  readonly queue = QueueName.Figures;
  readonly handles = [JobName.RecomputeUnitFigures, JobName.RecomputeAllFigures, JobName.SnapshotFigures, JobName.DeriveFigureHistory];
  private readonly logger = new Logger(FiguresProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly figures: FiguresService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs once at a time across all workers; a concurrent duplicate is skipped, not queued. */
  private async singleton(name: string, work: (m: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!(await tryTransactionLock(m, `job:${name}`))) {
        this.logger.log(`${name}: already running elsewhere; skipped`);
        return;
      }
      await work(m);
    });
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RecomputeUnitFigures: {
        const { unitCode } = job.data as JobData[JobName.RecomputeUnitFigures];
        await this.outbox.complete(this.queue, job.id!, async (manager) => {
          const changed = await this.figures.recomputeUnit(manager, unitCode);
          // The alerts that read these figures are rescanned after they commit: a scan caused by the same write may
          // have run before this job and seen the old figures.
          if (changed.length > 0) await this.outbox.record(manager, { type: 'figures.changed', regionCodes: changed });
        });
        return;
      }
      case JobName.RecomputeAllFigures:
        return this.singleton(job.name, (m) => this.figures.recomputeAll(m));
      case JobName.SnapshotFigures:
        return this.singleton(job.name, (m) => this.figures.snapshot(m, todayInShanghai()));
      case JobName.DeriveFigureHistory: {
        // Three years back (the demo's span) up to yesterday; observed snapshots are kept.
        const today = todayInShanghai();
        return this.singleton(job.name, async (m) => {
          // Three years of every unit's days (3.4 million rows at N): longer than a request may take (28-48 s
          // measured at N on two cores), so this batch job sets its own limit for its transaction.
          await m.query(`SET LOCAL statement_timeout = ${HISTORY_STATEMENT_TIMEOUT_MS}`);
          await this.figures.snapshot(m, today);
          await this.figures.deriveHistory(m, addDays(today, -3 * 365), addDays(today, -1));
        });
      }
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
