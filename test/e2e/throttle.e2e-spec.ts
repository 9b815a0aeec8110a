import { startApi, unique, type TestApi } from '../helpers/app.js';

/** The only suite that runs with the default limits (5 failed logins per 15 min, 120 public requests a minute). */
let api: TestApi;
beforeAll(async () => {
  api = await startApi({ LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_SECONDS: '900', PUBLIC_RATE_LIMIT_PER_MINUTE: '120' });
});
afterAll(() => api.close());

describe('login throttling', () => {
  it('refuses the sixth attempt after five failures with 429 and Retry-After, even with the right password', async () => {
    const username = unique('victim');
    await api.http().post('/api/v1/auth/register').send({ username, password: 'the-right-password', displayName: 'v' }).expect(201);
    for (let i = 0; i < 5; i++)
      await api
        .http()
        .post('/api/v1/auth/login')
        .send({ username, password: `wrong-${i}-password` })
        .expect(401);
    const res = await api.http().post('/api/v1/auth/login').send({ username, password: 'the-right-password' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(res.body).toMatchObject({ status: 429, type: expect.stringContaining('throttled') });
    // Another username from the same client is not affected.
    const other = unique('bystander');
    await api.http().post('/api/v1/auth/register').send({ username: other, password: 'the-right-password', displayName: 'b' }).expect(201);
    await api.http().post('/api/v1/auth/login').send({ username: other, password: 'the-right-password' }).expect(200);
  });
});

describe('public rate limit', () => {
  it('answers 429 with Retry-After after 120 public requests (the search among them) in a minute, and leaves other routes alone', async () => {
    // The window is a calendar minute: start at the beginning of one so the count is not split.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    let first429 = -1;
    for (let i = 1; i <= 121; i++) {
      // Parents' searches and other public reads count alike; the 121st is a search.
      const res = await api.http().get(i % 2 === 1 ? '/api/v1/public/facilities/nearby?lat=43.88&lng=125.32' : '/api/v1/public/map-config');
      if (res.status === 429) {
        first429 = i;
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(res.body).toMatchObject({ status: 429 });
        break;
      }
      expect(res.status).toBe(200);
    }
    expect(first429).toBe(121);
    await api.http().get('/health').expect(200);
  }, 30000);
});
