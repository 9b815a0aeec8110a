import { addDays, addYears, type IncidentKind, type IncidentSeverity, type IncidentStatus } from '@lib/standards';
import type { IncidentConfig } from './incident-config.js';

/**
 * The incident rules as small pure functions over plain data (docs/api.md "Incidents (突发事件) and drills"): the reporting
 * deadline, lateness, the handling state machine, who acknowledges, escalation, illness clusters and drills.
 */

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** Hours allowed from occurrence to report: the severity's, or the kind's where it is stricter. */
export function reportHours(kind: IncidentKind, severity: IncidentSeverity, config: IncidentConfig): number {
  const byKind = config.reportHours.byKind[kind];
  const bySeverity = config.reportHours.bySeverity[severity];
  return byKind === undefined ? bySeverity : Math.min(byKind, bySeverity);
}

export function reportDueAt(kind: IncidentKind, severity: IncidentSeverity, occurredAt: Date, config: IncidentConfig): Date {
  return new Date(occurredAt.getTime() + reportHours(kind, severity, config) * HOUR_MS);
}

/** Reported after the deadline (a report exactly at the deadline is in time). */
export function isLate(reportedAt: Date, dueAt: Date): boolean {
  return reportedAt.getTime() > dueAt.getTime();
}

export type IncidentAction = 'acknowledge' | 'update' | 'close';

/** The handling state machine: reported → acknowledged → closed (health may close an unacknowledged one directly). */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentAction, { from: readonly IncidentStatus[]; to: IncidentStatus | null }>> = {
  acknowledge: { from: ['reported'], to: 'acknowledged' },
  update: { from: ['reported', 'acknowledged'], to: null },
  close: { from: ['reported', 'acknowledged'], to: 'closed' },
};

/** The status after the action, the same status for an update, or null when the action does not apply (409). */
export function incidentTransition(status: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  const t = INCIDENT_TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to ?? status;
}

/** Health acknowledges every kind; the market regulator food poisoning, the fire service fires. */
export function acknowledgingAgencies(kind: IncidentKind): string[] {
  if (kind === 'food_poisoning') return ['health', 'market'];
  if (kind === 'fire') return ['health', 'fire'];
  return ['health'];
}

export type Escalation = 'none' | 'unit' | 'city';

/**
 * How far an unacknowledged incident has escalated at `now`: `unit` (its unit's health regulators) from `unitHours`
 * after the report, `city` (the city-level ones too) from `cityHours`; `none` before, once acknowledged or closed,
 * and for severities that need no acknowledgement.
 */
export function escalation(
  incident: { severity: IncidentSeverity; status: IncidentStatus; reportedAt: Date },
  now: Date,
  config: IncidentConfig,
): Escalation {
  if (incident.status !== 'reported' || !config.acknowledge.severities.includes(incident.severity)) return 'none';
  const waited = now.getTime() - incident.reportedAt.getTime();
  if (waited >= config.acknowledge.cityHours * HOUR_MS) return 'city';
  if (waited >= config.acknowledge.unitHours * HOUR_MS) return 'unit';
  return 'none';
}

/** When the next escalation step falls due (for the inbox countdown); null when nothing more will happen. */
export function nextEscalationAt(
  incident: { severity: IncidentSeverity; status: IncidentStatus; reportedAt: Date },
  now: Date,
  config: IncidentConfig,
): Date | null {
  if (incident.status !== 'reported' || !config.acknowledge.severities.includes(incident.severity)) return null;
  for (const hours of [config.acknowledge.unitHours, config.acknowledge.cityHours]) {
    const at = new Date(incident.reportedAt.getTime() + hours * HOUR_MS);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}

export interface ClusterCandidate {
  id: string;
  occurredAt: Date;
  childrenAffected: number;
  status: IncidentStatus;
  /** Closed as unsubstantiated: it does not count. */
  unsubstantiated: boolean;
}

/**
 * Illness clusters of one facility: groups of `illness` incidents whose occurrences fall within `days` days of the
 * group's first and which together affect at least `children` children. A cluster stands while any of its incidents
 * is still open (not closed); once all are closed its cause is gone. Returns the open clusters, earliest first,
 * each with its incident ids (an incident belongs to at most one cluster).
 */
export function illnessClusters(incidents: ClusterCandidate[], config: IncidentConfig): { ids: string[]; children: number; from: Date }[] {
  const counted = incidents.filter((i) => !i.unsubstantiated).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const window = config.illnessCluster.days * DAY_MS;
  const clusters: { ids: string[]; children: number; from: Date; open: boolean }[] = [];
  let start = 0;
  while (start < counted.length) {
    const first = counted[start]!;
    let end = start;
    let children = 0;
    while (end < counted.length && counted[end]!.occurredAt.getTime() - first.occurredAt.getTime() <= window) {
      children += counted[end]!.childrenAffected;
      end++;
    }
    if (children >= config.illnessCluster.children) {
      const members = counted.slice(start, end);
      clusters.push({
        ids: members.map((m) => m.id),
        children,
        from: first.occurredAt,
        open: members.some((m) => m.status !== 'closed'),
      });
      start = end;
    } else {
      start++;
    }
  }
  return clusters.filter((c) => c.open).map(({ ids, children, from }) => ({ ids, children, from }));
}

/**
 * Whether a registered facility's fire evacuation drill is overdue on `today`: the last one (or, if none, the
 * registration) lies more than `drillIntervalDays` days back. Dates are YYYY-MM-DD in Asia/Shanghai.
 */
export function drillOverdue(lastFireDrillOn: string | null, registeredOn: string, today: string, config: IncidentConfig): boolean {
  const since = lastFireDrillOn && lastFireDrillOn > registeredOn ? lastFireDrillOn : registeredOn;
  return addDays(since, config.drillIntervalDays) < today;
}

/** Whether a closed incident appears on the public facility page on `today`. */
export function isPublic(
  incident: { severity: IncidentSeverity; status: IncidentStatus; finding: string | null; occurredOn: string },
  today: string,
  config: IncidentConfig,
): boolean {
  if (incident.status !== 'closed' || incident.finding !== 'substantiated') return false;
  if (!config.publicRecord.severities.includes(incident.severity)) return false;
  return incident.occurredOn >= addYears(today, -config.publicRecord.years);
}
