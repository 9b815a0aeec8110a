import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { followFacilityUnit } from '@lib/incidents';
import type { QueueProcessor } from '../queue-workers.js';

/**
 * An incident's copy of its facility's unit follows a facility that moved (libs/incidents incident-units.ts): read from
 * the facility as it is, so a job run twice writes the same.
 */
@Injectable()
export class IncidentsProcessor implements QueueProcessor {
  readonly queue = QueueName.Incidents;
  readonly handles = [JobName.FollowIncidentUnits];

  constructor(private readonly outbox: OutboxService) {}

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.FollowIncidentUnits: {
        const { facilityId } = job.data as JobData[JobName.FollowIncidentUnits];
        await this.outbox.complete(this.queue, job.id!, async (m) => {
          await followFacilityUnit(m, facilityId);
        });
        return;
      }
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
