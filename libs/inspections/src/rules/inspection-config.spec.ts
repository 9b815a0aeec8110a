import { DEFAULT_INSPECTION_CONFIG, inspectionConfig } from './inspection-config.js';

describe('inspection configuration', () => {
  it('defaults to the figures of docs/domain.md', () => {
    expect(DEFAULT_INSPECTION_CONFIG.dueDays).toEqual({ critical: 3, major: 14, minor: 30 });
    expect(DEFAULT_INSPECTION_CONFIG.penalties).toEqual({ critical: 25, major: 10, minor: 3 });
    expect(DEFAULT_INSPECTION_CONFIG.cycleMonths).toEqual({ normal: 12, highRisk: 3 });
    expect(DEFAULT_INSPECTION_CONFIG.highRiskScore).toBe(60);
    expect(DEFAULT_INSPECTION_CONFIG.riskWeights).toEqual({
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
      incidentMinor: 2,
      incidentSerious: 10,
      incidentCritical: 20,
      incidentCap: 30,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(DEFAULT_INSPECTION_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INSPECTION_CONFIG.riskWeights)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INSPECTION_CONFIG.dueDays)).toBe(true);
  });

  it('replaces single figures and keeps the rest of their group', () => {
    const c = inspectionConfig({ dueDays: { critical: 1 }, riskWeights: { multiListed: 40 }, highRiskScore: 50 });
    expect(c.dueDays).toEqual({ critical: 1, major: 14, minor: 30 });
    expect(c.riskWeights.multiListed).toBe(40);
    expect(c.riskWeights.lastFail).toBe(30);
    expect(c.highRiskScore).toBe(50);
    expect(DEFAULT_INSPECTION_CONFIG.dueDays.critical).toBe(3);
  });
});
