import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../helpers/api-process.js';
import { startApi, type TestApi } from '../helpers/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const problemShape = { type: expect.any(String), title: expect.any(String), status: expect.any(Number), detail: expect.any(String) };

describe('problem+json errors', () => {
  it('400 for malformed JSON, never a 5xx', async () => {
    const res = await api.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ ...problemShape, status: 400, type: expect.stringContaining('malformed_json') });
  });

  it('413 for a body over 1 MB', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }))
      .expect(413);
    expect(res.body).toMatchObject({ ...problemShape, status: 413 });
  });

  it('413 arrives whole for a body of several MB, the connection closed cleanly instead of reset', async () => {
    const server = api.app.getHttpServer();
    if (!server.listening) await api.app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    // Sent in pieces, as a phone on a slow network does: the server must read to the end before it answers and closes.
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = 32;
    const errors: string[] = [];
    const answer = await new Promise<{ status: number; type: string; connection: string; text: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'Content-Type': 'application/json', 'Content-Length': chunk.length * chunks },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              type: String(res.headers['content-type']),
              connection: String(res.headers.connection),
              text,
            }),
          );
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) => {
        errors.push(e.code ?? e.message);
        reject(e);
      });
      void (async () => {
        for (let i = 0; i < chunks && !req.destroyed; i++) {
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          await new Promise((r) => setTimeout(r, 5));
        }
        req.end();
      })();
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(errors).toEqual([]);
    expect(answer).toMatchObject({ status: 413, type: expect.stringMatching(/^application\/problem\+json/), connection: 'close' });
    expect(JSON.parse(answer.text)).toMatchObject({ ...problemShape, status: 413, type: expect.stringContaining('payload_too_large') });
  });

  it('414 as problem+json for a path parameter over the router’s limit, 400 for a malformed escape', async () => {
    const long = await api
      .http()
      .get(`/api/v1/public/facilities/${'a'.repeat(500)}`)
      .expect(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(long.body).toMatchObject({ ...problemShape, status: 414, type: expect.stringContaining('uri_too_long') });
    const bad = await api.http().get('/api/v1/public/facilities/%E0%A4%A').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body).toMatchObject({ ...problemShape, status: 400 });
  });

  it('415 for a body that is not JSON', async () => {
    const res = await api.http().post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('username=x').expect(415);
    expect(res.body).toMatchObject({ ...problemShape, status: 415 });
    await api
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('username=x&password=y')
      .expect(415);
  });

  it('400 naming each field for a body of the wrong shape', async () => {
    for (const body of [[], 'null', 42, { username: 5, password: ['x'] }]) {
      const res = await api.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(problemShape);
    }
  });

  it('404 for an unknown route, in the language asked for', async () => {
    const zh = await api.http().get('/api/v1/no-such-thing').expect(404);
    expect(zh.body).toMatchObject({ ...problemShape, status: 404, title: '未找到' });
    const en = await api.http().get('/api/v1/no-such-thing').set('Accept-Language', 'en').expect(404);
    expect(en.body.title).toBe('Not found');
  });
});

