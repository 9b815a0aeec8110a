import { LoginThrottle } from './login-throttle.js';

describe('login throttle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(5, 15 * 60 * 1000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows four failures and refuses after the fifth, until the first leaves the 15-minute window', () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) t.fail('op|1.2.3.4');
    expect(t.retryAfter('op|1.2.3.4')).toBe(0);
    t.fail('op|1.2.3.4');
    expect(t.retryAfter('op|1.2.3.4')).toBe(900);
    now += 600_000;
    expect(t.retryAfter('op|1.2.3.4')).toBe(300);
    now += 300_000;
    expect(t.retryAfter('op|1.2.3.4')).toBe(0);
  });
  it('counts each username and client apart', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.fail('op|1.2.3.4');
    expect(t.retryAfter('op|5.6.7.8')).toBe(0);
    expect(t.retryAfter('other|1.2.3.4')).toBe(0);
  });
  it('forgets failures after a successful login', () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) t.fail('op|1.2.3.4');
    t.succeed('op|1.2.3.4');
    t.fail('op|1.2.3.4');
    expect(t.retryAfter('op|1.2.3.4')).toBe(0);
  });
});
