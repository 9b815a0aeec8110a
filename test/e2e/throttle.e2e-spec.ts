import { HttpEnvSchema, AuthEnvSchema, validateEnv } from '@lib/core';
import { createUser, startApi, unique, type TestApi } from '../helpers/app.js';

/**
 * The suite that runs with the default limits (5 failed logins per client per 15 min, 20 per account, 120 public
 * requests a minute set here to keep it short), counted in Redis under a prefix of its own (issue #14, defects 3, 4).
 */
const LIMITS = {
  QUEUE_PREFIX: `throttle${process.pid}`,
  LOGIN_MAX_FAILURES: '5',
  LOGIN_WINDOW_SECONDS: '900',
  LOGIN_ACCOUNT_MAX_FAILURES: '20',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '120',
  REGISTER_RATE_LIMIT_PER_HOUR: '3',
};
let api: TestApi;
/** A second API process on the same Redis, behind a proxy it trusts (X-Forwarded-For names the client). */
let proxied: TestApi;
beforeAll(async () => {
  api = await startApi({ ...LIMITS, TRUST_PROXY: 'false' });
  proxied = await startApi({ ...LIMITS, TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await api.close();
  await proxied.close();
});

const login = (a: TestApi, username: string, password: string, from?: string) => {
  const req = a.http().post('/api/v1/auth/login');
  if (from) req.set('X-Forwarded-For', from);
  return req.send({ username, password });
};

describe('defaults', () => {
  it('allow 600 public reads a minute (carrier NAT), 20 failed logins per account, 10 registrations an hour', () => {
    const http = validateEnv(HttpEnvSchema, {});
    const auth = validateEnv(AuthEnvSchema, { JWT_SECRET: 'x'.repeat(32) });
    expect(http.PUBLIC_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(http.PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE).toBeLessThan(http.PUBLIC_RATE_LIMIT_PER_MINUTE);
    expect(http.TRUST_PROXY).toBe('false');
    expect(auth.LOGIN_ACCOUNT_MAX_FAILURES).toBe(20);
    expect(auth.REGISTER_RATE_LIMIT_PER_HOUR).toBe(10);
  });
});

describe('login throttling', () => {
  it('refuses the sixth attempt after five failures with 429 and Retry-After, even with the right password', async () => {
    const victim = await createUser(api, 'operator');
    for (let i = 0; i < 5; i++) await login(api, victim.username, `wrong-${i}-password`).expect(401);
    const res = await login(api, victim.username, victim.password).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('throttled') });
    // Another username from the same client is not affected.
    const other = await createUser(api, 'operator');
    await login(api, other.username, other.password).expect(200);
  });

  it('counts failures in Redis for every API process together', async () => {
    const victim = await createUser(api, 'operator');
    for (let i = 0; i < 3; i++) await login(api, victim.username, `wrong-${i}-password`).expect(401);
    // The second process, without a trusted proxy, sees the same client (the socket's address).
    const second = await startApi({ ...LIMITS, TRUST_PROXY: 'false' });
    try {
      for (let i = 0; i < 2; i++) await login(second, victim.username, `wrong-b${i}-password`).expect(401);
      await login(second, victim.username, victim.password).expect(429);
    } finally {
      await second.close();
    }
    await login(api, victim.username, victim.password).expect(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY trusts the proxy', async () => {
    const victim = await createUser(api, 'operator');
    for (let i = 0; i < 5; i++) await login(api, victim.username, `wrong-${i}-password`, `203.0.113.${i + 1}`).expect(401);
    await login(api, victim.username, victim.password, '203.0.113.99').expect(429);
  });

  it('behind a trusted proxy counts each client apart, and locks the account after 20 failures from all, saying so', async () => {
    const victim = await createUser(proxied, 'operator');
    // One client's five failures do not lock out the real user at another address.
    for (let i = 0; i < 5; i++) await login(proxied, victim.username, `wrong-${i}-password`, '198.51.100.7').expect(401);
    await login(proxied, victim.username, victim.password, '198.51.100.7').expect(429);
    await login(proxied, victim.username, victim.password, '198.51.100.8').expect(200);
    // Failures spread over many addresses still count against the account: with the five above, 20 lock it.
    for (let i = 0; i < 15; i++) await login(proxied, victim.username, `wrong-${i}-password`, `198.51.100.${20 + i}`).expect(401);
    const locked = await login(proxied, victim.username, victim.password, '198.51.100.99').set('Accept-Language', 'en').expect(429);
    expect(locked.body.type).toContain('account_locked');
    expect(locked.body.detail).toMatch(/locked/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('registrations', () => {
  it('are limited per client', async () => {
    const register = () =>
      proxied
        .http()
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', '192.0.2.44')
        .send({ username: unique('reg'), password: 'Tuoyu-2026-ok', displayName: 'r' });
    for (let i = 0; i < 3; i++) await register().expect(201);
    const res = await register().expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await proxied
      .http()
      .post('/api/v1/auth/register')
      .set('X-Forwarded-For', '192.0.2.45')
      .send({ username: unique('reg'), password: 'Tuoyu-2026-ok', displayName: 'r' })
      .expect(201);
  });
});

describe('public rate limit', () => {
  it('answers 429 with Retry-After after 120 public requests in a minute, percent-encoded paths counted alike, and leaves other routes alone', async () => {
    // The window is a calendar minute: start at the beginning of one so the count is not split.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    let first429 = -1;
    for (let i = 1; i <= 121; i++) {
      // Parents' searches, other public reads and the same routes written with escapes count alike.
      const path = ['/api/v1/public/facilities/nearby?lat=43.88&lng=125.32', '/api/v1/public/map-config', '/api/v1/%70ublic/regions'][
        i % 3
      ]!;
      const res = await api.http().get(path);
      if (res.status === 429) {
        first429 = i;
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(res.body).toMatchObject({ status: 429 });
        break;
      }
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    expect(first429).toBe(121);
    await api.http().get('/api/v1/%70ublic/regions').expect(429);
    await api.http().get('/health').expect(200);
  }, 60000);
});

describe('while Redis is away', () => {
  it('public reads go on (open) and logins and registrations are refused with 503 (closed)', async () => {
    const down = await startApi({ ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await down.http().get('/api/v1/public/regions').expect(200);
      const user = unique('nologin');
      await down.http().post('/api/v1/auth/login').send({ username: user, password: 'whatever-pw' }).expect(503);
      await down.http().post('/api/v1/auth/register').send({ username: user, password: 'Tuoyu-2026-ok', displayName: 'x' }).expect(503);
    } finally {
      await down.close();
    }
  });
});
