import { placesPer1000, shortfall, targetFor } from './targets.js';

describe('the Changchun place targets (实施方案)', () => {
  it('are 4.5 per 1,000 in 2025 and 8 in 2035', () => {
    expect(targetFor(2025)).toBe(4.5);
    expect(targetFor(2035)).toBe(8);
  });
  it('interpolate linearly between the known years', () => {
    expect(targetFor(2030)).toBe(6.25);
    expect(targetFor(2026)).toBe(4.85);
  });
  it('stay flat before the first and after the last known year', () => {
    expect(targetFor(2020)).toBe(4.5);
    expect(targetFor(2040)).toBe(8);
  });
});

describe('places per 1,000 residents', () => {
  it('is places ÷ population × 1000 with two decimals', () => {
    expect(placesPer1000(2950, 657682)).toBe(4.49);
    expect(placesPer1000(0, 657682)).toBe(0);
  });
  it('is 0 when no population is known', () => {
    expect(placesPer1000(10, 0)).toBe(0);
  });
});

describe('shortfall against a target', () => {
  it('rounds the places needed up and subtracts the places there are', () => {
    // 4.5 × 657,682 ÷ 1000 = 2959.569 → 2960 needed
    expect(shortfall(4.5, 657682, 0)).toBe(2960);
    expect(shortfall(4.5, 657682, 2950)).toBe(10);
  });
  it('is never negative', () => {
    expect(shortfall(4.5, 1000, 100)).toBe(0);
  });
});
