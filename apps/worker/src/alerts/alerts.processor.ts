import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { Clock } from '@lib/core';
import { JobName, OutboxService, QueueName, type JobData } from '@lib/events';
import { AlertService, type AlertScope } from '@lib/targets';
import { FacilityService } from '@lib/facilities';
import { todayInShanghai } from '@lib/standards';
import type { QueueProcessor } from '../queue-workers.js';

/**
 * Alerts: one scan recomputes every cause, so reruns never duplicate an alert. The incident scan recomputes the
 * incident kinds only (every 5 minutes and after each incident or drill write); a facility's scan its own kinds
 * (after a class or order change), a unit's scan the unit-level kinds (after its figures changed).
 */
@Injectable()
export class AlertsProcessor implements QueueProcessor {
  readonly queue = QueueName.Alerts;
  readonly handles = [JobName.ScanAlerts, JobName.ScanIncidentAlerts, JobName.ScanFacilityAlerts, JobName.ScanUnitAlerts];
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly alerts: AlertService,
    private readonly facilities: FacilityService,
    private readonly clock: Clock,
  ) {}

  async process(job: Job): Promise<void> {
    const scope = scopeOf(job);
    await this.outbox.complete(this.queue, job.id!, async (m) => {
      // Scans wait for each other rather than skip: a write-caused scan must see its write. Scans of one facility or
      // unit touch only its alerts, so they run beside each other (a shared lock) but never beside a wider scan.
      const lock = typeof scope === 'object' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
      await m.query(`SELECT ${lock}(hashtextextended('job:scan-alerts', 0))`);
      if (scope === 'all') {
        // 普惠 recognitions past their validUntil expire (docs/api.md), then the alerts follow.
        const expired = await this.facilities.expireAffordable(m, todayInShanghai(this.clock.now()));
        if (expired.length > 0) this.logger.log(`affordable recognitions expired: ${expired.length}`);
      }
      const result = await this.alerts.scan(m, undefined, scope);
      if (typeof scope !== 'object' || result.opened > 0 || result.resolved > 0) {
        this.logger.log(`alerts (${job.name}): ${result.open} open, ${result.opened} new, ${result.resolved} resolved`);
      }
    });
  }
}

function scopeOf(job: Job): AlertScope {
  switch (job.name) {
    case JobName.ScanAlerts:
      return 'all';
    case JobName.ScanIncidentAlerts:
      return 'incidents';
    case JobName.ScanFacilityAlerts:
      return { facilityIds: [(job.data as JobData[JobName.ScanFacilityAlerts]).facilityId] };
    case JobName.ScanUnitAlerts:
      return { unitCodes: [(job.data as JobData[JobName.ScanUnitAlerts]).unitCode] };
    default:
      throw new UnrecoverableError(`no handler for job ${job.name} on ${QueueName.Alerts}`);
  }
}
