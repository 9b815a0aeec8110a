import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName } from '@lib/events';
import { ReportService } from '@lib/reports';
import { todayInShanghai } from '@lib/standards';
import type { QueueProcessor } from '../queue-workers.js';

/** The annual report due at the end of November: generated for every region and kept (a rerun replaces it). */
@Injectable()
export class ReportsProcessor implements QueueProcessor {
  readonly queue = QueueName.Reports;
  readonly handles = [JobName.GenerateAnnualReport];
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly reports: ReportService) {}

  async process(job: Job): Promise<void> {
    if (job.name !== JobName.GenerateAnnualReport) throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    const year = Number(todayInShanghai().slice(0, 4));
    const regions = await this.reports.generateAndKeep(year);
    this.logger.log(`annual report ${year}: kept for ${regions} regions`);
  }
}
