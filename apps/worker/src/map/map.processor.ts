import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { rebuildMapGrid, refreshMapGridFor } from '@lib/search';
import type { QueueProcessor } from '../queue-workers.js';

/** The map's grid (libs/search map-grid-store.ts): cells recomputed from source, so a job run twice leaves the same rows. */
@Injectable()
export class MapProcessor implements QueueProcessor {
  readonly queue = QueueName.Map;
  readonly handles = [JobName.RefreshMapGrid, JobName.RebuildMapGrid];
  private readonly logger = new Logger(MapProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.RefreshMapGrid: {
        const { facilityId } = job.data as JobData[JobName.RefreshMapGrid];
        await this.outbox.complete(this.queue, job.id!, async (m) => {
          await refreshMapGridFor(m, facilityId);
        });
        return;
      }
      case JobName.RebuildMapGrid:
        // Waits for a refresh under way rather than skipping (the grid's lock): the rebuild is the repair.
        await this.dataSource.transaction(async (m) => {
          const { cells, facilities } = await rebuildMapGrid(m);
          this.logger.log(`map grid: ${cells} cells of ${facilities} facilities`);
        });
        return;
      default:
        throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
  }
}
