import { DEFAULT_INSPECTION_CONFIG as config, inspectionConfig } from './inspection-config.js';
import { addMonths, inspectionDue, isHighRisk, nextInspectionOn, riskScore, type RiskInput } from './risk.js';

const TODAY = '2026-11-28';

/** A facility with nothing against it: passed its fire inspection two months ago. */
function input(over: Partial<RiskInput> = {}): RiskInput {
  return {
    domain: 'fire',
    today: TODAY,
    lastInspection: { inspectedOn: '2026-09-20', outcome: 'pass' },
    openOrders: 0,
    overdueOrders: 0,
    complianceFailures: 0,
    multiListed: false,
    expiringDocuments: 0,
    ...over,
  };
}

const points = (over: Partial<RiskInput>) => riskScore(input(over), config).score;

describe('riskScore: 0..100, explained', () => {
  it('a facility that passed its last inspection recently and has nothing open scores 0, and still says why', () => {
    expect(riskScore(input(), config)).toEqual({
      score: 0,
      reasons: [
        {
          code: 'within_cycle',
          points: 0,
          text: '上次消防检查 2026-09-20，在12个月周期内，无其他风险因素',
          textEn: 'Last inspected for fire on 2026-09-20, within the 12-month cycle; no other risk factor',
        },
      ],
    });
  });

  it('names a never-inspected domain even when its weight is 0', () => {
    const custom = inspectionConfig({ riskWeights: { neverInspected: 0 } });
    expect(riskScore(input({ lastInspection: null }), custom).reasons).toEqual([
      expect.objectContaining({ code: 'never_inspected', points: 0 }),
    ]);
  });

  it('a failed last inspection weighs 30', () => {
    const r = riskScore(input({ lastInspection: { inspectedOn: '2026-03-02', outcome: 'fail' } }), config);
    expect(r.score).toBe(30);
    expect(r.reasons).toEqual([
      { code: 'last_fail', points: 30, text: '上次消防检查不合格（2026-03-02）', textEn: 'Last fire inspection failed (2026-03-02)' },
    ]);
  });

  it('a last inspection asking for rectification weighs 10', () => {
    const r = riskScore(input({ lastInspection: { inspectedOn: '2026-03-02', outcome: 'rectify' } }), config);
    expect(r.score).toBe(10);
    expect(r.reasons[0]).toMatchObject({ code: 'last_rectify', text: '上次消防检查需整改（2026-03-02）' });
  });

  it('an open order weighs 5', () => {
    expect(points({ openOrders: 1 })).toBe(5);
    expect(points({ openOrders: 3 })).toBe(15);
  });

  it('an overdue order weighs 15, instead of 5 and not on top of it', () => {
    expect(points({ openOrders: 1, overdueOrders: 1 })).toBe(15);
    expect(points({ openOrders: 3, overdueOrders: 2 })).toBe(2 * 15 + 5);
  });

  it('says how many orders are overdue and how many are still open', () => {
    const r = riskScore(input({ openOrders: 3, overdueOrders: 2 }), config);
    expect(r.reasons.map((x) => [x.text, x.textEn])).toEqual([
      ['2 项整改逾期', '2 rectification orders overdue'],
      ['1 项整改尚未完成', '1 rectification order open'],
    ]);
  });

  it('counts overdue orders even when the caller counted fewer open ones', () => {
    expect(points({ openOrders: 0, overdueOrders: 2 })).toBe(30);
  });

  it('a compliance failure weighs 10', () => {
    expect(points({ complianceFailures: 2 })).toBe(20);
    expect(riskScore(input({ complianceFailures: 2 }), config).reasons[0]?.textEn).toBe('2 breaches of the national standard');
  });

  it('staff listed at another facility weigh 20', () => {
    const r = riskScore(input({ multiListed: true }), config);
    expect(r.score).toBe(20);
    expect(r.reasons[0]?.code).toBe('multi_listed');
  });

  it('an expiring filing document weighs 5', () => {
    expect(points({ expiringDocuments: 2 })).toBe(10);
    expect(riskScore(input({ expiringDocuments: 1 }), config).reasons[0]?.textEn).toBe('1 filing document expiring or expired');
  });

  it('incidents of the last 12 months weigh by severity (minor 2, serious 10, critical 20), at most 30, and say so', () => {
    expect(points({ incidents: { minor: 1, serious: 0, critical: 0 } })).toBe(2);
    expect(points({ incidents: { minor: 2, serious: 1, critical: 0 } })).toBe(14);
    expect(points({ incidents: { minor: 0, serious: 1, critical: 1 } })).toBe(30);
    expect(points({ incidents: { minor: 5, serious: 2, critical: 2 } })).toBe(30);
    expect(points({ incidents: { minor: 0, serious: 0, critical: 0 } })).toBe(0);
    const r = riskScore(input({ incidents: { minor: 2, serious: 1, critical: 0 } }), config);
    expect(r.reasons).toEqual([
      {
        code: 'recent_incidents',
        points: 14,
        text: '近 12 个月发生 3 起突发事件（较重 1、一般 2）',
        textEn: '3 incidents in the last 12 months (1 serious, 2 minor)',
      },
    ]);
  });

  it('never inspected in the domain weighs as much as the longest overdue, and says so', () => {
    const r = riskScore(input({ domain: 'food', lastInspection: null }), config);
    expect(r).toEqual({
      score: 20,
      reasons: [{ code: 'never_inspected', points: 20, text: '从未进行食品检查', textEn: 'Never inspected for food' }],
    });
  });

  describe('months since the last inspection beyond the yearly cycle', () => {
    it('adds nothing within the year, nor on the day the year runs out', () => {
      expect(points({ lastInspection: { inspectedOn: '2025-11-28', outcome: 'pass' } })).toBe(0);
    });

    it('weighs 2 for each month begun after the year ran out', () => {
      expect(points({ lastInspection: { inspectedOn: '2025-11-27', outcome: 'pass' } })).toBe(2);
      expect(points({ lastInspection: { inspectedOn: '2025-10-28', outcome: 'pass' } })).toBe(2);
      expect(points({ lastInspection: { inspectedOn: '2025-10-27', outcome: 'pass' } })).toBe(4);
      expect(points({ lastInspection: { inspectedOn: '2025-05-20', outcome: 'pass' } })).toBe(14);
    });

    it('weighs at most 20 in one domain', () => {
      expect(points({ lastInspection: { inspectedOn: '2020-01-01', outcome: 'pass' } })).toBe(20);
    });

    it('explains it with the date of the last inspection and the days overdue', () => {
      const r = riskScore(input({ domain: 'hygiene', lastInspection: { inspectedOn: '2025-10-27', outcome: 'pass' } }), config);
      expect(r.reasons).toEqual([
        {
          code: 'cycle_overdue',
          points: 4,
          text: '超过12个月未进行卫生保健检查（上次 2025-10-27，逾期 32 天）',
          textEn: 'No hygiene inspection for over 12 months (last 2025-10-27, 32 days overdue)',
        },
      ]);
    });

    it('adds to the weight of the last outcome', () => {
      expect(points({ lastInspection: { inspectedOn: '2025-10-27', outcome: 'fail' } })).toBe(34);
    });
  });

  it('adds the factors up and lists the reasons, most points first', () => {
    const r = riskScore(
      input({ lastInspection: { inspectedOn: '2026-03-02', outcome: 'rectify' }, openOrders: 2, overdueOrders: 1, multiListed: true }),
      config,
    );
    expect(r.score).toBe(10 + 15 + 5 + 20);
    expect(r.reasons.map((x) => x.code)).toEqual(['multi_listed', 'overdue_orders', 'last_rectify', 'open_orders']);
  });

  it('caps the score at 100, listing every reason', () => {
    const r = riskScore(
      input({
        lastInspection: { inspectedOn: '2024-01-01', outcome: 'fail' },
        openOrders: 5,
        overdueOrders: 5,
        complianceFailures: 3,
        multiListed: true,
      }),
      config,
    );
    expect(r.score).toBe(100);
    expect(r.reasons.reduce((s, x) => s + x.points, 0)).toBe(30 + 20 + 75 + 30 + 20);
  });

  it('names the domain in plain language in both languages', () => {
    const r = riskScore(input({ domain: 'building', lastInspection: { inspectedOn: '2026-03-02', outcome: 'fail' } }), config);
    expect(r.reasons[0]).toMatchObject({
      text: '上次房屋安全检查不合格（2026-03-02）',
      textEn: 'Last building safety inspection failed (2026-03-02)',
    });
  });

  it('reads every weight from the configuration', () => {
    const custom = inspectionConfig({ riskWeights: { lastFail: 50, multiListed: 0 } });
    expect(riskScore(input({ lastInspection: { inspectedOn: '2026-03-02', outcome: 'fail' }, multiListed: true }), custom)).toMatchObject({
      score: 50,
      reasons: [{ code: 'last_fail', points: 50 }],
    });
  });
});

