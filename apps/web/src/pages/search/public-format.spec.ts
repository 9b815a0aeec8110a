import { describe, expect, it } from '@jest/globals';
import { daysSince, distanceParts, formatDistance, formatRadius, freshness, latestByDomain, worstOutcome } from './public-format';

describe('distances', () => {
  it('shows metres (to 10) below a kilometre, kilometres with one decimal below 10 km, whole ones above', () => {
    expect(distanceParts(0)).toEqual({ value: 10, unit: 'm', digits: 0 });
    expect(distanceParts(347)).toEqual({ value: 350, unit: 'm', digits: 0 });
    expect(distanceParts(994)).toEqual({ value: 990, unit: 'm', digits: 0 });
    expect(distanceParts(996)).toEqual({ value: 1, unit: 'km', digits: 1 });
    expect(distanceParts(1234)).toEqual({ value: 1.2, unit: 'km', digits: 1 });
    expect(distanceParts(12_600)).toEqual({ value: 13, unit: 'km', digits: 0 });
  });

  it('writes them in the page’s language', () => {
    expect(formatDistance(347, 'zh-CN')).toBe('350 米');
    expect(formatDistance(1000, 'zh-CN')).toBe('1.0 公里');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatDistance(20_000, 'en')).toBe('20 km');
    expect(formatRadius(3000, 'zh-CN')).toBe('3 公里');
    expect(formatRadius(500, 'en')).toBe('500 m');
    expect(formatRadius(2500, 'en')).toBe('2.5 km');
  });
});

describe('how fresh vacancy figures are', () => {
  const now = new Date('2026-11-28T12:00:00+08:00');

  it('counts whole days since the update', () => {
    expect(daysSince('2026-11-28T08:00:00+08:00', now)).toBe(0);
    expect(daysSince('2026-11-25T13:00:00+08:00', now)).toBe(2);
    expect(daysSince('2026-11-29T08:00:00+08:00', now)).toBe(0);
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince('not a date', now)).toBeNull();
  });

  it('calls figures stale when the API says so, or after 30 days', () => {
    expect(freshness('2026-11-20T08:00:00+08:00', false, now)).toEqual({ kind: 'fresh', days: 8 });
    expect(freshness('2026-11-20T08:00:00+08:00', true, now)).toEqual({ kind: 'stale', days: 8 });
    expect(freshness('2026-10-01T08:00:00+08:00', false, now)).toEqual({ kind: 'stale', days: 58 });
    expect(freshness(null, true, now)).toEqual({ kind: 'unknown' });
  });
});

describe('inspections', () => {
  const list = [
    { domain: 'food' as const, outcome: 'pass' as const, inspectedAt: '2026-03-01T10:00:00+08:00' },
    { domain: 'fire' as const, outcome: 'rectify' as const, inspectedAt: '2026-01-01T10:00:00+08:00' },
    { domain: 'fire' as const, outcome: 'pass' as const, inspectedAt: '2026-06-01T10:00:00+08:00' },
    { domain: 'hygiene' as const, outcome: 'fail' as const, inspectedAt: '2025-12-01T10:00:00+08:00' },
  ];

  it('keeps the newest of each domain, in the order fire, food, building, hygiene', () => {
    expect(latestByDomain(list).map((i) => `${i.domain}:${i.outcome}`)).toEqual(['fire:pass', 'food:pass', 'hygiene:fail']);
    expect(latestByDomain([])).toEqual([]);
  });

  it('names the worst outcome', () => {
    expect(worstOutcome(latestByDomain(list))).toBe('fail');
    expect(worstOutcome(list.slice(0, 2))).toBe('rectify');
    expect(worstOutcome([])).toBeNull();
  });
});
