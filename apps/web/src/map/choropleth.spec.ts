import { describe, expect, it } from '@jest/globals';
import { BREAKS, choroplethClasses, classify, colourFor, COLOURS, NO_DATA_COLOUR, TARGET_2025, TARGET_2035 } from './choropleth';

describe('choropleth classes of places per 1,000 residents', () => {
  it('puts 0 (no facilities yet) in the first class', () => {
    expect(classify(0)).toBe(0);
    expect(colourFor(0)).toBe(COLOURS[0]);
  });

  it('starts a class at each break: < 1.5, 1.5–3, 3–4.5, 4.5–8, ≥ 8', () => {
    expect([1.49, 1.5, 2.99, 3, 4.49, 4.5, 7.99, 8, 25].map((v) => classify(v))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('breaks on the 2025 and 2035 targets, and marks the classes below 2025 as short', () => {
    expect(BREAKS).toContain(TARGET_2025);
    expect(BREAKS).toContain(TARGET_2035);
    const classes = choroplethClasses();
    expect(classes.map((c) => [c.min, c.max, c.belowTarget2025])).toEqual([
      [0, 1.5, true],
      [1.5, 3, true],
      [3, 4.5, true],
      [4.5, 8, false],
      [8, null, false],
    ]);
  });

  it('gives missing figures the no-data colour', () => {
    expect(classify(null)).toBeNull();
    expect(classify(Number.NaN)).toBeNull();
    expect(colourFor(undefined)).toBe(NO_DATA_COLOUR);
  });

  it('refuses colours that do not match the breaks', () => {
    expect(() => choroplethClasses([1, 2], ['#fff'])).toThrow();
  });
});
