import type { IncidentsSettings } from '@lib/core';
import type { IncidentKind, IncidentSeverity } from '@lib/standards';

/**
 * Every figure of the incident rules (docs/api.md "Incidents (突发事件) and drills"); none is written in the rules themselves. The
 * defaults are the contract's; a deployment may change any of them (docs/incidents.md).
 */
export interface IncidentConfig {
  /**
   * Hours from `occurredAt` to the reporting deadline: the severity's hours, or the kind's where the kind names fewer
   * (a death is a 2-hour report even when recorded as `serious`).
   */
  reportHours: { bySeverity: Record<IncidentSeverity, number>; byKind: Partial<Record<IncidentKind, number>> };
  /** Incidents of these severities must be acknowledged: alert to the unit after `unit` hours, to the city after `city`. */
  acknowledge: { severities: readonly IncidentSeverity[]; unitHours: number; cityHours: number };
  /** `illness` incidents at one facility affecting at least `children` children within `days` days form a cluster. */
  illnessCluster: { children: number; days: number };
  /** A registered facility without a `fire_evacuation` drill for this many days is overdue. */
  drillIntervalDays: number;
  /** What the public facility page lists: substantiated incidents of these severities of the last `years` years. */
  publicRecord: { severities: readonly IncidentSeverity[]; years: number };
}

export const DEFAULT_INCIDENT_CONFIG: Readonly<IncidentConfig> = Object.freeze({
  reportHours: Object.freeze({
    bySeverity: Object.freeze({ critical: 2, serious: 12, minor: 72 }),
    byKind: Object.freeze({ death: 2, abuse_allegation: 2, missing_child: 2 }),
  }),
  acknowledge: Object.freeze({ severities: Object.freeze(['serious', 'critical'] as const), unitHours: 2, cityHours: 4 }),
  illnessCluster: Object.freeze({ children: 3, days: 7 }),
  drillIntervalDays: 90,
  publicRecord: Object.freeze({ severities: Object.freeze(['serious', 'critical'] as const), years: 3 }),
});

/** The defaults with the given groups replaced (nested groups are merged). */
export function incidentConfig(overrides: Partial<{ [K in keyof IncidentConfig]: Partial<IncidentConfig[K]> }> = {}): IncidentConfig {
  const d = DEFAULT_INCIDENT_CONFIG;
  return {
    reportHours: { ...d.reportHours, ...overrides.reportHours },
    acknowledge: { ...d.acknowledge, ...overrides.acknowledge },
    illnessCluster: { ...d.illnessCluster, ...overrides.illnessCluster },
    drillIntervalDays: (overrides.drillIntervalDays as number | undefined) ?? d.drillIntervalDays,
    publicRecord: { ...d.publicRecord, ...overrides.publicRecord },
  };
}

/** The rules' figures from the deployment's settings (INCIDENT_* and friends, libs/core env.ts); the rest as defaults. */
export function incidentConfigFrom(settings: IncidentsSettings): IncidentConfig {
  return incidentConfig({
    reportHours: { bySeverity: settings.reportHours },
    acknowledge: { unitHours: settings.acknowledgeHours.unit, cityHours: settings.acknowledgeHours.city },
    illnessCluster: settings.illnessCluster,
    drillIntervalDays: settings.drillIntervalDays,
    publicRecord: { years: settings.publicRecordYears },
  });
}
