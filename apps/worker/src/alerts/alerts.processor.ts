import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { Clock } from '@lib/core';
import { JobName, OutboxService, QueueName } from '@lib/events';
import { AlertService } from '@lib/targets';
import { FacilityService } from '@lib/facilities';
import { todayInShanghai } from '@lib/standards';
import type { QueueProcessor } from '../queue-workers.js';

/**
 * Alerts: one scan recomputes every cause, so reruns never duplicate an alert. The incident scan recomputes the
 * incident kinds only (every 5 minutes and after each incident or drill write); both take the same lock.
 */
@Injectable()
export class AlertsProcessor implements QueueProcessor {
  readonly queue = QueueName.Alerts;
  readonly handles = [JobName.ScanAlerts, JobName.ScanIncidentAlerts];
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly alerts: AlertService,
    private readonly facilities: FacilityService,
    private readonly clock: Clock,
  ) {}

  async process(job: Job): Promise<void> {
    if (job.name !== JobName.ScanAlerts && job.name !== JobName.ScanIncidentAlerts) {
      throw new UnrecoverableError(`no handler for job ${job.name} on ${this.queue}`);
    }
    const scope = job.name === JobName.ScanIncidentAlerts ? 'incidents' : 'all';
    await this.outbox.complete(this.queue, job.id!, async (m) => {
      // Scans wait for each other rather than skip: a write-caused scan must see its write.
      await m.query("SELECT pg_advisory_xact_lock(hashtextextended('job:scan-alerts', 0))");
      if (scope === 'all') {
        // 普惠 recognitions past their validUntil expire (docs/api.md), then the alerts follow.
        const expired = await this.facilities.expireAffordable(m, todayInShanghai(this.clock.now()));
        if (expired.length > 0) this.logger.log(`affordable recognitions expired: ${expired.length}`);
      }
      const result = await this.alerts.scan(m, undefined, scope);
      this.logger.log(`alerts (${scope}): ${result.open} open, ${result.opened} new, ${result.resolved} resolved`);
    });
  }
}
