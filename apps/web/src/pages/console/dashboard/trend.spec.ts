import { describe, expect, it } from '@jest/globals';
import type { HistoryPoint } from '../../../api/targets';
import { chartPaths, monthlyPoints } from './trend';

const point = (day: string, placesPer1000: number, derived: boolean): HistoryPoint => ({
  day,
  facilityCount: 1,
  placeCount: 10,
  affordablePlaceCount: 0,
  population: 1000,
  placesPer1000,
  target: 4.5,
  derived,
});

describe('trend chart data', () => {
  it('keeps the first day of each month and the latest day', () => {
    const items = [
      point('2026-02-02', 2, false),
      point('2026-01-01', 1, true),
      point('2026-01-15', 1.5, true),
      point('2026-02-10', 3, false),
    ];
    expect(monthlyPoints(items).map((p) => p.day)).toEqual(['2026-01-01', '2026-02-02', '2026-02-10']);
  });

  it('splits the line into a derived and an observed part that meet', () => {
    const points = [point('2026-01-01', 1, true), point('2026-02-01', 2, true), point('2026-03-01', 3, false)];
    const paths = chartPaths(points, { width: 300, height: 200, left: 40, right: 10, top: 10, bottom: 30 });
    expect(paths.derived.split('L')).toHaveLength(2);
    expect(paths.observed.split('L')).toHaveLength(2);
    expect(paths.yMax).toBeGreaterThanOrEqual(4.5);
    expect(paths.target.startsWith('M')).toBe(true);
  });
});
