import type { Severity } from '../inspection-rules.types.js';

/**
 * Every figure of the inspection rules (docs/domain.md "Inspection checklists" and "Risk score"): none is written in the
 * rules themselves. The defaults are the product's; a deployment may change any of them.
 */
export interface InspectionConfig {
  /** Days from the inspection (or from a rejected verification) to a rectification order's due date, by severity. */
  dueDays: Record<Severity, number>;
  /** Points taken off the inspection score (from 100, never below 0) per failed item, by severity. */
  penalties: Record<Severity, number>;
  /** Months between inspections of one domain: `normal` for every facility, `highRisk` at or above `highRiskScore`. */
  cycleMonths: { normal: number; highRisk: number };
  /** A risk score at or above this makes the facility high-risk in that domain, inspected on the `highRisk` cycle. */
  highRiskScore: number;
  /** Points of the risk score (0..100, capped), see RiskWeights. */
  riskWeights: RiskWeights;
  /** How far in the future an inspection's time may lie (clock drift between the inspector's device and the server). */
  futureToleranceMinutes: number;
  /** Working days a regulator has to verify an order's response before it becomes the regulator's own alert. */
  verificationWorkingDays: number;
}

export interface RiskWeights {
  /** The last inspection in the domain failed (a critical item failed). */
  lastFail: number;
  /** The last inspection in the domain asked for rectification. */
  lastRectify: number;
  /** Each unresolved rectification order of the domain that is not yet overdue. */
  openOrder: number;
  /** Each unresolved rectification order of the domain past its due date (instead of `openOrder`, not on top). */
  overdueOrder: number;
  /** Each month, begun, since the normal (yearly) cycle ran out without an inspection in the domain. */
  monthOverdue: number;
  /** Most points from `monthOverdue` in one domain. */
  monthOverdueCap: number;
  /** Never inspected in the domain: as overdue as it gets, so the cap of `monthOverdue` by default. */
  neverInspected: number;
  /** Each failed rule of the national standard (the facility's compliance check). */
  complianceFailure: number;
  /** A member of staff is also listed at another active facility. */
  multiListed: number;
  /** Each filing document expired or expiring within the warning window. */
  expiringDocument: number;
  /** Each incident of the last 12 months, by severity (docs/incidents.md), together at most `incidentCap`. */
  incidentMinor: number;
  incidentSerious: number;
  incidentCritical: number;
  incidentCap: number;
}

export const DEFAULT_INSPECTION_CONFIG: Readonly<InspectionConfig> = Object.freeze({
  /** docs/domain.md: critical 3 days, major 14, minor 30. */
  dueDays: Object.freeze({ critical: 3, major: 14, minor: 30 }),
  /** docs/domain.md: 25 per failed critical item, 10 per major, 3 per minor. */
  penalties: Object.freeze({ critical: 25, major: 10, minor: 3 }),
  /** docs/domain.md "National rules to encode": each domain at least yearly, high-risk facilities quarterly. */
  cycleMonths: Object.freeze({ normal: 12, highRisk: 3 }),
  /** This system's choice (docs/domain.md leaves it open): a failed last inspection (30) with two overdue orders (2 × 15) reaches it. */
  highRiskScore: 60,
  riskWeights: Object.freeze({
    lastFail: 30,
    lastRectify: 10,
    openOrder: 5,
    overdueOrder: 15,
    monthOverdue: 2,
    monthOverdueCap: 20,
    neverInspected: 20,
    complianceFailure: 10,
    multiListed: 20,
    expiringDocument: 5,
    /** This system's choice: a critical incident weighs like a failed critical item would, minor injuries little. */
    incidentMinor: 2,
    incidentSerious: 10,
    incidentCritical: 20,
    incidentCap: 30,
  }),
  /** This system's choice: a few minutes of clock drift, never a visit that has not happened. */
  futureToleranceMinutes: 5,
  /** Issue #18 (docs/domain.md "Rectification orders"): 5 working days, as for a filing review. */
  verificationWorkingDays: 5,
});

/** The defaults with the given figures replaced (nested groups are merged, not replaced). */
export function inspectionConfig(overrides: DeepPartial<InspectionConfig> = {}): InspectionConfig {
  const d = DEFAULT_INSPECTION_CONFIG;
  return {
    dueDays: { ...d.dueDays, ...overrides.dueDays },
    penalties: { ...d.penalties, ...overrides.penalties },
    cycleMonths: { ...d.cycleMonths, ...overrides.cycleMonths },
    highRiskScore: overrides.highRiskScore ?? d.highRiskScore,
    riskWeights: { ...d.riskWeights, ...overrides.riskWeights },
    futureToleranceMinutes: overrides.futureToleranceMinutes ?? d.futureToleranceMinutes,
    verificationWorkingDays: overrides.verificationWorkingDays ?? d.verificationWorkingDays,
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
