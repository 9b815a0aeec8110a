/**
 * Queue and job names in one place (the worker refuses to start if a job has no handler).
 * A job id is deterministic: the same work pending twice is one job.
 */
export enum QueueName {
  Figures = 'figures',
  Alerts = 'alerts',
  Reports = 'reports',
  Applications = 'applications',
  Credit = 'credit',
  Map = 'map',
  Plan = 'plan',
  Incidents = 'incidents',
}

export enum JobName {
  RecomputeUnitFigures = 'recompute-unit-figures',
  RecomputeAllFigures = 'recompute-all-figures',
  SnapshotFigures = 'snapshot-figures',
  DeriveFigureHistory = 'derive-figure-history',
  ScanAlerts = 'scan-alerts',
  ScanFacilityAlerts = 'scan-facility-alerts',
  ScanUnitAlerts = 'scan-unit-alerts',
  ScanIncidentAlerts = 'scan-incident-alerts',
  GenerateAnnualReport = 'generate-annual-report',
  ExpireOffers = 'expire-offers',
  RecomputeCredit = 'recompute-credit',
  RecomputeAllCredit = 'recompute-all-credit',
  RefreshMapGrid = 'refresh-map-grid',
  RebuildMapGrid = 'rebuild-map-grid',
  RefreshPlanItems = 'refresh-plan-items',
  RefreshAllPlanItems = 'refresh-all-plan-items',
  FollowIncidentUnits = 'follow-incident-units',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.RecomputeUnitFigures]: QueueName.Figures,
  [JobName.RecomputeAllFigures]: QueueName.Figures,
  [JobName.SnapshotFigures]: QueueName.Figures,
  [JobName.DeriveFigureHistory]: QueueName.Figures,
  [JobName.ScanAlerts]: QueueName.Alerts,
  [JobName.ScanFacilityAlerts]: QueueName.Alerts,
  [JobName.ScanUnitAlerts]: QueueName.Alerts,
  [JobName.ScanIncidentAlerts]: QueueName.Alerts,
  [JobName.GenerateAnnualReport]: QueueName.Reports,
  [JobName.ExpireOffers]: QueueName.Applications,
  [JobName.RecomputeCredit]: QueueName.Credit,
  [JobName.RecomputeAllCredit]: QueueName.Credit,
  [JobName.RefreshMapGrid]: QueueName.Map,
  [JobName.RebuildMapGrid]: QueueName.Map,
  [JobName.RefreshPlanItems]: QueueName.Plan,
  [JobName.RefreshAllPlanItems]: QueueName.Plan,
  [JobName.FollowIncidentUnits]: QueueName.Incidents,
};

export interface JobData {
  [JobName.RecomputeUnitFigures]: { unitCode: string };
  [JobName.RecomputeAllFigures]: Record<string, never>;
  [JobName.SnapshotFigures]: Record<string, never>;
  [JobName.DeriveFigureHistory]: Record<string, never>;
  [JobName.ScanAlerts]: Record<string, never>;
  [JobName.ScanFacilityAlerts]: { facilityId: string };
  [JobName.ScanUnitAlerts]: { unitCode: string };
  [JobName.ScanIncidentAlerts]: Record<string, never>;
  [JobName.GenerateAnnualReport]: Record<string, never>;
  [JobName.ExpireOffers]: Record<string, never>;
  [JobName.RecomputeCredit]: { facilityId: string };
  [JobName.RecomputeAllCredit]: Record<string, never>;
  [JobName.RefreshMapGrid]: { facilityId: string };
  [JobName.RebuildMapGrid]: Record<string, never>;
  [JobName.RefreshPlanItems]: { facilityId: string };
  [JobName.RefreshAllPlanItems]: Record<string, never>;
  [JobName.FollowIncidentUnits]: { facilityId: string };
}

/**
 * Scheduled work (BullMQ job schedulers, registered at every worker start; upserting is idempotent, so
 * several workers register one schedule). Times are Asia/Shanghai.
 */
