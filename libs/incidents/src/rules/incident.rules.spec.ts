import { IncidentsEnvSchema, incidentSettings, validateEnv } from '@lib/core';
import { DEFAULT_INCIDENT_CONFIG as config, incidentConfig, incidentConfigFrom } from './incident-config.js';
import {
  acknowledgingAgencies,
  drillOverdue,
  escalation,
  illnessClusters,
  incidentTransition,
  isLate,
  isPublic,
  nextEscalationAt,
  reportDueAt,
  reportHours,
  type ClusterCandidate,
} from './incident.rules.js';

const at = (iso: string) => new Date(iso);
const hours = (from: string, h: number) => new Date(at(from).getTime() + h * 3600_000);

describe('the reporting deadline', () => {
  it('is 2 hours for critical incidents, 12 for serious and 72 for minor ones', () => {
    expect(reportHours('injury', 'critical', config)).toBe(2);
    expect(reportHours('injury', 'serious', config)).toBe(12);
    expect(reportHours('injury', 'minor', config)).toBe(72);
  });

  it('is 2 hours for a death, an abuse allegation or a missing child whatever the severity', () => {
    for (const kind of ['death', 'abuse_allegation', 'missing_child'] as const) {
      expect(reportHours(kind, 'minor', config)).toBe(2);
      expect(reportHours(kind, 'serious', config)).toBe(2);
    }
  });

  it('counts from the occurrence, and a report after it is late (exactly on time is not)', () => {
    const due = reportDueAt('illness', 'serious', at('2026-12-01T08:00:00+08:00'), config);
    expect(due.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(isLate(due, due)).toBe(false);
    expect(isLate(new Date(due.getTime() + 1000), due)).toBe(true);
  });

  it('is configuration', () => {
    const c = incidentConfig({ reportHours: { bySeverity: { critical: 1, serious: 6, minor: 24 }, byKind: {} } });
    expect(reportHours('death', 'serious', c)).toBe(6);
  });
});

describe('handling', () => {
  it('goes reported → acknowledged → closed; an acknowledged incident is not acknowledged again, a closed one takes nothing', () => {
    expect(incidentTransition('reported', 'acknowledge')).toBe('acknowledged');
    expect(incidentTransition('acknowledged', 'acknowledge')).toBeNull();
    expect(incidentTransition('acknowledged', 'update')).toBe('acknowledged');
    expect(incidentTransition('reported', 'close')).toBe('closed');
    expect(incidentTransition('acknowledged', 'close')).toBe('closed');
    for (const action of ['acknowledge', 'update', 'close'] as const) expect(incidentTransition('closed', action)).toBeNull();
  });

  it('is acknowledged by health, and by the market regulator for food poisoning and the fire service for fires', () => {
    expect(acknowledgingAgencies('injury')).toEqual(['health']);
    expect(acknowledgingAgencies('food_poisoning')).toEqual(['health', 'market']);
    expect(acknowledgingAgencies('fire')).toEqual(['health', 'fire']);
  });
});

describe('escalation of an unacknowledged incident', () => {
  const reported = '2026-12-01T10:00:00Z';
  const incident = (
    over: Partial<{ severity: 'minor' | 'serious' | 'critical'; status: 'reported' | 'acknowledged' | 'closed' }> = {},
  ) => ({
    severity: 'serious' as const,
    status: 'reported' as const,
    reportedAt: at(reported),
    ...over,
  });

  it('reaches the unit at 2 hours and the city at 4 hours', () => {
    expect(escalation(incident(), hours(reported, 1.99), config)).toBe('none');
    expect(escalation(incident(), hours(reported, 2), config)).toBe('unit');
    expect(escalation(incident(), hours(reported, 3.99), config)).toBe('unit');
    expect(escalation(incident(), hours(reported, 4), config)).toBe('city');
  });

  it('stops once acknowledged or closed, and never starts for a minor incident', () => {
    expect(escalation(incident({ status: 'acknowledged' }), hours(reported, 5), config)).toBe('none');
    expect(escalation(incident({ status: 'closed' }), hours(reported, 5), config)).toBe('none');
    expect(escalation(incident({ severity: 'minor' }), hours(reported, 50), config)).toBe('none');
    expect(escalation(incident({ severity: 'critical' }), hours(reported, 2), config)).toBe('unit');
  });

  it('tells when the next step falls due', () => {
    expect(nextEscalationAt(incident(), hours(reported, 1), config)?.toISOString()).toBe(hours(reported, 2).toISOString());
    expect(nextEscalationAt(incident(), hours(reported, 3), config)?.toISOString()).toBe(hours(reported, 4).toISOString());
    expect(nextEscalationAt(incident(), hours(reported, 5), config)).toBeNull();
    expect(nextEscalationAt(incident({ severity: 'minor' }), hours(reported, 1), config)).toBeNull();
  });
});

describe('illness clusters', () => {
  let n = 0;
  const ill = (iso: string, children: number, over: Partial<ClusterCandidate> = {}): ClusterCandidate => ({
    id: `i${++n}`,
    occurredAt: at(iso),
    childrenAffected: children,
    status: 'reported',
    unsubstantiated: false,
    ...over,
  });

  it('are 3 or more children ill within 7 days at one facility', () => {
    const a = ill('2026-12-01T09:00:00Z', 1);
    const b = ill('2026-12-04T09:00:00Z', 1);
    const c = ill('2026-12-08T09:00:00Z', 1);
    expect(illnessClusters([a, b, c], config)).toEqual([{ ids: [a.id, b.id, c.id], children: 3, from: a.occurredAt }]);
  });

  it('are not 3 children over more than 7 days, nor 2 children within them', () => {
    expect(
      illnessClusters([ill('2026-12-01T09:00:00Z', 1), ill('2026-12-04T09:00:00Z', 1), ill('2026-12-08T09:00:01Z', 1)], config),
    ).toEqual([]);
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 1), ill('2026-12-02T09:00:00Z', 1)], config)).toEqual([]);
  });

  it('count one incident affecting 3 children as a cluster', () => {
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 3)], config)).toHaveLength(1);
  });

  it('go away once every incident in them is closed, and leave out those found unsubstantiated', () => {
    const closed = { status: 'closed' as const };
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 2, closed), ill('2026-12-02T09:00:00Z', 1, closed)], config)).toEqual([]);
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 2, closed), ill('2026-12-02T09:00:00Z', 1)], config)).toHaveLength(1);
    expect(
      illnessClusters([ill('2026-12-01T09:00:00Z', 2, { ...closed, unsubstantiated: true }), ill('2026-12-02T09:00:00Z', 1)], config),
    ).toEqual([]);
  });

  it('follow the configured size and window', () => {
    const c = incidentConfig({ illnessCluster: { children: 5, days: 14 } });
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 3), ill('2026-12-12T09:00:00Z', 1)], c)).toEqual([]);
    expect(illnessClusters([ill('2026-12-01T09:00:00Z', 3), ill('2026-12-12T09:00:00Z', 2)], c)).toHaveLength(1);
  });
});