describe('headers', () => {
  it('carries security headers on every answer, success or error', async () => {
    for (const path of ['/health', '/api/v1/public/regions', '/api/v1/nothing']) {
      const res = await api.http().get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('keeps CORS closed unless configured', async () => {
    const res = await api.http().get('/api/v1/public/regions').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api
      .http()
      .options('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens CORS to the configured origins only', async () => {
    const open = await startApi({ CORS_ORIGINS: 'https://portal.example' });
    try {
      const ok = await open.http().get('/api/v1/public/regions').set('Origin', 'https://portal.example').expect(200);
      expect(ok.headers['access-control-allow-origin']).toBe('https://portal.example');
      const other = await open.http().get('/api/v1/public/regions').set('Origin', 'https://evil.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('gives every answer a request id, keeping a sane one the caller sent', async () => {
    const generated = await api.http().get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await api.http().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');
    const insane = await api.http().get('/health').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(insane.headers['x-request-id']).not.toBe('bad id\twith spaces');
  });
});

describe('GET /health', () => {
  it('is 200 when PostgreSQL and Redis answer', async () => {
    const res = await api.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('is 503 naming Redis when Redis does not answer, within about a second', async () => {
    const noRedis = await startApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const started = Date.now();
      const res = await noRedis.http().get('/health').expect(503);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(res.body).toMatchObject({ status: 'down', checks: { postgres: 'up', redis: 'down' }, down: ['redis'] });
      // Reads that need only PostgreSQL still work.
      await noRedis.http().get('/api/v1/public/regions').expect(200);
    } finally {
      await noRedis.close();
    }
  });
});

describe('map configuration', () => {
  it('has no tile layer by default (the map draws boundaries only)', async () => {
    const res = await api.http().get('/api/v1/public/map-config').expect(200);
    expect(res.body).toEqual({ tileUrl: null, attribution: '', tileCrs: 'wgs84', subdomains: ['a', 'b', 'c'] });
  });

  it('allows the configured tile host in the content security policy', async () => {
    const tiles = await startApi({
      MAP_TILE_URL: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© OpenStreetMap',
    });
    try {
      const res = await tiles.http().get('/api/v1/public/map-config').expect(200);
      expect(res.body.tileUrl).toContain('{z}');
      expect(res.body.subdomains).toEqual(['a', 'b', 'c']);
      // Exactly the hosts tiles come from: one per subdomain, no wildcard.
      const imgSrc = (res.headers['content-security-policy'] as string).split(';').find((d) => d.trim().startsWith('img-src'))!;
      expect(imgSrc.trim().split(/\s+/).slice(1).sort()).toEqual(
        [
          "'self'",
          'blob:',
          'data:',
          'https://a.tile.openstreetmap.org',
          'https://b.tile.openstreetmap.org',
          'https://c.tile.openstreetmap.org',
        ].sort(),
      );
    } finally {
      await tiles.close();
    }
  });
});

describe('logs', () => {
  it('write one line per request with its request id, and never a password', async () => {
    const { startApiProcess } = await import('../helpers/api-process.js');
    const server = await startApiProcess({ LOG_LEVEL: 'info' });
    try {
      await fetch(`${server.url}/api/v1/public/regions/220102`, { headers: { 'X-Request-Id': 'log-check-1' } });
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'very-secret-password' }),
      });
      // Log lines are written asynchronously: wait for them.
      const { eventually } = await import('../helpers/app.js');
      await eventually(async () => {
        const lines = server
          .output()
          .split('\n')
          .filter((l) => l.includes('request completed'));
        expect(lines.some((l) => l.includes('"reqId":"log-check-1"') && l.includes('"status":200'))).toBe(true);
        expect(lines.some((l) => l.includes('/api/v1/auth/login') && l.includes('"status":401'))).toBe(true);
      }, 10000);
      expect(server.output()).not.toContain('very-secret-password');
    } finally {
      await server.stop();
    }
  });
});

describe('queue dashboard', () => {
  it('opens at /admin/queues only with the admin cookie from POST /admin/queues-session', async () => {
    const { createUser, bearer } = await import('../helpers/app.js');
    const admin = await createUser(api, 'admin');
    const regulator = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
    await api.http().get('/admin/queues').expect(401);
    await api.http().get('/admin/queues').set('Cookie', 'queues_session=forged').expect(401);
    await api.http().post('/api/v1/admin/queues-session').set(bearer(regulator)).expect(403);
    await api.http().post('/api/v1/admin/queues-session').expect(401);
    const session = await api.http().post('/api/v1/admin/queues-session').set(bearer(admin)).expect(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/^queues_session=[^;]+; Path=\/admin\/queues; Max-Age=600; HttpOnly; SameSite=Strict$/);
    const page = await api.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]!).expect(200);
    expect(page.text).toContain('<html');
    // The cookie is no bearer token: the API itself does not accept it.
    await api.http().get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]!).expect(401);
  });
});
