import { describe, expect, it } from '@jest/globals';
import { spreadMarkers, type PixelPoint } from './spread';

const distance = (a: PixelPoint, b: PixelPoint) => Math.hypot(a.x - b.x, a.y - b.y);

function minPairDistance(points: PixelPoint[]): number {
  let min = Infinity;
  for (let i = 0; i < points.length; i += 1)
    for (let j = i + 1; j < points.length; j += 1) min = Math.min(min, distance(points[i]!, points[j]!));
  return min;
}

describe('spreadMarkers', () => {
  it('leaves markers that are already apart where they are', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(spreadMarkers(points, 32)).toEqual(points);
  });

  it('spreads a pile of markers on one spot so that every two are at least the distance apart', () => {
    const pile = Array.from({ length: 8 }, () => ({ x: 50, y: 50 }));
    const spread = spreadMarkers(pile, 32);
    expect(minPairDistance(spread)).toBeGreaterThanOrEqual(32 - 1e-9);
    // Around the pile's spot.
    expect(Math.max(...spread.map((p) => distance(p, { x: 50, y: 50 })))).toBeLessThan(32 * 3);
  });

  it('spreads two markers a few pixels apart, and treats a chain of near ones as one pile', () => {
    const two = spreadMarkers(
      [
        { x: 10, y: 10 },
        { x: 14, y: 12 },
      ],
      30,
    );
    expect(distance(two[0]!, two[1]!)).toBeGreaterThanOrEqual(30 - 1e-9);
    const chain = spreadMarkers(
      [
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 40, y: 0 },
        { x: 300, y: 300 },
      ],
      30,
    );
    expect(minPairDistance(chain.slice(0, 3))).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(chain[3]).toEqual({ x: 300, y: 300 });
  });

  it('keeps a big pile compact: 50 markers on one spot stay within a few spacings of it', () => {
    const pile = Array.from({ length: 50 }, () => ({ x: 0, y: 0 }));
    const spread = spreadMarkers(pile, 34);
    expect(minPairDistance(spread)).toBeGreaterThanOrEqual(34 - 1e-9);
    expect(Math.max(...spread.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(34 * 5);
  });

  it('keeps the order of the input and handles none or one', () => {
    expect(spreadMarkers([], 30)).toEqual([]);
    expect(spreadMarkers([{ x: 1, y: 2 }], 30)).toEqual([{ x: 1, y: 2 }]);
  });
});
