import { createHmac } from 'node:crypto';
import { bearer, createUser, startApi, unique, type TestApi } from '../helpers/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

function forge(header: object, payload: object, secret: string | null): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(payload)}`;
  const sig = secret === null ? '' : createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${sig}`;
}

describe('registration (POST /auth/register)', () => {
  it('creates an operator: 201 with id, username and role', async () => {
    const username = unique('op');
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username, password: 'long-enough-pw', displayName: '阳光托育' })
      .expect(201);
    expect(res.body).toEqual({ id: expect.any(String), username, role: 'operator' });
    expect(res.headers.location).toBe(`/api/v1/users/${res.body.id}`);
  });

  it('refuses a password under 10 characters naming the field', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username: unique('op'), password: 'short', displayName: 'x' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', code: 'invalid' })]);
  });

  it('answers 409 when the username is taken', async () => {
    const username = unique('op');
    await api.http().post('/api/v1/auth/register').send({ username, password: 'long-enough-pw', displayName: 'a' }).expect(201);
    const res = await api.http().post('/api/v1/auth/register').send({ username, password: 'long-enough-pw', displayName: 'b' }).expect(409);
    expect(res.body).toMatchObject({ status: 409, type: expect.stringContaining('username_taken') });
  });

  it('refuses a role sent by the caller as an unknown property (nobody registers as admin)', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send({ username: unique('op'), password: 'long-enough-pw', displayName: 'a', role: 'admin' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role', code: 'unknown_property' })]);
  });
});

describe('login and me', () => {
  it('returns a bearer token with its lifetime and the user', async () => {
    const username = unique('op');
    await api.http().post('/api/v1/auth/register').send({ username, password: 'long-enough-pw', displayName: 'a' }).expect(201);
    const res = await api.http().post('/api/v1/auth/login').send({ username, password: 'long-enough-pw' }).expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 3600,
      user: expect.objectContaining({ username, role: 'operator' }),
    });
    const me = await api
      .http()
      .get('/api/v1/auth/me')
      .set(bearer({ token: res.body.accessToken }))
      .expect(200);
    expect(me.body).toMatchObject({ username, role: 'operator' });
    expect(me.body.agency).toBeUndefined();
  });

  it('answers 401 problem+json on a wrong password or unknown user, alike', async () => {
    const user = await createUser(api, 'operator');
    const wrong = await api.http().post('/api/v1/auth/login').send({ username: user.username, password: 'not-the-password' }).expect(401);
    const unknown = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: unique('nobody'), password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String) });
  });

  it('answers in English when asked', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .send({ username: unique('x'), password: 'whatever-pw' })
      .expect(401);
    expect(res.body.detail).toBe('Wrong username or password');
    const zh = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: unique('x'), password: 'whatever-pw' })
      .expect(401);
    expect(zh.body.detail).toBe('用户名或密码错误');
  });

  it('refuses a missing, malformed, forged, unsigned or expired token with 401', async () => {
    const user = await createUser(api, 'operator');
    const claims = { sub: user.id, username: user.username, role: 'admin', agency: null, regionCode: null, tv: 0 };
    const now = Math.floor(Date.now() / 1000);
    const secret = process.env.JWT_SECRET!;
    const tokens = [
      'garbage',
      forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }, 'another-secret-another-secret-0123'),
      forge({ alg: 'none', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }, null),
      forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, secret),
    ];
    await api.http().get('/api/v1/auth/me').expect(401);
    for (const token of tokens) {
      const res = await api.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.body.status).toBe(401);
    }
    // The same claims signed with the real secret do pass: the refusals above are about the token.
    await api
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: now + 600 }, secret)}`)
      .expect(200);
  });
});

describe('users (admin)', () => {
  it('lets the admin create a regulator with agency and region: 201 with Location', async () => {
    const admin = await createUser(api, 'admin');
    const username = unique('reg');
    const res = await api
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username,
        password: 'long-enough-pw',
        displayName: '南关区卫健局',
        role: 'regulator',
        agency: 'health',
        regionCode: '220102',
      })
      .expect(201);
    expect(res.body).toMatchObject({ username, role: 'regulator', agency: 'health', regionCode: '220102' });
    expect(res.headers.location).toBe(`/api/v1/users/${res.body.id}`);
    const login = await api.http().post('/api/v1/auth/login').send({ username, password: 'long-enough-pw' }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'regulator', agency: 'health', regionCode: '220102' });
  });

  it('answers 403 to an operator or a regulator, 401 to the anonymous', async () => {
    const body = { username: unique('x'), password: 'long-enough-pw', displayName: 'x', role: 'admin' };
    const operator = await createUser(api, 'operator');
    const regulator = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
    await api.http().post('/api/v1/users').send(body).expect(401);
    await api.http().post('/api/v1/users').set(bearer(operator)).send(body).expect(403);
    await api.http().post('/api/v1/users').set(bearer(regulator)).send(body).expect(403);
  });

  it('requires agency and region for a regulator (400 naming both) and refuses an unknown region (422)', async () => {
    const admin = await createUser(api, 'admin');
    const missing = await api
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ username: unique('r'), password: 'long-enough-pw', displayName: 'x', role: 'regulator' })
      .expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['agency', 'regionCode']);
    const unknown = await api
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username: unique('r'),
        password: 'long-enough-pw',
        displayName: 'x',
        role: 'regulator',
        agency: 'fire',
        regionCode: '990101',
      })
      .expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'regionCode', code: 'unknown_region' })]);
    const badAgency = await api
      .http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        username: unique('r'),
        password: 'long-enough-pw',
        displayName: 'x',
        role: 'regulator',
        agency: 'police',
        regionCode: '220102',
      })
      .expect(400);
    expect(badAgency.body.errors).toEqual([expect.objectContaining({ field: 'agency', code: 'invalid' })]);
  });

  it('shows a user to the admin and to itself, and 404 to anyone else', async () => {
    const admin = await createUser(api, 'admin');
    const a = await createUser(api, 'operator');
    const b = await createUser(api, 'operator');
    await api.http().get(`/api/v1/users/${a.id}`).set(bearer(admin)).expect(200);
    await api.http().get(`/api/v1/users/${a.id}`).set(bearer(a)).expect(200);
    const other = await api.http().get(`/api/v1/users/${a.id}`).set(bearer(b)).expect(404);
    const absent = await api.http().get('/api/v1/users/00000000-0000-4000-8000-00000000abcd').set(bearer(b)).expect(404);
    expect(other.body).toEqual(absent.body);
    await api.http().get('/api/v1/users/not-a-uuid').set(bearer(admin)).expect(404);
  });

  it('pages the user list with limit and an opaque cursor, and validates limit', async () => {
    const admin = await createUser(api, 'admin');
    for (let i = 0; i < 3; i++) await createUser(api, 'operator');
    const first = await api.http().get('/api/v1/users?limit=2').set(bearer(admin)).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await api
      .http()
      .get(`/api/v1/users?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(bearer(admin))
      .expect(200);
    expect(second.body.items[0].username > first.body.items[1].username).toBe(true);
    for (const limit of ['0', '101', 'abc']) {
      const res = await api.http().get(`/api/v1/users?limit=${limit}`).set(bearer(admin)).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    }
  });
});
