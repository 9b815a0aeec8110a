import { WindowRateLimit } from './rate-limit.js';

describe('public rate limit', () => {
  it('allows the limit per client per minute and then says how long to wait', () => {
    let now = 60_000 * 10 + 15_000;
    const limit = new WindowRateLimit(3, 60_000, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0]);
    expect(limit.take('a')).toBe(45);
    expect(limit.take('b')).toBe(0);
    now += 45_000;
    expect(limit.take('a')).toBe(0);
  });
});
