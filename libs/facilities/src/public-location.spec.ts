import { publicOffset } from './public-location.js';

describe('the public location of a home-based point', () => {
  it('lies 100–300 m away, in every direction across facilities', () => {
    const offsets = Array.from({ length: 500 }, (_, i) => publicOffset(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    for (const o of offsets) {
      expect(o.distanceM).toBeGreaterThanOrEqual(100);
      expect(o.distanceM).toBeLessThanOrEqual(300);
    }
    const quadrants = new Set(offsets.map((o) => Math.floor(o.bearingDeg / 90)));
    expect(quadrants.size).toBe(4);
  });
  it('is the same every time for one facility', () => {
    expect(publicOffset('a')).toEqual(publicOffset('a'));
    expect(publicOffset('a')).not.toEqual(publicOffset('b'));
  });
});
