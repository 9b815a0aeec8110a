import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { ApplicationService } from '@lib/applications';
import { JobName, QueueName } from '@lib/events';
import type { QueueProcessor } from '../queue-workers.js';

/** Offers past their expiresOn expire and release their holds (each in its own transaction; reruns find nothing). */
@Injectable()
export class ApplicationsProcessor implements QueueProcessor {
  readonly queue = QueueName.Applications;
  readonly handles = [JobName.ExpireOffers];
  private readonly logger = new Logger(ApplicationsProcessor.name);

  constructor(private readonly applications: ApplicationService) {}

  async process(job: Job): Promise<void> {
    if (job.name !== JobName.ExpireOffers) throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    const expired = await this.applications.expireOffers();
    if (expired > 0) this.logger.log(`offers: ${expired} expired`);
  }
}