describe('drills', () => {
  it('a fire evacuation drill is overdue after 90 days, counted from the last one or else from registration', () => {
    expect(drillOverdue('2026-09-01', '2025-01-01', '2026-11-30', config)).toBe(false);
    expect(drillOverdue('2026-09-01', '2025-01-01', '2026-12-01', config)).toBe(true);
    expect(drillOverdue(null, '2026-11-01', '2026-12-05', config)).toBe(false);
    expect(drillOverdue(null, '2026-01-01', '2026-12-05', config)).toBe(true);
  });
});

describe('the public record', () => {
  const closed = { status: 'closed' as const, finding: 'substantiated', severity: 'serious' as const, occurredOn: '2025-06-01' };
  it('shows substantiated serious and critical incidents of the last 3 years only', () => {
    expect(isPublic(closed, '2026-12-05', config)).toBe(true);
    expect(isPublic({ ...closed, severity: 'critical' }, '2026-12-05', config)).toBe(true);
    expect(isPublic({ ...closed, severity: 'minor' }, '2026-12-05', config)).toBe(false);
    expect(isPublic({ ...closed, finding: 'unsubstantiated' }, '2026-12-05', config)).toBe(false);
    expect(isPublic({ ...closed, status: 'acknowledged' as never }, '2026-12-05', config)).toBe(false);
    expect(isPublic({ ...closed, occurredOn: '2023-12-05' }, '2026-12-05', config)).toBe(true);
    expect(isPublic({ ...closed, occurredOn: '2023-12-04' }, '2026-12-05', config)).toBe(false);
  });
});

describe('configuration from the environment', () => {
  it('the variables default to the contract figures', () => {
    expect(incidentConfigFrom(incidentSettings(validateEnv(IncidentsEnvSchema, {})))).toEqual(config);
  });

  it('maps each variable to its rule, and refuses a city step that does not come after the unit one', () => {
    const settings = incidentSettings(
      validateEnv(IncidentsEnvSchema, { INCIDENT_REPORT_HOURS_MINOR: '24', ILLNESS_CLUSTER_CHILDREN: '5', DRILL_INTERVAL_DAYS: '60' }),
    );
    const c = incidentConfigFrom(settings);
    expect(c.reportHours.bySeverity.minor).toBe(24);
    expect(c.reportHours.byKind).toEqual(config.reportHours.byKind);
    expect(c.illnessCluster).toEqual({ children: 5, days: 7 });
    expect(c.drillIntervalDays).toBe(60);
    expect(() => incidentSettings(validateEnv(IncidentsEnvSchema, { INCIDENT_ACK_UNIT_HOURS: '5', INCIDENT_ACK_CITY_HOURS: '4' }))).toThrow(
      /INCIDENT_ACK_CITY_HOURS: must be more than INCIDENT_ACK_UNIT_HOURS/,
    );
  });
});
