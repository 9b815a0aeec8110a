// Idempotency-Key on POST (issue #14, defect 6; docs/api.md "Idempotency-Key"): a retry of a write whose answer was
// lost never writes twice. The key is claimed in the write's own transaction, so it exists exactly when the write
// committed; the answer is stored afterwards and replayed.
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { bearer, createUser, eventually, ownerQuery, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { facilityBody, registeredFacility, staffBody } from '../factories/registry.js';

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let otherOwner: TestUser;
let health: TestUser;

beforeAll(async () => {
  api = await startApi();
  owner = await createUser(api, 'operator');
  otherOwner = await createUser(api, 'operator');
  health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
});
afterAll(async () => {
  await worker?.close();
  await api.close();
});

const facilitiesOf = async (user: TestUser) =>
  (await api.http().get('/api/v1/facilities?limit=100').set(bearer(user)).expect(200)).body.items as { id: string; name: string }[];

describe('Idempotency-Key', () => {
  it('replays the first answer to a retry, with its Location, and writes once', async () => {
    const key = randomUUID();
    const body = facilityBody();
    const first = await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(body).expect(201);
    const again = await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect((await facilitiesOf(owner)).filter((f) => f.name === body.name)).toHaveLength(1);
    // Keys are the caller's: another account's request with the same key is its own.
    const theirs = await api.http().post('/api/v1/facilities').set(bearer(otherOwner)).set('Idempotency-Key', key).send(body).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('refuses the key with another request (422) and a malformed key (400 naming the header)', async () => {
    const key = randomUUID();
    await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(facilityBody()).expect(201);
    const reused = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .set('Idempotency-Key', key)
      .send(facilityBody())
      .expect(422);
    expect(reused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reused.body.type).toContain('idempotency_key_reused');
    const bad = await api
      .http()
      .post('/api/v1/facilities')
      .set(bearer(owner))
      .set('Idempotency-Key', 'short')
      .send(facilityBody())
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('never writes twice when the first commit’s answer was lost: the retry is told to look (409)', async () => {
    const f = await registeredFacility(api, owner, health);
    const key = randomUUID();
    const body = staffBody('cook');
    await api.http().post(`/api/v1/facilities/${f.id}/staff`).set(bearer(owner)).set('Idempotency-Key', key).send(body).expect(201);
    // What a crash between the commit and the stored answer leaves behind: the key claimed, no answer.
    await ownerQuery('UPDATE idempotency_keys SET status = NULL, body = NULL, headers = NULL WHERE key = $1', [key]);
    const retry = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/staff`)
      .set(bearer(owner))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(409);
    expect(retry.body.type).toContain('idempotency_conflict');
    const staff = (await api.http().get(`/api/v1/facilities/${f.id}/staff?limit=100`).set(bearer(owner)).expect(200)).body.items;
    expect(staff.filter((s: { name: string }) => s.name === body.name)).toHaveLength(1);
  });

  it('lets a failed write be retried with the same key: a rollback leaves no claim', async () => {
    const key = randomUUID();
    const refused = facilityBody({ location: { lat: 10, lng: 10 } });
    await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(refused).expect(422);
    expect(await ownerQuery('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
  });

  it('makes concurrent duplicates one write: the others get the replay or 409, none a 5xx', async () => {
    const key = randomUUID();
    const body = facilityBody();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(body)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect((await facilitiesOf(owner)).filter((f) => f.name === body.name)).toHaveLength(1);
  });

  it('are pruned by the worker after 24 hours', async () => {
    const key = randomUUID();
    await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', key).send(facilityBody()).expect(201);
    await ownerQuery(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const fresh = randomUUID();
    await api.http().post('/api/v1/facilities').set(bearer(owner)).set('Idempotency-Key', fresh).send(facilityBody()).expect(201);
    // The worker prunes at start, then hourly.
    worker = await startWorker({ WORKER_RELAY: 'false' });
    await eventually(async () => expect(await ownerQuery('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toEqual([]), 30_000);
    expect(await ownerQuery('SELECT 1 FROM idempotency_keys WHERE key = $1', [fresh])).toHaveLength(1);
  }, 60_000);
});