describe('when a domain is due for inspection', () => {
  it('is due when never inspected', () => {
    expect(inspectionDue(null, TODAY, false, config)).toBe(true);
    expect(nextInspectionOn(null, false, config)).toBeNull();
  });

  it('is due once a year has passed since the last inspection, on the anniversary itself', () => {
    expect(nextInspectionOn('2025-11-28', false, config)).toBe('2026-11-28');
    expect(inspectionDue('2025-11-29', TODAY, false, config)).toBe(false);
    expect(inspectionDue('2025-11-28', TODAY, false, config)).toBe(true);
    expect(inspectionDue('2024-06-01', TODAY, false, config)).toBe(true);
  });

  it('is due quarterly when the facility is high-risk', () => {
    expect(nextInspectionOn('2026-08-28', true, config)).toBe('2026-11-28');
    expect(inspectionDue('2026-08-29', TODAY, true, config)).toBe(false);
    expect(inspectionDue('2026-08-28', TODAY, true, config)).toBe(true);
    expect(inspectionDue('2026-08-28', TODAY, false, config)).toBe(false);
  });

  it('counts a score of 60 or more as high-risk', () => {
    expect(isHighRisk(59, config)).toBe(false);
    expect(isHighRisk(60, config)).toBe(true);
  });

  it('reads the cycles from the configuration', () => {
    expect(inspectionDue('2026-05-28', TODAY, false, inspectionConfig({ cycleMonths: { normal: 6 } }))).toBe(true);
  });
});

describe('addMonths', () => {
  it('moves by calendar months, falling back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-28', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2025-02-28', 12)).toBe('2026-02-28');
  });

  it('refuses a malformed date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});
