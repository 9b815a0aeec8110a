import type { INestApplicationContext } from '@nestjs/common';
import { AlertService } from '@lib/targets';
import { bearer, createUser, eventually, startApi, startWorker, type TestApi, type TestUser } from '../helpers/app.js';
import { answers, codesBySeverity, enteredDaysAgo, registeredFacility, staffBody } from '../factories/registry.js';

let api: TestApi;
let worker: INestApplicationContext;
let owner: TestUser;
let otherOwner: TestUser;
let nanguanHealth: TestUser;
let kuanchengHealth: TestUser;
let cityFire: TestUser;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  owner = await createUser(api, 'operator');
  otherOwner = await createUser(api, 'operator');
  nanguanHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220102' });
  kuanchengHealth = await createUser(api, 'regulator', { agency: 'health', regionCode: '220103' });
  cityFire = await createUser(api, 'regulator', { agency: 'fire', regionCode: '220100' });
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

const inDays = (n: number) => new Date(Date.now() + 8 * 3600 * 1000 + n * 86400000).toISOString().slice(0, 10);
const alertsOf = async (user: TestUser, query: string) =>
  (await api.http().get(`/api/v1/alerts?limit=100&${query}`).set(bearer(user)).expect(200)).body.items as {
    id: string;
    subject: { id: string };
    kind: string;
    dueOn?: string;
    resolvedAt?: string;
  }[];

describe('alerts', () => {
  it('tell the operator and the unit’s health regulator, once, of a certificate expiring in 7 days, and resolve when it is renewed', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const s = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/staff`)
      .set(bearer(owner))
      .send(staffBody('cook', { healthCertificate: { number: 'JK-7', expiresOn: inDays(7) } }))
      .expect(201);
    const mine = (user: TestUser) =>
      alertsOf(user, 'kind=health_certificate_expiring&status=open').then((all) => all.filter((a) => a.subject.id === s.body.id));

    // Caused by a write: within seconds, through the outbox and the worker.
    await eventually(async () => expect(await mine(owner)).toHaveLength(1));
    expect((await mine(owner))[0]).toMatchObject({ dueOn: inDays(7), stage: 'within_7_days' });
    expect(await mine(nanguanHealth)).toHaveLength(1);
    expect(await mine(otherOwner)).toHaveLength(0);
    expect(await mine(kuanchengHealth)).toHaveLength(0);
    expect(await mine(cityFire)).toHaveLength(0);

    // Reruns never duplicate.
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    await api.db.transaction((m) => service.scan(m));
    const [{ n }] = await api.db.query(
      "SELECT count(*)::int AS n FROM alerts WHERE subject_id = $1 AND kind = 'health_certificate_expiring'",
      [s.body.id],
    );
    expect(n).toBe(1);

    await api
      .http()
      .patch(`/api/v1/staff/${s.body.id}`)
      .set(bearer(owner))
      .send({ healthCertificate: { number: 'JK-8', expiresOn: inDays(365) } })
      .expect(200);
    await eventually(async () => expect(await mine(owner)).toHaveLength(0));
    const resolved = (await alertsOf(owner, 'kind=health_certificate_expiring&status=resolved')).filter((a) => a.subject.id === s.body.id);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.resolvedAt).toBeDefined();
  });

  it('tell the order’s agency and health of an overdue rectification, not other agencies', async () => {
    const f = await registeredFacility(api, owner, nanguanHealth);
    const codes = await codesBySeverity(api, cityFire, 'fire');
    await enteredDaysAgo(f.id, 60);
    const longAgo = new Date(Date.now() - 40 * 86400000).toISOString();
    const rec = await api
      .http()
      .post(`/api/v1/facilities/${f.id}/inspections`)
      .set(bearer(cityFire))
      .send({ domain: 'fire', inspectedAt: longAgo, items: await answers(api, cityFire, 'fire', [codes.minor![0]!], [], longAgo) })
      .expect(201);
    const orderId = rec.body.rectificationOrders[0].id as string;
    const overdue = (user: TestUser) =>
      alertsOf(user, 'kind=rectification_overdue&status=open').then((all) => all.filter((a) => a.subject.id === orderId));
    await eventually(async () => expect(await overdue(cityFire)).toHaveLength(1));
    expect(await overdue(nanguanHealth)).toHaveLength(1);
    expect(await overdue(owner)).toHaveLength(1);
    const market = await createUser(api, 'regulator', { agency: 'market', regionCode: '220100' });
    expect(await overdue(market)).toHaveLength(0);
    // Answered and verified: the cause goes away.
    await api.http().post(`/api/v1/rectification-orders/${orderId}/response`).set(bearer(owner)).send({ note: '已整改' }).expect(200);
    await api.http().post(`/api/v1/rectification-orders/${orderId}/verify`).set(bearer(cityFire)).send({ accepted: true }).expect(200);
    await eventually(async () => expect(await overdue(cityFire)).toHaveLength(0));
  });

  it('flag units below this year’s trajectory for their health regulators', async () => {
    const service = api.app.get(AlertService);
    await api.db.transaction((m) => service.scan(m));
    const below = await alertsOf(nanguanHealth, 'kind=region_below_target&status=open');
    expect(below.map((a) => a.subject.id)).toContain('220102');
    expect(below.map((a) => a.subject.id)).not.toContain('220103');
    await api.http().get('/api/v1/alerts?status=closed').set(bearer(owner)).expect(400);
    await api.http().get('/api/v1/alerts').expect(401);
  });
});
