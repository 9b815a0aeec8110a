// Issue #14, defect 2 (accounts have a lifecycle) and defect 11 (password rules, the queue cookie's scope).
import { bearer, createUser, startApi, unique, type TestApi, type TestUser } from '../helpers/app.js';
import { PLACES, registeredFacility } from '../factories/registry.js';

let api: TestApi;
let admin: TestUser;
beforeAll(async () => {
  api = await startApi();
  admin = await createUser(api, 'admin');
}, 60_000);
afterAll(() => api.close());

const me = (user: { token: string }) => api.http().get('/api/v1/auth/me').set(bearer(user));
const login = (username: string, password: string) => api.http().post('/api/v1/auth/login').send({ username, password });

describe('password change (POST /auth/password)', () => {
  it('ends the old tokens; the new password signs in', async () => {
    const user = await createUser(api, 'operator');
    const other = { token: (await login(user.username, user.password).expect(200)).body.accessToken as string };
    await api
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(user))
      .send({ currentPassword: user.password, newPassword: 'Another-secret-2026' })
      .expect(204);
    await me(user).expect(401);
    await me(other).expect(401);
    await login(user.username, user.password).expect(401);
    const fresh = (await login(user.username, 'Another-secret-2026').expect(200)).body.accessToken as string;
    await me({ token: fresh }).expect(200);
  });

  it('refuses a wrong current password and a weak new one, naming the field', async () => {
    const user = await createUser(api, 'operator');
    const wrong = await api
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(user))
      .send({ currentPassword: 'not-it-at-all', newPassword: 'Another-secret-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    for (const weak of ['          ', '1234567890', `${user.username}!1`, 'abcdefghijk']) {
      const res = await api
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(user))
        .send({ currentPassword: user.password, newPassword: weak });
      expect({ weak, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ weak, status: 400, field: 'newPassword' });
    }
    await me(user).expect(200);
  });
});

describe('logout (POST /auth/logout)', () => {
  it('ends every token of the caller', async () => {
    const user = await createUser(api, 'operator');
    await api.http().post('/api/v1/auth/logout').set(bearer(user)).expect(204);
    await me(user).expect(401);
    await api.http().post('/api/v1/auth/logout').expect(401);
  });
});

describe('an admin resets, disables and enables accounts', () => {
  it('a reset password ends the user’s tokens and signs in', async () => {
    const user = await createUser(api, 'operator');
    await api.http().post(`/api/v1/users/${user.id}/password`).set(bearer(user)).send({ newPassword: 'Reset-by-admin-1' }).expect(403);
    await api.http().post(`/api/v1/users/${user.id}/password`).set(bearer(admin)).send({ newPassword: '1234567890' }).expect(400);
    await api.http().post(`/api/v1/users/${user.id}/password`).set(bearer(admin)).send({ newPassword: 'Reset-by-admin-1' }).expect(204);
    await me(user).expect(401);
    await login(user.username, 'Reset-by-admin-1').expect(200);
    await api
      .http()
      .post(`/api/v1/users/00000000-0000-4000-8000-000000000001/password`)
      .set(bearer(admin))
      .send({ newPassword: 'Reset-by-admin-1' })
      .expect(404);
  });

  it('a disabled user’s token answers 401 and it cannot sign in (told why); enabled, it can', async () => {
    const user = await createUser(api, 'operator');
    await api.http().post(`/api/v1/users/${user.id}/disable`).set(bearer(user)).expect(403);
    const res = await api.http().post(`/api/v1/users/${user.id}/disable`).set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ id: user.id, disabled: true });
    await me(user).expect(401);
    await api.http().post('/api/v1/facilities').set(bearer(user)).send({}).expect(401);
    const refused = await login(user.username, user.password).set('Accept-Language', 'en').expect(401);
    expect(refused.body.detail).toMatch(/disabled/);
    const enabled = await api.http().post(`/api/v1/users/${user.id}/enable`).set(bearer(admin)).expect(200);
    expect(enabled.body.disabled).toBeUndefined();
    await login(user.username, user.password).expect(200);
    await api.http().post(`/api/v1/users/${admin.id}/disable`).set(bearer(admin)).expect(409);
    const trail = await api.db.query("SELECT action FROM audit_entries WHERE subject_type = 'user' AND subject_id = $1 ORDER BY seq", [
      user.id,
    ]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['user.created', 'user.disabled', 'user.enabled']);
  });

  it('re-scoping a regulator takes effect at its next request, with the same token', async () => {
    const owner = await createUser(api, 'operator');
    const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
    const f = await registeredFacility(api, owner, health, { location: PLACES.nanguan2 });
    await api.http().get(`/api/v1/facilities/${f.id}`).set(bearer(health)).expect(200);
    const res = await api.http().patch(`/api/v1/users/${health.id}`).set(bearer(admin)).send({ regionCode: '220103' }).expect(200);
    expect(res.body.regionCode).toBe('220103');
    await api.http().get(`/api/v1/facilities/${f.id}`).set(bearer(health)).expect(404);
    expect((await me(health).expect(200)).body.regionCode).toBe('220103');
    await api.http().patch(`/api/v1/users/${owner.id}`).set(bearer(admin)).send({ regionCode: '220103' }).expect(400);
  });

  it('a deleted user’s token answers 401, for reads and writes (never 500)', async () => {
    const user = await createUser(api, 'operator');
    await api.db.query('DELETE FROM users WHERE id = $1', [user.id]);
    await me(user).expect(401);
    await api.http().get('/api/v1/facilities').set(bearer(user)).expect(401);
    await api.http().post('/api/v1/facilities').set(bearer(user)).send({ name: 'x' }).expect(401);
  });
});

describe('password rules at registration (defect 11)', () => {
  it('refuse blank, common, username-bearing and single-class passwords', async () => {
    const username = unique('pwrules');
    for (const password of ['          ', '1234567890', `${username}-x1`, 'abcdefghijkl']) {
      const res = await api.http().post('/api/v1/auth/register').send({ username, password, displayName: 'x' });
      expect({ password, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ password, status: 400, field: 'password' });
    }
    await api.http().post('/api/v1/auth/register').send({ username, password: 'Tuoyu-2026-ok', displayName: 'x' }).expect(201);
  });
});

describe('the queue dashboard’s cookie token (defect 11)', () => {
  it('is not a bearer token', async () => {
    const res = await api.http().post('/api/v1/admin/queues-session').set(bearer(admin)).expect(204);
    const token = /=([^;]+);/.exec(String(res.headers['set-cookie']))![1]!;
    await api.http().get('/api/v1/users').set('Authorization', `Bearer ${token}`).expect(401);
    await api.http().get('/api/v1/users').set(bearer(admin)).expect(200);
  });
});
