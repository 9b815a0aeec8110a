// Issue #14, defect 9: liveness apart from readiness; /health stays as documented (http.e2e-spec.ts).
import { startApi, type TestApi } from '../helpers/app.js';
import { freePort } from '../helpers/api-process.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('GET /health/live and /health/ready', () => {
  it('are 200 and ok when PostgreSQL and Redis answer', async () => {
    expect((await api.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await api.http().get('/health/ready').expect(200)).body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('with Redis away: live, and ready but degraded naming Redis, while /health answers 503 as documented', async () => {
    const noRedis = await startApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      await noRedis.http().get('/health/live').expect(200);
      const ready = await noRedis.http().get('/health/ready').expect(200);
      expect(ready.body).toEqual({ status: 'degraded', checks: { postgres: 'up', redis: 'down' }, degraded: ['redis'] });
      await noRedis.http().get('/health').expect(503);
    } finally {
      await noRedis.close();
    }
  });
});
