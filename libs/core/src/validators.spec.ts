import { hasAtMostDecimals } from './validators.js';

describe('decimals', () => {
  it('accept numbers with up to the given decimals', () => {
    for (const v of [0, 360, 12.5, 12.34, -3.1, 100000]) expect(hasAtMostDecimals(v, 2)).toBe(true);
  });
  it('refuse more decimals, non-numbers, and numbers written with an exponent, without throwing', () => {
    for (const v of [12.345, 2.4e-284, 1e-7, Number.NaN, Infinity, '12', null]) expect(hasAtMostDecimals(v, 2)).toBe(false);
    expect(hasAtMostDecimals(1e21, 2)).toBe(true); // an integer, however large (Max() bounds it)
  });
});
