import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, OutboxService, QueueName } from '@lib/events';
import { AlertService } from '@lib/targets';
import type { QueueProcessor } from '../queue-workers.js';

/** Alerts: one scan recomputes every cause, so reruns never duplicate an alert. */
@Injectable()
export class AlertsProcessor implements QueueProcessor {
  readonly queue = QueueName.Alerts;
  readonly handles = [JobName.ScanAlerts];
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly alerts: AlertService,
  ) {}

  async process(job: Job): Promise<void> {
    if (job.name !== JobName.ScanAlerts) throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    await this.outbox.complete(this.queue, job.id!, async (m) => {
      // Scans wait for each other rather than skip: a write-caused scan must see its write.
      await m.query("SELECT pg_advisory_xact_lock(hashtextextended('job:scan-alerts', 0))");
      const result = await this.alerts.scan(m);
      this.logger.log(`alerts: ${result.open} open, ${result.opened} new, ${result.resolved} resolved`);
    });
  }
}