export const SCHEDULES: { id: string; job: JobName; pattern: string }[] = [
  { id: 'nightly-recompute-all-figures', job: JobName.RecomputeAllFigures, pattern: '15 2 * * *' },
  { id: 'daily-figure-snapshot', job: JobName.SnapshotFigures, pattern: '5 0 * * *' },
  { id: 'nightly-derive-figure-history', job: JobName.DeriveFigureHistory, pattern: '45 2 * * *' },
  // Time-based alerts (expiry, overdue orders) appear with the daily scan; write-caused ones within seconds.
  { id: 'daily-alert-scan', job: JobName.ScanAlerts, pattern: '0 6 * * *' },
  // Incident escalation is counted in hours (2 h to the unit, 4 h to the city): its own small scan every 5 minutes.
  { id: 'incident-alert-scan', job: JobName.ScanIncidentAlerts, pattern: '*/5 * * * *' },
  // The annual report is due by the end of November: generated on the 30th and kept.
  // Credit windows (12, 24 months) pass with time: every level is recomputed nightly.
  { id: 'nightly-recompute-credit', job: JobName.RecomputeAllCredit, pattern: '30 2 * * *' },
  // The inspection plan's date-driven inputs (cycles, overdue orders, expiring documents, the 12 months of incidents)
  // change at midnight: every facility's rows are recomputed just after it (libs/inspections/src/plan-items.ts).
  { id: 'nightly-refresh-plan-items', job: JobName.RefreshAllPlanItems, pattern: '2 0 * * *' },
  { id: 'annual-report', job: JobName.GenerateAnnualReport, pattern: '0 20 30 11 *' },
  // Offers run to the end of their expiresOn day (Asia/Shanghai): expired just after midnight, and hourly as a repair.
  { id: 'expire-offers', job: JobName.ExpireOffers, pattern: '1 * * * *' },
  // The map's grid follows the facility events; rebuilt nightly as a repair (a facility written around the events).
  { id: 'nightly-rebuild-map-grid', job: JobName.RebuildMapGrid, pattern: '50 2 * * *' },
];
export const SCHEDULE_TZ = 'Asia/Shanghai';

export function jobId<J extends JobName>(name: J, data: JobData[J]): string {
  switch (name) {
    case JobName.RecomputeUnitFigures:
      return `${name}.${(data as JobData[JobName.RecomputeUnitFigures]).unitCode}`;
    case JobName.RecomputeCredit:
      return `${name}.${(data as JobData[JobName.RecomputeCredit]).facilityId}`;
    case JobName.ScanFacilityAlerts:
      return `${name}.${(data as JobData[JobName.ScanFacilityAlerts]).facilityId}`;
    case JobName.RefreshMapGrid:
      return `${name}.${(data as JobData[JobName.RefreshMapGrid]).facilityId}`;
    case JobName.RefreshPlanItems:
      return `${name}.${(data as JobData[JobName.RefreshPlanItems]).facilityId}`;
    case JobName.ScanUnitAlerts:
      return `${name}.${(data as JobData[JobName.ScanUnitAlerts]).unitCode}`;
    case JobName.FollowIncidentUnits:
      return `${name}.${(data as JobData[JobName.FollowIncidentUnits]).facilityId}`;
    case JobName.RecomputeAllCredit:
    case JobName.RefreshAllPlanItems:
    case JobName.RecomputeAllFigures:
    case JobName.SnapshotFigures:
    case JobName.DeriveFigureHistory:
    case JobName.ScanAlerts:
    case JobName.ScanIncidentAlerts:
    case JobName.GenerateAnnualReport:
    case JobName.ExpireOffers:
    case JobName.RebuildMapGrid:
      return name;
    default: {
      const unreachable: never = name;
      throw new Error(`no job id for ${String(unreachable)}`);
    }
  }
}

/** Defaults for every job: retried with backoff; removed when done so a later event enqueues anew. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
};
